import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// `mognad wave create` with the options the admin page has, in this process on the file's own database.
let cli: TInProcessCli;

beforeAll(async () => {
	cli = await startInProcessCli({ ORIGIN: 'https://enkat.example.se' });
});
afterAll(async () => cli.close());

const mognad = (...args: string[]) => cli.run(args);

describe('mognad wave create', () => {
	it('creates an anonymous invited wave with its period and k, and shows them', async () => {
		const created = await mognad(
			'wave',
			'create',
			'--questionnaire',
			'digital-mognad-i-kommuner',
			'--name',
			'Anonym 2025',
			'--period',
			'Hösten 2025',
			'--anonymous',
			'--k',
			'3'
		);
		expect(created.code, created.err).toBe(0);
		expect(created.out).toBe('anonym-2025\n');
		const shown = JSON.parse((await mognad('wave', 'show', 'anonym-2025', '--json')).out);
		expect(shown).toMatchObject({
			name: 'Anonym 2025',
			period: 'Hösten 2025',
			mode: 'invite',
			anonymous: true,
			status: 'draft',
			minGroupSize: 3,
			link: null
		});
	});

	it('keeps answers linked to their participant unless asked', async () => {
		const created = await mognad(
			'wave',
			'create',
			'--questionnaire',
			'digital-mognad-i-kommuner',
			'--name',
			'Vanlig'
		);
		expect(created.code, created.err).toBe(0);
		expect(JSON.parse((await mognad('wave', 'show', 'vanlig', '--json')).out).anonymous).toBe(false);
	});
});
