// `npm run bench:report`: time and peak memory to render a report document to PDF (Typst) and Word (docx):
// the test fixture (seven sections, one chart, a 20 000-character answer) and a large report of
// BENCH_REPORT_SECTIONS (200) question subsections, each with a chart, its table, quotes and the long answer.
// Each document is rendered once cold (the first PDF render also loads the fonts), then three times with a
// changed version (the Typst compiler reuses what did not change, as it would on a server). Peak memory is
// the largest resident set size sampled between and after the renders (a native compile blocks the sampler).

import os from 'node:os';
import type { TReportDocument } from '../src/lib/core/report/document.ts';
import { renderReportDocx } from '../src/lib/server/report/render-docx.ts';
import { renderReportPdf } from '../src/lib/server/report/render-pdf.ts';
import { fixtureReport, largeFixtureReport } from '../src/lib/server/testing/report-documents.ts';

const SECTIONS = Number(process.env.BENCH_REPORT_SECTIONS ?? 200);
const RUNS = 3;

let peak = process.memoryUsage().rss;
const sample = () => {
	peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 10);

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function measure(
	label: string,
	doc: TReportDocument,
	render: (doc: TReportDocument) => Promise<Uint8Array>
) {
	const firstStarted = performance.now();
	const first = await render(doc);
	const firstMs = performance.now() - firstStarted;
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		// A new version each time: the Typst compiler would otherwise answer from its cache.
		const changed = { ...doc, meta: { ...doc.meta, version: `${doc.meta.version}.${i + 1}` } };
		const started = performance.now();
		await render(changed);
		sample();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	console.log(
		`${label.padEnd(34)} cold ${firstMs.toFixed(0).padStart(6)} ms  again (median) ${(times[1] ?? 0).toFixed(0).padStart(6)} ms  ${(first.byteLength / 1024).toFixed(0).padStart(6)} KiB  peak RSS so far ${mib(peak)}`
	);
}

console.log(
	`Mognad report rendering benchmark — ${new Date().toISOString().slice(0, 10)} — ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`
);
console.log(`Start RSS ${mib(process.memoryUsage().rss)}`);
const fixture = fixtureReport();
const large = largeFixtureReport(SECTIONS);
sample();
await measure('fixture → PDF', fixture, renderReportPdf);
await measure('fixture → DOCX', fixture, renderReportDocx);
await measure(`${SECTIONS} sections → PDF`, large, renderReportPdf);
await measure(`${SECTIONS} sections → DOCX`, large, renderReportDocx);
clearInterval(sampler);
console.log(`Peak RSS ${mib(peak)}`);
// The Typst compiler keeps the process alive.
process.exit(0);
