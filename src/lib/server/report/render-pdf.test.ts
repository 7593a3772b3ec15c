import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReportDocument } from '../../core/report/document.ts';
import { hostileTexts, longAnswer } from '../../core/testing/report-fixture.ts';
import {
	contentsEntries,
	FIXTURE_CONTENTS,
	fixtureReport,
	fixtureReportWithDistribution
} from '../testing/report-documents.ts';
import { renderReportPdf } from './render-pdf.ts';

// The PDF is read back with poppler (pdftotext, pdfinfo, pdftoppm), as a reader's viewer would see it.

/** Line breaks, hyphenation and the direction marks pdftotext adds around right-to-left text do not count. */
const normalise = (text: string) => text.replace(/[\s\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069-]/g, '');

let dir: string;
let doc: TReportDocument;
let pdf: Uint8Array;
let file: string;

/** A poppler tool's output (its complaint about the Suspects entry Typst writes, on stderr, is left out). */
const poppler = (tool: string, args: string[]) =>
	execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pdftotext = (...args: string[]) => poppler('pdftotext', [...args, file, '-']);

beforeAll(async () => {
	dir = mkdtempSync(path.join(tmpdir(), 'mognad-pdf-'));
	doc = fixtureReport();
	pdf = await renderReportPdf(doc);
	file = path.join(dir, 'report.pdf');
	writeFileSync(file, pdf);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('renderReportPdf', () => {
	it('writes a PDF/A-2b file with the title, author and publication date as its metadata', () => {
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const info = poppler('pdfinfo', [file]);
		expect(info).toMatch(/^Title:\s+Digital mognad i Norrbottens kommuner$/m);
		expect(info).toMatch(/^Author:\s+Staffan Lundberg$/m);
		expect(info).toMatch(/^CreationDate:.*2024/m);
		const raw = Buffer.from(pdf).toString('latin1');
		expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
		expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
	});

	it('prints every text of the document literally, markup of every kind included', () => {
		const text = normalise(pdftotext());
		// pdftotext lists the colour emoji (bitmap glyphs) apart from the words on their line.
		const { emoji, ...others } = hostileTexts;
		for (const literal of [...Object.values(others), 'Vi har precis börjat. Bra jobbat', '😀👍🎉'])
			expect(text).toContain(normalise(literal));
		expect(emoji).toBe('Bra jobbat 😀👍🎉');
		for (const literal of [
			'Inledning och bakgrund till enkäten',
			'80 % av respondenterna anser att behovet av digitalisering är stort',
			'n = 20, medelvärde 8,5',
			'För få svar för att visa siffror (färre än 5).',
			'Läs mer på regeringens webbplats',
			'Respondenternas befattningar'
		])
			expect(text).toContain(normalise(literal));
		// Markdown structure is rendered, not printed.
		expect(text).not.toContain('**digitala**');
		expect(text).not.toContain('[regeringenswebbplats]');
	});

	it('prints the 20 000-character answer whole, across pages', () => {
		// Only the text area: the running header and footer would otherwise interrupt the answer at page breaks.
		const body = normalise(pdftotext('-x', '0', '-y', '85', '-W', '1000', '-H', '705'));
		expect(body).toContain(normalise(longAnswer()));
	});

	it('puts "Sida X (Y)" once and the particulars under the seed\'s labels on every page, the title below', () => {
		const pages = Number(/^Pages:\s+(\d+)$/m.exec(poppler('pdfinfo', [file]))?.[1]);
		expect(pages).toBeGreaterThan(4);
		for (const page of [1, 2, pages]) {
			const text = pdftotext('-f', String(page), '-l', String(page));
			for (const field of [
				'Region Norrbotten',
				'ARBGRP460-656132773-273',
				'3.0',
				'2024-01-31',
				'Anna Lindberg',
				'Staffan Lundberg',
				'GÄLLER FÖR VERKSAMHET',
				'DOKUMENT-ID',
				'VERSION',
				'PUBLICERINGSDATUM',
				'ANSVARIG',
				'UPPRÄTTAD AV',
				`Sida ${page} (${pages})`
			])
				expect(text).toContain(field);
			// Once, in the header (the seed's template), not again in the footer.
			expect(text.split(`Sida ${page} (${pages})`)).toHaveLength(2);
		}
	});

	it('has a title page and a table of contents listing the numbered sections with their pages', () => {
		const titlePage = pdftotext('-f', '1', '-l', '1');
		expect(titlePage).toContain('Digital mognad i Norrbottens kommuner');
		expect(titlePage).toContain('Resultat av enkätundersökningen våren 2020');
		const contents = pdftotext('-layout', '-f', '2', '-l', '2');
		expect(contents).toContain('Innehåll');
		const entries = contentsEntries(contents);
		expect(entries.map((e) => `${e.number} ${e.title}`)).toEqual(FIXTURE_CONTENTS);
		// Each entry names the page its heading is on.
		for (const entry of entries)
			expect(normalise(pdftotext('-f', String(entry.page), '-l', String(entry.page)))).toContain(
				normalise(`${entry.number} ${entry.title}`)
			);
	});

	it('draws the chart as vector graphics with its labels as text, and captions the figure and the table', () => {
		const text = pdftotext();
		expect(text).toContain('Figur 1: Är behovet av digitalisering stort i er kommun?');
		expect(text).toContain('Tabell 2: Är behovet av digitalisering stort i er kommun?');
		expect(text).toContain('Tabell 1: Respondenternas befattningar');
		// The pie's slice labels are text in the PDF, not pixels.
		expect(normalise(text)).toContain(normalise('Ja\n80 %'));
		expect(poppler('pdfimages', ['-list', file])).not.toMatch(/^\s+\d+\s+\d+\s+image/m);
	});

	it("prints one table per chart: the question's distribution, not the chart's data again", async () => {
		const other = path.join(dir, 'distribution.pdf');
		writeFileSync(other, await renderReportPdf(fixtureReportWithDistribution()));
		const text = poppler('pdftotext', [other, '-']);
		expect(text).toContain('Figur 1: Är behovet av digitalisering stort i er kommun?');
		expect(text).toContain('Tabell 2: Svarsfördelning: Är behovet av digitalisering stort i er kommun?');
		expect(text).toContain('95 % konfidensintervall');
		expect(text).not.toContain('Tabell 3');
		expect(text.match(/Tabell 2: /g)).toHaveLength(1);
	});

	it('renders the same document to the same bytes, so a published version can be rebuilt', async () => {
		const again = await renderReportPdf(fixtureReport());
		expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
		// Later, in another process, with nothing cached.
		const rebuilt = path.join(dir, 'rebuilt.pdf');
		const script = [
			`import { writeFileSync } from 'node:fs';`,
			`import { renderReportPdf } from ${JSON.stringify(path.resolve(import.meta.dirname, 'render-pdf.ts'))};`,
			`import { fixtureReport } from ${JSON.stringify(path.resolve(import.meta.dirname, '../testing/report-documents.ts'))};`,
			`writeFileSync(${JSON.stringify(rebuilt)}, await renderReportPdf(fixtureReport()));`,
			'process.exit(0);'
		].join('\n');
		execFileSync(process.execPath, ['--input-type=module', '--eval', script], { stdio: 'ignore' });
		expect(readFileSync(rebuilt).equals(Buffer.from(pdf))).toBe(true);
		const changed = await renderReportPdf({ ...doc, meta: { ...doc.meta, version: '3.1' } });
		expect(Buffer.from(changed).equals(Buffer.from(pdf))).toBe(false);
	});

	it('renders the title page to a picture', () => {
		execFileSync('pdftoppm', [
			'-r',
			'50',
			'-f',
			'1',
			'-l',
			'1',
			'-singlefile',
			'-png',
			file,
			path.join(dir, 'page')
		]);
		const png = readFileSync(path.join(dir, 'page.png'));
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		// A4 at 50 dpi.
		expect(png.readUInt32BE(16)).toBe(414);
		expect(png.readUInt32BE(20)).toBe(585);
	});

	it('renders a draft without a publication date', async () => {
		const draft = await renderReportPdf({ ...doc, meta: { ...doc.meta, publishedOn: null } });
		const draftFile = path.join(dir, 'draft.pdf');
		writeFileSync(draftFile, draft);
		const text = poppler('pdftotext', ['-f', '1', '-l', '1', draftFile, '-']);
		expect(text).toContain('Utkast, ej publicerad');
	});

	it('still renders text in a script no font here covers, as a plain PDF instead of PDF/A', async () => {
		const withChinese = fixtureReport();
		withChinese.sections[1]?.blocks.push({ kind: 'paragraph', text: 'Svar från 王芳: bra.' });
		const plain = await renderReportPdf(withChinese);
		const plainFile = path.join(dir, 'plain.pdf');
		writeFileSync(plainFile, plain);
		expect(poppler('pdftotext', [plainFile, '-'])).toContain('Svar från');
		expect(Buffer.from(plain).toString('latin1')).not.toContain('<pdfaid:part>');
	});
});
