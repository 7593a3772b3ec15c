/**
 * A respondent's score in one dimension: the mean of the item scores they have (null = missing), and
 * only when at least half of the dimension's items have one (1 of 2 is enough, 1 of 3 is not).
 */
export function dimensionScore(itemScores: Array<number | null>): number | null {
	const answered = itemScores.filter((s): s is number => s !== null);
	if (answered.length === 0 || answered.length * 2 < itemScores.length) return null;
	return answered.reduce((sum, s) => sum + s, 0) / answered.length;
}
