export type TColumnSpec<K extends string> = Record<K, readonly string[]>;

export type TMatchedColumns<K extends string> =
	| { ok: true; index: Record<K, number>; labels: Record<K, string> }
	| { ok: false; problem: string };

/** A header cell compared without case, surrounding space, repeated spaces or a stray byte order mark. */
export const normaliseHeader = (cell: string) =>
	cell
		.replace(/^\uFEFF/, '')
		.trim()
		.replace(/\s+/g, ' ')
		.toLocaleLowerCase('sv');

/**
 * Finds each wanted column in a header by any of its accepted names (`spec[key][0]` is the name shown in
 * messages). Refuses missing columns (except `optional` ones, indexed -1), naming all of them, and a column
 * given twice. Other columns are ignored.
 */
export function matchColumns<K extends string>(
	header: string[],
	spec: TColumnSpec<K>,
	optional: readonly NoInfer<K>[] = []
): TMatchedColumns<K> {
	const normalised = header.map(normaliseHeader);
	const index = {} as Record<K, number>;
	const labels = {} as Record<K, string>;
	const missing: string[] = [];
	for (const key of Object.keys(spec) as K[]) {
		const names = spec[key];
		const found = normalised.flatMap((cell, i) => (names.includes(cell) ? [i] : []));
		const [first, second] = found;
		if (first === undefined) {
			// An optional column that is absent reads as blank cells.
			if (optional.includes(key)) {
				index[key] = -1;
				labels[key] = names[0] ?? key;
			} else missing.push(names[0] ?? key);
		} else if (second !== undefined) {
			return {
				ok: false,
				problem: `The columns "${header[first]}" and "${header[second]}" both give the ${names[0]}; keep one`
			};
		} else {
			index[key] = first;
			labels[key] = header[first]?.trim() || key;
		}
	}
	if (missing.length > 0) {
		const accepted = (Object.keys(spec) as K[]).map((k) => spec[k].join('/')).join(', ');
		return {
			ok: false,
			problem: `The header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}. The first row must name the columns: ${accepted}`
		};
	}
	return { ok: true, index, labels };
}
