import { once } from 'node:events';
import { createInflateRaw } from 'node:zlib';
import { type AsyncFlateStreamHandler, Unzip, type UnzipDecoder, unzipSync } from 'fflate';
import { AppError } from '../app-error.ts';

export interface TXlsxLimits {
	/** Most bytes all of the workbook's entries may unpack to. */
	maxUnpackedBytes: number;
	/** Most cells one worksheet may hold (`<c>` elements, blank ones with a style included). */
	maxCells: number;
}

/**
 * A response file is read as a stream, so its limits bound time and disk, not memory: 2 million cells are
 * 50 000 responses of 40 columns, and 100 MiB unpacked holds that sheet with an export's labels sheet
 * beside it. Larger files import as CSV (200 000 rows).
 */
export const STREAMED_XLSX_LIMITS: TXlsxLimits = { maxUnpackedBytes: 100 * 1024 * 1024, maxCells: 2_000_000 };

/**
 * Participant and organisation lists are read whole into memory: 20 000 rows of up to 25 columns.
 */
export const TABLE_XLSX_LIMITS: TXlsxLimits = { maxUnpackedBytes: 25 * 1024 * 1024, maxCells: 500_000 };

const STEP = 64 * 1024;
const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;

const mib = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const refuse = (message: string) => new AppError('INVALID_INPUT', message);

export const xlsxTooLarge = (limits: TXlsxLimits) =>
	refuse(
		`The XLSX file unpacks to more than ${mib(limits.maxUnpackedBytes)}, the most that is read from a workbook; save it as "CSV UTF-8" or split it into smaller files`
	);

export const xlsxTooManyCells = (limits: TXlsxLimits) =>
	refuse(
		`A sheet of the XLSX file has more than ${limits.maxCells.toLocaleString('en')} cells, the most that is read from a sheet; save it as "CSV UTF-8" or split it into smaller files`
	);

const notXlsx = () => refuse('The file is not a valid XLSX workbook');

/**
 * Refuses a workbook that unpacks to more than the limits before a spreadsheet reader opens it (a 1 MB zip
 * can unpack to gigabytes). Both the sizes the zip declares and the bytes actually inflated are counted,
 * while inflating, so a bomb stops at the limit with memory bounded by zlib's buffers.
 */
export async function checkXlsxSize(
	chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
	limits: TXlsxLimits
): Promise<void> {
	let unpacked = 0;
	let refusal: AppError | null = null;
	const inflaters = new Set<NativeInflate>();
	const unzip = new Unzip((file) => {
		if (refusal) return;
		if (file.originalSize !== undefined && file.originalSize > limits.maxUnpackedBytes) {
			refusal = xlsxTooLarge(limits);
			return;
		}
		if (file.compression !== 0 && file.compression !== 8) {
			refusal = notXlsx();
			return;
		}
		const count = SHEET.test(file.name) ? cellCounter() : null;
		let cells = 0;
		file.ondata = (error, data, final) => {
			if (refusal) return;
			if (error) {
				refusal = notXlsx();
				return;
			}
			unpacked += data.byteLength;
			if (count) cells += count(data, final);
			if (unpacked > limits.maxUnpackedBytes) refusal = xlsxTooLarge(limits);
			else if (cells > limits.maxCells) refusal = xlsxTooManyCells(limits);
			if (refusal) for (const inflater of inflaters) inflater.terminate();
		};
		file.start();
	});
	// Node's zlib inflates a few times faster than fflate's JavaScript: fflate only reads the zip's layout.
	unzip.register(
		class extends NativeInflate {
			constructor() {
				super(inflaters);
			}
		}
	);
	try {
		for await (const chunk of chunks) {
			unzip.push(chunk);
			// Bounded input: wait while an inflater has more than zlib's buffer to work through.
			await Promise.all([...inflaters].map((inflater) => inflater.drained()));
			if (refusal) throw refusal;
		}
		unzip.push(new Uint8Array(0), true);
		await Promise.all([...inflaters].map((inflater) => inflater.finished));
	} catch (error) {
		for (const inflater of inflaters) inflater.terminate();
		if (error instanceof AppError) throw error;
		throw notXlsx();
	}
	if (refusal) throw refusal;
}

/** A zip entry's deflate data through Node's zlib stream, as fflate's Unzip expects of a decoder. */
class NativeInflate implements UnzipDecoder {
	static readonly compression = 8;
	ondata: AsyncFlateStreamHandler = () => {};
	readonly finished: Promise<void>;
	private readonly zlib = createInflateRaw();
	private backlog: Promise<void> | null = null;

	constructor(all: Set<NativeInflate>) {
		all.add(this);
		this.finished = new Promise<void>((resolve) => {
			this.zlib.on('data', (data: Buffer<ArrayBuffer>) => this.ondata(null, data, false));
			this.zlib.on('end', () => this.ondata(null, new Uint8Array(0), true));
			this.zlib.on('error', (error) => this.ondata(error as never, new Uint8Array(0), true));
			this.zlib.on('close', () => {
				all.delete(this);
				resolve();
			});
		});
	}

	push(chunk: Uint8Array, final: boolean): void {
		if (this.zlib.destroyed) return;
		if (!this.zlib.write(chunk) && !this.backlog) {
			this.backlog = once(this.zlib, 'drain').then(
				() => {
					this.backlog = null;
				},
				() => {}
			);
		}
		if (final) this.zlib.end();
	}

	drained(): Promise<void> {
		return this.backlog ? Promise.race([this.backlog, this.finished]) : Promise.resolve();
	}

	terminate(): void {
		this.zlib.destroy();
	}
}

/**
 * The same check for a workbook in memory, with the sizes of its central directory as well: that is the
 * list a reader that loads the whole file (ExcelJS's `load`) goes by.
 */
export async function checkXlsxBytes(bytes: Uint8Array, limits: TXlsxLimits): Promise<void> {
	let declared = 0;
	try {
		unzipSync(bytes, {
			filter: (file) => {
				declared += file.originalSize;
				return false;
			}
		});
	} catch {
		throw notXlsx();
	}
	if (declared > limits.maxUnpackedBytes) throw xlsxTooLarge(limits);
	await checkXlsxSize(
		(function* () {
			for (let i = 0; i < bytes.byteLength; i += STEP) yield bytes.subarray(i, i + STEP);
		})(),
		limits
	);
}

/**
 * Counts cell elements (`<c>`, `<c …>`) in a worksheet's XML as it arrives; a tag cut between two pieces
 * counts once. ExcelJS reads cells by that unprefixed name only, so other spellings need no count.
 */
function cellCounter(): (data: Uint8Array, final: boolean) => number {
	// The last two bytes of a piece may start a cell whose delimiter is in the next one.
	let carry: number[] = [];
	return (data, final) => {
		let count = 0;
		const [c0, c1] = carry;
		if (c0 === LT && c1 === C && data.length > 0 && isDelimiter(data[0] as number)) count++;
		if (c1 === LT && data[0] === C && data.length > 1 && isDelimiter(data[1] as number)) count++;
		const end = data.length - 2;
		for (let i = 0; i < end; i++) {
			if (data[i] === LT && data[i + 1] === C && isDelimiter(data[i + 2] as number)) count++;
		}
		carry = final ? [] : [...carry, ...data.subarray(Math.max(0, data.length - 2))].slice(-2);
		return count;
	};
}

const LT = 0x3c;
const C = 0x63;
/** What may follow an element's name: `>`, `/`, or white space before its attributes. */
const isDelimiter = (b: number) =>
	b === 0x3e || b === 0x2f || b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
