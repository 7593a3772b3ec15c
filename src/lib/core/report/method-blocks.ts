import { m } from '../../paraglide/messages.js';
import { formatCount } from '../statistics/format-number.ts';
import type { TReportBlock } from './document.ts';
import type { TReportInputs } from './report-inputs.ts';

/** The generated part of "Data och metod": organisations and responses counted, the rule, the roles. */
export function methodBlocks(c: TReportInputs): TReportBlock[] {
	const { lang, locale } = c;
	const blocks: TReportBlock[] = [
		{
			kind: 'paragraph',
			text: m.report_method_organisations(
				{
					invited: formatCount(c.region.organisations.invited, lang),
					responded: formatCount(c.region.organisations.responded, lang)
				},
				locale
			)
		},
		{
			kind: 'paragraph',
			text: m.report_method_responses({ n: formatCount(c.region.responses.complete, lang) }, locale)
		}
	];
	if (c.own && c.organisation) {
		blocks.push({
			kind: 'paragraph',
			text: m.report_method_organisation(
				{
					organisation: c.organisation.name,
					n: formatCount(c.own.responses.complete, lang),
					region: c.regionName
				},
				locale
			)
		});
	}
	blocks.push({
		kind: 'paragraph',
		text: m.report_method_small_groups({ k: formatCount(c.k, lang) }, locale)
	});
	if (c.roles.length > 0) {
		blocks.push({
			kind: 'table',
			caption: m.report_method_roles_caption({}, locale),
			table: {
				head: [m.report_role_group({}, locale), m.report_respondents({}, locale)],
				// A hidden group shows its name only, never how many it holds.
				rows: c.roles.map((g) => [g.label, g.n === null ? '–' : formatCount(g.n, lang)]),
				numeric: [false, true]
			}
		});
		if (c.roles.some((g) => g.suppressed)) {
			blocks.push({ kind: 'notice', text: m.report_hidden_groups({ k: formatCount(c.k, lang) }, locale) });
		}
	}
	if (c.titles.length > 0) {
		blocks.push({ kind: 'paragraph', text: m.report_method_titles({}, locale) });
		blocks.push({ kind: 'list', items: c.titles });
	}
	return blocks;
}
