import { randomUUID } from 'node:crypto';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TAnswerRow } from '../../core/questionnaire/answer.ts';
import type { TTx } from '../db/client.ts';
import { answers, responses } from '../db/schema.ts';

// The one place that writes rows into `responses` and `answers`: the respondent's pages (saveSection),
// the import of a response file and the demo wave. Each takes the caller's transaction, so what the caller
// writes with it stays all or nothing.

/** Answers go in statements of at most this many rows, their columns as arrays (a handful of parameters). */
const ANSWER_BATCH = 10_000;

/** A response to store, as the `responses` table takes it (the role group may be a subquery). */
export interface TNewResponse {
	waveId: string;
	participantId?: string;
	resumeTokenHash?: string;
	organisationId: string | null;
	role?: string | null;
	roleGroup: string | null | SQL;
	lang?: 'sv' | 'en';
	status?: 'partial' | 'complete';
	startedAt?: Date;
	updatedAt?: Date;
	submittedAt?: Date | null;
	/** The response's key in an imported file: unique in the wave, so a re-import finds it. */
	importKey?: string;
}

/**
 * Stores finished responses (an import's, the demo's) with their answer rows: one statement for the
 * responses, then the answers in large batches. Gives the new responses' ids in the order given.
 */
export async function insertResponses(
	tx: TTx,
	waveId: string,
	list: ReadonlyArray<{ response: Omit<TNewResponse, 'waveId'>; rows: readonly TAnswerRow[] }>
): Promise<string[]> {
	if (list.length === 0) return [];
	const rows = list.map((item) => ({ id: randomUUID(), ...item }));
	await tx.insert(responses).values(rows.map(({ id, response }) => ({ ...response, id, waveId })));
	await insertAnswers(
		tx,
		waveId,
		rows.flatMap(({ id, rows }) => rows.map((a) => ({ responseId: id, ...a })))
	);
	return rows.map((r) => r.id);
}

/**
 * A respondent's response, created unless it is there: the unique participant (invited) or resume-token
 * hash (open link, anonymous wave) makes a double create, e.g. two tabs posting at once, one row.
 */
export async function ensureResponseRow(
	tx: TTx,
	response: TNewResponse,
	unique: 'participantId' | 'resumeTokenHash'
): Promise<{ id: string; waveId: string }> {
	const value = response[unique];
	if (value === undefined) throw new Error(`a response needs its ${unique} to be found again`);
	await tx.insert(responses).values(response).onConflictDoNothing({ target: responses[unique] });
	const [row] = await tx
		.select({ id: responses.id, waveId: responses.waveId })
		.from(responses)
		.where(eq(responses[unique], value));
	if (!row) throw new Error('response missing after insert');
	return row;
}

/**
 * Replaces a response's answers to some questions (one page): those questions' rows are deleted and the
 * given rows stored, so storing the same page twice leaves the same state.
 */
export async function replaceAnswers(
	tx: TTx,
	response: { id: string; waveId: string },
	questionCodes: readonly string[],
	rows: readonly TAnswerRow[]
): Promise<void> {
	if (questionCodes.length > 0) {
		await tx
			.delete(answers)
			.where(and(eq(answers.responseId, response.id), inArray(answers.questionCode, [...questionCodes])));
	}
	await insertAnswers(
		tx,
		response.waveId,
		rows.map((r) => ({ responseId: response.id, ...r }))
	);
}

async function insertAnswers(
	tx: TTx,
	waveId: string,
	rows: ReadonlyArray<TAnswerRow & { responseId: string }>
): Promise<void> {
	for (let i = 0; i < rows.length; i += ANSWER_BATCH) {
		const chunk = rows.slice(i, i + ANSWER_BATCH);
		await tx.execute(sql`
			insert into answers (response_id, wave_id, question_code, option_code, value_num, value_text)
			select r, ${waveId}::uuid, q, o, n, t from unnest(
				${sql.param(chunk.map((a) => a.responseId))}::uuid[],
				${sql.param(chunk.map((a) => a.questionCode))}::text[],
				${sql.param(chunk.map((a) => a.optionCode))}::text[],
				${sql.param(chunk.map((a) => a.valueNum))}::float8[],
				${sql.param(chunk.map((a) => a.valueText))}::text[]
			) as u(r, q, o, n, t)`);
	}
}
