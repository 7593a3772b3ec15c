/**
 * A LimeSurvey code (`Q1`, `SQ001`, `A-1`, `1`) as a code of the model: lower-case, any other character
 * `_`, and `prefix` before one that does not start with a letter (`1` → `a1`).
 */
export function toModelCode(raw: string, prefix: string): string {
	const code = raw
		.trim()
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9_]/g, '_');
	return /^[a-z]/.test(code) ? code : `${prefix}${code}`;
}

/**
 * Gives each code of one list a model code, unique in the list: one already given gets `_2`, `_3`, … in
 * the order asked, so the same file always gives the same codes.
 */
export function codeAllocator(prefix: string): (raw: string) => string {
	const taken = new Set<string>();
	return (raw) => {
		const base = toModelCode(raw, prefix);
		let code = base;
		for (let n = 2; taken.has(code); n++) code = `${base}_${n}`;
		taken.add(code);
		return code;
	};
}
