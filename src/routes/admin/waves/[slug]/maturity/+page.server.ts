import type { TMaturityProfile } from '#lib/core/maturity/maturity-profile.ts';
import type { TWaveMaturity } from '#lib/core/maturity/wave-maturity.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { formatNumber } from '#lib/core/statistics/format-number.ts';
import { m } from '#lib/paraglide/messages.js';
import { scoreText } from '#lib/server/charts/chart-text.ts';
import { radarChart } from '#lib/server/charts/radar-chart.ts';
import { scatterChart } from '#lib/server/charts/scatter-chart.ts';
import { computeMaturity } from '#lib/server/results/compute-maturity.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { resultsFilterChoices } from '#lib/server/web/results-filter-choices.ts';
import { resultsScope } from '#lib/server/web/results-scope.ts';
import type { PageServerLoad } from './$types';

type TLang = 'sv' | 'en';

/** A profile's figures as the texts the page shows. */
function shownProfile(maturity: TWaveMaturity, profile: TMaturityProfile, lang: TLang) {
	const dimension = (code: string | null) =>
		code === null ? '–' : t(maturity.dimensions.find((d) => d.code === code)?.label ?? { sv: code }, lang);
	const level = maturity.levels.find((l) => l.code === profile.level);
	return {
		index: scoreText(profile.index, lang),
		level: level ? t(level.label, lang) : '–',
		weakest: dimension(profile.weakest),
		dimensions: maturity.dimensions.map((d) => scoreText(profile.dimensions[d.code] ?? null, lang))
	};
}

export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db, lang, event }) => {
	const { params, url } = event;
	const wave = await getWave(db, params.slug);
	const scope = await resultsScope(db, user, url.searchParams, lang);
	const includePartial = scope.includePartial;
	const [region, choices] = await Promise.all([
		computeMaturity(db, { slug: wave.slug, includePartial }),
		resultsFilterChoices(db, wave, scope, lang)
	]);
	const base = {
		wave: { slug: wave.slug, name: wave.name },
		restricted: scope.restricted,
		k: wave.minGroupSize,
		values: {
			organisation:
				url.searchParams.get('organisation') || (scope.restricted ? (scope.organisation ?? '') : ''),
			partial: includePartial
		}
	};
	if (!region) return { ...base, maturity: null };

	const dimensions = region.dimensions.map((d) => t(d.label, lang));
	const regionName = m.results_maturity_region_mean({}, { locale: lang });
	const mean = region.region.organisationMean;

	// Staff see every municipality; a contact sees only the units they are bound to, against the region.
	let rows: Array<{
		id: string;
		name: string;
		respondents: number;
		hidden: boolean;
		profile: TMaturityProfile | null;
	}>;
	let chosen: (typeof rows)[number] | null;
	if (scope.restricted) {
		const own = await computeMaturity(db, {
			slug: wave.slug,
			organisationIds: scope.organisationIds,
			includePartial
		});
		const name = choices.organisations.find((o) => o.id === scope.organisationId)?.name ?? '';
		const row = {
			id: scope.organisationId ?? '',
			name,
			respondents: own?.respondents ?? 0,
			hidden: !own?.region.pooled,
			profile: own?.region.pooled ?? null
		};
		rows = [row];
		chosen = row;
	} else {
		rows = region.organisations;
		const shown = rows.filter((o) => !o.hidden && o.profile);
		chosen = scope.organisationId
			? (rows.find((o) => o.id === scope.organisationId) ?? null)
			: (shown[0] ?? null);
	}
	const radarOptions = scope.restricted ? [] : rows.filter((o) => !o.hidden && o.profile);
	const radar =
		chosen?.profile && !chosen.hidden
			? radarChart({
					lang,
					dimensions,
					series: [
						{
							name: chosen.name,
							values: region.dimensions.map((d) => chosen?.profile?.dimensions[d.code] ?? null)
						},
						{ name: regionName, values: region.dimensions.map((d) => mean.dimensions[d.code] ?? null) }
					]
				})
			: null;
	const points = [
		...rows.flatMap((o) =>
			!o.hidden && o.profile?.placement?.capability != null && o.profile.placement.legacy != null
				? [{ label: o.name, x: o.profile.placement.capability, y: o.profile.placement.legacy }]
				: []
		),
		...(mean.placement?.capability != null && mean.placement.legacy != null
			? [{ label: regionName, x: mean.placement.capability, y: mean.placement.legacy }]
			: [])
	];
	const hasLegacy = region.dimensions.some((d) => d.legacy);
	return {
		...base,
		maturity: {
			dimensions,
			respondents: formatNumber(region.respondents, lang, 0),
			organisations: rows.map((o) => ({
				id: o.id,
				name: o.name,
				respondents: formatNumber(o.respondents, lang, 0),
				hidden: o.hidden || !o.profile,
				profile: o.profile && !o.hidden ? shownProfile(region, o.profile, lang) : null
			})),
			radarOptions: radarOptions.map((o) => ({ value: o.id, name: o.name })),
			chosen: chosen ? { id: chosen.id, name: chosen.name, hidden: chosen.hidden || !chosen.profile } : null,
			radar,
			pooled: region.region.pooled ? shownProfile(region, region.region.pooled, lang) : null,
			organisationMean:
				mean.organisations > 0
					? { ...shownProfile(region, mean, lang), count: formatNumber(mean.organisations, lang, 0) }
					: null,
			scatter:
				hasLegacy && points.length > 0
					? scatterChart({
							lang,
							xLabel: m.results_maturity_capability({}, { locale: lang }),
							yLabel: m.results_maturity_legacy({}, { locale: lang }),
							points
						})
					: null,
			hasLegacy
		}
	};
});
