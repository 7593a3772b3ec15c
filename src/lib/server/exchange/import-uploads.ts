import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { ZImportMapping } from '../../core/exchange/import-mapping.ts';
import type { TDb } from '../db/client.ts';
import { importUploads } from '../db/schema.ts';

/** How long an uploaded file waits for the mapping and the confirmation before it is deleted. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

const ZColumns = z.array(z.object({ name: z.string(), distinct: z.array(z.string()).nullable() }));

export interface TUploadMeta {
	fileName: string;
	/** The file's columns and their distinct values, read once. */
	columns: z.infer<typeof ZColumns>;
	mapping: z.infer<typeof ZImportMapping>;
}

export interface TUpload {
	id: string;
	waveId: string;
	userId: string;
	createdAt: Date;
	meta: TUploadMeta;
}

/** Whose upload it is: only this user, on this wave's import page, can take it up again. */
export interface TUploadOwner {
	waveId: string;
	userId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const expiredBefore = (now: number) => new Date(now - UPLOAD_TTL_MS);

/**
 * Keeps an uploaded file between the steps of the import page (upload, mapping, check, confirm) under a
 * random id, so that the page works as plain form posts on any app process. Uploads older than an hour are
 * deleted here and on every load.
 */
export async function saveUpload(
	db: TDb,
	owner: TUploadOwner,
	bytes: Uint8Array,
	meta: TUploadMeta,
	now = Date.now()
): Promise<TUpload> {
	await removeExpiredUploads(db, now);
	const createdAt = new Date(now);
	const [row] = await db
		.insert(importUploads)
		.values({
			waveId: owner.waveId,
			userId: owner.userId,
			fileName: meta.fileName,
			bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
			columns: meta.columns,
			mapping: meta.mapping,
			createdAt
		})
		.returning({ id: importUploads.id });
	if (!row) throw new Error('import_uploads: insert returned no row');
	return { id: row.id, ...owner, createdAt, meta };
}

/** An upload by id (without its bytes), only for its own user and wave, and only while it has not expired. */
export async function loadUpload(
	db: TDb,
	id: string,
	owner: TUploadOwner,
	now = Date.now()
): Promise<TUpload | null> {
	await removeExpiredUploads(db, now);
	if (!UUID.test(id)) return null;
	const [row] = await db
		.select({
			id: importUploads.id,
			fileName: importUploads.fileName,
			columns: importUploads.columns,
			mapping: importUploads.mapping,
			createdAt: importUploads.createdAt
		})
		.from(importUploads)
		.where(
			and(
				eq(importUploads.id, id),
				eq(importUploads.waveId, owner.waveId),
				eq(importUploads.userId, owner.userId)
			)
		);
	// The row may outlive the hour by the moment between the delete above and this select.
	if (!row || row.createdAt.getTime() < expiredBefore(now).getTime()) return null;
	return {
		id: row.id,
		...owner,
		createdAt: row.createdAt,
		meta: {
			fileName: row.fileName,
			columns: ZColumns.parse(row.columns),
			mapping: ZImportMapping.parse(row.mapping)
		}
	};
}

/** The uploaded file's bytes (for the check and the import), or null if it was removed meanwhile. */
export async function loadUploadBytes(db: TDb, upload: TUpload): Promise<Uint8Array | null> {
	const [row] = await db
		.select({ bytes: importUploads.bytes })
		.from(importUploads)
		.where(and(eq(importUploads.id, upload.id), eq(importUploads.userId, upload.userId)));
	return row ? row.bytes : null;
}

/** Saves the mapping chosen so far. */
export async function updateUploadMapping(db: TDb, upload: TUpload, mapping: TUploadMeta['mapping']) {
	await db.update(importUploads).set({ mapping }).where(eq(importUploads.id, upload.id));
}

/** Deletes an upload (after its import). */
export async function removeUpload(db: TDb, upload: TUpload): Promise<void> {
	await db.delete(importUploads).where(eq(importUploads.id, upload.id));
}

async function removeExpiredUploads(db: TDb, now: number): Promise<void> {
	await db.delete(importUploads).where(lt(importUploads.createdAt, expiredBefore(now)));
}
