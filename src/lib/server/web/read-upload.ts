import { MAX_IMPORT_BYTES } from '../../core/spreadsheet/table.ts';

export type ReadUploadResult =
	| { ok: true; fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null }
	| { ok: false; reason: 'too-large' | 'malformed' };

/**
 * Reads a posted multipart form with one file (`fileField`), refusing a body over the import limit before
 * buffering it. An empty file input counts as no file.
 */
export async function readUpload(request: Request, fileField: string): Promise<ReadUploadResult> {
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > MAX_IMPORT_BYTES + 64 * 1024) return { ok: false, reason: 'too-large' };
	if (!(request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
		return { ok: false, reason: 'malformed' };
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	const fields: Record<string, string> = {};
	let file: { name: string; bytes: Uint8Array } | null = null;
	for (const [name, value] of form) {
		if (typeof value === 'string') fields[name] = value;
		else if (name === fileField && value.size > 0) {
			file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
		}
	}
	return { ok: true, fields, file };
}
