import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeRowProblem } from '../../core/spreadsheet/row-problem.ts';
import type { TDatabase } from '../db/client.ts';
import { auditLog, organisations } from '../db/schema.ts';
import { addParticipant } from '../participants/add-participant.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { addOrganisation } from './add-organisation.ts';
import { importOrganisations } from './import-organisations.ts';
import { listOrganisationTree } from './list-organisation-tree.ts';
import { moveOrganisation } from './move-organisation.ts';
import { renameOrganisation } from './rename-organisation.ts';

let database: TDatabase;
const actor = 'admin@region.se';
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\n'));

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

const idOf = async (name: string) => {
	const rows = await database.db.select().from(organisations).where(eq(organisations.name, name));
	if (rows.length !== 1 || !rows[0]) throw new Error(`expected one unit called ${name}`);
	return rows[0].id;
};
/** The tree as indented names, e.g. "  Luleå". */
const tree = async (under: string) => {
	const all = await listOrganisationTree(database.db);
	const start = all.findIndex((u) => u.name === under);
	const root = all[start];
	if (!root) return [];
	const rest = all.slice(start + 1);
	const end = rest.findIndex((u) => u.depth <= root.depth);
	return [root, ...(end < 0 ? rest : rest.slice(0, end))].map(
		(u) => `${'  '.repeat(u.depth - root.depth)}${u.name}${u.code ? ` (${u.code})` : ''}`
	);
};

describe('organisations', () => {
	it('start as the Norrbotten tree, listed under the region by name', async () => {
		const all = await listOrganisationTree(database.db);
		expect(all[0]).toMatchObject({ name: 'Region Norrbotten', code: '25', depth: 0, parentId: null });
		expect(all.slice(1, 4).map((u) => [u.name, u.depth])).toEqual([
			['Arjeplog', 1],
			['Arvidsjaur', 1],
			['Boden', 1]
		]);
		expect(all).toHaveLength(15);
	});

	it('can be added under a municipality, renamed, and refuse a sibling of the same name or a taken code', async () => {
		const lulea = await idOf('Luleå');
		const unit = await addOrganisation(database.db, { parentId: lulea, name: 'Socialförvaltningen', actor });
		expect(unit).toMatchObject({ kind: 'department', code: null, parentId: lulea });
		await expect(
			addOrganisation(database.db, { parentId: lulea, name: 'SOCIALFÖRVALTNINGEN', actor })
		).rejects.toThrow('There is already a unit called "SOCIALFÖRVALTNINGEN" under Luleå');
		await expect(
			addOrganisation(database.db, { parentId: lulea, name: 'Skola', code: '2581', actor })
		).rejects.toThrow('The code "2581" is already used by Piteå');
		await expect(addOrganisation(database.db, { parentId: lulea, name: '=Skola', actor })).rejects.toThrow(
			/must not start with =/
		);
		const renamed = await renameOrganisation(database.db, { id: unit.id, name: 'Socialtjänsten', actor });
		expect(renamed.name).toBe('Socialtjänsten');
		expect(await tree('Luleå')).toEqual(['Luleå (2580)', '  Socialtjänsten']);
		const audit = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `organisation:${unit.id}`));
		expect(audit.map((a) => a.action)).toEqual(['organisation.add', 'organisation.rename']);
	});

	it('can be moved, but not the region at the top, nor under themselves or their own units', async () => {
		const lulea = await idOf('Luleå');
		const social = await idOf('Socialtjänsten');
		const team = await addOrganisation(database.db, {
			parentId: social,
			name: 'Äldreomsorg',
			kind: 'other',
			actor
		});
		await expect(moveOrganisation(database.db, { id: lulea, parentId: team.id, actor })).rejects.toThrow(
			'Luleå cannot be moved under Äldreomsorg, which is part of it'
		);
		await expect(moveOrganisation(database.db, { id: social, parentId: social, actor })).rejects.toThrow(
			'Socialtjänsten cannot be moved under Socialtjänsten, which is part of it'
		);
		await expect(
			moveOrganisation(database.db, { id: await idOf('Region Norrbotten'), parentId: lulea, actor })
		).rejects.toThrow('Region Norrbotten is the top of the tree and cannot be moved');
		await moveOrganisation(database.db, { id: team.id, parentId: lulea, actor });
		expect(await tree('Luleå')).toEqual(['Luleå (2580)', '  Socialtjänsten', '  Äldreomsorg']);
	});

	it('are imported from CSV, all or nothing, with parents by code or name and line-numbered errors', async () => {
		const refused = await importOrganisations(database.db, {
			bytes: csv(
				'namn;överordnad;kod',
				'Barn- och utbildning;2584;',
				'Förskola;Barn- och utbildning;',
				'Okänd;Ingenstans;',
				'Dubbelkod;2584;2580',
				'Socialtjänsten;Luleå;X1',
				'=Farlig;2584;',
				'Gymnasiet;Socialtjänsten;G1',
				'Gymnasiet2;2584;G1'
			),
			fileName: 'enheter.csv',
			actor
		});
		expect(!refused.ok && refused.problems.map(describeRowProblem)).toEqual([
			'Line 4: no organisation with the code or name "Ingenstans" here',
			'Line 5: the code "2580" is already used by another organisation',
			'Line 6: there is already a unit called "Socialtjänsten" there',
			'Line 7, column "namn": starts with =, +, -, @, a tab or a line break, which a spreadsheet would run as a formula; remove that character',
			'Line 9, column "kod": "G1" is already on line 8'
		]);
		expect(await tree('Kiruna')).toEqual(['Kiruna (2584)']);

		const file = csv(
			'name,parent,code',
			'Barn- och utbildning,2584,2584-BU',
			'Förskola,2584-bu,',
			'Socialtjänsten,Luleå,',
			'Gymnasiet,Socialtjänsten,'
		);
		expect(await importOrganisations(database.db, { bytes: file, fileName: 'enheter.csv', actor })).toEqual({
			ok: true,
			created: 3,
			unchanged: 1
		});
		expect(await tree('Kiruna')).toEqual([
			'Kiruna (2584)',
			'  Barn- och utbildning (2584-BU)',
			'    Förskola'
		]);
		expect(await tree('Socialtjänsten')).toEqual(['Socialtjänsten', '  Gymnasiet']);
		// The same file again changes nothing.
		expect(await importOrganisations(database.db, { bytes: file, fileName: 'enheter.csv', actor })).toEqual({
			ok: true,
			created: 0,
			unchanged: 4
		});
		expect(await listOrganisationTree(database.db)).toHaveLength(20);
	});

	it('name a shared name as ambiguous, and the new units can take participants', async () => {
		await addOrganisation(database.db, { parentId: await idOf('Piteå'), name: 'Gymnasiet', actor });
		const refused = await importOrganisations(database.db, {
			bytes: csv('name,parent', 'Bibliotek,Gymnasiet'),
			actor
		});
		expect(!refused.ok && refused.problems.map(describeRowProblem)).toEqual([
			'Line 2: several organisations are called "Gymnasiet"; give the code instead'
		]);
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: 'Enheter',
			slug: 'enheter'
		});
		await addParticipant(database.db, {
			waveSlug: 'enheter',
			organisationCode: '2584-bu',
			title: 'Skolchef'
		});
		await expect(
			addParticipant(database.db, { waveSlug: 'enheter', organisationCode: 'Gymnasiet' })
		).rejects.toThrow('Several organisations are called "Gymnasiet"; give the code instead');
	});
});
