import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ZImportMapping } from '../../core/exchange/import-mapping.ts';
import { AppError } from '../app-error.ts';
import type { TDb, TTx } from '../db/client.ts';
import { importUploadChunks, importUploads } from '../db/schema.ts';
import type { TImportSource } from './import-read-rows.ts';

/** How long an uploaded file waits for the mapping and the confirmation before it is deleted. */
export const UPLOAD_TTL_MS = 60 * 60 * 1000;

/**
 * Largest response file the import page takes (64 MiB; a 200 000-row export of the built-in questionnaire
 * is about 30 MB). Larger files go through `mognad import responses`, which reads them from disk.
 */
export const MAX_RESPONSE_UPLOAD_BYTES = 64 * 1024 * 1024;

// Stored and read back in pieces: memory stays bounded, and the embedded database copes poorly with one
// value of many megabytes. The bytes travel as base64 text, several times faster through PGlite than a
// bytea parameter.
const CHUNK = 1024 * 1024;

const ZColumns = z.array(z.object({ name: z.string(), distinct: z.array(z.string()).nullable() }));

export interface TUploadMeta {
	fileName: string;
	/** The file's columns and their distinct values, read once. */
	columns: z.infer<typeof ZColumns>;
	mapping: z.infer<typeof ZImportMapping>;
}

export interface TUpload {
	id: string;
	size: number;
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
	return db.transaction(async (tx) => {
		const [row] = await tx
			.insert(importUploads)
			.values({
				waveId: owner.waveId,
				userId: owner.userId,
				fileName: meta.fileName,
				size: bytes.byteLength,
				columns: meta.columns,
				mapping: meta.mapping,
				createdAt
			})
			.returning({ id: importUploads.id });
		if (!row) throw new Error('import_uploads: insert returned no row');
		const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		for (let seq = 0; seq * CHUNK < bytes.byteLength; seq++) {
			const piece = buffer.subarray(seq * CHUNK, (seq + 1) * CHUNK).toString('base64');
			await tx
				.insert(importUploadChunks)
				.values({ uploadId: row.id, seq, bytes: sql`decode(${piece}, 'base64')` });
		}
		return { id: row.id, size: bytes.byteLength, ...owner, createdAt, meta };
	});
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
			size: importUploads.size,
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
		size: row.size,
		...owner,
		createdAt: row.createdAt,
		meta: {
			fileName: row.fileName,
			columns: ZColumns.parse(row.columns),
			mapping: ZImportMapping.parse(row.mapping)
		}
	};
}

/**
 * The uploaded file as an import reads it: piece by piece from the database, each time it is read (the
 * import reads a file twice). A piece missing (the upload removed meanwhile) refuses the file.
 */
export function uploadSource(db: TDb, upload: TUpload): TImportSource {
	return {
		fileName: upload.meta.fileName,
		size: upload.size,
		chunks: async function* (connection: TDb | TTx = db) {
			for (let seq = 0; seq * CHUNK < upload.size; seq++) {
				const [row] = await connection
					.select({ base64: sql<string>`encode(${importUploadChunks.bytes}, 'base64')` })
					.from(importUploadChunks)
					.where(and(eq(importUploadChunks.uploadId, upload.id), eq(importUploadChunks.seq, seq)));
				if (!row) {
					throw new AppError(
						'NOT_FOUND',
						'The uploaded file is no longer kept (files are kept for an hour); upload it again'
					);
				}
				yield Buffer.from(row.base64, 'base64');
			}
		}
	};
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
