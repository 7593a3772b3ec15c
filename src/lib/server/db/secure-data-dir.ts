import { chmodSync, lstatSync, mkdirSync, readdirSync, type Stats } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { AppError } from '../app-error.ts';

/** Only the owner may enter the data folder or read and write what is in it. */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * Makes the embedded database's folder private before the database opens: files created from now on
 * get no group or other permissions (the umask, which also covers the WAL segments PGlite writes later),
 * the folder is created 0700, and an existing folder with looser modes is tightened. The WAL holds
 * password hashes and free-text answers, and a writable pg_control lets anyone corrupt the database.
 * A folder or file that this user does not own and cannot tighten is refused with the command to fix it.
 */
export function secureDataDir(dir: string): void {
	const root = path.resolve(dir);
	process.umask(0o077);
	mkdirSync(root, { recursive: true, mode: DATA_DIR_MODE });
	tighten(root, root);
}

function tighten(root: string, entry: string): void {
	const stat = lstatSync(entry);
	// A symbolic link has no modes of its own on Linux; what it points at is not ours to change.
	if (stat.isSymbolicLink()) return;
	const wanted = stat.isDirectory() ? DATA_DIR_MODE : DATA_FILE_MODE;
	if ((stat.mode & 0o777) !== wanted) {
		if (!ownedByMe(stat)) refuse(root, entry, 'belongs to another user');
		try {
			chmodSync(entry, wanted);
		} catch (error) {
			refuse(root, entry, (error as NodeJS.ErrnoException).code ?? 'cannot be changed');
		}
	}
	if (stat.isDirectory()) for (const name of readdirSync(entry)) tighten(root, path.join(entry, name));
}

function ownedByMe(stat: Stats): boolean {
	return typeof process.getuid !== 'function' || stat.uid === process.getuid();
}

function userName(): string {
	try {
		return userInfo().username;
	} catch {
		return String(process.getuid?.() ?? '$(id -un)');
	}
}

function refuse(root: string, entry: string, reason: string): never {
	throw new AppError(
		'FORBIDDEN',
		`The data folder ${root} must be private to the user that runs Mognad, but ${entry} (${reason}) cannot be made so. Fix it with: sudo chown -R ${userName()} '${root}' && sudo chmod -R u=rwX,go= '${root}'`
	);
}
