import snowball from 'snowball-stemmers';
import stopwordsIso from 'stopwords-iso' with { type: 'json' };

/**
 * Words that say nothing about a theme in answers to a survey of municipal managers (asked about their
 * own organisation), beside the general Swedish stop words.
 */
const surveyWords = [
	'kommun',
	'kommunen',
	'kommunens',
	'kommuner',
	'vår',
	'våra',
	'vårt',
	'digital',
	'digitala',
	'digitalt',
	'utveckling',
	'utvecklingen',
	'driver',
	'även',
	'samt',
	'också',
	'mm',
	'osv',
	'etc',
	'tex',
	'vet',
	'vete',
	'kommentar',
	'kommentarer'
];

const stopWords: ReadonlySet<string> = new Set([
	...((stopwordsIso as Record<string, string[]>).sv ?? []),
	...surveyWords
]);
const stemmer = snowball.newStemmer('swedish');

export interface TToken {
	/** The Swedish stem, used to compare answers. */
	stem: string;
	/** The word as written (lower case), used to name a theme. */
	word: string;
}

/**
 * The content words of a Swedish text: lower case, split on anything that is not a letter (å, ä, ö and
 * other accented letters count), stop words and one-letter words left out, each with its stem.
 */
export function tokenize(text: string): TToken[] {
	const tokens: TToken[] = [];
	for (const word of text
		.toLocaleLowerCase('sv')
		.normalize('NFC')
		.split(/[^\p{L}]+/u)) {
		if (word.length < 2 || stopWords.has(word)) continue;
		tokens.push({ stem: stemmer.stem(word), word });
	}
	return tokens;
}
