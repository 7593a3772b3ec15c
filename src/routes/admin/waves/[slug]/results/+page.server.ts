import { responseHeadline } from '#lib/core/results/response-headline.ts';
import type { TQuestionResult } from '#lib/core/results/wave-results-schema.ts';
import { ALL_ROLES, hasRole, MANAGERS } from '#lib/core/roles/role-sets.ts';
import { formatPercentInterval } from '#lib/core/statistics/format-interval.ts';
import { formatMean, formatNumber, formatPercent } from '#lib/core/statistics/format-number.ts';
import { m } from '#lib/paraglide/messages.js';
import { questionChart } from '#lib/server/charts/question-chart.ts';
import { getResultsForUser } from '#lib/server/results/get-results-for-user.ts';
import { orHidden } from '#lib/server/results/or-hidden.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { resultsFilterChoices } from '#lib/server/web/results-filter-choices.ts';
import { resultsScope } from '#lib/server/web/results-scope.ts';
import type { PageServerLoad } from './$types';

type TLang = 'sv' | 'en';

const percent = (value: number | null, lang: TLang) => (value === null ? '–' : formatPercent(value, lang));

/** One question's engine figures as the texts the page shows (nothing is computed here, only formatted). */
function shownQuestion(q: TQuestionResult, lang: TLang, restricted: boolean) {
	return {
		code: q.code,
		type: q.type,
		text: q.text,
		n: formatNumber(q.n, lang, 0),
		suppressed: q.suppressed === true,
		answered: q.n > 0,
		chart:
			restricted && q.type === 'text' ? null : questionChart(q, lang, { theme: m.themes_theme_column() }),
		options: q.options.map((o) => ({
			label: o.label,
			count: formatNumber(o.count, lang, 0),
			percent: percent(o.percent, lang),
			interval: formatPercentInterval(o.ci95, lang)
		})),
		scale:
			q.type === 'scale'
				? {
						mean: formatMean(q.mean, lang),
						median: formatMean(q.median, lang),
						sd: formatMean(q.sd, lang),
						topBox: q.topBox && {
							from: formatNumber(q.topBox.from, lang, 0),
							count: formatNumber(q.topBox.count, lang, 0),
							percent: percent(q.topBox.percent, lang),
							interval: formatPercentInterval(q.topBox.ci95, lang)
						},
						excluded: q.excluded
					}
				: null,
		// Contacts get the number of free-text answers only: no themes, no way to the answers.
		themes: restricted ? [] : q.themes.map((t) => ({ label: t.label, count: formatNumber(t.count, lang, 0) }))
	};
}

/** A question's figures in one breakdown group: n and the percent per option, or the mean of a scale. */
function groupCells(q: TQuestionResult | undefined, lang: TLang, restricted: boolean): string[] {
	if (!q || q.suppressed) return [];
	if (q.type === 'scale') return [formatMean(q.mean, lang), percent(q.topBox?.percent ?? null, lang)];
	if (q.type === 'text') return restricted ? [] : q.themes.map((t) => formatNumber(t.count, lang, 0));
	return q.options.map((o) => percent(o.percent, lang));
}

function groupColumns(q: TQuestionResult, restricted: boolean): string[] {
	if (q.type === 'scale') {
		const from = q.topBox?.from;
		return [m.results_mean(), from === undefined ? m.results_top_box() : m.results_top_box_from({ from })];
	}
	if (q.type === 'text') return restricted ? [] : q.themes.map((t) => t.label);
	return q.options.map((o) => o.label);
}

export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db, lang, event }) => {
	const { params, url } = event;
	const wave = await getWave(db, params.slug);
	const scope = await resultsScope(db, user, url.searchParams, lang);
	const options = {
		slug: wave.slug,
		organisation: scope.organisation,
		roleGroup: scope.roleGroup,
		includePartial: scope.includePartial,
		by: scope.by,
		lang
	};
	const [shown, choices] = await Promise.all([
		orHidden(getResultsForUser(db, user, options)),
		resultsFilterChoices(db, wave, scope, lang)
	]);
	// The same selection as CSV: for Swedish Excel, or plain (`,` and decimal points).
	const csvHref = (dialect?: 'en') => {
		const query = new URLSearchParams(url.searchParams);
		query.delete('dialect');
		if (dialect) query.set('dialect', dialect);
		const search = query.toString();
		return `/admin/waves/${encodeURIComponent(wave.slug)}/results.csv${search ? `?${search}` : ''}`;
	};
	const base = {
		wave: { slug: wave.slug, name: wave.name, period: wave.period },
		downloads: { csv: csvHref(), csvEn: csvHref('en') },
		restricted: scope.restricted,
		// Administrators and analysts read every free-text answer (they can export them too); others the released.
		readsAll: hasRole(user.role, MANAGERS),
		k: wave.minGroupSize,
		choices,
		values: {
			organisation: url.searchParams.get('organisation') ?? '',
			role: scope.roleGroup ?? '',
			partial: scope.includePartial,
			by: scope.by ?? ''
		}
	};
	if (!shown) return { ...base, hidden: true as const, summary: null, questions: [], breakdown: null };
	const results = shown;
	const respondents = results.responses.complete + (scope.includePartial ? results.responses.partial : 0);
	const questions = results.questions;
	return {
		...base,
		hidden: false as const,
		summary: {
			complete: formatNumber(results.responses.complete, lang, 0),
			partial: formatNumber(results.responses.partial, lang, 0),
			headline: responseHeadline({ organisations: results.organisations, respondents }, lang),
			empty: respondents === 0
		},
		questions: questions.map((q) => shownQuestion(q, lang, scope.restricted)),
		breakdown: !results.breakdown
			? null
			: questions.map((q) => ({
					code: q.code,
					text: q.text,
					columns: groupColumns(q, scope.restricted),
					groups: (results.breakdown ?? []).map((g) => {
						const own = g.questions.find((gq) => gq.code === q.code);
						return {
							label: g.label,
							suppressed: g.suppressed || own?.suppressed === true,
							n: g.n === null ? null : formatNumber(own?.n ?? 0, lang, 0),
							cells: groupCells(own, lang, scope.restricted)
						};
					})
				}))
	};
});
