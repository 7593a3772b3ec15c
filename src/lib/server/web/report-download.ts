import { createHash } from 'node:crypto';
import { error } from '@sveltejs/kit';
import type { TReportDocument } from '../../core/report/document.ts';
import { REPORT_CSS } from '../../core/report/render-html.ts';
import { REPORT_FORMATS, renderReport, type TReportFormat } from '../report/render-report.ts';

export const CONTENT_TYPES: Record<TReportFormat | 'zip', string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	html: 'text/html; charset=utf-8',
	zip: 'application/zip'
};

/** The format named in a download address, or 404 for any other. */
export function reportFormat(value: string): TReportFormat {
	if (!(REPORT_FORMATS as readonly string[]).includes(value)) error(404, 'Not found');
	return value as TReportFormat;
}

// The standalone page has one inline style sheet and nothing else: allow exactly that, and the
// chart images drawn inline.
const STYLE_HASH = `'sha256-${createHash('sha256').update(REPORT_CSS).digest('base64')}'`;
const HTML_CSP = `default-src 'none'; style-src ${STYLE_HASH}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

/** A file name safe in a Content-Disposition header: letters, digits, - and . only. */
export function fileName(...parts: string[]): string {
	return parts
		.join('-')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9.-]+/g, '-')
		.replace(/-+/g, '-')
		.slice(0, 120);
}

/** The download response of a rendered report (the HTML page shown in the browser, the others saved). */
export async function reportResponse(
	doc: TReportDocument,
	format: TReportFormat,
	name: string
): Promise<Response> {
	const body = await renderReport(doc, format);
	const headers: Record<string, string> = {
		'content-type': CONTENT_TYPES[format],
		'content-disposition': `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}.${format}"`,
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff'
	};
	if (format === 'html') headers['content-security-policy'] = HTML_CSP;
	return new Response(body as BodyInit, { headers });
}
