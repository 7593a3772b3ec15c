import { addParticipant } from '../../src/lib/server/participants/add-participant.ts';
import { norrbotten } from '../../src/lib/server/setup/norrbotten.ts';
import { createWave } from '../../src/lib/server/waves/create-wave.ts';
import { setWaveStatus } from '../../src/lib/server/waves/set-wave-status.ts';
import { type SeedTarget, withSeedDatabase } from './seed-database.ts';

export interface SeedWaveOptions extends SeedTarget {
	slug: string;
	mode: 'invite' | 'open';
	status?: 'draft' | 'open' | 'closed';
	/** How many invited participants to create (invite mode), spread over the municipalities. */
	participants?: number;
}

/** The built-in organisations' 14 municipalities, in code order. */
export const municipalityCodes = norrbotten.municipalities.map((m) => m.code);

/**
 * Prepares a database before a server is started on it, through the same services the CLI uses:
 * a wave of the built-in questionnaire and, for invite waves, participants with their tokens.
 */
export async function seedWave(options: SeedWaveOptions): Promise<{ tokens: string[] }> {
	return withSeedDatabase(options, async (database) => {
		await createWave(database.db, {
			questionnaireCode: 'digital-mognad-i-kommuner',
			name: `Test ${options.slug}`,
			slug: options.slug,
			mode: options.mode
		});
		const tokens: string[] = [];
		for (let i = 0; i < (options.participants ?? 0); i++) {
			const { token } = await addParticipant(database.db, {
				waveSlug: options.slug,
				organisationCode: municipalityCodes[i % municipalityCodes.length] ?? '2580',
				name: `Person ${i + 1}`,
				email: `person${i + 1}@example.org`,
				title: 'IT-chef'
			});
			tokens.push(token);
		}
		// Participants are added before the status is set: a closed wave takes no new participants.
		const status = options.status ?? 'open';
		if (status !== 'draft') await setWaveStatus(database.db, options.slug, status);
		return { tokens };
	});
}
