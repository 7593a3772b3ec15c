import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { importQuestionnaire } from '../questionnaires/import-questionnaire.ts';
import { listQuestionnaires } from '../questionnaires/list-questionnaires.ts';
import { builtInQuestionnairesFolder } from '../setup/load-built-ins.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from './create-wave.ts';
import { getWave } from './get-wave.ts';
import { listWaveOrganisations } from './list-wave-organisations.ts';
import { listWaves } from './list-waves.ts';
import { setWaveStatus } from './set-wave-status.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const template = () =>
	JSON.parse(readFileSync(`${builtInQuestionnairesFolder()}/${Q}.json`, 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('publishing questionnaires', () => {
	it('has the built-in questionnaire published as versions 3, 2 and 1', async () => {
		const rows = await listQuestionnaires(database.db);
		expect(rows.map((r) => [r.code, r.version, r.title])).toEqual([
			[Q, 3, 'Digital mognad i kommuner'],
			[Q, 2, 'Digital mognad i kommuner'],
			[Q, 1, 'Digital mognad i kommuner']
		]);
	});

	it('changes nothing when the same definition is imported again', async () => {
		const result = await importQuestionnaire(database.db, template());
		expect(result.created).toBe(false);
		expect(await listQuestionnaires(database.db)).toHaveLength(3);
	});

	it('refuses other content under a published version, and publishes it as a new version', async () => {
		const changed = { ...template(), title: { sv: 'Digital mognad i kommuner 2024' } };
		await expect(importQuestionnaire(database.db, changed)).rejects.toThrow(
			`Version 3 of "${Q}" is already published with other content; give the changed questionnaire a new version number`
		);
		const v4 = await importQuestionnaire(database.db, { ...changed, version: 4 });
		expect(v4.created).toBe(true);
		expect((await listQuestionnaires(database.db)).map((r) => r.version)).toEqual([4, 3, 2, 1]);
	});

	it('refuses a definition with errors, listing each with its path', async () => {
		const broken = { ...template(), version: 5, levels: 'none' };
		await expect(importQuestionnaire(database.db, broken)).rejects.toThrow(
			/The questionnaire has errors:\nField "levels": must be a list/
		);
		expect((await listQuestionnaires(database.db)).map((r) => r.version)).toEqual([4, 3, 2, 1]);
	});
});

describe('waves', () => {
	it('are created as drafts of the newest version, with a slug from the name and k = 5', async () => {
		const wave = await createWave(database.db, { questionnaireCode: Q, name: 'Våren 2020 – Norrbotten' });
		expect(wave).toMatchObject({
			slug: 'varen-2020-norrbotten',
			status: 'draft',
			mode: 'invite',
			minGroupSize: 5
		});
		const shown = await getWave(database.db, wave.slug);
		expect(shown).toMatchObject({
			questionnaireCode: Q,
			questionnaireVersion: 4,
			responses: { complete: 0, partial: 0 },
			invited: 0
		});
	});

	it('can use an older version, an open link and another k', async () => {
		const wave = await createWave(database.db, {
			questionnaireCode: Q,
			questionnaireVersion: 1,
			name: 'Öppen länk',
			mode: 'open',
			minGroupSize: 3,
			period: 'Våren 2020'
		});
		expect(wave).toMatchObject({ slug: 'oppen-lank', mode: 'open', minGroupSize: 3, period: 'Våren 2020' });
		expect((await getWave(database.db, 'oppen-lank')).questionnaireVersion).toBe(1);
	});

	it('refuse a taken slug, an unknown questionnaire or version, and bad options', async () => {
		await expect(createWave(database.db, { questionnaireCode: Q, name: 'Öppen länk' })).rejects.toThrow(
			'A wave with the slug "oppen-lank" already exists'
		);
		await expect(createWave(database.db, { questionnaireCode: 'finns-inte', name: 'x y' })).rejects.toThrow(
			'No questionnaire with code "finns-inte"'
		);
		await expect(
			createWave(database.db, { questionnaireCode: Q, questionnaireVersion: 9, name: 'Nio' })
		).rejects.toThrow(`"${Q}" has no version 9`);
		await expect(
			createWave(database.db, { questionnaireCode: Q, name: 'K noll', minGroupSize: 0 })
		).rejects.toThrow(/minGroupSize/);
		await expect(
			createWave(database.db, { questionnaireCode: Q, name: 'x', slug: 'Stora Bokstäver' })
		).rejects.toThrow(/use 2–63 lower-case letters, digits and hyphens/);
		expect((await listWaves(database.db)).map((w) => w.slug).sort()).toEqual([
			'oppen-lank',
			'varen-2020-norrbotten'
		]);
	});

	it('keep the anonymous flag, the deadline and the sender; a date that does not exist is refused', async () => {
		const wave = await createWave(database.db, {
			questionnaireCode: Q,
			name: 'Anonym 2024',
			anonymous: true,
			deadline: '2024-05-31',
			senderName: 'Region Norrbotten'
		});
		expect(wave).toMatchObject({ anonymous: true, deadline: '2024-05-31', senderName: 'Region Norrbotten' });
		await expect(
			createWave(database.db, { questionnaireCode: Q, name: 'Fel datum', deadline: '2024-02-30' })
		).rejects.toThrow(/deadline/);
	});

	it('open, close and open again (an extended deadline); an unknown slug is refused', async () => {
		expect((await setWaveStatus(database.db, 'oppen-lank', 'open')).status).toBe('open');
		const closed = await setWaveStatus(database.db, 'oppen-lank', 'closed');
		expect(closed.status).toBe('closed');
		expect(closed.closedAt).toBeInstanceOf(Date);
		const reopened = await setWaveStatus(database.db, 'oppen-lank', 'open');
		expect(reopened).toMatchObject({ status: 'open', closedAt: null });
		await expect(setWaveStatus(database.db, 'finns-inte', 'open')).rejects.toThrow(
			'No wave with the slug "finns-inte"'
		);
	});

	it("offer the units below the wave's owner to open-link respondents: the 14 municipalities, A to Ö", async () => {
		const wave = await getWave(database.db, 'oppen-lank');
		const orgs = await listWaveOrganisations(database.db, wave.ownerOrganisationId);
		const names = orgs.map((o) => o.name);
		expect(names).toHaveLength(14);
		expect(orgs.every((o) => o.depth === 1)).toBe(true);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'sv')));
		expect(names.slice(-3)).toEqual(['Älvsbyn', 'Överkalix', 'Övertorneå']);
	});
});
