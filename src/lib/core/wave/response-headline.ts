/** Counts behind the headline of a wave's response rate. */
export interface THeadlineCounts {
	/** Units that answered (at least one complete response). */
	organisationsResponded: number;
	/** Units the wave was sent to. */
	organisationsInvited: number;
	/** Complete responses. */
	respondents: number;
	/** Whether every unit counted is a municipality (then the sentence says "kommuner"). */
	municipalities: boolean;
}

/**
 * The seed report's headline: "Svar inkom från 10 av 14 kommuner, 20 respondenter", and in English.
 * The noun agrees with the number it follows ("av 1 kommun", "1 respondent").
 */
export function responseHeadline(counts: THeadlineCounts, lang: 'sv' | 'en'): string {
	const { organisationsResponded: answered, organisationsInvited: of, respondents: n } = counts;
	if (lang === 'en') {
		const unit = counts.municipalities
			? of === 1
				? 'municipality'
				: 'municipalities'
			: of === 1
				? 'organisation'
				: 'organisations';
		return `Responses came from ${answered} of ${of} ${unit}, ${n} ${n === 1 ? 'respondent' : 'respondents'}`;
	}
	const unit = counts.municipalities
		? of === 1
			? 'kommun'
			: 'kommuner'
		: of === 1
			? 'organisation'
			: 'organisationer';
	return `Svar inkom från ${answered} av ${of} ${unit}, ${n} ${n === 1 ? 'respondent' : 'respondenter'}`;
}
