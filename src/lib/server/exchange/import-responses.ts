import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	planImport,
	type THeaderIssue,
	type TImportPlan,
	ZImportMapping
} from '../../core/exchange/import-mapping.ts';
import type { TImportProblem } from '../../core/exchange/import-problem.ts';
import { importReader, type TImportedResponse } from '../../core/exchange/import-response.ts';
import { responseColumns } from '../../core/exchange/response-columns.ts';
import { organisationLookup } from '../../core/organisations/organisation-lookup.ts';
import type { TAnswerRow } from '../../core/questionnaire/answer.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb, TTx } from '../db/client.ts';
import { answers, organisations, responses } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { insertResponses } from '../responses/store-responses.ts';
import { refreshWaveScores } from '../results/refresh-response-scores.ts';
import { findWaveBySlug } from '../waves/find-wave-by-slug.ts';
import { listWaveOrganisations } from '../waves/list-wave-organisations.ts';
import { readImportRows, type TImportSource } from './import-read-rows.ts';

/** Most responses one file imports (a region's survey is far smaller; the limit keeps a mistake bounded). */
export const MAX_RESPONSE_IMPORT_ROWS = 200_000;
/** Largest response file read (the CLI; uploads are bounded further by the server's body limit). */
export const MAX_RESPONSE_IMPORT_BYTES = 512 * 1024 * 1024;
/** Most problems listed; all are counted. */
export const MAX_LISTED_PROBLEMS = 1000;

// Rows checked against the database and written together (store-responses.ts writes their answers in
// larger statements).
const BATCH = 500;

export const ZImportResponses = z.object({
	waveSlug: z.string().min(1),
	source: z.custom<TImportSource>(
		(v) => typeof v === 'object' && v !== null && ('path' in v || 'bytes' in v || 'chunks' in v),
		'expected a file path, bytes or chunks'
	),
	/** For another tool's export: which column is which (see import-mapping.ts). */
	mapping: ZImportMapping.optional(),
	/** Check everything and report, writing nothing. */
	dryRun: z.boolean().default(false),
	/** Who imports, for the audit log (a user's e-mail, or `cli`). */
	actor: z.string().min(1),
	/** The language of the respondent form's messages in problems. */
	lang: z.enum(['sv', 'en']).default('en'),
	maxRows: z.number().int().positive().default(MAX_RESPONSE_IMPORT_ROWS),
	maxBytes: z.number().int().positive().default(MAX_RESPONSE_IMPORT_BYTES)
});
export type ImportResponsesOptions = z.input<typeof ZImportResponses>;

export type TImportResponsesResult =
	| {
			ok: true;
			dryRun: boolean;
			/** Data rows read. */
			rows: number;
			/** Responses written (or, in a dry run, that would be). */
			imported: number;
			/** Rows imported before with the same content: left as they are. */
			unchanged: number;
	  }
	/** The header does not fit the questionnaire (or the mapping): nothing was read further. */
	| { ok: false; columns: THeaderIssue[]; problems: []; problemCount: 0; rows: 0 }
	/** Bad cells: the first MAX_LISTED_PROBLEMS by line, and how many there are. */
	| { ok: false; columns: []; problems: TImportProblem[]; problemCount: number; rows: number };

type TScanned = { line: number; response: TImportedResponse };

/**
 * Imports a file of responses (our export format, or another tool's through a mapping) into a wave of the
 * same questionnaire, all or nothing. The file is streamed twice: first every row is checked (cells, the
 * respondent form's validation, units, duplicated ids, earlier imports) without writing; only a file without
 * problems is read again and written in batches inside one transaction. Each response keeps the file's id
 * as its import key: importing the same file again changes nothing, and a file whose ids were imported with
 * other content is refused (its rows listed) rather than overwriting answers.
 */
export async function importResponses(
	db: TDb,
	options: ImportResponsesOptions
): Promise<TImportResponsesResult> {
	const input = ZImportResponses.parse(options);
	const wave = await findWaveBySlug(db, input.waveSlug);
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${input.waveSlug}"`);
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	const units = wave.ownerOrganisationId
		? await listWaveOrganisations(db, wave.ownerOrganisationId)
		: await db
				.select({ id: organisations.id, code: organisations.code, name: organisations.name })
				.from(organisations);
	const columns = responseColumns(questionnaire);
	const lookup = organisationLookup(units);
	const fileName = ('fileName' in input.source ? input.source.fileName : undefined) ?? '';

	const scan = async (
		conn: TDb | TTx,
		onBatch: ((batch: TScanned[]) => Promise<void>) | null
	): Promise<TImportResponsesResult> => {
		let plan: TImportPlan | null = null;
		let reader: ReturnType<typeof importReader> | null = null;
		const problems: TImportProblem[] = [];
		let problemCount = 0;
		const report = (found: TImportProblem[]) => {
			problemCount += found.length;
			for (const p of found) if (problems.length < MAX_LISTED_PROBLEMS) problems.push(p);
		};
		const firstLine = new Map<string, number>();
		// A wave without responses has nothing to compare with: its batches need no lookups.
		const [{ existing } = { existing: 0 }] = await conn
			.select({ existing: sql<number>`count(*)::int` })
			.from(responses)
			.where(eq(responses.waveId, wave.id));
		let rows = 0;
		let imported = 0;
		let unchanged = 0;
		let batch: TScanned[] = [];
		let idColumn = 'response_id';
		const flush = async () => {
			const fresh = existing > 0 ? await compareWithWave(conn, wave.id, batch, idColumn, report) : batch;
			unchanged += batch.length - fresh.length;
			imported += fresh.length;
			if (onBatch && problemCount === 0 && fresh.length > 0) await onBatch(fresh);
			batch = [];
		};
		for await (const { line, cells, literalText } of readImportRows(input.source, {
			...input,
			connection: conn
		})) {
			if (!plan) {
				const planned = planImport(
					columns,
					cells.map((c) => (c === null ? '' : String(c))),
					input.mapping
				);
				if (!planned.ok)
					return { ok: false, columns: planned.problems, problems: [], problemCount: 0, rows: 0 };
				plan = planned.plan;
				idColumn = plan.header[plan.positions[0] ?? -1] ?? 'response_id';
				reader = importReader({ questionnaire, plan, findOrganisation: lookup.find, lang: input.lang });
				continue;
			}
			rows++;
			const read = reader?.read(line, cells, { literalText });
			if (!read) continue;
			if (!read.ok) {
				report(read.problems);
				continue;
			}
			const key = read.response.key;
			const earlier = firstLine.get(key);
			if (earlier !== undefined) {
				report([{ line, column: idColumn, code: 'duplicate_id', value: key, other: earlier }]);
				continue;
			}
			firstLine.set(key, line);
			batch.push({ line, response: read.response });
			if (batch.length >= BATCH) await flush();
		}
		if (batch.length > 0) await flush();
		if (problemCount > 0) {
			problems.sort((a, b) => a.line - b.line);
			return { ok: false, columns: [], problems, problemCount, rows };
		}
		return { ok: true, dryRun: input.dryRun, rows, imported, unchanged };
	};

	const checked = await scan(db, null);
	if (!checked.ok) {
		if (!input.dryRun) {
			await recordAudit(db, {
				actor: input.actor,
				action: 'responses.import_refused',
				subject: `wave:${wave.slug}`,
				details: {
					file: fileName,
					rows: checked.rows,
					problems: checked.problemCount || checked.columns.length
				}
			});
		}
		return checked;
	}
	if (input.dryRun || checked.imported === 0) {
		if (!input.dryRun) await auditImport(db, input.actor, wave.slug, fileName, checked);
		return checked;
	}
	return db.transaction(async (tx) => {
		const written = await scan(tx, (batch) => writeResponses(tx, wave.id, batch));
		// The file or the wave changed between the two readings: roll back rather than write half of it.
		if (!written.ok || written.imported !== checked.imported) {
			throw new AppError(
				'CONFLICT',
				'The file or the wave changed during the import; nothing was imported, try again'
			);
		}
		await refreshWaveScores(tx, wave.id, questionnaire);
		await auditImport(tx, input.actor, wave.slug, fileName, written);
		return written;
	});
}

async function auditImport(
	db: TDb | TTx,
	actor: string,
	slug: string,
	file: string,
	result: { rows: number; imported: number; unchanged: number }
) {
	await recordAudit(db, {
		actor,
		action: 'responses.import',
		subject: `wave:${slug}`,
		details: { file, rows: result.rows, imported: result.imported, unchanged: result.unchanged }
	});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The batch's responses that are new to the wave. Those imported before with the same content are
 * dropped (re-importing changes nothing); other content, or the id of a response collected in this wave,
 * is a problem.
 */
async function compareWithWave(
	db: TDb | TTx,
	waveId: string,
	batch: TScanned[],
	idColumn: string,
	report: (problems: TImportProblem[]) => void
): Promise<TScanned[]> {
	const keys = batch.map((b) => b.response.key);
	const before = await db
		.select({
			id: responses.id,
			key: responses.importKey,
			organisationId: responses.organisationId,
			role: responses.role,
			roleGroup: responses.roleGroup,
			status: responses.status,
			submittedAt: responses.submittedAt
		})
		.from(responses)
		.where(
			and(eq(responses.waveId, waveId), isNotNull(responses.importKey), inArray(responses.importKey, keys))
		);
	const ids = keys.filter((k) => UUID.test(k));
	const own = new Set(
		ids.length === 0
			? []
			: (
					await db
						.select({ id: responses.id })
						.from(responses)
						.where(and(eq(responses.waveId, waveId), inArray(responses.id, ids)))
				).map((r) => r.id.toLowerCase())
	);
	const rowsOf = new Map<string, TAnswerRow[]>();
	if (before.length > 0) {
		const stored = await db
			.select({
				responseId: answers.responseId,
				questionCode: answers.questionCode,
				optionCode: answers.optionCode,
				valueNum: answers.valueNum,
				valueText: answers.valueText
			})
			.from(answers)
			.where(
				inArray(
					answers.responseId,
					before.map((b) => b.id)
				)
			);
		for (const { responseId, ...row } of stored) {
			const list = rowsOf.get(responseId) ?? [];
			list.push(row);
			rowsOf.set(responseId, list);
		}
	}
	const byKey = new Map(before.map((b) => [b.key, b]));
	return batch.filter(({ line, response }) => {
		if (own.has(response.key.toLowerCase())) {
			report([{ line, column: idColumn, code: 'already_in_wave', value: response.key }]);
			return false;
		}
		const earlier = byKey.get(response.key);
		if (!earlier) return true;
		const same = fingerprint({ ...earlier, rows: rowsOf.get(earlier.id) ?? [] }) === fingerprint(response);
		if (!same) report([{ line, column: idColumn, code: 'changed', value: response.key }]);
		return false;
	});
}

/** A response's content as one comparable string: meta and answer rows in a fixed order. */
function fingerprint(r: Omit<TImportedResponse, 'key'>): string {
	const rows = r.rows
		.map((a) => [a.questionCode, a.optionCode, a.valueNum, a.valueText])
		.sort((a, b) => `${a[0]}\u0000${a[1]}`.localeCompare(`${b[0]}\u0000${b[1]}`));
	return JSON.stringify([
		r.organisationId,
		r.role,
		r.roleGroup,
		r.status,
		r.submittedAt ? r.submittedAt.getTime() : null,
		rows
	]);
}

async function writeResponses(tx: TTx, waveId: string, batch: TScanned[]): Promise<void> {
	const now = new Date();
	await insertResponses(
		tx,
		waveId,
		batch.map(({ response }) => ({
			response: {
				organisationId: response.organisationId,
				role: response.role,
				roleGroup: response.roleGroup,
				status: response.status,
				startedAt: response.submittedAt ?? now,
				updatedAt: response.submittedAt ?? now,
				submittedAt: response.submittedAt,
				importKey: response.key
			},
			rows: response.rows
		}))
	);
}
