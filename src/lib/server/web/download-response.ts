import { Readable } from 'node:stream';

/** A file download: the body streamed as it is produced, saved under `filename` (an ASCII name). */
export function downloadResponse(file: {
	filename: string;
	contentType: string;
	body: Readable | Uint8Array | string;
}): Response {
	const body =
		file.body instanceof Readable ? (Readable.toWeb(file.body) as ReadableStream<Uint8Array>) : file.body;
	return new Response(body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`,
			'cache-control': 'no-store'
		}
	});
}
