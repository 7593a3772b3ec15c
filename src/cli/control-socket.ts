import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { TCommandIo } from './command.ts';
import { describeError } from './describe-error.ts';

// The embedded database admits one process. While `mognad serve` holds it, the other commands run inside
// the server instead: the CLI sends its arguments over a Unix socket in the data folder (readable by the
// folder's owner only) and prints what comes back. One JSON object per line each way.

const ZRequest = z.strictObject({
	argv: z.array(z.string()).max(100),
	cwd: z.string().min(1),
	/** The caller's standard input, for the commands that read it. */
	input: z.string().max(100_000).optional()
});
const ZReply = z.union([
	z.strictObject({ out: z.string() }),
	z.strictObject({ err: z.string() }),
	z.strictObject({ exit: z.number().int() })
]);

export type TRunCommand = (argv: string[], io: TCommandIo) => Promise<number>;

/** The socket of the server that holds the embedded database in `dataDir`. */
export function controlSocketPath(dataDir: string): string {
	return path.join(path.resolve(dataDir), 'mognad.sock');
}

/**
 * Listens for commands on `socketPath` and runs them with `run`. The caller holds the database lock, so a
 * socket file left by a killed server is stale and replaced. Resolves to null if the socket cannot be made
 * (a path too long for a socket, say): then commands wait for the server to stop, as without it.
 */
export async function listenForCommands(socketPath: string, run: TRunCommand): Promise<Server | null> {
	rmSync(socketPath, { force: true });
	const server = createServer((socket) => {
		const lines = createInterface({ input: socket });
		lines.once('line', async (line) => {
			const send = (reply: z.infer<typeof ZReply>) => socket.write(`${JSON.stringify(reply)}\n`);
			let request: z.infer<typeof ZRequest>;
			try {
				request = ZRequest.parse(JSON.parse(line));
			} catch (error) {
				send({ err: `mognad: invalid request: ${describeError(error)}` });
				socket.end(`${JSON.stringify({ exit: 2 })}\n`);
				return;
			}
			// runCommand reports a command's own errors; it does not throw.
			const exit = await run(request.argv, {
				out: (text) => send({ out: text }),
				err: (text) => send({ err: text }),
				cwd: request.cwd,
				input: async () => request.input ?? ''
			});
			socket.end(`${JSON.stringify({ exit })}\n`);
			lines.close();
		});
		socket.on('error', () => socket.destroy());
		lines.on('error', () => socket.destroy());
	});
	const listening = await new Promise<boolean>((resolve) => {
		server.once('error', () => resolve(false));
		server.listen(socketPath, () => resolve(true));
	});
	if (!listening) return null;
	chmodSync(socketPath, 0o600);
	server.on('close', () => rmSync(socketPath, { force: true }));
	return server;
}

/**
 * Runs a command in the server listening on `socketPath`, printing its output to `io`. Resolves to its
 * exit code, or to null when no server listens there (no socket, or a stale one).
 */
export function forwardCommand(
	socketPath: string,
	argv: string[],
	io: TCommandIo,
	input?: string
): Promise<number | null> {
	return new Promise((resolve) => {
		let connected = false;
		let exit: number | null = null;
		const socket = createConnection(socketPath, () => {
			connected = true;
			socket.write(`${JSON.stringify({ argv, cwd: io.cwd, input })}\n`);
			createInterface({ input: socket }).on('line', (line) => {
				let reply: ReturnType<typeof ZReply.safeParse>;
				try {
					reply = ZReply.safeParse(JSON.parse(line));
				} catch {
					return;
				}
				if (!reply.success) return;
				if ('out' in reply.data) io.out(reply.data.out);
				else if ('err' in reply.data) io.err(reply.data.err);
				else exit = reply.data.exit;
			});
		});
		socket.on('error', () => {
			if (!connected) resolve(null);
		});
		socket.on('close', () => {
			if (!connected) return;
			if (exit === null) io.err('mognad: the server stopped before the command finished');
			resolve(exit ?? 2);
		});
	});
}
