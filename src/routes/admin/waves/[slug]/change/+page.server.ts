import { error } from '@sveltejs/kit';
import type { TQuestionChange } from '#lib/core/results/wave-change-schema.ts';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { formatSignedPoints } from '#lib/core/statistics/format-interval.ts';
import { formatMean, formatNumber, formatPercent } from '#lib/core/statistics/format-number.ts';
import { m } from '#lib/paraglide/messages.js';
import { groupedBarChart } from '#lib/server/charts/grouped-bar-chart.ts';
import { getWaveChange } from '#lib/server/results/get-wave-change.ts';
import { orHidden } from '#lib/server/results/or-hidden.ts';
import { getWave } from '#lib/server/waves/get-wave.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { resultsFilterChoices } from '#lib/server/web/results-filter-choices.ts';
import { resultsScope } from '#lib/server/web/results-scope.ts';
import type { PageServerLoad } from './$types';

type TLang = 'sv' | 'en';

const side = (s: { count: number; percent: number | null } | null, lang: TLang) =>
	s === null || s.percent === null
		? '–'
		: `${formatPercent(s.percent, lang)} (${formatNumber(s.count, lang, 0)})`;

const interval = (ci: [number, number] | null, lang: TLang) =>
	ci === null
		? '–'
		: m.results_change_interval(
				{ low: formatSignedPoints(ci[0], lang), high: formatSignedPoints(ci[1], lang) },
				{ locale: lang }
			);

/** A difference row as the texts the page shows (the engine flags the change). */
function shownDifference(
	label: string,
	d: {
		current: { count: number; percent: number | null };
		previous: { count: number; percent: number | null } | null;
		difference: number | null;
		ci95: [number, number] | null;
		changed: boolean;
	},
	lang: TLang
) {
	return {
		label,
		previous: side(d.previous, lang),
		current: side(d.current, lang),
		difference: formatSignedPoints(d.difference, lang),
		interval: interval(d.ci95, lang),
		changed: d.changed
	};
}

function shownQuestion(q: TQuestionChange, names: { previous: string; current: string }, lang: TLang) {
	const rows = q.options.map((o) => shownDifference(o.label, o, lang));
	if (q.topBox) {
		rows.push(
			shownDifference(m.results_top_box_from({ from: q.topBox.from }, { locale: lang }), q.topBox, lang)
		);
	}
	const categories = q.options.map((o) => o.label);
	const chart =
		q.options.length > 0
			? groupedBarChart({
					lang,
					categories,
					groups: [
						{
							name: names.previous,
							counts: q.options.map((o) => o.previous?.count ?? null),
							n: q.n.previous
						},
						{ name: names.current, counts: q.options.map((o) => o.current.count), n: q.n.current }
					]
				})
			: q.topBox
				? groupedBarChart({
						lang,
						categories: [m.results_top_box_from({ from: q.topBox.from }, { locale: lang })],
						groups: [
							{ name: names.previous, counts: [q.topBox.previous.count], n: q.n.previous },
							{ name: names.current, counts: [q.topBox.current.count], n: q.n.current }
						]
					})
				: null;
	const mean = (value: number | null) => formatMean(value, lang);
	return {
		code: q.code,
		type: q.type,
		text: q.text,
		n: { previous: formatNumber(q.n.previous, lang, 0), current: formatNumber(q.n.current, lang, 0) },
		rows,
		chart,
		mean: q.mean && {
			previous: mean(q.mean.previous),
			current: mean(q.mean.current),
			difference: q.mean.difference === null ? '–' : formatSignedPoints(q.mean.difference, lang)
		}
	};
}

export const load: PageServerLoad = pageLoad({ roles: ALL_ROLES }, async ({ user, db, lang, event }) => {
	const { params, url } = event;
	const wave = await getWave(db, params.slug);
	const scope = await resultsScope(db, user, url.searchParams, lang);
	const [all, choices] = await Promise.all([listWaves(db), resultsFilterChoices(db, wave, scope, lang)]);
	// Only waves of the same questionnaire (any version) can be compared.
	const candidates = all
		.filter((w) => w.questionnaireCode === wave.questionnaireCode && w.slug !== wave.slug)
		.map((w) => ({ value: w.slug, name: w.name, period: w.period }));
	const asked = url.searchParams.get('previous') || null;
	if (asked && !candidates.some((c) => c.value === asked)) {
		error(400, {
			message:
				lang === 'en'
					? 'Choose a wave of the same questionnaire to compare with.'
					: 'Välj en mätomgång av samma enkät att jämföra med.'
		});
	}
	const previous = asked ?? candidates[0]?.value ?? null;
	const base = {
		wave: { slug: wave.slug, name: wave.name },
		restricted: scope.restricted,
		k: wave.minGroupSize,
		choices,
		candidates,
		values: {
			previous: previous ?? '',
			organisation:
				url.searchParams.get('organisation') || (scope.restricted ? (scope.organisation ?? '') : ''),
			role: scope.roleGroup ?? '',
			partial: scope.includePartial
		}
	};
	if (!previous) return { ...base, change: null };
	// A selection the small-group rule hides in either wave: the page says so instead of showing figures.
	const change = await orHidden(
		getWaveChange(db, {
			slug: wave.slug,
			previous,
			organisation: scope.organisation,
			roleGroup: scope.roleGroup,
			includePartial: scope.includePartial,
			lang
		})
	);
	if (!change) {
		const earlier = await getWave(db, previous);
		return {
			...base,
			change: {
				names: { previous: earlier.name, current: wave.name },
				responses: { previous: '–', current: '–' },
				hidden: true,
				empty: false,
				questions: [],
				notComparable: []
			}
		};
	}
	const hidden = false;
	const names = { previous: change.previous.name, current: change.wave.name };
	return {
		...base,
		change: {
			names,
			responses: {
				previous: formatNumber(change.responses.previous, lang, 0),
				current: formatNumber(change.responses.current, lang, 0)
			},
			hidden,
			empty: change.responses.current === 0 || change.responses.previous === 0,
			questions: hidden ? [] : change.questions.map((q) => shownQuestion(q, names, lang)),
			notComparable: change.notComparable
		}
	};
});
