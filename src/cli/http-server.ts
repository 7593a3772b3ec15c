import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import compression from 'compression';

type TNodeHandler = (
	req: import('node:http').IncomingMessage,
	res: import('node:http').ServerResponse,
	next?: () => void
) => void;

/**
 * Serves the built app with compressed responses: SvelteKit's own node server compresses only static
 * files, and respondent pages on slow rural connections are the pages that matter most.
 */
export async function startHttpServer(handlerFile: string, host: string, port: number): Promise<Server> {
	const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: TNodeHandler };
	const compress = compression({ threshold: 512 });
	const fixed = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;
	const server = createServer((req, res) => {
		// SvelteKit derives its own origin (which form posts must match) from these headers. ORIGIN pins it;
		// otherwise the Host header and the protocol a proxy reports (or of this connection) are used.
		if (fixed) {
			req.headers.host = fixed.host;
			req.headers['x-forwarded-proto'] = fixed.protocol.slice(0, -1);
		} else {
			req.headers['x-forwarded-proto'] ??= 'encrypted' in req.socket ? 'https' : 'http';
		}
		compress(req as never, res as never, () => handler(req, res));
	});
	// Slow clients on poor connections get time; idle keep-alive sockets do not hold a shutdown.
	server.keepAliveTimeout = 5_000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return server;
}
