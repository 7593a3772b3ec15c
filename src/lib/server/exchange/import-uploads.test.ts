import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TImportMapping } from '../../core/exchange/import-mapping.ts';
import { createUser } from '../auth/create-user.ts';
import { openDatabase, type TDatabase } from '../db/client.ts';
import { importUploads, responses, waves } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { csvBytes, responseFileRows, xlsxBytes } from '../testing/response-file.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { importResponses } from './import-responses.ts';
import {
	loadUpload,
	removeUpload,
	saveUpload,
	type TUpload,
	type TUploadOwner,
	UPLOAD_TTL_MS,
	updateUploadMapping,
	uploadSource
} from './import-uploads.ts';

// An upload waits in the database between the import page's posts: any app process can take the next
// step, and no other local user (or other staff account) can read or replace the file.
let database: TDatabase & { url?: string };
/** A second connection to the same database: another app process on PostgreSQL, the same one on PGlite. */
let other: TDatabase;
let owner: TUploadOwner;
let colleague: string;
let otherWave: string;

const mapping: TImportMapping = { columns: { Id: 'response_id' }, values: {}, status: 'complete' };
const meta = { fileName: 'svar.csv', columns: [{ name: 'Id', distinct: ['1', '2'] }], mapping };
const bytes = new TextEncoder().encode('Id;Kommun\n1;Luleå\n2;Piteå\n');

beforeAll(async () => {
	database = await createTestDatabase();
	other = database.url ? await openDatabase({ url: database.url, poolSize: 2 }) : database;
	const q = 'digital-mognad-i-kommuner';
	const wave = await createWave(database.db, { questionnaireCode: q, name: 'Uppladdning', slug: 'upp' });
	const second = await createWave(database.db, { questionnaireCode: q, name: 'Annan', slug: 'annan' });
	otherWave = second.id;
	const password = 'ett-långt-lösenord-för-test';
	const analyst = await createUser(
		database.db,
		{ email: 'analytiker@example.org', name: 'A', role: 'analyst', password },
		'test'
	);
	const colleagueUser = await createUser(
		database.db,
		{ email: 'kollega@example.org', name: 'K', role: 'analyst', password },
		'test'
	);
	owner = { waveId: wave.id, userId: analyst.id };
	colleague = colleagueUser.id;
});
afterAll(async () => {
	if (other !== database) await other.close();
	await database.close();
});

async function readSource(database: TDatabase, upload: TUpload): Promise<Buffer> {
	const source = uploadSource(database.db, upload);
	if (!('chunks' in source)) throw new Error('expected chunks');
	const pieces: Uint8Array[] = [];
	for await (const piece of source.chunks()) pieces.push(piece);
	return Buffer.concat(pieces);
}

describe('an upload between the import steps', () => {
	it('is stored in the database and continued through another connection, bytes intact', async () => {
		const saved = await saveUpload(database.db, owner, bytes, meta);
		const loaded = await loadUpload(other.db, saved.id, owner);
		expect(loaded?.meta).toEqual(meta);
		expect(await readSource(other, loaded ?? saved)).toEqual(Buffer.from(bytes));

		const chosen: TImportMapping = { ...mapping, status: 'partial' };
		await updateUploadMapping(other.db, saved, chosen);
		expect((await loadUpload(database.db, saved.id, owner))?.meta.mapping).toEqual(chosen);

		await removeUpload(database.db, saved);
		expect(await loadUpload(other.db, saved.id, owner)).toBeNull();
	});

	it('keeps a file of several pieces byte for byte', async () => {
		const large = new Uint8Array(2.5 * 1024 * 1024).map((_, i) => (i * 7919) % 256);
		const saved = await saveUpload(database.db, owner, large, meta);
		expect((await readSource(other, saved)).equals(Buffer.from(large))).toBe(true);
		await removeUpload(database.db, saved);
		await expect(readSource(other, saved)).rejects.toThrow('The uploaded file is no longer kept');
	});

	it('is checked and imported from the database, the import reading it inside its transaction', async () => {
		const [wave] = await database.db.select().from(waves).where(eq(waves.id, owner.waveId));
		const questionnaire = await getQuestionnaireVersion(database.db, wave?.questionnaireVersionId ?? '');
		const rows = responseFileRows(
			questionnaire,
			Array.from({ length: 40_000 }, (_, i) => ({ responseId: `r${i}`, organisationCode: '2580' }))
		);
		for (const file of [
			{ name: 'svar.csv', bytes: csvBytes(rows) },
			{ name: 'svar.xlsx', bytes: await xlsxBytes(rows.slice(0, 1001)) }
		]) {
			const saved = await saveUpload(database.db, owner, file.bytes, { ...meta, fileName: file.name });
			for (const dryRun of [true, false]) {
				const result = await importResponses(other.db, {
					waveSlug: wave?.slug ?? '',
					source: uploadSource(other.db, saved),
					dryRun,
					actor: 'test'
				});
				expect(result, `${file.name} ${dryRun}`).toMatchObject({ ok: true });
			}
		}
		// Two pieces and more: the pieces are read in order inside the transaction.
		expect(csvBytes(rows).byteLength).toBeGreaterThan(1024 * 1024);
		const [{ n } = { n: 0 }] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(responses)
			.where(eq(responses.waveId, owner.waveId));
		expect(n).toBe(40_000);
	});

	it('is not found for another user, on another wave, or by a malformed id', async () => {
		const saved = await saveUpload(database.db, owner, bytes, meta);
		expect(await loadUpload(other.db, saved.id, { ...owner, userId: colleague })).toBeNull();
		expect(await loadUpload(other.db, saved.id, { ...owner, waveId: otherWave })).toBeNull();
		expect(await loadUpload(other.db, `${saved.id}'`, owner)).toBeNull();
		expect(await loadUpload(other.db, saved.id, owner)).not.toBeNull();
	});

	it('is refused after an hour and deleted by the next upload or load', async () => {
		const start = Date.now();
		const saved = await saveUpload(database.db, owner, bytes, meta, start);
		expect(await loadUpload(other.db, saved.id, owner, start + UPLOAD_TTL_MS - 1000)).not.toBeNull();
		expect(await loadUpload(other.db, saved.id, owner, start + UPLOAD_TTL_MS + 1000)).toBeNull();
		const stored = await database.db.select({ id: importUploads.id }).from(importUploads);
		expect(stored.map((r) => r.id)).not.toContain(saved.id);
	});
});
