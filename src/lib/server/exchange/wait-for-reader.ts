import type { Writable } from 'node:stream';

/**
 * Waits while a reader is behind (the stream's buffer is full), so that a slow download holds back the
 * database reads instead of piling rows up in memory. Fails when the reader has gone away.
 */
export async function waitForReader(out: Writable): Promise<void> {
	if (out.writableNeedDrain) {
		await new Promise<void>((resolve) => {
			const done = () => {
				out.off('drain', done);
				out.off('close', done);
				resolve();
			};
			out.on('drain', done);
			out.on('close', done);
		});
	}
	if (out.destroyed) throw new Error('the reader of the export has gone away');
}
