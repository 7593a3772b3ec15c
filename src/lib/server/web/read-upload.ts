export type ReadUploadResult =
	| { ok: true; fields: Record<string, string>; file: { name: string; bytes: Uint8Array } | null }
	| { ok: false; reason: 'too-large' | 'malformed' };

/** What a multipart form adds around its file: boundaries, headers, the other fields. */
export const UPLOAD_FORM_OVERHEAD = 64 * 1024;

/**
 * Reads a posted multipart form with one file (`fileField`) of at most `maxFileBytes`, refusing a larger
 * body before buffering it: by its content-length, or while reading a chunked one. An empty file input
 * counts as no file.
 */
export async function readUpload(
	request: Request,
	fileField: string,
	maxFileBytes: number
): Promise<ReadUploadResult> {
	const maxBody = maxFileBytes + UPLOAD_FORM_OVERHEAD;
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > maxBody) return { ok: false, reason: 'too-large' };
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('multipart/form-data')) return { ok: false, reason: 'malformed' };
	const body = await readLimited(request, maxBody);
	if (body === null) return { ok: false, reason: 'too-large' };
	let form: FormData;
	try {
		form = await new Response(body, { headers: { 'content-type': type } }).formData();
	} catch {
		return { ok: false, reason: 'malformed' };
	}
	const fields: Record<string, string> = {};
	let file: { name: string; bytes: Uint8Array } | null = null;
	for (const [name, value] of form) {
		if (typeof value === 'string') fields[name] = value;
		else if (name === fileField && value.size > 0) {
			if (value.size > maxFileBytes) return { ok: false, reason: 'too-large' };
			file = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
		}
	}
	return { ok: true, fields, file };
}

// A chunked body has no content-length: count while reading and stop at the limit.
async function readLimited(request: Request, limit: number): Promise<Buffer<ArrayBuffer> | null> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of (request.body ?? []) as AsyncIterable<Uint8Array>) {
		total += chunk.byteLength;
		if (total > limit) return null;
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}
