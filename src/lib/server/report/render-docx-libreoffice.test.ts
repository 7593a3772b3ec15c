import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReportSection } from '../../core/report/document.ts';
import { contentsEntries, FIXTURE_CONTENTS, fixtureReport } from '../testing/report-documents.ts';
import { renderReportDocx } from './render-docx.ts';
import { renderReportPdf } from './render-pdf.ts';

// The Word file as many municipalities open it: in LibreOffice. LibreOffice (headless, through its UNO
// bridge: testing/libreoffice-pdf.py) stores the file as PDF as it loads it, then again after updating the
// table of contents; poppler and qpdf read the PDFs. LibreOffice starts once for the file: it takes seconds.

const TOOLS = ['soffice', 'qpdf', 'pdfimages', 'pdfinfo', 'pdftotext'];
const has = (tool: string) => {
	try {
		execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
};
// Caladea (Cambria's metrics) for the body text: without it LibreOffice lays the report out in the much
// wider DejaVu Serif, pages apart from what Word shows.
const CALADEA = '/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf';
const missing = [
	...TOOLS.filter((tool) => !has(tool)),
	...(existsSync(CALADEA) ? [] : ['fonts-crosextra-caladea'])
];
// CI installs them (.ci/run): there a missing tool fails the tests rather than skipping them.
const skip = missing.length > 0 && !process.env.CI;
const title = skip
	? `renderReportDocx in LibreOffice (skipped: ${missing.join(', ')} not installed)`
	: 'renderReportDocx in LibreOffice';

/** Debian's Python, which has the uno module, even where another python3 comes first on the PATH. */
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

let dir: string;
let loaded: string;
let updated: string;
let typst: string;
let charts: number;

const run = (tool: string, args: string[]) =>
	execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const pages = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(run('pdfinfo', [file]))?.[1]);
const pageText = (file: string, page: number, ...args: string[]) =>
	run('pdftotext', [...args, '-f', String(page), '-l', String(page), file, '-']);

const figureCount = (sections: TReportSection[]): number =>
	sections.reduce(
		(sum, s) => sum + s.blocks.filter((b) => b.kind === 'figure').length + figureCount(s.sections),
		0
	);

type TWord = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };
function words(file: string, page: number): TWord[] {
	return [
		...pageText(file, page, '-bbox').matchAll(
			/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
		)
	].map((m) => ({
		xMin: Number(m[1]),
		yMin: Number(m[2]),
		xMax: Number(m[3]),
		yMax: Number(m[4]),
		text: m[5] ?? ''
	}));
}

beforeAll(async () => {
	if (skip) return;
	dir = mkdtempSync(path.join(tmpdir(), 'mognad-docx-lo-'));
	const doc = fixtureReport();
	charts = figureCount(doc.sections);
	const docx = path.join(dir, 'report.docx');
	writeFileSync(docx, await renderReportDocx(doc));
	typst = path.join(dir, 'typst.pdf');
	writeFileSync(typst, await renderReportPdf(doc));
	loaded = path.join(dir, 'loaded.pdf');
	updated = path.join(dir, 'updated.pdf');
	const script = path.resolve(import.meta.dirname, '../testing/libreoffice-pdf.py');
	execFileSync(python, [script, docx, loaded, updated, path.join(dir, 'lo-profile')], {
		stdio: 'ignore',
		timeout: 170_000
	});
}, 180_000);

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(skip)(title, () => {
	it('draws every chart at its size, not cut down to a line', () => {
		expect(charts).toBeGreaterThan(0);
		// page num type width height color comp bpc enc interp object generation x-ppi y-ppi size ratio
		const images = run('pdfimages', ['-list', loaded])
			.split('\n')
			.slice(2)
			.map((line) => line.trim().split(/\s+/))
			.filter((cols) => cols[2] === 'image')
			.map((cols) => ({
				page: Number(cols[0]),
				height: Number(cols[4]),
				widthPt: (Number(cols[3]) / Number(cols[12])) * 72,
				heightPt: (Number(cols[4]) / Number(cols[13])) * 72
			}));
		expect(images).toHaveLength(charts);
		for (const image of images) {
			expect(image.widthPt).toBeGreaterThan(200);
			expect(image.heightPt).toBeGreaterThan(100);
			// The picture's room on the page: from the text above it to its caption below. A line height read as
			// exact leaves one line there, the picture clipped to it.
			const onPage = words(loaded, image.page);
			const caption = onPage.findIndex((w, i) => w.text === 'Figur' && onPage[i + 1]?.text.endsWith(':'));
			const captionTop = onPage[caption]?.yMin ?? 0;
			const above = Math.max(0, ...onPage.filter((w) => w.yMax < captionTop - 1).map((w) => w.yMax));
			expect(captionTop - above).toBeGreaterThan(image.heightPt * 0.9);
		}
	});

	it('sets the title page lines apart, none drawn over another', () => {
		const onTitlePage = words(loaded, 1);
		expect(onTitlePage.map((w) => w.text)).toEqual(
			expect.arrayContaining(['Digital', 'kommuner', 'Resultat'])
		);
		// A little slack: a glyph box reaches above and below its line.
		const overlaps = (a: TWord, b: TWord) =>
			a.xMin < b.xMax && b.xMin < a.xMax && a.yMin + 2 < b.yMax && b.yMin + 2 < a.yMax;
		const clashes = onTitlePage.flatMap((a, i) =>
			onTitlePage
				.slice(i + 1)
				.filter((b) => overlaps(a, b))
				.map((b) => `${a.text} / ${b.text}`)
		);
		expect(clashes).toEqual([]);
	});

	it('numbers its pages in the header and leaves none empty', () => {
		const count = pages(loaded);
		for (let page = 1; page <= count; page++) {
			const text = pageText(loaded, page);
			expect(text).toContain(`Sida ${page} (${count})`);
			// Text between the header and the footer (A4 in points; the page's margins are 105 and 79 points).
			const body = pageText(loaded, page, '-x', '0', '-y', '105', '-W', '595', '-H', '655');
			expect(body.trim()).not.toBe('');
		}
	});

	it('has as many pages as the PDF, give or take one: sections run on, charts as wide as in the PDF', () => {
		expect(Math.abs(pages(loaded) - pages(typst))).toBeLessThanOrEqual(1);
	});

	it('writes PDFs qpdf finds sound, its own and the Typst one', () => {
		for (const file of [loaded, updated, typst])
			expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
	});

	it('lists the numbered sections in the table of contents with their pages once the index is updated', () => {
		const contents = pageText(updated, 2, '-layout');
		expect(contents).toContain('Innehåll');
		const entries = contentsEntries(contents);
		expect(entries.map((e) => `${e.number} ${e.title}`)).toEqual(FIXTURE_CONTENTS);
		// Each entry names the page its heading is on (pdftotext reads the heading's number apart from it).
		for (const entry of entries)
			expect(pageText(updated, entry.page).replace(/\s+/g, ' ')).toContain(entry.title);
	});
});
