import {
	printsFigureTable,
	type TReportBlock,
	type TReportDocument,
	type TReportSection,
	type TReportTable
} from './document.ts';
import { parseMarkdown, type TInline, type TMarkdownBlock } from './parse-markdown.ts';
import { printableText } from './printable-text.ts';
import { reportLabels } from './report-labels.ts';

// The report as Typst source. No user text is ever written as Typst markup: every string becomes a Typst
// string literal (`"…"`, only `\`, `"` and line breaks escaped) that is placed as content with
// `#str`, so `*`, `#`, `$`, `@`, `<label>` and the like are just characters. Only the layout around it
// (headings, tables, figures, the page template) is Typst code, written here.

const STRING_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t' };

/** A Typst string literal holding `text` exactly (less the characters no font can print). */
export function typstString(text: string): string {
	return `"${printableText(text).replace(/[\\"\n\t]/g, (char) => STRING_ESCAPES[char] ?? char)}"`;
}

/** Text as content: a code expression, usable as `#{…}`, as an argument, or inside `[…]` after `#`. */
const str = (text: string): string => `str(${typstString(text)})`;

function inline(node: TInline): string {
	switch (node.kind) {
		case 'text':
			return str(node.text);
		case 'strong':
			return `strong(${inlines(node.children)})`;
		case 'emphasis':
			return `emph(${inlines(node.children)})`;
		case 'link':
			return `link(${typstString(node.url)}, ${inlines(node.children)})`;
		case 'break':
			return 'linebreak()';
	}
}

function inlines(nodes: TInline[]): string {
	const parts = nodes.map(inline);
	if (parts.length === 0) return '[]';
	return parts.length === 1 ? (parts[0] ?? '[]') : `[${parts.map((p) => `#${p}`).join('')}]`;
}

/** One Markdown block; `depth` is the depth of the section the narrative is in. */
function markdownBlock(block: TMarkdownBlock, depth: number): string {
	switch (block.kind) {
		case 'paragraph':
			return `#par(${inlines(block.children)})`;
		case 'heading':
			// Headings inside narrative are not numbered and stay out of the table of contents.
			return `#heading(level: ${Math.min(depth + block.depth, 6)}, numbering: none, outlined: false, ${inlines(block.children)})`;
		case 'list':
			return `#${block.ordered ? 'enum' : 'list'}(${block.items.map((item) => inlines(item)).join(', ')})`;
		case 'quote':
			return `#quote(block: true, ${inlines(block.children)})`;
	}
}

function table(data: TReportTable): string {
	const columns = Math.max(data.head.length, ...data.rows.map((row) => row.length), 1);
	const align = Array.from({ length: columns }, (_, i) => (data.numeric[i] ? 'right' : 'left'));
	const cell = (text: string) => str(text);
	const widths = Array.from({ length: columns }, (_, i) => (i === 0 ? '1fr' : 'auto'));
	const rows = data.rows.map((row) =>
		Array.from({ length: columns }, (_, i) => cell(row[i] ?? '')).join(', ')
	);
	return [
		'table(',
		`columns: (${widths.join(', ')}${columns === 1 ? ',' : ''}),`,
		`align: (${align.join(', ')}${columns === 1 ? ',' : ''}),`,
		`table.header(${Array.from({ length: columns }, (_, i) => `strong(${cell(data.head[i] ?? '')})`).join(', ')}),`,
		...rows.map((row) => `${row},`),
		')'
	].join('\n');
}

/**
 * Typst breaks a paragraph into lines by weighing the whole paragraph at once, which takes seconds for an
 * answer of many thousand characters; such long texts are broken line by line instead.
 */
const LONG_TEXT = 2000;
const breakable = (content: string, length: number): string =>
	length > LONG_TEXT ? `#{ set par(linebreaks: "simple"); ${content.replace(/^#/, '')} }` : content;

/** A table of at most this many rows is kept on one page with its caption; a longer one breaks. */
const SHORT_TABLE_ROWS = 15;
/** A paragraph of at most this many characters before a figure or table stays on its page (an "n = 20" line). */
const LEAD_IN = 300;

/** A table as a figure with its caption above; a short one is never split from its caption. */
function tableFigure(data: TReportTable, caption: string): string {
	const figure = `figure(${table(data)}, kind: table, caption: ${str(caption)})`;
	return data.rows.length <= SHORT_TABLE_ROWS ? `#block(breakable: false, ${figure})` : `#${figure}`;
}

/**
 * Whether the block is a short paragraph or narrative that introduces the figure or table after it, or
 * the short paragraph before such a lead-in (the "n = 20" line before "… fördelar sig så här:").
 */
function leadsIn(blocks: readonly TReportBlock[], index: number): boolean {
	const item = blocks[index];
	const next = blocks[index + 1];
	const short =
		(item?.kind === 'paragraph' && item.text.length <= LEAD_IN) ||
		(item?.kind === 'markdown' && item.markdown.length <= LEAD_IN);
	return short && (next?.kind === 'figure' || next?.kind === 'table' || leadsIn(blocks, index + 1));
}

function block(item: TReportBlock, depth: number, withFigureTable = true, sticky = false): string {
	switch (item.kind) {
		case 'markdown': {
			const content = `[\n${parseMarkdown(item.markdown)
				.map((b) => markdownBlock(b, depth))
				.join('\n')}\n]`;
			if (sticky) return `#block(sticky: true)${content}`;
			return breakable(`#${content}`, item.markdown.length);
		}
		case 'paragraph':
			// A lead-in sticks to what it introduces, as a heading sticks to what follows it.
			if (sticky) return `#block(sticky: true, par(${str(item.text)}))`;
			return breakable(`#par(${str(item.text)})`, item.text.length);
		case 'list':
			return `#list(${item.items.map(str).join(', ')}${item.items.length === 1 ? ',' : ''})`;
		case 'figure':
			return [
				'#figure(',
				`image(bytes(${typstString(item.svg)}), format: "svg", width: 80%, alt: ${typstString(item.alt)}),`,
				`caption: ${str(item.caption)},`,
				')',
				...(withFigureTable ? [tableFigure(item.table, item.caption)] : [])
			].join('\n');
		case 'table':
			return tableFigure(item.table, item.caption);
		case 'quote':
			return breakable(`#quote(block: true, ${str(item.text)})`, item.text.length);
		case 'notice':
			return `#notice(${str(item.text)})`;
	}
}

function section(item: TReportSection, depth: number): string {
	const title = item.number === null ? str(item.title) : `[#${str(item.number)}#h(0.8em)#${str(item.title)}]`;
	return [
		`#heading(level: ${Math.min(depth, 6)}, ${title})`,
		...item.blocks.map((b, i) => block(b, depth, printsFigureTable(item.blocks, i), leadsIn(item.blocks, i))),
		...item.sections.map((s) => section(s, depth + 1))
	].join('\n\n');
}

/** Typst date literal from an ISO date, or none. */
function typstDate(iso: string | null): string {
	const match = iso === null ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!match) return 'none';
	return `datetime(year: ${Number(match[1])}, month: ${Number(match[2])}, day: ${Number(match[3])})`;
}

/**
 * The whole report as one Typst source file: A4 pages with the header ("Sida X (Y)" at the right over the
 * particulars: organisation, document ID, version, publication date, responsible, author) and the title
 * in the footer, a title page, the table
 * of contents, then the numbered sections. Pure: the same document always gives the same source.
 */
export function toTypst(doc: TReportDocument): string {
	const { meta } = doc;
	const l = reportLabels(meta.lang);
	const published = meta.publishedOn ?? l.draft;
	const [beforePage, betweenNumbers, afterPages] = l.pageParts;
	return `// Generated by Mognad from a report document; every text is a string literal.
#let meta = (
  title: ${typstString(meta.title)},
  subtitle: ${typstString(meta.subtitle)},
  organisation: ${typstString(meta.organisation)},
  document-id: ${typstString(meta.documentId)},
  version: ${typstString(meta.version)},
  published: ${typstString(published)},
  responsible: ${typstString(meta.responsible)},
  author: ${typstString(meta.author)},
)
#let labels = (
  organisation: ${typstString(l.organisation)},
  responsible: ${typstString(l.responsible)},
  author: ${typstString(l.author)},
  document-id: ${typstString(l.documentId)},
  version: ${typstString(l.version)},
  published: ${typstString(l.published)},
  contents: ${typstString(l.contents)},
  figure: ${typstString(l.figure)},
  table: ${typstString(l.table)},
)
#let accent = rgb("#1f4e79")
#let muted = rgb("#555555")

#set document(title: meta.title, author: (meta.author,), date: ${typstDate(meta.publishedOn)})
#set text(lang: ${typstString(meta.lang)}, region: ${meta.lang === 'sv' ? '"se"' : '"gb"'}, font: ("Libertinus Serif", "Noto Color Emoji", "DejaVu Serif", "DejaVu Sans"), size: 11pt, hyphenate: true)
#set par(justify: true, leading: 0.62em, spacing: 1.1em)
#show heading: set text(font: ("Liberation Sans", "Noto Color Emoji", "DejaVu Sans"), fill: accent, hyphenate: false)
#show heading.where(level: 1): it => { v(0.6em); text(size: 17pt, it); v(0.3em) }
#show heading.where(level: 2): set text(size: 13.5pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading: set block(sticky: true)
#show link: it => underline(text(fill: accent, it))
#show quote.where(block: true): it => block(
  inset: (left: 1em, rest: 0.5em), stroke: (left: 2.5pt + accent.lighten(50%)), width: 100%,
  text(style: "italic", it.body),
)
#show figure.where(kind: table): set figure.caption(position: top)
// A long table goes on over the page break, its header row repeated (a short one is kept whole: tableFigure).
#show figure.where(kind: table): set block(breakable: true)
#show figure.caption: set text(size: 9.5pt, fill: muted)
#show figure.where(kind: image): set figure(supplement: labels.figure)
#show figure.where(kind: table): set figure(supplement: labels.table)
#set table(stroke: (x, y) => (bottom: if y == 0 { 0.8pt + accent } else { 0.4pt + luma(200) }), inset: (x: 5pt, y: 4pt))
#show table: set text(size: 9.5pt, hyphenate: false)
#show table: set par(justify: false)
#let notice(body) = block(
  fill: rgb("#fff4d6"), stroke: (left: 3pt + rgb("#b8860b")), inset: 0.7em, width: 100%, radius: 2pt,
  text(weight: "bold", body),
)

#let sans = ("Liberation Sans", "Noto Color Emoji", "DejaVu Sans")
#let field(label, value) = stack(spacing: 0.35em,
  text(size: 6.5pt, tracking: 0.04em, upper(label)),
  text(size: 8.5pt, fill: black, value),
)
#let page-of = context [#str(${typstString(beforePage)})#counter(page).display()#str(${typstString(betweenNumbers)})#counter(page).final().first()#str(${typstString(afterPages)})]

// Every page carries the document's particulars, as a region's official documents do.
#set page(
  paper: "a4",
  margin: (top: 3.4cm, bottom: 2.4cm, x: 2.4cm),
  header-ascent: 20%,
  header: text(font: sans, fill: muted, hyphenate: false, {
    set par(justify: false)
    align(right, text(size: 8.5pt, fill: black, page-of))
    v(-0.3em)
    grid(columns: (1.2fr, 1fr, 1fr), column-gutter: 1em, row-gutter: 0.6em,
      field(labels.organisation, meta.organisation),
      field(labels.document-id, meta.document-id),
      field(labels.version, meta.version),
      field(labels.published, meta.published),
      field(labels.responsible, meta.responsible),
      field(labels.author, meta.author),
    )
    v(-0.2em)
    line(length: 100%, stroke: 0.6pt + accent)
  }),
  // The footer names the document; the page number is in the header only, as in the region's template.
  footer: text(font: sans, size: 8pt, fill: muted, hyphenate: false, {
    set par(justify: false)
    line(length: 100%, stroke: 0.4pt + muted)
    v(-0.3em)
    str(meta.title)
  }),
)

// Title page
#v(2.5cm)
#block(width: 100%, inset: (bottom: 0.5em), stroke: (bottom: 2pt + accent),
  text(font: sans, size: 13pt, weight: "bold", fill: accent, str(meta.organisation)))
#v(1fr)
#block(width: 100%, par(justify: false, text(font: sans, size: 26pt, weight: "bold", fill: accent, hyphenate: false, str(meta.title))))
#v(0.5em)
#block(width: 100%, par(justify: false, text(size: 15pt, fill: muted, str(meta.subtitle))))
#v(2fr)
#block(width: 100%, inset: (top: 0.8em), stroke: (top: 0.8pt + muted), text(size: 10pt, grid(
  columns: (auto, 1fr), column-gutter: 1.2em, row-gutter: 0.55em,
  strong(str(labels.published)), str(meta.published),
  strong(str(labels.version)), str(meta.version),
)))
#pagebreak()

#outline(title: str(labels.contents), depth: 2, indent: auto)
#pagebreak()

${doc.sections.map((s) => section(s, 1)).join('\n\n')}
`;
}
