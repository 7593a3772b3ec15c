import { m } from '../../paraglide/messages.js';
import {
	printsFigureTable,
	type TReportBlock,
	type TReportDocument,
	type TReportMeta,
	type TReportSection,
	type TReportTable
} from './document.ts';
import { parseMarkdown, type TInline, type TMarkdownBlock } from './parse-markdown.ts';

// The report as HTML: the web preview, the shareable published page and the `.html` download. Every
// string of the document is escaped here; the only markup that passes is the chart SVG, which our chart
// renderer makes (ECharts escapes its labels), and only when it carries nothing executable.

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Text safe in HTML content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** The CSS of the standalone page (the route serves it with a CSP hash of exactly this text). */
export const REPORT_CSS = `
body{font-family:Georgia,'Libertinus Serif',serif;line-height:1.5;color:#1a1a1a;background:#fff;margin:0}
.report{max-width:48rem;margin:0 auto;padding:1.5rem}
.report-header{border-bottom:2px solid #1a1a1a;margin-bottom:1.5rem}
.report-header h1,.report-header h2{font-size:2rem;margin:0 0 .25rem}
.report-subtitle{font-size:1.25rem;margin:0 0 1rem}
.report-meta{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.25rem 1rem;margin:0 0 1rem}
.report-meta div{margin:0}.report-meta dt{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em}
.report-meta dd{margin:0;font-weight:600}
.report p,.report li,.report blockquote,.report td,.report th{overflow-wrap:anywhere}
.report blockquote{border-left:4px solid #0072b2;margin:1rem 0;padding:.25rem 1rem;font-style:italic}
.report-notice{border:1px solid #8a6d00;background:#fff8e1;padding:.5rem 1rem}
.report figure{margin:1.5rem 0}
.report figure svg{display:block;max-width:100%;height:auto}
.report figcaption{font-weight:600;margin:.5rem 0}
.report table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
.report caption{text-align:left;font-weight:600;margin-bottom:.25rem}
.report th,.report td{border-bottom:1px solid #6b6b6b;padding:.2rem .6rem;text-align:left;vertical-align:top}
.report td.num,.report th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.report-toc ol{list-style:none;padding-left:0}.report-toc ol ol{padding-left:1.5rem}
.report a{color:#005a8c}
`.trim();

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function inlines(items: TInline[]): string {
	return items
		.map((item) => {
			switch (item.kind) {
				case 'text':
					return escapeHtml(item.text);
				case 'strong':
					return `<strong>${inlines(item.children)}</strong>`;
				case 'emphasis':
					return `<em>${inlines(item.children)}</em>`;
				case 'break':
					return '<br>';
				case 'link':
					// parseMarkdown keeps only web and mail links; checked again since this is the HTML boundary.
					return SAFE_URL.test(item.url)
						? `<a href="${escapeHtml(item.url)}">${inlines(item.children)}</a>`
						: inlines(item.children);
			}
			return '';
		})
		.join('');
}

function markdownBlock(block: TMarkdownBlock, level: number): string {
	switch (block.kind) {
		case 'paragraph':
			return `<p>${inlines(block.children)}</p>`;
		case 'heading': {
			const h = Math.min(level + block.depth, 6);
			return `<h${h}>${inlines(block.children)}</h${h}>`;
		}
		case 'list': {
			const tag = block.ordered ? 'ol' : 'ul';
			return `<${tag}>${block.items.map((item) => `<li>${inlines(item)}</li>`).join('')}</${tag}>`;
		}
		case 'quote':
			return `<blockquote><p>${inlines(block.children)}</p></blockquote>`;
	}
}

/** An SVG from the chart renderer, or nothing when it holds anything that could run. */
function safeSvg(svg: string): string {
	const trimmed = svg.trim();
	if (!/^<svg[\s>]/.test(trimmed) || !trimmed.endsWith('</svg>')) return '';
	if (/<script|<foreignObject|<iframe|<use|\son[a-z]+\s*=|javascript:|href\s*=|<!ENTITY/i.test(trimmed))
		return '';
	return trimmed;
}

function table(data: TReportTable, caption: string): string {
	const cls = (i: number) => (data.numeric[i] ? ' class="num"' : '');
	const head = data.head.map((cell, i) => `<th scope="col"${cls(i)}>${escapeHtml(cell)}</th>`).join('');
	const rows = data.rows
		.map(
			(row) =>
				`<tr>${row
					.map((cell, i) =>
						i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${cls(i)}>${escapeHtml(cell)}</td>`
					)
					.join('')}</tr>`
		)
		.join('');
	return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** `withTable`: the figure's data table shown as a table of the report, else folded away as its text alternative. */
function block(item: TReportBlock, level: number, lang: 'sv' | 'en', withTable = true): string {
	switch (item.kind) {
		case 'markdown':
			return parseMarkdown(item.markdown)
				.map((b) => markdownBlock(b, level))
				.join('\n');
		case 'paragraph':
			return `<p>${escapeHtml(item.text)}</p>`;
		case 'list':
			return `<ul>${item.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
		case 'figure': {
			const svg = safeSvg(item.svg);
			const data = table(item.table, m.report_figure_data({ caption: item.caption }, { locale: lang }));
			// With the question's own table next, the chart's data would be a second table of the same
			// figures: it stays as the chart's text alternative, folded, for screen readers and the curious.
			const alternative = withTable
				? data
				: `<details><summary>${escapeHtml(m.report_figure_data_summary({}, { locale: lang }))}</summary>${data}</details>`;
			return `<figure><div role="img" aria-label="${escapeHtml(item.alt)}">${svg}</div><figcaption>${escapeHtml(item.caption)}</figcaption>${alternative}</figure>`;
		}
		case 'table':
			return table(item.table, item.caption);
		case 'quote':
			return `<blockquote><p>${escapeHtml(item.text)}</p></blockquote>`;
		case 'notice':
			return `<p class="report-notice">${escapeHtml(item.text)}</p>`;
	}
}

/** The anchor of a section, from its number ("5.1" → "avsnitt-5-1") or its place. */
const anchor = (section: TReportSection, path: string): string =>
	`avsnitt-${(section.number ?? path).replace(/[^0-9a-z]+/gi, '-')}`;

const heading = (section: TReportSection) =>
	section.number ? `${escapeHtml(section.number)} ${escapeHtml(section.title)}` : escapeHtml(section.title);

function section(item: TReportSection, level: number, path: string, lang: 'sv' | 'en'): string {
	const h = Math.min(level, 6);
	const id = anchor(item, path);
	return [
		`<section aria-labelledby="${id}">`,
		`<h${h} id="${id}">${heading(item)}</h${h}>`,
		...item.blocks.map((b, i) => block(b, h, lang, printsFigureTable(item.blocks, i))),
		...item.sections.map((s, i) => section(s, level + 1, `${path}-${i + 1}`, lang)),
		'</section>'
	].join('\n');
}

function toc(sections: TReportSection[], path: string): string {
	if (sections.length === 0) return '';
	return `<ol>${sections
		.map((s, i) => {
			const here = path === '' ? String(i + 1) : `${path}-${i + 1}`;
			return `<li><a href="#${anchor(s, here)}">${heading(s)}</a>${toc(s.sections, here)}</li>`;
		})
		.join('')}</ol>`;
}

function metaList(meta: TReportMeta): string {
	const locale = { locale: meta.lang };
	const fields: Array<[string, string]> = [
		[m.report_meta_organisation({}, locale), meta.organisation],
		[m.report_meta_document_id({}, locale), meta.documentId],
		[m.report_meta_version({}, locale), meta.version],
		[m.report_meta_published({}, locale), meta.publishedOn ?? m.report_meta_not_published({}, locale)],
		[m.report_meta_responsible({}, locale), meta.responsible],
		[m.report_meta_author({}, locale), meta.author]
	];
	return `<dl class="report-meta">${fields
		.filter(([, value]) => value !== '')
		.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`)
		.join('')}</dl>`;
}

/**
 * The report as an `<article>`: header with the document details, table of contents, numbered sections.
 * The title is an `h1` (or `h2` inside a page that has its own `h1`), the sections one level below.
 */
export function renderReportArticle(doc: TReportDocument, top: 1 | 2 = 1): string {
	const locale = { locale: doc.meta.lang };
	const h = top + 1;
	return [
		'<article class="report">',
		'<header class="report-header">',
		`<h${top}>${escapeHtml(doc.meta.title)}</h${top}>`,
		doc.meta.subtitle ? `<p class="report-subtitle">${escapeHtml(doc.meta.subtitle)}</p>` : '',
		metaList(doc.meta),
		'</header>',
		`<nav class="report-toc" aria-labelledby="report-toc-heading"><h${h} id="report-toc-heading">${escapeHtml(m.report_toc({}, locale))}</h${h}>${toc(doc.sections, '')}</nav>`,
		...doc.sections.map((s, i) => section(s, h, String(i + 1), doc.meta.lang)),
		'</article>'
	].join('\n');
}

/** The report as a whole HTML page (the `.html` download and the shareable page). */
export function renderReportHtml(doc: TReportDocument): string {
	const title = [doc.meta.title, doc.meta.subtitle].filter((s) => s !== '').join(' – ');
	return [
		'<!doctype html>',
		`<html lang="${doc.meta.lang === 'en' ? 'en' : 'sv'}">`,
		'<head>',
		'<meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		`<title>${escapeHtml(title)}</title>`,
		`<style>${REPORT_CSS}</style>`,
		'</head>',
		'<body>',
		'<main>',
		renderReportArticle(doc),
		'</main>',
		'</body>',
		'</html>',
		''
	].join('\n');
}
