import { formatNumber } from '../statistics/format-number.ts';

export interface THeadlineFigures {
	/** Units asked and units that answered, counted at the level below the wave's owner (municipalities). */
	organisations: { invited: number; responded: number };
	/** Responses counted: complete ones, plus partial ones when they are included. */
	respondents: number;
	/** What the units are called: municipalities (the default) unless some of them are not. */
	units?: 'municipalities' | 'organisations';
}

const NOUNS = {
	sv: {
		municipalities: ['kommun', 'kommuner'],
		organisations: ['organisation', 'organisationer'],
		respondents: ['respondent', 'respondenter']
	},
	en: {
		municipalities: ['municipality', 'municipalities'],
		organisations: ['organisation', 'organisations'],
		respondents: ['respondent', 'respondents']
	}
} as const;

/**
 * The seed's headline sentence from a wave's figures: "Svar inkom från 10 av 14 kommuner,
 * 20 respondenter" (English: "Responses came from 10 of 14 municipalities, 20 respondents"). The noun
 * agrees with the number it follows ("av 1 kommun", "1 respondent"); numbers in the language's format.
 */
export function responseHeadline(figures: THeadlineFigures, lang: 'sv' | 'en'): string {
	const { invited, responded } = figures.organisations;
	const n = (value: number) => formatNumber(value, lang, 0);
	const noun = (count: number, forms: readonly [string, string]) => (count === 1 ? forms[0] : forms[1]);
	const units = noun(invited, NOUNS[lang][figures.units ?? 'municipalities']);
	const people = noun(figures.respondents, NOUNS[lang].respondents);
	return lang === 'en'
		? `Responses came from ${n(responded)} of ${n(invited)} ${units}, ${n(figures.respondents)} ${people}`
		: `Svar inkom från ${n(responded)} av ${n(invited)} ${units}, ${n(figures.respondents)} ${people}`;
}
