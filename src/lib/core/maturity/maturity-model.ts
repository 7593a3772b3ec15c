import type { TQuestion, TQuestionnaire, TText } from '../questionnaire/definition.ts';

export interface TMaturityDimension {
	code: string;
	label: TText;
	weight: number;
	/**
	 * A digital-legacy dimension: every item in it is reversed (agreeing means the past holds the
	 * organisation back, like `it_arv`). Legacy dimensions form the second axis of the placement; the
	 * others make up capability.
	 */
	legacy: boolean;
	/** Codes of the questions that measure it, in questionnaire order. */
	items: string[];
}

export interface TMaturityLevel {
	code: string;
	label: TText;
	min: number;
	max: number;
	/** What the level means, when the questionnaire says. */
	description?: TText;
}

export interface TMaturityModel {
	/** The questionnaire's dimensions that have at least one item, in questionnaire order. */
	dimensions: TMaturityDimension[];
	/** The questions that measure a dimension. */
	items: TQuestion[];
	levels: TMaturityLevel[];
}

/**
 * The maturity index of a questionnaire, read from its data: dimensions with their weights, the
 * questions (items) in each, which dimensions are legacy, and the levels. A dimension without items
 * can never have a score, so it is left out rather than blocking every index.
 */
export function maturityModel(questionnaire: TQuestionnaire): TMaturityModel {
	const items = questionnaire.sections.flatMap((s) => s.questions).filter((q) => q.dimension !== undefined);
	const dimensions = questionnaire.dimensions.flatMap((d) => {
		const own = items.filter((q) => q.dimension === d.code);
		if (own.length === 0) return [];
		return [
			{
				code: d.code,
				label: d.label,
				weight: d.weight,
				legacy: own.every((q) => q.reversed),
				items: own.map((q) => q.code)
			}
		];
	});
	return { dimensions, items, levels: questionnaire.levels };
}
