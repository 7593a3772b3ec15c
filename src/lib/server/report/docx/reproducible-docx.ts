import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * The docx library numbers bookmarks and pictures with counters that run on from one file to the next, names link
 * relationships at random and dates the file now. Numbered in order and dated from the publication date
 * instead, the same published document gives the same bytes, as its PDF does (a draft keeps today's date).
 */
export function reproducibleDocx(docx: Uint8Array, publishedOn: string | null): Uint8Array {
	const files = unzipSync(docx);
	const read = (name: string) => strFromU8(files[name] ?? new Uint8Array());
	const renumber = (text: string, pattern: RegExp, name: (index: number) => string) => {
		const names = new Map<string, string>();
		return text.replace(pattern, (match) => {
			let renamed = names.get(match);
			if (renamed === undefined) {
				renamed = name(names.size + 1);
				names.set(match, renamed);
			}
			return renamed;
		});
	};
	const links = new Map<string, string>();
	for (const [, id] of read('word/_rels/document.xml.rels').matchAll(
		/Id="([^"]+)"[^>]*TargetMode="External"/g
	))
		if (id) links.set(id, `rIdLink${links.size + 1}`);
	const relink = (text: string) =>
		links.size === 0 ? text : text.replace(/rId[\w-]+/g, (id) => links.get(id) ?? id);
	let document = relink(read('word/document.xml'));
	document = renumber(document, /_Toc\d+/g, (i) => `_Toc${i}`);
	document = renumber(document, /(?<=<w:bookmark(?:Start w:name="[^"]*"|End) w:id=")\d+(?=")/g, String);
	document = renumber(document, /(?<=<wp:docPr id=")\d+(?=")/g, String);
	files['word/document.xml'] = strToU8(document);
	files['word/_rels/document.xml.rels'] = strToU8(relink(read('word/_rels/document.xml.rels')));
	const date = publishedOn === null ? new Date() : new Date(`${publishedOn}T00:00:00Z`);
	files['docProps/core.xml'] = strToU8(
		read('docProps/core.xml').replace(
			/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g,
			`$1${date.toISOString().replace(/\.\d+Z$/, 'Z')}`
		)
	);
	// [Content_Types].xml first, as Word writes it.
	const { '[Content_Types].xml': types, ...rest } = files;
	return zipSync(types ? { '[Content_Types].xml': types, ...rest } : rest, { level: 6, mtime: date });
}
