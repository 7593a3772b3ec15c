import type { TToken } from './tokenize.ts';

/** A sparse vector: stem → weight, of unit length (or empty). */
export type TVector = ReadonlyMap<string, number>;

/**
 * TF-IDF vectors of tokenised documents, each normalised to unit length so that the dot product is the
 * cosine similarity. IDF is smoothed (`ln((1 + N) / (1 + df)) + 1`) so that a stem every answer shares
 * still counts a little instead of vanishing.
 */
export function tfIdfVectors(documents: readonly (readonly TToken[])[]): TVector[] {
	const documentFrequency = new Map<string, number>();
	for (const tokens of documents) {
		for (const stem of new Set(tokens.map((t) => t.stem))) {
			documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
		}
	}
	const n = documents.length;
	return documents.map((tokens) => {
		const counts = new Map<string, number>();
		for (const { stem } of tokens) counts.set(stem, (counts.get(stem) ?? 0) + 1);
		const vector = new Map<string, number>();
		let squares = 0;
		for (const [stem, count] of counts) {
			const weight = count * (Math.log((1 + n) / (1 + (documentFrequency.get(stem) ?? 0))) + 1);
			vector.set(stem, weight);
			squares += weight * weight;
		}
		const length = Math.sqrt(squares);
		for (const [stem, weight] of vector) vector.set(stem, weight / length);
		return vector;
	});
}

/** Cosine similarity of two unit-length vectors (0 when either is empty). */
export function cosineSimilarity(a: TVector, b: TVector): number {
	const [small, large] = a.size <= b.size ? [a, b] : [b, a];
	let sum = 0;
	for (const [stem, weight] of small) sum += weight * (large.get(stem) ?? 0);
	return sum;
}
