/** A condition as this import reads it: one question equal to one of some values. */
export interface TLssEquality {
	/** The question as the expression names it (`Q1`, `Q1_SQ001`, `123X4X56`). */
	ref: string;
	values: string[];
}

const TOKEN = /\s+|\(|\)|==|\|\||"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z]+)?/y;
// What `Q1.NAOK` and `Q1.code` mean here is the answer itself; `Q1.shown`, `Q1.relevanceStatus` are not.
const ANSWER_SUFFIX = /\.(NAOK|code|value)$/;

/**
 * Reads a relevance equation of the simple forms `Q1 == "A1"`, `Q1.NAOK == "A1"`, `((Q1.NAOK == "A1"))`
 * and `Q1 == "A1" or Q1 == "A2"` (also `||`, `eq`): `null` for no condition (`1` or empty), `undefined`
 * for anything else (and, !=, functions, two questions).
 */
export function readRelevance(expression: string): TLssEquality | null | undefined {
	const source = expression.trim();
	if (source === '' || source === '1') return null;
	const tokens: string[] = [];
	let depth = 0;
	TOKEN.lastIndex = 0;
	while (TOKEN.lastIndex < source.length) {
		const start = TOKEN.lastIndex;
		const match = TOKEN.exec(source);
		if (!match || TOKEN.lastIndex === start) return undefined;
		const token = match[0];
		if (/^\s+$/.test(token)) continue;
		// An OR of equalities means the same however it is bracketed: only the balance matters.
		if (token === '(') depth++;
		else if (token === ')') {
			if (--depth < 0) return undefined;
		} else tokens.push(token);
	}
	if (depth !== 0) return undefined;
	let ref: string | undefined;
	const values: string[] = [];
	for (let i = 0; i < tokens.length; i += 4) {
		const [left, operator, right, joiner] = tokens.slice(i, i + 4);
		if (left === undefined || right === undefined || (operator !== '==' && operator !== 'eq'))
			return undefined;
		if (joiner !== undefined && joiner !== '||' && joiner.toLowerCase() !== 'or') return undefined;
		if (joiner !== undefined && i + 4 >= tokens.length) return undefined;
		const [name, value] = isName(left) ? [left, right] : [right, left];
		if (!isName(name) || isName(value)) return undefined;
		if (name.includes('.') && !ANSWER_SUFFIX.test(name)) return undefined;
		const question = name.replace(ANSWER_SUFFIX, '');
		if (ref !== undefined && ref !== question) return undefined;
		ref = question;
		values.push(/^["']/.test(value) ? value.slice(1, -1) : value);
	}
	return ref === undefined ? undefined : { ref, values };
}

const isName = (token: string) => /^[A-Za-z_]/.test(token) && !['or', 'eq'].includes(token.toLowerCase());
