import type { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type TChmodFs = { doChmod: (stream: unknown, node: unknown, mode: number, dontFollow?: boolean) => void };
type TModule = Parameters<NodeFS['init']>[1] & { FS: unknown };

/**
 * PGlite's folder on disk, with every file it creates private to its owner. The WASM file system ignores
 * the process umask: it chmods each new file to the mode Postgres asked for, 0666 in this build, so the
 * group and other bits are dropped from every chmod here.
 */
export class PrivateNodeFS extends NodeFS {
	override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
		const { emscriptenOpts } = await super.init(pg, opts);
		const privateModes = (mod: TModule) => {
			const fs = mod.FS as TChmodFs;
			const doChmod = fs.doChmod.bind(fs);
			fs.doChmod = (stream, node, mode, dontFollow) => doChmod(stream, node, mode & ~0o077, dontFollow);
		};
		return {
			emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), privateModes] }
		};
	}
}
