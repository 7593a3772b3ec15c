import { clusterByAverageLinkage } from './cluster.ts';
import { similarityMatrix, tfIdfVectors } from './tf-idf.ts';
import { type TToken, tokenize } from './tokenize.ts';

export interface TSuggestionAnswer {
	id: string;
	text: string;
}

export interface TThemeSuggestion {
	/** Ids of the answers in the group, in input order. */
	ids: string[];
	/** The group's most representative words, as written in the answers. */
	terms: string[];
	/** A candidate theme name made from the terms ("Ekonomi, resurser och budget"). */
	name: string;
}

export interface SuggestThemesOptions {
	/** Lowest mean cosine similarity at which two groups are joined. */
	threshold?: number;
	/** Smallest group worth suggesting. */
	minSize?: number;
	/** How many words name a group. */
	terms?: number;
}

/**
 * Groups of similar free-text answers with candidate theme names: Swedish stems without stop words,
 * TF-IDF vectors, cosine similarity and average-linkage clustering. Answers without content words
 * ("Vet ej", "-") are left out. Largest groups first; the same answers always give the same groups.
 */
export function suggestThemes(
	answers: readonly TSuggestionAnswer[],
	options: SuggestThemesOptions = {}
): TThemeSuggestion[] {
	const { threshold = 0.1, minSize = 2, terms = 3 } = options;
	const documents = answers
		.map((answer) => ({ id: answer.id, tokens: tokenize(answer.text) }))
		.filter((d) => d.tokens.length > 0);
	const vectors = tfIdfVectors(documents.map((d) => d.tokens));
	const similarity = similarityMatrix(vectors);
	return clusterByAverageLinkage(similarity, threshold)
		.filter((cluster) => cluster.length >= minSize)
		.sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0))
		.map((cluster) => {
			const top = topTerms(
				cluster.map((i) => vectors[i] ?? new Map()),
				cluster.flatMap((i) => documents[i]?.tokens ?? []),
				terms
			);
			return { ids: cluster.map((i) => documents[i]?.id ?? ''), terms: top, name: themeName(top) };
		});
}

// The stems with the largest summed weight in the group, each shown as the word most often written for it
// (shorter, then alphabetically first, on a tie).
function topTerms(vectors: ReadonlyMap<string, number>[], tokens: TToken[], count: number): string[] {
	const weight = new Map<string, number>();
	for (const vector of vectors) {
		for (const [stem, w] of vector) weight.set(stem, (weight.get(stem) ?? 0) + w);
	}
	const words = new Map<string, Map<string, number>>();
	for (const { stem, word } of tokens) {
		const forStem = words.get(stem) ?? new Map<string, number>();
		forStem.set(word, (forStem.get(word) ?? 0) + 1);
		words.set(stem, forStem);
	}
	return [...weight]
		.sort(([a, wa], [b, wb]) => wb - wa || a.localeCompare(b, 'sv'))
		.slice(0, count)
		.map(([stem]) => {
			const written = [...(words.get(stem) ?? new Map<string, number>())];
			written.sort(([a, ca], [b, cb]) => cb - ca || a.length - b.length || a.localeCompare(b, 'sv'));
			return written[0]?.[0] ?? stem;
		});
}

/** "Ekonomi, resurser och budget" from ["ekonomi", "resurser", "budget"]. */
export function themeName(terms: readonly string[]): string {
	if (terms.length === 0) return '';
	const joined =
		terms.length === 1 ? (terms[0] ?? '') : `${terms.slice(0, -1).join(', ')} och ${terms[terms.length - 1]}`;
	return joined.charAt(0).toLocaleUpperCase('sv') + joined.slice(1);
}
