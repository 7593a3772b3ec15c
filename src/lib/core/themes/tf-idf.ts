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

/**
 * All pairwise cosine similarities of unit-length vectors, as a symmetric matrix. The vectors are turned
 * into sorted term-number arrays once, so each pair is one merge of two short lists.
 */
export function similarityMatrix(vectors: readonly TVector[]): number[][] {
	const termNumbers = new Map<string, number>();
	const sparse = vectors.map((vector) => {
		const entries = [...vector].map(([stem, weight]): [number, number] => {
			let number = termNumbers.get(stem);
			if (number === undefined) {
				number = termNumbers.size;
				termNumbers.set(stem, number);
			}
			return [number, weight];
		});
		entries.sort((a, b) => a[0] - b[0]);
		return { terms: Int32Array.from(entries, (e) => e[0]), weights: Float64Array.from(entries, (e) => e[1]) };
	});
	const n = vectors.length;
	const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(0));
	for (let i = 0; i < n; i++) {
		const a = sparse[i];
		const row = matrix[i];
		if (!a || !row) continue;
		row[i] = a.terms.length > 0 ? 1 : 0;
		for (let j = i + 1; j < n; j++) {
			const b = sparse[j];
			if (!b) continue;
			let sum = 0;
			let x = 0;
			let y = 0;
			while (x < a.terms.length && y < b.terms.length) {
				const ta = a.terms[x] ?? 0;
				const tb = b.terms[y] ?? 0;
				if (ta === tb) sum += (a.weights[x++] ?? 0) * (b.weights[y++] ?? 0);
				else if (ta < tb) x++;
				else y++;
			}
			row[j] = sum;
			const other = matrix[j];
			if (other) other[i] = sum;
		}
	}
	return matrix;
}
