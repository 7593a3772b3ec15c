import { getDatabase } from '../../lib/server/db/instance.ts';
import { createWave } from '../../lib/server/waves/create-wave.ts';
import { getWave } from '../../lib/server/waves/get-wave.ts';
import { listWaves } from '../../lib/server/waves/list-waves.ts';
import { setWaveStatus } from '../../lib/server/waves/set-wave-status.ts';
import { parseCommandArgs, publicOrigin, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { waveHelp } from './wave-help.ts';
import { printWaveStatus } from './wave-status.ts';

export const waveCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			questionnaire: { type: 'string' },
			name: { type: 'string' },
			slug: { type: 'string' },
			period: { type: 'string' },
			open: { type: 'boolean' },
			anonymous: { type: 'boolean' },
			k: { type: 'string' },
			json: { type: 'boolean' }
		},
		waveHelp,
		io
	);
	if (!args) return 0;
	const [sub, slug] = args.positionals;
	const v = args.values;
	const { db } = await getDatabase();
	switch (sub) {
		case 'create': {
			if (!v.questionnaire || !v.name)
				throw new UsageError(`--questionnaire and --name are required\n${waveHelp}`);
			const k = v.k === undefined ? undefined : Number(v.k);
			if (k !== undefined && !Number.isInteger(k)) throw new UsageError('--k must be a whole number');
			const wave = await createWave(db, {
				questionnaireCode: v.questionnaire,
				name: v.name,
				slug: v.slug,
				period: v.period,
				mode: v.open ? 'open' : 'invite',
				anonymous: Boolean(v.anonymous),
				minGroupSize: k
			});
			io.out(wave.slug);
			if (wave.mode === 'open') io.out(`${publicOrigin()}/o/${wave.slug}`);
			io.err(`Created wave "${wave.name}" as a draft. Open it with: mognad wave open ${wave.slug}`);
			return 0;
		}
		case 'list': {
			const waves = await listWaves(db);
			if (v.json) io.out(JSON.stringify(waves, null, 2));
			else
				for (const w of waves) io.out(`${w.slug}\t${w.status}\t${w.mode}\t${w.complete} complete\t${w.name}`);
			return 0;
		}
		case 'show': {
			if (!slug) throw new UsageError(`give the wave's slug\n${waveHelp}`);
			const wave = await getWave(db, slug);
			const shown = {
				slug: wave.slug,
				name: wave.name,
				period: wave.period,
				questionnaire: { code: wave.questionnaireCode, version: wave.questionnaireVersion },
				mode: wave.mode,
				anonymous: wave.anonymous,
				status: wave.status,
				minGroupSize: wave.minGroupSize,
				link: wave.mode === 'open' ? `${publicOrigin()}/o/${wave.slug}` : null,
				invited: wave.invited,
				responses: wave.responses,
				createdAt: wave.createdAt,
				openedAt: wave.openedAt,
				closedAt: wave.closedAt
			};
			if (v.json) io.out(JSON.stringify(shown, null, 2));
			else
				for (const [key, value] of Object.entries(shown))
					io.out(
						`${key}: ${typeof value === 'object' && value !== null && !(value instanceof Date) ? JSON.stringify(value) : value}`
					);
			return 0;
		}
		case 'status': {
			if (!slug) throw new UsageError(`give the wave's slug\n${waveHelp}`);
			return printWaveStatus(db, slug, Boolean(v.json), io);
		}
		case 'open':
		case 'close': {
			if (!slug) throw new UsageError(`give the wave's slug\n${waveHelp}`);
			const wave = await setWaveStatus(db, slug, sub === 'open' ? 'open' : 'closed');
			io.out(`${wave.slug} is ${wave.status}`);
			return 0;
		}
		default:
			throw new UsageError(`missing or unknown subcommand\n${waveHelp}`);
	}
};
