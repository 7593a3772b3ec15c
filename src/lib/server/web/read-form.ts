/** Largest form a respondent page accepts: far above five 5 000-character answers, far below a memory risk. */
export const MAX_FORM_BYTES = 256 * 1024;

export type ReadFormResult =
	| { ok: true; entries: Array<[string, string]> }
	| { ok: false; status: 400 | 413 | 415; reason: 'too-large' | 'malformed' };

/**
 * Reads a posted HTML form as name/value pairs, refusing oversized bodies before buffering them and
 * anything that is not a plain form (files, JSON). Invalid UTF-8 arrives as U+FFFD for the validator to catch.
 */
export async function readForm(request: Request): Promise<ReadFormResult> {
	const length = Number(request.headers.get('content-length') ?? '0');
	if (length > MAX_FORM_BYTES) return { ok: false, status: 413, reason: 'too-large' };
	const type = request.headers.get('content-type') ?? '';
	if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) {
		return { ok: false, status: 415, reason: 'malformed' };
	}
	const body = await readLimited(request);
	if (body === null) return { ok: false, status: 413, reason: 'too-large' };
	try {
		const form = await new Response(body, { headers: { 'content-type': type } }).formData();
		const entries: Array<[string, string]> = [];
		for (const [name, value] of form) {
			if (typeof value !== 'string') return { ok: false, status: 400, reason: 'malformed' };
			entries.push([name, value]);
		}
		return { ok: true, entries };
	} catch {
		return { ok: false, status: 400, reason: 'malformed' };
	}
}

// A chunked body has no content-length: count while reading and stop at the limit.
async function readLimited(request: Request): Promise<Buffer<ArrayBuffer> | null> {
	const chunks: Uint8Array[] = [];
	let total = 0;
	for await (const chunk of (request.body ?? []) as AsyncIterable<Uint8Array>) {
		total += chunk.byteLength;
		if (total > MAX_FORM_BYTES) return null;
		chunks.push(chunk);
	}
	return Buffer.concat(chunks);
}
