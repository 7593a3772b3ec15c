import { m } from '../../paraglide/messages.js';
import type { TMaturityProfile } from '../maturity/maturity-profile.ts';
import type { TWaveMaturity } from '../maturity/wave-maturity.ts';
import { t } from '../questionnaire/text.ts';
import { formatCount, formatScore } from '../statistics/format-number.ts';
import type { TReportBlock } from './document.ts';
import type { TReportInputs } from './report-inputs.ts';

/** The maturity index per organisation and each dimension's score; organisations below k left out. */
export function maturityBlocks(
	c: TReportInputs,
	region: TWaveMaturity,
	own: TWaveMaturity | null
): TReportBlock[] {
	const { lang, locale } = c;
	const dimension = (code: string | null) =>
		code === null ? '–' : t(region.dimensions.find((d) => d.code === code)?.label ?? { sv: code }, lang);
	const level = (code: string | null) => {
		const found = region.levels.find((l) => l.code === code);
		return found ? t(found.label, lang) : '–';
	};
	// Two narrow tables instead of one wide one: the index per organisation, then each dimension's score.
	// Organisations below k (or hidden to protect one) are left out, and a notice says so.
	const shown = own ? [] : region.organisations.filter((o) => !o.hidden && o.profile);
	const profiles: Array<{ name: string; respondents: number | null; profile: TMaturityProfile | null }> = [];
	if (own && c.organisation)
		profiles.push({ name: c.organisation.name, respondents: own.respondents, profile: own.region.pooled });
	profiles.push({
		name: m.report_maturity_region({ region: c.regionName }, locale),
		respondents: region.respondents,
		profile: region.region.pooled
	});
	if (!own && shown.length > 1) {
		profiles.push({
			name: m.report_maturity_organisation_mean({}, locale),
			respondents: null,
			profile: region.region.organisationMean
		});
	}
	for (const o of shown) profiles.push({ name: o.name, respondents: o.respondents, profile: o.profile });
	const blocks: TReportBlock[] = [
		{ kind: 'paragraph', text: m.report_maturity_intro({}, locale) },
		{
			kind: 'table',
			caption: m.report_maturity_caption({}, locale),
			table: {
				head: [
					m.report_organisation({}, locale),
					m.report_respondents({}, locale),
					m.report_maturity_index({}, locale),
					m.report_maturity_level({}, locale),
					m.report_maturity_weakest({}, locale)
				],
				rows: profiles.map(({ name, respondents, profile }) => [
					name,
					respondents === null ? '–' : formatCount(respondents, lang),
					profile ? formatScore(profile.index, lang) : '–',
					profile ? level(profile.level) : '–',
					profile ? dimension(profile.weakest) : '–'
				]),
				numeric: [false, true, true, false, false]
			}
		},
		{
			kind: 'table',
			caption: m.report_maturity_dimensions_caption({}, locale),
			table: {
				head: [m.report_maturity_dimension({}, locale), ...profiles.map((p) => p.name)],
				rows: region.dimensions.map((d) => [
					t(d.label, lang),
					...profiles.map((p) => (p.profile ? formatScore(p.profile.dimensions[d.code] ?? null, lang) : '–'))
				]),
				numeric: [false, ...profiles.map(() => true)]
			}
		}
	];
	const hidden = own ? 0 : region.organisations.filter((o) => o.hidden).length;
	if (hidden > 0) {
		blocks.push({
			kind: 'notice',
			text: m.report_maturity_hidden({ count: formatCount(hidden, lang), k: formatCount(c.k, lang) }, locale)
		});
	}
	return blocks;
}
