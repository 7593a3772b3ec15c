import { getDatabase } from '../../lib/server/db/instance.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { migrateHelp } from './migrate-help.ts';

export const migrateCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(argv, {}, migrateHelp, io);
	if (!args) return 0;
	const database = await getDatabase();
	io.out(`Database (${database.kind}) is up to date.`);
	return 0;
};
