import { roundHalfUp } from '../statistics/round-half-up.ts';
import type { TMaturityDimension, TMaturityLevel, TMaturityModel } from './maturity-model.ts';

/** Dimension scores keyed by dimension code; null where there is none. */
export type TDimensionScores = Record<string, number | null>;

export interface TMaturityProfile {
	/** Every dimension of the model, 0–100 to one decimal, null where there is no score. */
	dimensions: TDimensionScores;
	/** The weighted mean of the dimension scores, one decimal; null when fewer than half have a score. */
	index: number | null;
	/** The dimension with the lowest score as shown (the first in questionnaire order on a tie). */
	weakest: string | null;
	/** The code of the index's level. */
	level: string | null;
	/** Capability (all but legacy dimensions) against legacy; null when the model has no legacy dimension. */
	placement: { capability: number | null; legacy: number | null } | null;
}

/** Scores are shown with one decimal, like percents: they are on the same 0–100 scale. */
export const roundScore = (score: number): number => roundHalfUp(score, 1);

/**
 * The weighted mean of the dimensions that have a score, when at least half of the dimensions do —
 * the same rule as for the items of one dimension. Null otherwise.
 */
export function weightedIndex(dimensions: TMaturityDimension[], scores: TDimensionScores): number | null {
	let weighted = 0;
	let weights = 0;
	let scored = 0;
	for (const dimension of dimensions) {
		const score = scores[dimension.code];
		if (score === null || score === undefined) continue;
		weighted += score * dimension.weight;
		weights += dimension.weight;
		scored++;
	}
	if (scored === 0 || scored * 2 < dimensions.length) return null;
	return weighted / weights;
}

/**
 * The level of a score: the highest level whose minimum the score, rounded to one decimal as it is
 * shown, has reached. So the shown number and its level always agree: with 0–33 Låg and 34–66 Medel,
 * 33.5 is Låg (it has not reached 34), 33.96 is shown as 34.0 and is Medel.
 */
export function maturityLevel(score: number | null, levels: TMaturityLevel[]): string | null {
	if (score === null) return null;
	const shown = roundScore(score);
	let found: string | null = null;
	for (const level of levels) if (shown >= level.min) found = level.code;
	return found;
}

/** The full profile of one respondent, organisation or region from its (unrounded) dimension scores. */
export function maturityProfile(model: TMaturityModel, scores: TDimensionScores): TMaturityProfile {
	const index = weightedIndex(model.dimensions, scores);
	let weakest: string | null = null;
	let lowest = Number.POSITIVE_INFINITY;
	const dimensions: TDimensionScores = {};
	for (const dimension of model.dimensions) {
		const score = rounded(scores[dimension.code] ?? null);
		dimensions[dimension.code] = score;
		// Compared as shown: two dimensions that both show 33.3 are a tie, won by the first.
		if (score !== null && score < lowest) {
			lowest = score;
			weakest = dimension.code;
		}
	}
	const legacy = model.dimensions.filter((d) => d.legacy);
	const placement =
		legacy.length === 0
			? null
			: {
					capability: rounded(
						weightedIndex(
							model.dimensions.filter((d) => !d.legacy),
							scores
						)
					),
					legacy: rounded(weightedIndex(legacy, scores))
				};
	return { dimensions, index: rounded(index), weakest, level: maturityLevel(index, model.levels), placement };
}

const rounded = (score: number | null) => (score === null ? null : roundScore(score));
