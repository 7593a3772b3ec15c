import { getDatabase } from '../../lib/server/db/instance.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';

const help = `Usage: mognad migrate
Applies pending database migrations and loads the built-in organisations and questionnaires.`;

export const migrateCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(argv, {}, help, io);
	if (!args) return 0;
	const database = await getDatabase();
	io.out(`Database (${database.kind}) is up to date.`);
	return 0;
};
