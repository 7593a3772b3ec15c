import { execFileSync } from 'node:child_process';
import type { TReportDocument, TReportSection } from '../../core/report/document.ts';

// The page layout of a report's PDF read back with positions (pdftotext -bbox-layout), as a reader turns
// the pages: a heading is never the last thing on its page, a table's caption is never without its table,
// a question's lead-in stays with its figure, and no text runs outside the page.

export interface Line {
	page: number;
	text: string;
	xMin: number;
	xMax: number;
	yMin: number;
	yMax: number;
}

// A4 in points, and the body between the running header and footer (the margins are 3.4 cm and 2.4 cm; a first line reaches a little above the top one).
const PAGE = { width: 595.3, height: 841.9 };
const BODY = { top: 85, bottom: 841.9 - 68 };

/** Every text line of the PDF with its page and box, in reading order. */
export function pdfLines(file: string): Line[] {
	const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore']
	});
	const out: Line[] = [];
	xml
		.split(/<page\b/)
		.slice(1)
		.forEach((pageXml, i) => {
			for (const match of pageXml.matchAll(
				/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g
			)) {
				const words = [...(match[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1] ?? '');
				out.push({
					page: i + 1,
					text: words.join(' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
					xMin: Number(match[1]),
					yMin: Number(match[2]),
					xMax: Number(match[3]),
					yMax: Number(match[4])
				});
			}
		});
	return out;
}

/** The numbered headings of a report as printed: "5.1 Behovet av digitalisering". */
function headings(sections: readonly TReportSection[]): string[] {
	return sections.flatMap((s) => [...(s.number ? [`${s.number} ${s.title}`] : []), ...headings(s.sections)]);
}

/** What is wrong with the layout of a rendered report, one line per problem (none: an empty list). */
export function layoutProblems(doc: TReportDocument, file: string): string[] {
	const all = pdfLines(file);
	const body = all.filter((l) => l.yMin >= BODY.top && l.yMax <= BODY.bottom);
	const problems: string[] = [];
	const lastOnPage = new Map<number, Line>();
	for (const line of body) lastOnPage.set(line.page, line);
	const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();
	for (const heading of headings(doc.sections)) {
		const line = body.find((l) => squeeze(l.text) === squeeze(heading));
		if (!line) problems.push(`heading not found: ${heading}`);
		else if (lastOnPage.get(line.page) === line)
			problems.push(`heading last on page ${line.page}: ${heading}`);
	}
	// A table's caption stands above it: the next line on the same page is the table's header row.
	for (const [i, line] of body.entries()) {
		if (!/^(Tabell|Table) \d+:/.test(line.text)) continue;
		const next = body[i + 1];
		if (!next || next.page !== line.page)
			problems.push(`caption without its table, page ${line.page}: ${line.text}`);
	}
	// The lead-in of a question ("n = 20, …") stays with its chart, whose caption follows on the same page.
	for (const [i, line] of body.entries()) {
		if (!/^n = \d+/.test(line.text)) continue;
		if (lastOnPage.get(line.page) === line) problems.push(`lead-in last on page ${line.page}: ${line.text}`);
		const next = body[i + 1];
		if (next && next.page !== line.page) problems.push(`lead-in apart from its figure, page ${line.page}`);
	}
	for (const line of all) {
		if (line.xMin < 0 || line.xMax > PAGE.width || line.yMin < 0 || line.yMax > PAGE.height)
			problems.push(`text outside the page ${line.page}: ${line.text}`);
	}
	return problems;
}
