import { m } from '../../paraglide/messages.js';

/** The fixed words a rendered report prints (title page, header, footer), in the report's language. */
export function reportLabels(lang: 'sv' | 'en') {
	const locale = { locale: lang };
	// "Sida {page} ({pages})" split around its two numbers, so that a page counter or field goes between the parts.
	const page = m.render_page_of({ page: '\u0001', pages: '\u0002' }, locale);
	const [beforePage = '', afterPage = ''] = page.split('\u0001');
	const [betweenNumbers = '', afterPages = ''] = afterPage.split('\u0002');
	return {
		organisation: m.render_organisation({}, locale),
		responsible: m.render_responsible({}, locale),
		author: m.render_author({}, locale),
		documentId: m.render_document_id({}, locale),
		version: m.render_version({}, locale),
		published: m.render_published({}, locale),
		draft: m.render_draft({}, locale),
		contents: m.render_contents({}, locale),
		figure: m.render_figure({}, locale),
		table: m.render_table({}, locale),
		pageParts: [beforePage, betweenNumbers, afterPages] as const
	};
}
export type TReportLabels = ReturnType<typeof reportLabels>;
