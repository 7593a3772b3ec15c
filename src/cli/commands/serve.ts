import path from 'node:path';
import { readConfig } from '../../lib/server/config.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { logger } from '../../lib/server/logger.ts';
import { createMailTransport } from '../../lib/server/mail/create-mail-transport.ts';
import { mailSettings } from '../../lib/server/mail/mail-settings.ts';
import { startMailWorker } from '../../lib/server/mail/mail-worker.ts';
import { projectPath } from '../../lib/server/project-path.ts';
import { listWaves } from '../../lib/server/waves/list-waves.ts';
import { BODY_SIZE_LIMIT_BYTES } from '../../lib/server/web/upload-limits.ts';
import { buildIfNeeded } from '../build-if-needed.ts';
import { parseCommandArgs, publicOrigin, type TCommandIo } from '../command.ts';
import { controlSocketPath, listenForCommands, type TRunCommand } from '../control-socket.ts';
import { createDatabaseApart } from '../create-database-apart.ts';
import { startHttpServer } from '../http-server.ts';
import { serveHelp } from './serve-help.ts';

/** `mognad serve`; `run` runs the other commands sent to it over the control socket. */
export async function serveCommand(argv: string[], io: TCommandIo, run: TRunCommand): Promise<number> {
	const args = parseCommandArgs(
		argv,
		{ port: { type: 'string' }, 'no-build': { type: 'boolean' } },
		serveHelp,
		io
	);
	if (!args) return 0;
	if (args.values.port) process.env.PORT = args.values.port;
	process.env.PORT ||= '3000';
	// Read by the server's request handler (see http-server.ts), which sets this header on every request.
	process.env.PROTOCOL_HEADER = 'x-forwarded-proto';
	// Above every form's own limit (the respondent pages', each upload's), so that each can answer an
	// oversized form or file with its message.
	process.env.BODY_SIZE_LIMIT ||= String(BODY_SIZE_LIMIT_BYTES);

	const root = projectPath();
	if (!args.values['no-build']) buildIfNeeded(root);
	const config = readConfig();
	const dataDir = config.MOGNAD_DATA_DIR;
	if (!config.DATABASE_URL) await createDatabaseApart(dataDir);
	const database = await getDatabase();
	const server = await startHttpServer(
		path.join(root, 'build', 'handler.js'),
		process.env.HOST || '0.0.0.0',
		Number(process.env.PORT)
	);
	// Every app process sends queued e-mail; the queue's row locks keep each message to one of them.
	const mail = startMailWorker(database.db, await createMailTransport(config.SMTP_URL), mailSettings(config));
	// With the embedded database, the other commands run in here while the server holds it.
	const control =
		database.kind === 'pglite'
			? await listenForCommands(controlSocketPath(dataDir), async (commandArgv, commandIo) => {
					if (commandArgv[0] !== 'serve') return run(commandArgv, commandIo);
					commandIo.err('mognad: the server is already running');
					return 1;
				})
			: null;
	const waves = await listWaves(database.db);
	const origin = publicOrigin();
	logger.info({ url: origin, database: database.kind }, `Mognad is running at ${origin}`);
	io.out(
		`\nMognad is running at ${origin} (database: ${database.kind === 'pglite' ? `embedded, in ${dataDir}` : 'PostgreSQL'}).`
	);
	if (waves.length === 0) {
		io.out('Next: create a wave of the built-in questionnaire and open it, in another terminal:');
		io.out('  npx mognad wave create --questionnaire digital-mognad-i-kommuner --name "Våren 2020" --open');
		io.out('  npx mognad wave open varen-2020');
	} else {
		for (const w of waves.filter((x) => x.status === 'open' && x.mode === 'open')) {
			io.out(`Open wave "${w.name}": ${origin}/o/${w.slug}`);
		}
	}
	// Ctrl-C or a service manager's SIGTERM: finish the requests and the e-mail batch under way; main()
	// then closes the database.
	await new Promise<void>((resolve) => {
		const stop = () => {
			control?.close();
			server.close(() => resolve());
			server.closeIdleConnections();
		};
		process.once('SIGINT', stop);
		process.once('SIGTERM', stop);
	});
	await mail.stop();
	return 0;
}
