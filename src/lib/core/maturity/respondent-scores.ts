import type { TAnswerMap } from '../questionnaire/answer.ts';
import { answerTo } from '../questionnaire/answer.ts';
import { dimensionScore } from './dimension-score.ts';
import { itemScore } from './item-score.ts';
import type { TMaturityModel } from './maturity-model.ts';

/** One respondent's dimension scores (null where too few items are answered), keyed by dimension code. */
export function respondentScores(model: TMaturityModel, answers: TAnswerMap): Record<string, number | null> {
	const scores: Record<string, number | null> = {};
	for (const dimension of model.dimensions) {
		const itemScores = dimension.items.map((code) => {
			const question = model.items.find((q) => q.code === code);
			const answer = answerTo(answers, code);
			if (!question || !answer) return null;
			if (answer.kind === 'single') return itemScore(question, { optionCode: answer.option, valueNum: null });
			if (answer.kind === 'scale') return itemScore(question, { optionCode: '', valueNum: answer.value });
			return null;
		});
		scores[dimension.code] = dimensionScore(itemScores);
	}
	return scores;
}
