import { formatNumber } from '../statistics/format-number.ts';

export interface THeadlineFigures {
	/** Units asked and units that answered, counted at the level below the wave's owner (municipalities). */
	organisations: { invited: number; responded: number };
	/** Responses counted: complete ones, plus partial ones when they are included. */
	respondents: number;
}

/**
 * The seed's headline sentence from a wave's results: "Svar inkom från 10 av 14 kommuner,
 * 20 respondenter" (English: "Responses came from 10 of 14 municipalities, 20 respondents").
 */
export function responseHeadline(figures: THeadlineFigures, lang: 'sv' | 'en'): string {
	const { invited, responded } = figures.organisations;
	const n = (value: number) => formatNumber(value, lang, 0);
	if (lang === 'en') {
		const units = invited === 1 ? 'municipality' : 'municipalities';
		const people = figures.respondents === 1 ? 'respondent' : 'respondents';
		return `Responses came from ${n(responded)} of ${n(invited)} ${units}, ${n(figures.respondents)} ${people}`;
	}
	const units = invited === 1 ? 'kommun' : 'kommuner';
	const people = figures.respondents === 1 ? 'respondent' : 'respondenter';
	return `Svar inkom från ${n(responded)} av ${n(invited)} ${units}, ${n(figures.respondents)} ${people}`;
}
