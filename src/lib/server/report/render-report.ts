import type { TReportDocument } from '../../core/report/document.ts';
import { renderReportHtml } from '../../core/report/render-html.ts';

export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

/** The report rendered in one format, as bytes (the pages' downloads and the CLI). */
export async function renderReport(doc: TReportDocument, format: TReportFormat): Promise<Uint8Array> {
	// Typst and docx are loaded for the format asked for only: each is a large library.
	if (format === 'pdf') return (await import('./render-pdf.ts')).renderReportPdf(doc);
	if (format === 'docx') return (await import('./render-docx.ts')).renderReportDocx(doc);
	return new TextEncoder().encode(renderReportHtml(doc));
}
