import { m } from '../../paraglide/messages.js';
import type { TMaturityProfile } from '../maturity/maturity-profile.ts';
import type { TWaveMaturity } from '../maturity/wave-maturity.ts';
import { t } from '../questionnaire/text.ts';
import { formatCount, formatScore } from '../statistics/format-number.ts';
import type { TReportBlock } from './document.ts';
import type { TReportInputs } from './report-inputs.ts';

type TProfileRow = { name: string; respondents: number | null; profile: TMaturityProfile | null };

/**
 * The maturity index explained (its levels), per organisation, and each dimension's score in a table and
 * as a radar chart; organisations below k left out.
 */
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
	// The profiles the chart compares: the organisation's own against the region, or the region's pooled
	// figures and the mean of its organisations. The tables show these and each shown organisation.
	const compared: TProfileRow[] = [];
	if (own && c.organisation)
		compared.push({ name: c.organisation.name, respondents: own.respondents, profile: own.region.pooled });
	compared.push({
		name: m.report_maturity_region({ region: c.regionName }, locale),
		respondents: region.respondents,
		profile: region.region.pooled
	});
	if (!own && shown.length > 1) {
		compared.push({
			name: m.report_maturity_organisation_mean({}, locale),
			respondents: null,
			profile: region.region.organisationMean
		});
	}
	const profiles: TProfileRow[] = [
		...compared,
		...shown.map((o) => ({ name: o.name, respondents: o.respondents, profile: o.profile }))
	];
	const blocks: TReportBlock[] = [
		{ kind: 'paragraph', text: m.report_maturity_intro({}, locale) },
		...levelBlocks(c, region),
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
		...radarBlocks(c, region, compared),
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

/** The levels as a small table: each one's label, its range of the index and, when the questionnaire gives them, what it means. */
function levelBlocks(c: TReportInputs, region: TWaveMaturity): TReportBlock[] {
	const { lang, locale } = c;
	if (region.levels.length === 0) return [];
	const described = region.levels.some((l) => l.description);
	return [
		{
			kind: 'table',
			caption: m.report_maturity_levels_caption({}, locale),
			table: {
				head: [
					m.report_maturity_level({}, locale),
					m.report_maturity_index({}, locale),
					...(described ? [m.report_maturity_level_description({}, locale)] : [])
				],
				rows: region.levels.map((l) => [
					t(l.label, lang),
					`${formatScore(l.min, lang)}–${formatScore(l.max, lang)}`,
					...(described ? [l.description ? t(l.description, lang) : ''] : [])
				]),
				numeric: [false, true, ...(described ? [false] : [])]
			}
		}
	];
}

/**
 * The compared profiles as a radar chart, exactly the figures of their columns in the dimensions' table
 * (which follows it, so a printed report does not repeat them under the chart); none without a profile.
 */
function radarBlocks(c: TReportInputs, region: TWaveMaturity, compared: TProfileRow[]): TReportBlock[] {
	const { lang, locale } = c;
	const series = compared.flatMap(({ name, profile }) =>
		profile ? [{ name, values: region.dimensions.map((d) => profile.dimensions[d.code] ?? null) }] : []
	);
	if (series.length === 0 || region.dimensions.length === 0) return [];
	const chart = c.radar({ lang, dimensions: region.dimensions.map((d) => t(d.label, lang)), series });
	return [
		{
			kind: 'figure',
			svg: chart.svg,
			alt: chart.alt,
			caption: m.report_maturity_radar_caption({}, locale),
			table: {
				head: chart.table.columns,
				rows: chart.table.rows,
				numeric: chart.table.columns.map((_, i) => i > 0)
			}
		}
	];
}
