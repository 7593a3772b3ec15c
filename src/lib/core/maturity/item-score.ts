import type { TQuestion } from '../questionnaire/definition.ts';

/** The part of a stored answer row that scores it. */
export interface TScoredRow {
	optionCode: string;
	valueNum: number | null;
}

/**
 * A question's contribution to its maturity dimension, 0–100, or null when the answer does not count:
 * `ja` = 100 and `nej` = 0 (the other way round for a reversed item); any other option (`vet_ej`) is
 * missing. A scale point x scores (x − min) / (max − min) × 100 (reversed: 100 minus that); a stored
 * value that is not a point of the scale (out of range or not whole, e.g. left by an older version of
 * the questionnaire) is missing rather than an error. Questions without a dimension score null.
 */
export function itemScore(question: TQuestion, row: TScoredRow): number | null {
	if (question.dimension === undefined) return null;
	let score: number | null = null;
	if (question.type === 'single') {
		score = row.optionCode === 'ja' ? 100 : row.optionCode === 'nej' ? 0 : null;
	} else if (question.type === 'scale') {
		const x = row.valueNum;
		if (x === null || !Number.isInteger(x) || x < question.min || x > question.max) return null;
		score = ((x - question.min) / (question.max - question.min)) * 100;
	}
	if (score === null) return null;
	return question.reversed ? 100 - score : score;
}

/** One scored answer, as a row of the lookup table the database joins answers to. */
export interface TItemScoreRow {
	questionCode: string;
	optionCode: string;
	/** The scale point; null for a choice. */
	valueNum: number | null;
	score: number;
	dimension: string;
}

/**
 * Every answer that scores, for the given questions: the options that count and every point of each
 * scale. Built from `itemScore`, so the database and this module cannot disagree on a score.
 */
export function itemScoreTable(questions: TQuestion[]): TItemScoreRow[] {
	const rows: TItemScoreRow[] = [];
	for (const question of questions) {
		const dimension = question.dimension;
		if (dimension === undefined) continue;
		const candidates: TScoredRow[] =
			question.type === 'single'
				? question.options.map((o) => ({ optionCode: o.code, valueNum: null }))
				: question.type === 'scale'
					? Array.from({ length: question.max - question.min + 1 }, (_, i) => ({
							optionCode: '',
							valueNum: question.min + i
						}))
					: [];
		for (const candidate of candidates) {
			const score = itemScore(question, candidate);
			if (score !== null) rows.push({ questionCode: question.code, ...candidate, score, dimension });
		}
	}
	return rows;
}
