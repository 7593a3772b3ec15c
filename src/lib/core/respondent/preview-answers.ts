import { z } from 'zod';
import type { TAnswer, TAnswerMap } from '../questionnaire/answer.ts';
import type { TQuestion, TQuestionnaire } from '../questionnaire/definition.ts';

// A preview stores nothing: the answers given so far travel with the preview's own pages, as one
// parameter of their address (base64url of JSON), and are read back here.

/** Longer than any questionnaire's answers need; a longer parameter is not a preview's. */
const MAX_LENGTH = 64_000;

const ZPreviewAnswer = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('single'), option: z.string().max(100) }),
	z.object({
		kind: z.literal('multi'),
		options: z.array(z.string().max(100)).max(100),
		other: z.string().max(4000).optional()
	}),
	z.object({ kind: z.literal('scale'), value: z.number().finite() }),
	z.object({ kind: z.literal('text'), value: z.string().max(20_000) })
]);

/** The answers so far, for the address of the next preview page. */
export function encodePreviewAnswers(answers: TAnswerMap): string {
	return Buffer.from(JSON.stringify(answers), 'utf8').toString('base64url');
}

/**
 * The answers carried by a preview page's address. Whatever is not an answer of this questionnaire's
 * questions, of the question's kind, is left out: a changed draft or an edited address then starts those
 * questions empty instead of failing.
 */
export function decodePreviewAnswers(encoded: string | null, questionnaire: TQuestionnaire): TAnswerMap {
	if (!encoded || encoded.length > MAX_LENGTH) return {};
	let data: unknown;
	try {
		data = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
	} catch {
		return {};
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
	const kinds = new Map(
		questionnaire.sections.flatMap((s) => s.questions).map((q) => [q.code, answerKind(q.type)])
	);
	const answers: TAnswerMap = {};
	for (const [code, value] of Object.entries(data)) {
		const parsed = ZPreviewAnswer.safeParse(value);
		if (parsed.success && kinds.get(code) === parsed.data.kind) answers[code] = parsed.data as TAnswer;
	}
	return answers;
}

function answerKind(type: TQuestion['type']): TAnswer['kind'] | undefined {
	// Background questions are asked on an open link's start page, which a preview does not show.
	return type === 'background' ? undefined : (type as TAnswer['kind']);
}
