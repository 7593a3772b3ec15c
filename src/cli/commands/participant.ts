import { getDatabase } from '../../lib/server/db/instance.ts';
import { addParticipant } from '../../lib/server/participants/add-participant.ts';
import { parseCommandArgs, publicOrigin, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';

const help = `Usage: mognad participant add --wave <slug> --organisation <code> [--name <name>] [--email <address>] [--title <title>]
Invites one person to a wave and prints their personal link (shown only this once).`;

export const participantCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			wave: { type: 'string' },
			organisation: { type: 'string' },
			name: { type: 'string' },
			email: { type: 'string' },
			title: { type: 'string' }
		},
		help,
		io
	);
	if (!args) return 0;
	const v = args.values;
	if (args.positionals[0] !== 'add' || !v.wave || !v.organisation) {
		throw new UsageError(`give "add" with --wave and --organisation\n${help}`);
	}
	const { db } = await getDatabase();
	const { token } = await addParticipant(db, {
		waveSlug: v.wave,
		organisationCode: v.organisation,
		name: v.name,
		email: v.email,
		title: v.title
	});
	io.out(`${publicOrigin()}/s/${token}`);
	return 0;
};
