import type { TMaturityLevel } from './maturity-model.ts';
import { maturityLevel } from './maturity-profile.ts';

/** How many respondents have an index at each level, from counts per index value. Every level is listed. */
export function countLevels(
	levels: TMaturityLevel[],
	indices: Array<{ index: number; respondents: number }>
): Array<{ code: string; respondents: number }> {
	const counts = new Map(levels.map((l) => [l.code, 0]));
	for (const { index, respondents } of indices) {
		const level = maturityLevel(index, levels);
		if (level !== null) counts.set(level, (counts.get(level) ?? 0) + respondents);
	}
	return [...counts].map(([code, respondents]) => ({ code, respondents }));
}
