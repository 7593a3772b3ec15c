import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReportDocument } from '../../core/report/document.ts';
import { layoutProblems, pdfLines } from '../testing/pdf-layout.ts';
import { fixtureReport } from '../testing/report-documents.ts';
import { renderReportPdf } from './render-pdf.ts';

// The page layout read back with positions (pdftotext -bbox-layout), as a reader turns the pages: a heading
// is never the last thing on its page, a table's caption is never without its table, and no text runs
// outside the page. The fixture report, and the same report moved down by filler paragraphs of several
// lengths, so that headings and tables fall at every height of a page.

/** The fixture report with `paragraphs` filler paragraphs at the end of its first section. */
function movedDown(paragraphs: number): TReportDocument {
	const doc = fixtureReport();
	const first = doc.sections[0];
	if (!first) throw new Error('the fixture has no sections');
	const filler = 'Fyllnadstext som flyttar resten av rapporten nedåt på sidan. '.repeat(3);
	for (let i = 0; i < paragraphs; i++) first.blocks.push({ kind: 'paragraph', text: filler });
	return doc;
}

let dir: string;
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'mognad-layout-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the PDF report layout', () => {
	it.each([0, 2, 5, 9, 14])(
		'keeps headings, lead-ins and captions with what follows (%i filler paragraphs)',
		async (filler) => {
			const doc = movedDown(filler);
			const file = path.join(dir, `report-${filler}.pdf`);
			writeFileSync(file, await renderReportPdf(doc));
			expect(layoutProblems(doc, file)).toEqual([]);
		}
	);

	it('finds a heading left at the foot of a page (the check itself)', async () => {
		// A document whose last heading is followed by nothing would end a page with it: the check must say so.
		const doc = fixtureReport();
		doc.sections.push({ number: '8', title: 'Rubrik utan innehåll', blocks: [], sections: [] });
		const file = path.join(dir, 'report-dangling.pdf');
		writeFileSync(file, await renderReportPdf(doc));
		expect(layoutProblems(doc, file)).toContain(
			`heading last on page ${pdfLines(file).find((l) => l.text === '8 Rubrik utan innehåll')?.page}: 8 Rubrik utan innehåll`
		);
	});
});
