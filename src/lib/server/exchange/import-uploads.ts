import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ZImportMapping } from '../../core/exchange/import-mapping.ts';

/** How long an uploaded file waits for the mapping and the confirmation before it is deleted. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

const ZUploadMeta = z.object({
	waveSlug: z.string(),
	userId: z.string(),
	fileName: z.string(),
	createdAt: z.number(),
	/** The file's columns and their distinct values, read once. */
	columns: z.array(z.object({ name: z.string(), distinct: z.array(z.string()).nullable() })),
	mapping: ZImportMapping
});
export type TUploadMeta = z.infer<typeof ZUploadMeta>;

export interface TUpload {
	id: string;
	/** The uploaded file on disk. */
	path: string;
	meta: TUploadMeta;
}

const ID = /^[0-9a-f]{32}$/;

/** The folder of uploads waiting between the steps of the import page (one per process's temp folder). */
export const uploadDir = () => path.join(tmpdir(), 'mognad-imports');

/**
 * Keeps an uploaded file between the steps of the import page (upload, mapping, check, confirm) under a
 * random id, so that the page works as plain form posts. Files older than an hour are removed here.
 */
export function saveUpload(
	bytes: Uint8Array,
	meta: Omit<TUploadMeta, 'createdAt'>,
	now = Date.now()
): TUpload {
	removeExpiredUploads(now);
	mkdirSync(uploadDir(), { recursive: true, mode: 0o700 });
	const id = randomBytes(16).toString('hex');
	const file = path.join(uploadDir(), `${id}.data`);
	writeFileSync(file, bytes, { mode: 0o600 });
	const full = { ...meta, createdAt: now };
	writeFileSync(path.join(uploadDir(), `${id}.json`), JSON.stringify(full), { mode: 0o600 });
	return { id, path: file, meta: full };
}

/** An upload by id, only for the user and wave it was made for and while it has not expired. */
export function loadUpload(id: string, waveSlug: string, userId: string, now = Date.now()): TUpload | null {
	if (!ID.test(id)) return null;
	let meta: TUploadMeta;
	try {
		meta = ZUploadMeta.parse(JSON.parse(readFileSync(path.join(uploadDir(), `${id}.json`), 'utf8')));
	} catch {
		return null;
	}
	if (meta.waveSlug !== waveSlug || meta.userId !== userId) return null;
	if (now - meta.createdAt > UPLOAD_TTL_MS) {
		removeUpload(id);
		return null;
	}
	return { id, path: path.join(uploadDir(), `${id}.data`), meta };
}

/** Saves the mapping chosen so far. */
export function updateUploadMapping(upload: TUpload, mapping: TUploadMeta['mapping']): void {
	const meta = { ...upload.meta, mapping };
	writeFileSync(path.join(uploadDir(), `${upload.id}.json`), JSON.stringify(meta), { mode: 0o600 });
}

/** Deletes an upload (after its import, or when abandoned). */
export function removeUpload(id: string): void {
	if (!ID.test(id)) return;
	for (const ext of ['data', 'json']) rmSync(path.join(uploadDir(), `${id}.${ext}`), { force: true });
}

function removeExpiredUploads(now: number): void {
	let names: string[];
	try {
		names = readdirSync(uploadDir());
	} catch {
		return;
	}
	for (const name of names) {
		try {
			if (now - statSync(path.join(uploadDir(), name)).mtimeMs > UPLOAD_TTL_MS) {
				rmSync(path.join(uploadDir(), name), { force: true });
			}
		} catch {
			// Removed by another process meanwhile.
		}
	}
}
