import { describe, expect, it } from 'vitest';
import type { TReportDocument } from './document.ts';
import { escapeHtml, renderReportHtml } from './render-html.ts';

// Free text as respondents and analysts write it: markup of every output format, emoji, right-to-left
// script and a very long answer. All of it must come out as the same literal text.
const HOSTILE = [
	'<script>alert("x")</script>',
	'<img src=x onerror=alert(1)>',
	'&amp; &lt;b&gt; "citat" \'enkel\'',
	'#set page(fill: red) #import "x.typ": * $x^2$',
	'<w:p><w:r><w:t>Word</w:t></w:r></w:p> {\\rtf1 \\b fet}',
	'**inte fet** _inte kursiv_ [länk](javascript:alert(1))',
	'Bra 👍🏽 👩‍💻 — 😀',
	'مرحبا بالعالم שלום עולם',
	`${'Lång text utan slut '.repeat(2000)}slut.`
];

function document(text: string): TReportDocument {
	return {
		meta: {
			lang: 'sv',
			title: text,
			subtitle: text,
			organisation: text,
			documentId: text,
			version: '1',
			publishedOn: '2024-01-31',
			responsible: text,
			author: text
		},
		sections: [
			{
				number: '1',
				title: text,
				blocks: [
					{ kind: 'paragraph', text },
					{ kind: 'list', items: [text] },
					{ kind: 'quote', text },
					{ kind: 'notice', text },
					{
						kind: 'table',
						caption: text,
						table: { head: [text, 'Antal'], rows: [[text, '1']], numeric: [false, true] }
					},
					{
						kind: 'figure',
						svg: `<svg xmlns="http://www.w3.org/2000/svg" role="img"><text>${escapeHtml(text)}</text></svg>`,
						alt: text,
						caption: text,
						table: { head: ['Svar', 'Andel'], rows: [[text, '70\u00a0%']], numeric: [false, true] }
					}
				],
				sections: [{ number: '1.1', title: text, blocks: [], sections: [] }]
			}
		]
	};
}

describe('renderReportHtml', () => {
	it.each(HOSTILE.map((text, i) => [i, text] as const))('prints hostile text %i literally', (_, text) => {
		const html = renderReportHtml(document(text));
		// No markup from the text: every < and & of it is escaped wherever it appears.
		expect(html).not.toContain('<script>');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<w:p>');
		expect(html).not.toMatch(/href="javascript/i);
		const escaped = escapeHtml(text);
		// Title, subtitle, meta (5), section and TOC headings (4), paragraph, list, quote, notice, table
		// caption and cells, figure alt, caption, data caption and cell, and the SVG's own text.
		expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(20);
	});

	it('renders Markdown narrative with its structure, escaping the text and dropping unsafe links', () => {
		const doc = document('x');
		doc.sections[0]?.blocks.unshift({
			kind: 'markdown',
			markdown:
				'## Rubrik <i>x</i>\n\nEtt **viktigt** [stycke](https://example.se?a=1&b="2") och [fel](javascript:alert(1)).\n\n- <b>ett</b>\n\n> #set text(red)\n\n<div onclick="x()">rå</div>'
		});
		const html = renderReportHtml(doc);
		expect(html).toContain('<h4>Rubrik &lt;i&gt;x&lt;/i&gt;</h4>');
		expect(html).toContain('<strong>viktigt</strong>');
		expect(html).toContain('<a href="https://example.se?a=1&amp;b=&quot;2&quot;">stycke</a>');
		expect(html).toContain('och fel.');
		expect(html).toContain('<li>&lt;b&gt;ett&lt;/b&gt;</li>');
		expect(html).toContain('<blockquote><p>#set text(red)</p></blockquote>');
		expect(html).toContain('<p>&lt;div onclick=&quot;x()&quot;&gt;rå&lt;/div&gt;</p>');
	});

	it('is a whole accessible page: language, title, header details, contents, figures with alt and data table', () => {
		const html = renderReportHtml(document('Rapport'));
		expect(html.startsWith('<!doctype html>\n<html lang="sv">')).toBe(true);
		expect(html).toContain('<title>Rapport – Rapport</title>');
		expect(html).toContain('<main>');
		expect(html).toContain('<dt>Ansvarig</dt><dd>Rapport</dd>');
		expect(html).toContain('<dt>Publiceringsdatum</dt><dd>2024-01-31</dd>');
		expect(html).toContain(
			'<nav class="report-toc" aria-labelledby="report-toc-heading"><h2 id="report-toc-heading">Innehåll</h2>'
		);
		expect(html).toContain('<a href="#avsnitt-1-1">1.1 Rapport</a>');
		expect(html).toContain('<h3 id="avsnitt-1-1">1.1 Rapport</h3>');
		expect(html).toContain('<div role="img" aria-label="Rapport"><svg');
		expect(html).toContain('<caption>Data i diagrammet: Rapport</caption>');
		expect(html).toContain('<td class="num">70\u00a0%</td>');
	});

	it("shows one table per chart: with the question's table next, the chart's data is folded into the figure", () => {
		const doc = document('x');
		const blocks = doc.sections[0]?.blocks ?? [];
		const figure = blocks.find((b) => b.kind === 'figure');
		const table = blocks.find((b) => b.kind === 'table');
		if (!figure || !table) throw new Error('no figure or table');
		// The question's figure and then its distribution, as the report puts them.
		doc.sections[0] = { number: '1', title: 'x', blocks: [figure, table], sections: [] };
		const html = renderReportHtml(doc);
		const visible = html.replace(/<details>[\s\S]*?<\/details>/g, '');
		expect(visible.match(/<table>/g)).toHaveLength(1);
		expect(visible).toContain('<table><caption>x</caption>');
		expect(html).toContain(
			'</figcaption><details><summary>Data i diagrammet</summary><table><caption>Data i diagrammet: x</caption>'
		);
		// Alone, the chart's table is the figure's only one, and shown.
		const alone = renderReportHtml(document('y'));
		expect(alone).not.toContain('<details>');
		expect(alone.match(/<table>/g)).toHaveLength(2);
	});

	it('leaves out a chart SVG that carries anything executable, keeping its data table', () => {
		const doc = document('x');
		const figure = doc.sections[0]?.blocks.find((b) => b.kind === 'figure');
		if (figure?.kind !== 'figure') throw new Error('no figure');
		figure.svg = '<svg onload="alert(1)"><text>x</text></svg>';
		const html = renderReportHtml(doc);
		expect(html).not.toContain('onload');
		expect(html).toContain('<caption>Data i diagrammet: x</caption>');
	});
});
