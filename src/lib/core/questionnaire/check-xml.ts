import { XMLValidator } from 'fast-xml-parser';

/** Why an uploaded XML file (a LimeSurvey survey, a translation) is not read. */
export type TXmlProblem =
	/** A document type: it could declare entities that expand without end; neither file has one. */
	| { key: 'doctype' }
	/** The text ends before its elements are closed: a file cut off in the middle. */
	| { key: 'truncated' }
	| { key: 'malformed'; line: number; column: number; reason: string };

/** Checks that a text is well-formed XML without a DOCTYPE, before any parser reads it. */
export function checkXml(xml: string): TXmlProblem | null {
	if (/<!DOCTYPE/i.test(xml)) return { key: 'doctype' };
	const valid = XMLValidator.validate(xml);
	if (valid === true) return null;
	const { code, line, col, msg } = valid.err;
	// The validator names the elements left open when the text ends.
	if (code === 'InvalidXml' && msg.startsWith("Invalid '[")) return { key: 'truncated' };
	return { key: 'malformed', line, column: col, reason: msg };
}

/** A malformed file's sentence in the user's language, naming the line and column. */
export const malformedXmlMessage = (
	problem: { line: number; column: number; reason: string },
	lang: 'sv' | 'en'
) =>
	lang === 'sv'
		? `Filen är inte giltig XML (rad ${problem.line}, kolumn ${problem.column}): ${problem.reason}`
		: `The file is not valid XML (line ${problem.line}, column ${problem.column}): ${problem.reason}`;
