// LimeSurvey keeps its texts as HTML; the questionnaire model holds plain text, which every output escapes.
// Nothing of the markup survives: a script's or style's content is dropped with its tags, an event
// handler or a `javascript:` link goes with the tag it sat in, and what remains is decoded once.

const NAMED: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	shy: '',
	ndash: '–',
	mdash: '—',
	hellip: '…',
	laquo: '«',
	raquo: '»',
	lsquo: '‘',
	rsquo: '’',
	ldquo: '“',
	rdquo: '”',
	bull: '•',
	middot: '·',
	copy: '©',
	reg: '®',
	euro: '€',
	deg: '°',
	aring: 'å',
	auml: 'ä',
	ouml: 'ö',
	Aring: 'Å',
	Auml: 'Ä',
	Ouml: 'Ö',
	uuml: 'ü',
	Uuml: 'Ü',
	eacute: 'é',
	Eacute: 'É',
	egrave: 'è',
	aacute: 'á',
	agrave: 'à',
	oacute: 'ó',
	iacute: 'í',
	uacute: 'ú',
	ntilde: 'ñ',
	ccedil: 'ç',
	oslash: 'ø',
	Oslash: 'Ø',
	aelig: 'æ',
	AElig: 'Æ',
	szlig: 'ß'
};

// Elements whose content is never text for a reader.
const DROPPED =
	/<(script|style|template|noscript|iframe|object|svg|math|textarea|select)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi;
// Elements that end a line or a paragraph.
const LINE_BREAK = /<br\b[^>]*>/gi;
const BLOCK_END =
	/<\/(p|div|li|h[1-6]|tr|table|ul|ol|blockquote|pre|section|article)\s*>|<(p|div|li|h[1-6]|tr|ul|ol|blockquote|hr)\b[^>]*>/gi;

// Control characters (not the line break) and invisible marks a browser would not show.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f\u200b\ufeff]/g;

/** A LimeSurvey text (HTML) as plain text: tags removed, entities decoded, whitespace collapsed. */
export function lssToPlainText(html: string): string {
	const text = html
		.replace(/<!--[\s\S]*?(-->|$)/g, '')
		.replace(DROPPED, '')
		.replace(/\s+/g, ' ')
		.replace(LINE_BREAK, '\n')
		.replace(BLOCK_END, '\n\n')
		// Any other tag (and a tag cut off at the end) goes, with its attributes.
		.replace(/<\/?[a-z!?][^>]*(>|$)/gi, '');
	return decodeEntities(text)
		.replace(CONTROL, '')
		.split('\n')
		.map((line) => line.replace(/[ \u00a0]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, name: string) => {
		if (name.startsWith('#')) {
			const point =
				name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
			// A code point that is not a character (or a NUL, a surrogate) becomes nothing.
			if (!Number.isInteger(point) || point <= 0 || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff))
				return '';
			return String.fromCodePoint(point);
		}
		return NAMED[name] ?? whole;
	});
}
