import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readImportRows } from '../exchange/import-read-rows.ts';
import { xlsxBytes } from '../testing/response-file.ts';
import { zipBombXlsx } from '../testing/zip-bomb.ts';
import { checkXlsxSize, STREAMED_XLSX_LIMITS, TABLE_XLSX_LIMITS } from './check-xlsx-size.ts';
import { readTableFile } from './read-table-file.ts';

// A few MB of XLSX can unpack to gigabytes; ExcelJS would unpack all of it (into memory for participant
// and organisation lists, into a temp file for a sheet stored before its shared strings).
const GIB = 1024 * 1024 * 1024;
const tooLarge = (mb: number) =>
	`The XLSX file unpacks to more than ${mb} MB, the most that is read from a workbook; save it as "CSV UTF-8" or split it into smaller files`;
const tooManyCells = (cells: string) =>
	`A sheet of the XLSX file has more than ${cells} cells, the most that is read from a sheet; save it as "CSV UTF-8" or split it into smaller files`;

async function readAllRows(bytes: Uint8Array): Promise<number> {
	let rows = 0;
	for await (const _ of readImportRows(
		{ bytes, fileName: 'svar.xlsx' },
		{ maxRows: 200_000, maxBytes: 512 * 1024 * 1024 }
	)) {
		rows++;
	}
	return rows;
}

/** RSS growth while `run` runs, sampled as it goes (the peak, not the end). */
async function peakGrowth(run: () => Promise<unknown>): Promise<number> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	try {
		await run();
	} finally {
		clearInterval(timer);
	}
	return Math.max(peak, process.memoryUsage().rss) - before;
}

describe('an XLSX zip bomb', () => {
	const honest = zipBombXlsx();
	const lying = zipBombXlsx({ honestSizes: false });

	it('is a small, valid workbook whose sheet unpacks to 1 GiB', () => {
		expect(honest.byteLength).toBeLessThan(3 * 1024 * 1024);
		let declared = 0;
		unzipSync(honest, {
			filter: (file) => {
				declared += file.originalSize;
				return false;
			}
		});
		expect(declared).toBeGreaterThan(GIB - 64 * 1024);
		// The same skeleton with one piece is read as an ordinary workbook.
		return expect(readAllRows(zipBombXlsx({ pieces: 1 }))).resolves.toBe(1);
	});

	it('is refused by the size its zip declares before anything is inflated', async () => {
		const started = performance.now();
		const growth = await peakGrowth(() => expect(readAllRows(honest)).rejects.toThrow(tooLarge(100)));
		console.log(
			`declared: refused in ${(performance.now() - started).toFixed(0)} ms, RSS +${(growth / 1e6).toFixed(0)} MB`
		);
		expect(growth).toBeLessThan(200e6);
	});

	it('is refused while inflating when the zip understates its sizes, memory bounded', async () => {
		const started = performance.now();
		const growth = await peakGrowth(() =>
			expect(readAllRows(lying)).rejects.toThrow(tooManyCells('2,000,000'))
		);
		console.log(
			`inflated: refused in ${(performance.now() - started).toFixed(0)} ms, RSS +${(growth / 1e6).toFixed(0)} MB`
		);
		expect(growth).toBeLessThan(200e6);
		// Without the cell limit, the inflated bytes stop it.
		await expect(
			checkXlsxSize([lying], { maxUnpackedBytes: STREAMED_XLSX_LIMITS.maxUnpackedBytes, maxCells: 1e12 })
		).rejects.toThrow(tooLarge(100));
	});

	it('is refused for participant and organisation lists, read whole, with their lower limits', async () => {
		for (const bomb of [honest, lying]) {
			const growth = await peakGrowth(async () =>
				expect(await readTableFile(bomb, 'deltagare.xlsx')).toEqual({
					ok: false,
					problem: bomb === honest ? tooLarge(25) : tooManyCells('500,000')
				})
			);
			expect(growth).toBeLessThan(200e6);
		}
		expect(TABLE_XLSX_LIMITS.maxCells).toBe(500_000);
	});

	it('leaves an ordinary workbook alone', async () => {
		const bytes = await xlsxBytes([
			['name', 'email', 'title', 'organisation'],
			['Anna Andersson', 'anna@example.org', 'Kommunchef', '2580']
		]);
		expect(await readTableFile(bytes, 'deltagare.xlsx')).toMatchObject({ ok: true });
		expect(await readAllRows(bytes)).toBe(2);
	});
});
