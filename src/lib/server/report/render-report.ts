import type { TReportDocument } from '../../core/report/document.ts';
import { renderReportHtml } from '../../core/report/render-html.ts';
import { renderReportDocx } from './render-docx.ts';
import { renderReportPdf } from './render-pdf.ts';

export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type TReportFormat = (typeof REPORT_FORMATS)[number];

/** The report rendered in one format, as bytes (the pages' downloads and the CLI). */
export async function renderReport(doc: TReportDocument, format: TReportFormat): Promise<Uint8Array> {
	if (format === 'pdf') return renderReportPdf(doc);
	if (format === 'docx') return renderReportDocx(doc);
	return new TextEncoder().encode(renderReportHtml(doc));
}
