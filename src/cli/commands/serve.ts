import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { closeDatabase, getDatabase } from '../../lib/server/db/instance.ts';
import { logger } from '../../lib/server/logger.ts';
import { projectPath } from '../../lib/server/project-path.ts';
import { listWaves } from '../../lib/server/waves/list-waves.ts';
import { buildIfNeeded } from '../build-if-needed.ts';
import { parseCommandArgs, publicOrigin, type TCommand } from '../command.ts';

const help = `Usage: mognad serve [--port <n>] [--no-build]
Builds the app if the sources changed, applies migrations, loads the built-in data and serves the app.
Environment: PORT (3000), HOST (0.0.0.0), ORIGIN (the public address, default http://localhost:PORT),
DATABASE_URL (unset: embedded database in MOGNAD_DATA_DIR, default ./data).`;

export const serveCommand: TCommand = async (argv) => {
	const args = parseCommandArgs(argv, { port: { type: 'string' }, 'no-build': { type: 'boolean' } }, help);
	if (args.help) return console.log(help), 0;
	if (args.values.port) process.env.PORT = args.values.port;
	process.env.PORT ||= '3000';
	// SvelteKit compares a form's Origin header with this; without it, it would assume https.
	process.env.ORIGIN ||= publicOrigin();
	// Larger than the respondent pages' own limit, so that they can answer an oversized form with a message.
	process.env.BODY_SIZE_LIMIT ||= '1M';

	const root = path.dirname(projectPath('package.json', 'package.json'));
	const entry = path.join(root, 'build', 'index.js');
	if (!args.values['no-build']) buildIfNeeded(root);
	const database = await getDatabase();
	await import(pathToFileURL(entry).href);
	const waves = await listWaves(database.db);
	const origin = process.env.ORIGIN;
	logger.info({ url: origin, database: database.kind }, `Mognad is running at ${origin}`);
	console.log(`\nMognad is running at ${origin} (database: ${database.kind === 'pglite' ? `embedded, in ${process.env.MOGNAD_DATA_DIR || './data'}` : 'PostgreSQL'}).`);
	if (waves.length === 0) {
		console.log('Next: create a wave of the built-in questionnaire and open it, in another terminal (stop the server first when using the embedded database):');
		console.log('  npx mognad wave create --questionnaire digital-mognad-i-kommuner --name "Våren 2020" --open');
		console.log('  npx mognad wave open varen-2020');
	} else {
		for (const w of waves.filter((x) => x.status === 'open' && x.mode === 'open')) {
			console.log(`Open wave "${w.name}": ${origin}/o/${w.slug}`);
		}
	}
	// The server stops on SIGINT/SIGTERM by itself and then announces it: close the database cleanly.
	process.once('sveltekit:shutdown', () => void closeDatabase());
	await new Promise(() => {});
	return 0;
};
