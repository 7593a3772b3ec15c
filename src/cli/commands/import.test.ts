import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// `mognad import responses` as a user runs it, in this process on the file's own database (PGlite, or PostgreSQL with DATABASE_URL).
let cli: TInProcessCli;

beforeAll(async () => {
	cli = await startInProcessCli();
	expect((await mognad('migrate')).code).toBe(0);
	const created = await mognad(
		'wave',
		'create',
		'--questionnaire',
		'digital-mognad-i-kommuner',
		'--name',
		'Enkät 2020',
		'--slug',
		'enkat-2020'
	);
	expect(created.code, created.err).toBe(0);
});
afterAll(async () => cli.close());

const mognad = (...args: string[]) => cli.run(args);

describe('mognad import responses', () => {
	it('prints every problem and imports nothing, then imports through a mapping file, idempotently', async () => {
		writeFileSync(path.join(cli.dir, 'svar.csv'), 'Id;Kommun;Behov\n1;Luleå;7\n2;Gotland;12\n');
		writeFileSync(
			path.join(cli.dir, 'mapping.json'),
			JSON.stringify({ columns: { Id: 'response_id', Kommun: 'organisation', Behov: 'behov' } })
		);
		const refused = await mognad(
			'import',
			'responses',
			'--wave',
			'enkat-2020',
			'svar.csv',
			'--mapping',
			'mapping.json'
		);
		expect(refused.code).toBe(1);
		expect(refused.err.trim().split('\n')).toEqual([
			'Line 3, column "Behov": "12" is outside the question\'s scale',
			'Line 3, column "Kommun": no organisation with the code or name "Gotland" in this wave',
			'mognad: nothing was imported: 2 problems in 2 rows'
		]);

		writeFileSync(path.join(cli.dir, 'svar.csv'), 'Id;Kommun;Behov\n1;Luleå;7\n2;Piteå;10\n');
		const imported = await mognad(
			'import',
			'responses',
			'--wave',
			'enkat-2020',
			'svar.csv',
			'--mapping',
			'mapping.json'
		);
		expect(imported.err).toBe('');
		expect(imported.out.trim()).toBe('Imported 2 of 2 responses into enkat-2020');
		const again = await mognad(
			'import',
			'responses',
			'--wave',
			'enkat-2020',
			'svar.csv',
			'--mapping',
			'mapping.json'
		);
		expect(again.out.trim()).toBe('Imported 0 of 2 responses into enkat-2020 (2 imported before, unchanged)');
		// Two responses are fewer than k: the results refuse to show them, the wave counts them.
		const results = await mognad('results', '--wave', 'enkat-2020');
		expect(results.code).toBe(1);
		expect(results.err).toContain('This selection shows no figures');
		const shown = await mognad('wave', 'show', 'enkat-2020', '--json');
		expect(shown.code, shown.err).toBe(0);
		expect(JSON.parse(shown.out).responses).toMatchObject({ complete: 2, partial: 0 });
	});

	it('refuses a file of another questionnaire, naming its columns', async () => {
		writeFileSync(path.join(cli.dir, 'annan.csv'), 'response_id;nojdhet\n1;5\n');
		const result = await mognad('import', 'responses', '--wave', 'enkat-2020', 'annan.csv');
		expect(result.code).toBe(1);
		expect(result.err).toContain('The column "nojdhet" is not a column of this questionnaire\'s export');
		expect(result.err).toContain('mognad: nothing was imported: the columns do not fit the questionnaire');
	});
});
