import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TDatabase } from '../db/client.ts';
import { auditLog, participants } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { listRoleGroups } from './list-role-groups.ts';
import { listTitleMappings } from './list-title-mappings.ts';
import { listWaveTitles } from './list-wave-titles.ts';
import { removeTitleMapping } from './remove-title-mapping.ts';
import { setTitleMapping } from './set-title-mapping.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const actor = 'analytiker@region.se';

beforeAll(async () => {
	database = await createTestDatabase();
	for (const slug of ['pagaende', 'stangd']) {
		await createWave(database.db, { questionnaireCode: Q, name: slug, slug });
		for (const [email, title] of [
			['a@x.se', 'Fritidsledare'],
			['b@x.se', '  fritidsledare '],
			['c@x.se', 'IT-chef'],
			['d@x.se', 'Överförmyndare'],
			['e@x.se', '']
		] as const) {
			await addParticipant(database.db, {
				waveSlug: slug,
				organisationCode: '2580',
				email,
				title: title || undefined
			});
		}
	}
	await setWaveStatus(database.db, 'stangd', 'closed');
});
afterAll(async () => database.close());

const groupsIn = async (slug: string) =>
	(await listWaveTitles(database.db, slug)).map((t) => [t.shown, t.participants, t.roleGroups, t.mapping]);

describe('title mappings', () => {
	it("list a wave's distinct titles with their role groups, one entry per title in any case or spacing", async () => {
		expect(await groupsIn('pagaende')).toEqual([
			['Fritidsledare', 2, [null], null],
			['IT-chef', 1, ['it'], null],
			['Överförmyndare', 1, [null], null]
		]);
	});

	it('set a role group for a title in draft and open waves, leaving closed waves as they were', async () => {
		const result = await setTitleMapping(database.db, {
			title: 'FRITIDSLEDARE',
			roleGroup: 'verksamhet',
			actor
		});
		expect(result).toEqual({ title: 'fritidsledare', roleGroup: 'verksamhet', participants: 2 });
		expect(await groupsIn('pagaende')).toEqual([
			['Fritidsledare', 2, ['verksamhet'], 'verksamhet'],
			['IT-chef', 1, ['it'], null],
			['Överförmyndare', 1, [null], null]
		]);
		expect((await groupsIn('stangd'))[0]).toEqual(['Fritidsledare', 2, [null], 'verksamhet']);
		// A title with Å, Ä or Ö is matched without the database's locale.
		await setTitleMapping(database.db, { title: 'ÖVERFÖRMYNDARE', roleGroup: 'verksamhet', actor });
		expect((await groupsIn('pagaende'))[2]).toEqual(['Överförmyndare', 1, ['verksamhet'], 'verksamhet']);
		// And it applies to people added later.
		await addParticipant(database.db, {
			waveSlug: 'pagaende',
			organisationCode: '2581',
			email: 'f@x.se',
			title: 'Fritidsledare'
		});
		const [later] = await database.db.select().from(participants).where(eq(participants.email, 'f@x.se'));
		expect(later?.roleGroup).toBe('verksamhet');
	});

	it("win over the questionnaire's keywords, and when removed give the keywords back", async () => {
		await setTitleMapping(database.db, { title: 'it-chef', roleGroup: 'digital_utveckling', actor });
		expect((await groupsIn('pagaende'))[1]).toEqual([
			'IT-chef',
			1,
			['digital_utveckling'],
			'digital_utveckling'
		]);
		expect(await removeTitleMapping(database.db, { title: 'IT-chef', actor })).toEqual({
			title: 'it-chef',
			participants: 1
		});
		expect((await groupsIn('pagaende'))[1]).toEqual(['IT-chef', 1, ['it'], null]);
		expect(await removeTitleMapping(database.db, { title: 'IT-chef', actor })).toEqual({
			title: 'it-chef',
			participants: 0
		});
		expect((await listTitleMappings(database.db)).map((m) => [m.title, m.roleGroup])).toEqual([
			['fritidsledare', 'verksamhet'],
			['överförmyndare', 'verksamhet']
		]);
		const audit = await database.db.select().from(auditLog).where(eq(auditLog.subject, 'title:it-chef'));
		expect(audit.map((a) => a.action)).toEqual(['title-mapping.set', 'title-mapping.remove']);
	});

	it('refuse a role group no questionnaire has', async () => {
		expect((await listRoleGroups(database.db)).map((g) => g.code)).toEqual([
			'politisk_ledning',
			'it',
			'digital_utveckling',
			'naringsliv',
			'verksamhet'
		]);
		await expect(
			setTitleMapping(database.db, { title: 'Chef', roleGroup: 'finns_inte', actor })
		).rejects.toThrow('No questionnaire has the role group "finns_inte"');
	});
});
