import type { TMaturityModel } from './maturity-model.ts';
import { maturityProfile, type TDimensionScores, type TMaturityProfile } from './maturity-profile.ts';

/** Sum and count of the respondents' scores in one dimension. */
export interface TScoreSum {
	sum: number;
	count: number;
}

/** Respondents of a group and the sums of their dimension scores. */
export interface TScoreSums {
	/** Respondents counted for the small-group rule (also those without any dimension score). */
	respondents: number;
	dimensions: Record<string, TScoreSum>;
}

/** What the database adds up per organisation. */
export interface TOrganisationScoreSums<K> extends TScoreSums {
	organisation: K;
}

export interface TOrganisationMaturity<K> {
	organisation: K;
	respondents: number;
	/** True when the organisation shows no figures: fewer than k respondents, or hidden beside one that has. */
	hidden: boolean;
	profile: TMaturityProfile | null;
}

export interface TMaturityAggregate<K> {
	respondents: number;
	/**
	 * Every respondent counts once, also those of hidden organisations; null when the small-group rule
	 * hides the whole selection (or it has no respondents).
	 */
	pooled: TMaturityProfile | null;
	/**
	 * Each shown organisation counts once: per dimension, the unweighted mean of the organisations'
	 * means. Hidden organisations are left out, else a single hidden one could be derived from it.
	 */
	organisationMean: TMaturityProfile & { organisations: number };
	organisations: TOrganisationMaturity<K>[];
}

/** Which figures the small-group rule lets through (core/disclosure decides). */
export interface TMaturityRule<K> {
	/** The whole selection (the pooled figures). */
	pooled: boolean;
	organisation: (key: K) => boolean;
}

/**
 * Organisation and regional maturity from per-organisation sums of respondents' dimension scores. An
 * organisation's dimension score is the mean over its respondents; an organisation the small-group rule
 * hides shows nothing, and neither does the pooled region when the rule hides the selection.
 */
export function aggregateMaturity<K>(
	model: TMaturityModel,
	organisations: TOrganisationScoreSums<K>[],
	rule: TMaturityRule<K>,
	/** Respondents without a known organisation: pooled, never shown as a group. */
	unplaced: TScoreSums = { respondents: 0, dimensions: {} }
): TMaturityAggregate<K> {
	const hidden = new Set(
		organisations.filter((o) => !rule.organisation(o.organisation)).map((o) => o.organisation)
	);
	const means = organisations.map((o) => ({ ...o, scores: meansOf(model, o.dimensions) }));
	const pooled: TDimensionScores = {};
	const ofOrganisations: TDimensionScores = {};
	const shown = means.filter((o) => !hidden.has(o.organisation));
	for (const dimension of model.dimensions) {
		let sum = 0;
		let count = 0;
		for (const o of [...organisations, unplaced]) {
			sum += o.dimensions[dimension.code]?.sum ?? 0;
			count += o.dimensions[dimension.code]?.count ?? 0;
		}
		pooled[dimension.code] = count === 0 ? null : sum / count;
		const organisationMeans = shown.flatMap((o) => {
			const score = o.scores[dimension.code];
			return score === null || score === undefined ? [] : [score];
		});
		ofOrganisations[dimension.code] =
			organisationMeans.length === 0
				? null
				: organisationMeans.reduce((a, b) => a + b, 0) / organisationMeans.length;
	}
	const respondents = organisations.reduce((sum, o) => sum + o.respondents, unplaced.respondents);
	return {
		respondents,
		pooled: respondents === 0 || !rule.pooled ? null : maturityProfile(model, pooled),
		organisationMean: { ...maturityProfile(model, ofOrganisations), organisations: shown.length },
		organisations: means.map((o) => {
			const isHidden = hidden.has(o.organisation);
			return {
				organisation: o.organisation,
				respondents: o.respondents,
				hidden: isHidden,
				profile: isHidden ? null : maturityProfile(model, o.scores)
			};
		})
	};
}

function meansOf(model: TMaturityModel, sums: Record<string, TScoreSum>): TDimensionScores {
	const scores: TDimensionScores = {};
	for (const dimension of model.dimensions) {
		const total = sums[dimension.code];
		scores[dimension.code] = total && total.count > 0 ? total.sum / total.count : null;
	}
	return scores;
}
