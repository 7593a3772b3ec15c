import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedResultsDataset } from '../../../../tests/support/results-dataset.ts';
import type { TDatabase } from '../db/client.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { exportResponsesCsv } from './export-responses-csv.ts';
import { exportResponsesXlsx } from './export-responses-xlsx.ts';
import { importResponses } from './import-responses.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';

beforeAll(async () => {
	database = await createTestDatabase();
	await seedResultsDataset(database.db);
	for (const slug of ['forra-csv', 'forra-xlsx']) {
		await createWave(database.db, { questionnaireCode: Q, questionnaireVersion: 3, name: slug, slug });
	}
	await createWave(database.db, { questionnaireCode: Q, name: 'Nu igen', slug: 'nu-igen', minGroupSize: 3 });
});
afterAll(async () => database.close());

async function bytesOf(body: Readable): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
	return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A wave's results without what names the wave itself, and without the count of invited units: an import
 * brings answers, not participants (no personal data travels in the file).
 */
async function results(slug: string, by?: 'organisation' | 'role') {
	const { wave, organisations, ...rest } = await getWaveResults(database.db, {
		slug,
		by,
		includePartial: true
	});
	return { questionnaire: wave.questionnaire, responded: organisations.responded, ...rest };
}

describe('export, then import into another wave of the same questionnaire', () => {
	it('gives the same results from the CSV export, by organisation and role group too', async () => {
		const file = await exportResponsesCsv(database.db, { slug: 'forra', actor: 'cli' });
		const bytes = await bytesOf(file.body);
		const imported = await importResponses(database.db, {
			waveSlug: 'forra-csv',
			source: { bytes, fileName: file.filename },
			actor: 'cli'
		});
		expect(imported).toEqual({ ok: true, dryRun: false, rows: 10, imported: 10, unchanged: 0 });
		expect((await results('forra')).responses).toEqual({ complete: 10, partial: 0 });
		expect(await results('forra-csv')).toEqual(await results('forra'));
		expect(await results('forra-csv', 'organisation')).toEqual(await results('forra', 'organisation'));
		expect(await results('forra-csv', 'role')).toEqual(await results('forra', 'role'));
		// The export imported into its own wave would count every response twice: refused.
		const again = await importResponses(database.db, {
			waveSlug: 'forra',
			source: { bytes, fileName: file.filename },
			actor: 'cli'
		});
		expect(again).toMatchObject({
			ok: false,
			problemCount: 10,
			problems: expect.arrayContaining([expect.objectContaining({ line: 2, code: 'already_in_wave' })])
		});
	});

	it('gives the same results from the XLSX export (its values sheet)', async () => {
		const file = await exportResponsesXlsx(database.db, { slug: 'forra', actor: 'cli' });
		const imported = await importResponses(database.db, {
			waveSlug: 'forra-xlsx',
			source: { bytes: await bytesOf(file.body), fileName: file.filename },
			actor: 'cli'
		});
		expect(imported).toMatchObject({ ok: true, imported: 10 });
		expect(await results('forra-xlsx')).toEqual(await results('forra'));
	});

	it('refuses a stored answer the questionnaire no longer allows, naming its line, and imports nothing', async () => {
		// Respondent 12 of "nu" has behov 11, stored by an older version of the questionnaire (a 1–10 scale now).
		const file = await exportResponsesCsv(database.db, { slug: 'nu', actor: 'cli' });
		const result = await importResponses(database.db, {
			waveSlug: 'nu-igen',
			source: { bytes: await bytesOf(file.body), fileName: file.filename },
			actor: 'cli'
		});
		expect(result).toMatchObject({
			ok: false,
			problemCount: 1,
			problems: [{ column: 'behov', code: 'out_of_range', value: '11' }]
		});
		expect((await results('nu-igen')).responses).toEqual({ complete: 0, partial: 0 });
	});
});
