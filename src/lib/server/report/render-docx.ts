import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	type ParagraphChild,
	ShadingType,
	SimpleField,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TabStopType,
	TextRun,
	WidthType
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
	printsFigureTable,
	type TReportBlock,
	type TReportDocument,
	type TReportSection,
	type TReportTable
} from '../../core/report/document.ts';
import { parseMarkdown, type TInline, type TMarkdownBlock } from '../../core/report/parse-markdown.ts';
import { printableText, RTL_CHARS } from '../../core/report/printable-text.ts';
import { reportLabels, type TReportLabels } from '../../core/report/report-labels.ts';

// The report as a Word file, the form a region edits and circulates. Word's own styles carry the structure
// (Heading 1–3, Title, Caption, Quote, List Paragraph), so the table of contents field, the navigation pane
// and a region's template work on it. The docx library escapes every text it writes as XML; text reaches
// it only as run text, never as markup.

const ACCENT = '1F4E79';
const MUTED = '595959';
const HEADING_FONT = 'Arial';
const BODY_FONT = 'Cambria';
/** A4 with 2.4 cm side margins: the text width in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1361;
/** Widest a chart is drawn, in pixels at 96 to the inch (about 15 cm). */
const MAX_CHART_WIDTH = 570;

/**
 * The fonts a chart's text is drawn with: Liberation Sans has Arial's metrics, which the chart SVGs are laid
 * out for; DejaVu Sans draws what it lacks. Loading only these, rather than every system font, makes a
 * chart's PNG a matter of milliseconds. Without them, the system fonts are used.
 */
const CHART_FONTS = [
	'/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
	'/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
	'/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
	'/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'
].filter((file) => existsSync(file));

type TChartPng = { png: Uint8Array; width: number; height: number };

/** The chart as a PNG at twice its size (sharp when printed), and the size to show it at, in pixels. */
function chartPng(svg: string): TChartPng {
	const rendered = new Resvg(svg, {
		fitTo: { mode: 'zoom', value: 2 },
		font:
			CHART_FONTS.length > 0
				? { loadSystemFonts: false, fontFiles: CHART_FONTS, defaultFontFamily: 'Liberation Sans' }
				: { loadSystemFonts: true }
	}).render();
	const width = Math.min(rendered.width / 2, MAX_CHART_WIDTH);
	const height = Math.round((rendered.height / rendered.width) * width);
	return { png: rendered.asPng(), width, height };
}

type TRunStyle = { bold?: boolean; italics?: boolean; style?: string };

/**
 * Runs for a piece of literal text: line breaks become breaks, and stretches of Hebrew or Arabic are marked
 * right-to-left so Word orders and shapes them as such inside a Swedish paragraph.
 */
function textRuns(text: string, style: TRunStyle = {}): TextRun[] {
	const runs: TextRun[] = [];
	printableText(text)
		.split('\n')
		.forEach((line, index) => {
			const parts = line.split(
				/([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff][\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\s\d.,!?'"-]*)/u
			);
			parts.forEach((part, partIndex) => {
				if (part === '' && !(partIndex === 0 && index > 0)) return;
				runs.push(
					new TextRun({
						...style,
						text: part,
						break: partIndex === 0 && index > 0 ? 1 : undefined,
						rightToLeft: RTL_CHARS.test(part) || undefined
					})
				);
			});
		});
	return runs;
}

function inlineRuns(nodes: TInline[], style: TRunStyle = {}): ParagraphChild[] {
	return nodes.flatMap((node) => inlineRun(node, style));
}

function inlineRun(node: TInline, style: TRunStyle): ParagraphChild[] {
	switch (node.kind) {
		case 'text':
			return textRuns(node.text, style);
		case 'strong':
			return inlineRuns(node.children, { ...style, bold: true });
		case 'emphasis':
			return inlineRuns(node.children, { ...style, italics: true });
		case 'link':
			return [
				new ExternalHyperlink({
					link: node.url,
					children: inlineRuns(node.children, { ...style, style: 'Hyperlink' }) as TextRun[]
				})
			];
		case 'break':
			return [new TextRun({ ...style, break: 1 })];
	}
}

class DocxBuilder {
	/** Each ordered list restarts its numbering: one numbering instance per list. */
	private orderedLists = 0;
	/** Figures and tables are numbered apart, as Word's captions are; the SEQ fields carry the numbers. */
	private readonly captions = { figure: 0, table: 0 };
	private readonly charts = new Map<string, TChartPng>();
	private readonly labels: TReportLabels;

	constructor(labels: TReportLabels) {
		this.labels = labels;
	}

	markdown(block: TMarkdownBlock): Paragraph[] {
		switch (block.kind) {
			case 'paragraph':
				return [new Paragraph({ children: inlineRuns(block.children) })];
			case 'heading':
				// Narrative subheadings stay out of the table of contents: a style of their own, not Heading n.
				return [new Paragraph({ style: 'Subheading', children: inlineRuns(block.children) })];
			case 'list':
				return this.list(
					block.ordered,
					block.items.map((item) => inlineRuns(item))
				);
			case 'quote':
				return [new Paragraph({ style: 'Quote', children: inlineRuns(block.children) })];
		}
	}

	list(ordered: boolean, items: ParagraphChild[][]): Paragraph[] {
		const instance = ordered ? ++this.orderedLists : 0;
		return items.map(
			(children) =>
				new Paragraph({
					style: 'ListParagraph',
					numbering: { reference: ordered ? 'ordered' : 'bullets', level: 0, instance },
					children
				})
		);
	}

	caption(kind: 'figure' | 'table', text: string): Paragraph {
		const label = this.labels[kind];
		const number = ++this.captions[kind];
		return new Paragraph({
			style: 'Caption',
			keepNext: kind === 'table',
			children: [
				new TextRun(`${label} `),
				new SimpleField(`SEQ ${label} \\* ARABIC`, String(number)),
				new TextRun(': '),
				...textRuns(text)
			]
		});
	}

	table(data: TReportTable): Table {
		const columns = Math.max(data.head.length, ...data.rows.map((row) => row.length), 1);
		const cell = (text: string, column: number, header: boolean) =>
			new TableCell({
				shading: header ? { type: ShadingType.CLEAR, fill: 'DCE6F0', color: 'auto' } : undefined,
				children: [
					new Paragraph({
						style: 'TableText',
						alignment: data.numeric[column] ? AlignmentType.RIGHT : AlignmentType.LEFT,
						children: textRuns(text, header ? { bold: true } : {})
					})
				]
			});
		const row = (texts: string[], header: boolean) =>
			new TableRow({
				tableHeader: header,
				cantSplit: true,
				children: Array.from({ length: columns }, (_, i) => cell(texts[i] ?? '', i, header))
			});
		const line = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
		return new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			borders: {
				top: { style: BorderStyle.SINGLE, size: 8, color: ACCENT },
				bottom: line,
				insideHorizontal: line,
				left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
				right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
				insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' }
			},
			rows: [row(data.head, true), ...data.rows.map((r) => row(r, false))]
		});
	}

	figure(svg: string, alt: string, caption: string, data: TReportTable | null): Array<Paragraph | Table> {
		// The same chart drawn twice in one report (a repeated question) is converted once.
		let chart = this.charts.get(svg);
		if (!chart) {
			chart = chartPng(svg);
			this.charts.set(svg, chart);
		}
		const { png, width, height } = chart;
		return [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: true,
				children: [
					new ImageRun({
						type: 'png',
						data: png,
						transformation: { width, height },
						altText: { name: caption, title: caption, description: alt }
					})
				]
			}),
			this.caption('figure', caption),
			...(data ? [this.caption('table', caption), this.table(data)] : []),
			new Paragraph({})
		];
	}

	block(item: TReportBlock, withFigureTable = true): Array<Paragraph | Table> {
		switch (item.kind) {
			case 'markdown':
				return parseMarkdown(item.markdown).flatMap((b) => this.markdown(b));
			case 'paragraph':
				return [new Paragraph({ children: textRuns(item.text) })];
			case 'list':
				return this.list(
					false,
					item.items.map((text) => textRuns(text))
				);
			case 'figure':
				return this.figure(item.svg, item.alt, item.caption, withFigureTable ? item.table : null);
			case 'table':
				return [this.caption('table', item.caption), this.table(item.table), new Paragraph({})];
			case 'quote':
				return [new Paragraph({ style: 'Quote', children: textRuns(item.text) })];
			case 'notice':
				return [new Paragraph({ style: 'Notice', children: textRuns(item.text) })];
		}
	}

	section(item: TReportSection, depth: number): Array<Paragraph | Table> {
		const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
			Math.min(depth, 3) - 1
		];
		const title = item.number === null ? item.title : `${item.number}\u2003${item.title}`;
		return [
			new Paragraph({ heading, pageBreakBefore: depth === 1, children: textRuns(title) }),
			...item.blocks.flatMap((b, i) => this.block(b, printsFigureTable(item.blocks, i))),
			...item.sections.flatMap((s) => this.section(s, depth + 1))
		];
	}
}

/** Header and footer paragraphs, the same text as the PDF's. */
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** The page number as "Sida X (Y)", from Word's PAGE and NUMPAGES fields. */
function pageOf(l: TReportLabels): TextRun {
	const [beforePage, betweenNumbers, afterPages] = l.pageParts;
	return new TextRun({
		children: [beforePage, PageNumber.CURRENT, betweenNumbers, PageNumber.TOTAL_PAGES, afterPages]
	});
}

/**
 * The header, the same as the PDF's: the document's particulars as small capitalised labels over their
 * values, "Sida X (Y)" at the right; the footer repeats the title and the page.
 */
function headerFooter(doc: TReportDocument, l: TReportLabels) {
	const { meta } = doc;
	const published = meta.publishedOn ?? l.draft;
	const cell = (width: number, children: Paragraph[]) =>
		new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });
	const field = (label: string, value: string) => [
		new Paragraph({ style: 'HeaderLabel', children: textRuns(label) }),
		new Paragraph({ style: 'HeaderText', children: textRuns(value) })
	];
	const header = new Header({
		children: [
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				borders: {
					top: NO_BORDER,
					left: NO_BORDER,
					right: NO_BORDER,
					insideHorizontal: NO_BORDER,
					insideVertical: NO_BORDER,
					bottom: { style: BorderStyle.SINGLE, size: 6, color: ACCENT }
				},
				rows: [
					new TableRow({
						children: [
							cell(34, field(l.organisation, meta.organisation)),
							cell(28, field(l.documentId, meta.documentId)),
							cell(24, field(l.version, meta.version)),
							cell(14, [
								new Paragraph({ style: 'HeaderText', alignment: AlignmentType.RIGHT, children: [pageOf(l)] })
							])
						]
					}),
					new TableRow({
						children: [
							cell(34, field(l.published, published)),
							cell(28, field(l.responsible, meta.responsible)),
							cell(24, field(l.author, meta.author)),
							cell(14, [new Paragraph({ style: 'HeaderText' })])
						]
					})
				]
			}),
			new Paragraph({ style: 'HeaderText' })
		]
	});
	const footer = new Footer({
		children: [
			new Paragraph({
				style: 'HeaderText',
				tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
				border: { top: { style: BorderStyle.SINGLE, size: 4, color: MUTED, space: 4 } },
				children: [...textRuns(meta.title), new TextRun('\t'), pageOf(l)]
			})
		]
	});
	return { header, footer };
}

function titlePage(doc: TReportDocument, l: TReportLabels): Paragraph[] {
	const { meta } = doc;
	return [
		new Paragraph({
			style: 'Organisation',
			spacing: { before: 1400 },
			children: textRuns(meta.organisation)
		}),
		new Paragraph({ spacing: { before: 3600 }, heading: HeadingLevel.TITLE, children: textRuns(meta.title) }),
		new Paragraph({ style: 'Subtitle', spacing: { after: 4800 }, children: textRuns(meta.subtitle) }),
		new Paragraph({
			border: { top: { style: BorderStyle.SINGLE, size: 6, color: MUTED, space: 8 } },
			children: [
				new TextRun({ text: `${l.published}\t`, bold: true }),
				...textRuns(meta.publishedOn ?? l.draft)
			],
			tabStops: [{ type: TabStopType.LEFT, position: 1700 }]
		}),
		new Paragraph({
			children: [new TextRun({ text: `${l.version}\t`, bold: true }), ...textRuns(meta.version)],
			tabStops: [{ type: TabStopType.LEFT, position: 1700 }]
		})
	];
}

/**
 * The docx library numbers bookmarks and pictures with counters that run on from one file to the next, names link
 * relationships at random and dates the file now. Numbered in order and dated from the publication date
 * instead, the same published document gives the same bytes, as its PDF does (a draft keeps today's date).
 */
function reproducible(docx: Uint8Array, publishedOn: string | null): Uint8Array {
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

/**
 * Renders the report to a Word (.docx) file: a title page, a table of contents field (Word fills it in
 * when the file is opened, after asking), then the sections under Heading 1–3, with the same header and
 * footer as the PDF ("Sida X (Y)" from Word's PAGE and NUMPAGES fields) and the charts as PNG pictures
 * whose description is the chart's text alternative.
 */
export async function renderReportDocx(doc: TReportDocument): Promise<Uint8Array> {
	const { meta } = doc;
	const l = reportLabels(meta.lang);
	const builder = new DocxBuilder(l);
	const { header, footer } = headerFooter(doc, l);
	const language = { value: meta.lang === 'sv' ? 'sv-SE' : 'en-GB', bidirectional: 'ar-SA' };
	const heading = (size: number) => ({
		run: { font: HEADING_FONT, size, bold: true, color: ACCENT },
		paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true }
	});
	const file = new Document({
		title: printableText(meta.title),
		subject: printableText(meta.subtitle),
		creator: printableText(meta.author),
		lastModifiedBy: printableText(meta.author),
		description: printableText(`${meta.organisation}, ${meta.documentId}, ${meta.version}`),
		// Word fills in the table of contents' page numbers when it opens the file (after asking). The docx
		// library could lay the pages out to write them in advance (docx/layout), but that takes seconds for a
		// report with long answers, where Word takes a moment.
		features: { updateFields: true },
		hyphenation: { autoHyphenation: true },
		styles: {
			default: {
				document: {
					run: { font: BODY_FONT, size: 22, language },
					paragraph: { spacing: { after: 160, line: 276 } }
				},
				title: { run: { font: HEADING_FONT, size: 52, bold: true, color: ACCENT } },
				heading1: heading(32),
				heading2: heading(26),
				heading3: heading(23),
				hyperlink: { run: { color: ACCENT, underline: {} } },
				listParagraph: { paragraph: { spacing: { after: 80 } } }
			},
			paragraphStyles: [
				{
					id: 'Subtitle',
					name: 'Subtitle',
					basedOn: 'Normal',
					next: 'Normal',
					run: { font: HEADING_FONT, size: 30, color: MUTED }
				},
				{
					id: 'Organisation',
					name: 'Organisation',
					basedOn: 'Normal',
					run: { font: HEADING_FONT, size: 26, bold: true, color: ACCENT },
					paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 6 } } }
				},
				{
					id: 'Subheading',
					name: 'Subheading',
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { font: HEADING_FONT, bold: true, color: ACCENT },
					paragraph: { spacing: { before: 200, after: 80 }, keepNext: true }
				},
				{
					id: 'Quote',
					name: 'Quote',
					basedOn: 'Normal',
					next: 'Normal',
					quickFormat: true,
					run: { italics: true, color: '404040' },
					paragraph: {
						indent: { left: 567, right: 567 },
						border: { left: { style: BorderStyle.SINGLE, size: 18, color: '8FAADC', space: 8 } }
					}
				},
				{
					id: 'Notice',
					name: 'Notice',
					basedOn: 'Normal',
					next: 'Normal',
					run: { bold: true },
					paragraph: {
						shading: { type: ShadingType.CLEAR, fill: 'FFF4D6', color: 'auto' },
						border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B8860B', space: 6 } },
						indent: { left: 170 }
					}
				},
				{
					id: 'Caption',
					name: 'Caption',
					basedOn: 'Normal',
					next: 'Normal',
					run: { font: HEADING_FONT, size: 18, color: MUTED },
					paragraph: { spacing: { before: 120, after: 120 } }
				},
				{
					id: 'TableText',
					name: 'Table Text',
					basedOn: 'Normal',
					run: { font: HEADING_FONT, size: 18 },
					paragraph: { spacing: { before: 40, after: 40, line: 240 } }
				},
				{
					id: 'HeaderLabel',
					name: 'Header Label',
					basedOn: 'Normal',
					run: { font: HEADING_FONT, size: 12, color: MUTED, allCaps: true, characterSpacing: 6 },
					paragraph: { spacing: { after: 0, line: 240 } }
				},
				{
					id: 'HeaderText',
					name: 'Header Text',
					basedOn: 'Normal',
					run: { font: HEADING_FONT, size: 16 },
					paragraph: { spacing: { after: 40, line: 240 } }
				},
				{
					id: 'TOCHeading',
					name: 'TOC Heading',
					basedOn: 'Normal',
					next: 'Normal',
					run: { font: HEADING_FONT, size: 32, bold: true, color: ACCENT },
					paragraph: { spacing: { after: 240 } }
				}
			]
		},
		numbering: {
			config: [
				{
					reference: 'bullets',
					levels: [
						{
							level: 0,
							format: LevelFormat.BULLET,
							text: '\u2022',
							alignment: AlignmentType.LEFT,
							style: { paragraph: { indent: { left: 567, hanging: 283 } } }
						}
					]
				},
				{
					reference: 'ordered',
					levels: [
						{
							level: 0,
							format: LevelFormat.DECIMAL,
							text: '%1.',
							alignment: AlignmentType.LEFT,
							style: { paragraph: { indent: { left: 567, hanging: 340 } } }
						}
					]
				}
			]
		},
		sections: [
			{
				properties: {
					page: {
						size: { width: 11906, height: 16838 },
						margin: { top: 2098, bottom: 1588, left: 1361, right: 1361, header: 567, footer: 567 }
					}
				},
				headers: { default: header },
				footers: { default: footer },
				children: [
					...titlePage(doc, l),
					new Paragraph({ children: [new PageBreak()] }),
					new Paragraph({ style: 'TOCHeading', children: textRuns(l.contents) }),
					new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-2' }),
					...doc.sections.flatMap((s) => builder.section(s, 1))
				]
			}
		]
	});
	const buffer = await Packer.toBuffer(file);
	return reproducible(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), meta.publishedOn);
}
