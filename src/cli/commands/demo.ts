import { getDatabase } from '../../lib/server/db/instance.ts';
import { createDemo } from '../../lib/server/demo/create-demo.ts';
import { parseCommandArgs, publicOrigin, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';

const help = `Usage:
  mognad demo
      creates the demo wave: Region Norrbotten's 2020 survey of its municipalities, closed, with 20
      responses whose figures are those of the region's published report, themes and quotable answers;
      running it again changes nothing and prints where the wave is`;

export const demoCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(argv, {}, help, io);
	if (!args) return 0;
	if (args.positionals.length > 0) throw new UsageError(`demo takes no arguments\n${help}`);
	const { db } = await getDatabase();
	const demo = await createDemo(db);
	io.out(demo.slug);
	const where = `${publicOrigin()}/admin/waves/${demo.slug}`;
	io.err(
		demo.created
			? `Created the demo wave "${demo.name}": ${demo.invited} invited, ${demo.responses} responses. See it at ${where}`
			: `The demo wave "${demo.name}" already exists (${demo.responses} responses); nothing was changed. See it at ${where}`
	);
	return 0;
};
