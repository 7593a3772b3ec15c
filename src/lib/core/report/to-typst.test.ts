import { describe, expect, it } from 'vitest';
import { hostileTexts, longAnswer, reportFixture } from '../testing/report-fixture.ts';
import { toTypst, typstString } from './to-typst.ts';

// A stand-in for the server's chart: the renderer passes the SVG through as bytes whatever it holds.
const chart = {
	svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>#set page(width: 1cm)</text></svg>',
	alt: 'Cirkeldiagram: Ja 80 %',
	table: { columns: ['Svar', 'Antal'], rows: [['Ja', '16']], footer: ['n', '20'] }
};

/** The source with every string literal taken out: what Typst reads as markup and code. */
const outsideStrings = (source: string) => source.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');

describe('typstString', () => {
	it('escapes backslashes, quotes and line breaks and keeps everything else as it is', () => {
		expect(typstString('a\\b "c"\nd\te #f $g$ *h* @i <j>')).toBe(
			'"a\\\\b \\"c\\"\\nd\\te #f $g$ *h* @i <j>"'
		);
		expect(typstString('😀 مرحبا')).toBe('"😀 مرحبا"');
	});

	it('drops control characters and lone surrogates, which no font can print', () => {
		expect(typstString('a\u0000b\u0007c\u001bd\ud800e\r\nf')).toBe('"abcde\\nf"');
	});
});

describe('toTypst', () => {
	const source = toTypst(reportFixture(chart));

	it('writes every text of the document as a string literal, never as markup or code', () => {
		const code = outsideStrings(source);
		for (const literal of Object.values(hostileTexts)) {
			expect(source).toContain(typstString(literal).slice(1, -1));
			expect(code).not.toContain(literal);
		}
		for (const fragment of ['<script>', '$x^2$', '@ref', '<label>', '<w:p>', 'width: 1cm', 'مرحبا', '😀'])
			expect(code).not.toContain(fragment);
		expect(source).toContain(typstString(longAnswer()));
	});

	it('sets the Swedish language with hyphenation and the publication date as the document date', () => {
		expect(source).toContain('#set text(lang: "sv", region: "se"');
		expect(source).toContain('hyphenate: true');
		expect(source).toContain('date: datetime(year: 2024, month: 1, day: 31)');
	});

	it('draws the chart from its SVG as vector graphics with its text alternative', () => {
		expect(source).toContain(
			`image(bytes(${typstString(chart.svg)}), format: "svg", width: 80%, alt: "Cirkeldiagram: Ja 80 %")`
		);
	});

	it('breaks very long texts line by line, so that they do not take seconds to set', () => {
		const long = source.split('\n').find((line) => line.includes(typstString(longAnswer())));
		expect(long).toMatch(
			/^#\{ set par\(linebreaks: "simple"\); quote\(block: true, str\("Ett mycket långt svar/
		);
	});

	it("prints one table per chart, and keeps the question's lead-in lines with its chart", () => {
		const doc = reportFixture(chart);
		doc.sections = [
			{
				number: '5',
				title: 'Svar och kommentarer',
				blocks: [],
				sections: [
					{
						number: '5.1',
						title: 'Behovet av digitalisering',
						blocks: [
							{ kind: 'paragraph', text: 'n = 17' },
							{ kind: 'markdown', markdown: 'Svaren fördelar sig så här:' },
							{
								kind: 'figure',
								...chart,
								caption: 'Ledningen',
								table: { head: ['Svar', 'Antal'], rows: [['Ja', '8']], numeric: [false, true] }
							},
							{
								kind: 'table',
								caption: 'Svarsfördelning: Ledningen',
								table: {
									head: ['Svar', 'Antal', 'Andel', '95 % konfidensintervall'],
									rows: [['Ja', '8', '47 %', '26–69 %']],
									numeric: [false, true, true, true]
								}
							}
						],
						sections: []
					}
				]
			}
		];
		const typst = toTypst(doc);
		expect(typst.match(/kind: table, caption:/g)).toHaveLength(1);
		expect(typst).toContain('caption: str("Svarsfördelning: Ledningen")');
		expect(typst).toContain('#block(sticky: true, par(str("n = 17")))');
		expect(typst).toContain('#block(sticky: true)[\n#par(str("Svaren fördelar sig så här:"))\n]');
	});

	it('is the same for the same document, and a draft has no date', () => {
		expect(toTypst(reportFixture(chart))).toBe(source);
		const draft = reportFixture(chart);
		draft.meta.publishedOn = null;
		expect(toTypst(draft)).toContain('date: none');
		expect(toTypst(draft)).toContain('published: "Utkast, ej publicerad"');
	});
});
