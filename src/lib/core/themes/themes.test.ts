import { describe, expect, it } from 'vitest';
import { drivkrafterAnswers } from '../testing/drivkrafter-answers.ts';
import { clusterByAverageLinkage } from './cluster.ts';
import { suggestThemes, themeName } from './suggest-themes.ts';
import { cosineSimilarity, similarityMatrix, tfIdfVectors } from './tf-idf.ts';
import { tokenize } from './tokenize.ts';

describe('tokenize', () => {
	it('keeps Swedish content words in lower case with their stems, without stop words or punctuation', () => {
		expect(tokenize('Medborgarnas FÖRVÄNTNINGAR på e-tjänster, och vår ekonomi!')).toEqual([
			{ stem: 'medborg', word: 'medborgarnas' },
			{ stem: 'förväntning', word: 'förväntningar' },
			{ stem: 'tjänst', word: 'tjänster' },
			{ stem: 'ekonomi', word: 'ekonomi' }
		]);
	});

	it('gives nothing for an answer without content words', () => {
		expect(tokenize('Vet ej.')).toEqual([]);
		expect(tokenize('- 42 -')).toEqual([]);
	});
});

describe('TF-IDF and cosine similarity', () => {
	it('gives 1 for the same words, 0 for no shared word, and in between for some', () => {
		const [a, b, c, d] = tfIdfVectors(
			['ekonomi resurser', 'resurser ekonomi', 'medborgare service', 'ekonomi service'].map(tokenize)
		);
		expect(cosineSimilarity(a ?? new Map(), b ?? new Map())).toBeCloseTo(1, 12);
		expect(cosineSimilarity(a ?? new Map(), c ?? new Map())).toBe(0);
		// a = (ekonomi, resurs) and d = (ekonomi, service) share ekonomi; all idf are equal-ish:
		// df(ekonomi) = 3, df(resurs) = 2, df(service) = 2 with N = 4:
		// idf = ln(5/4)+1 = 1.2231 and ln(5/3)+1 = 1.5108; cos = 1.2231² / (1.2231² + 1.5108²) = 0.3960.
		expect(cosineSimilarity(a ?? new Map(), d ?? new Map())).toBeCloseTo(0.396, 3);
	});

	it('gives an empty vector for an empty document, similar to nothing', () => {
		const [empty, other] = tfIdfVectors([[], tokenize('ekonomi')]);
		expect(empty?.size).toBe(0);
		expect(cosineSimilarity(empty ?? new Map(), other ?? new Map())).toBe(0);
	});
});

describe('average-linkage clustering', () => {
	it('joins pairs above the threshold by their mean similarity and stops below it', () => {
		const similarity = [
			[1, 0.9, 0.1, 0],
			[0.9, 1, 0.3, 0],
			[0.1, 0.3, 1, 0.05],
			[0, 0, 0.05, 1]
		];
		// {0,1} join at 0.9; then {0,1}–{2} has mean (0.1 + 0.3) / 2 = 0.2.
		expect(clusterByAverageLinkage(similarity, 0.25)).toEqual([[0, 1], [2], [3]]);
		expect(clusterByAverageLinkage(similarity, 0.2)).toEqual([[0, 1, 2], [3]]);
		expect(clusterByAverageLinkage(similarity, 0)).toEqual([[0, 1, 2, 3]]);
	});
});

describe('theme suggestions', () => {
	const themeOf = new Map(drivkrafterAnswers.map((a) => [a.id, a.theme]));

	it('puts answers written for the same theme together and answers for different themes apart', () => {
		const groups = suggestThemes(drivkrafterAnswers);
		expect(groups.map((g) => g.ids)).toEqual([
			['e1', 'e2', 'e3', 'e4', 'e5', 'e6'],
			['p1', 'p2', 'p3', 'p4', 'p5', 'p6'],
			['m1', 'm2', 'm3', 'm4', 'm5', 'm6'],
			['s1', 's2', 's3', 's4', 's5', 's6']
		]);
		for (const group of groups) expect(new Set(group.ids.map((id) => themeOf.get(id))).size).toBe(1);
	});

	it('names each group by its most representative words as written, not by stems', () => {
		expect(suggestThemes(drivkrafterAnswers).map((g) => g.name)).toEqual([
			'Resurser, ansträngd och ekonomi',
			'Effektivisera, personal och personalbrist',
			'Medborgare, förväntningar och tjänster',
			'Samhället, förändras och förändringar'
		]);
	});

	it('leaves out answers without content words and groups of one', () => {
		const ids = suggestThemes(drivkrafterAnswers).flatMap((g) => g.ids);
		expect(ids).not.toContain('x1');
		expect(suggestThemes([{ id: 'a', text: 'Ekonomi' }])).toEqual([]);
		expect(suggestThemes([])).toEqual([]);
	});

	it('gives the same groups whatever the order of the answers', () => {
		const partition = (answers: typeof drivkrafterAnswers) =>
			suggestThemes(answers)
				.map((g) => [...g.ids].sort().join(' '))
				.sort();
		expect(partition([...drivkrafterAnswers].reverse())).toEqual(partition(drivkrafterAnswers));
		expect(suggestThemes(drivkrafterAnswers)).toEqual(suggestThemes(drivkrafterAnswers));
	});

	it('splits finer at a higher threshold', () => {
		const groups = suggestThemes(drivkrafterAnswers, { threshold: 0.3 });
		expect(groups.length).toBeGreaterThan(4);
		for (const group of groups) expect(new Set(group.ids.map((id) => themeOf.get(id))).size).toBe(1);
	});
});

describe('themeName', () => {
	it('joins words the Swedish way with a capital first letter', () => {
		expect(themeName(['ekonomi'])).toBe('Ekonomi');
		expect(themeName(['ekonomi', 'resurser'])).toBe('Ekonomi och resurser');
		expect(themeName(['övrigt', 'resurser', 'budget'])).toBe('Övrigt, resurser och budget');
		expect(themeName([])).toBe('');
	});
});

describe('similarityMatrix', () => {
	it('agrees with the pairwise cosine similarity and is symmetric', () => {
		const vectors = tfIdfVectors(drivkrafterAnswers.map((a) => tokenize(a.text)));
		const matrix = similarityMatrix(vectors);
		for (let i = 0; i < vectors.length; i++) {
			for (let j = 0; j < vectors.length; j++) {
				const expected =
					i === j
						? vectors[i]?.size
							? 1
							: 0
						: cosineSimilarity(vectors[i] ?? new Map(), vectors[j] ?? new Map());
				expect(matrix[i]?.[j]).toBeCloseTo(expected, 12);
			}
		}
	});
});
