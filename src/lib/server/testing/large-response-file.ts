import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import type { TQuestionnaire } from '../../core/questionnaire/definition.ts';
import { norrbotten } from '../setup/norrbotten.ts';
import { responseFileRows } from './response-file.ts';

const UNITS = norrbotten.municipalities.map((m) => m.code);

/**
 * Writes an export-format CSV of `count` complete responses to the built-in template, streamed to disk
 * (never whole in memory): deterministic answers that vary by row. `breakLast` makes the last row's scale
 * answer unreadable, so that only a read of the whole file finds it.
 */
export async function writeLargeResponseFile(
	questionnaire: TQuestionnaire,
	file: string,
	count: number,
	options: { breakLast?: boolean } = {}
): Promise<void> {
	const rows = responseFileRows(questionnaire, [
		{
			responseId: 'r',
			organisationCode: '2580',
			roleGroup: 'it',
			submittedAt: new Date('2020-05-04T10:00:00Z'),
			answers: {
				behov: { kind: 'scale', value: 5 },
				ledning_delar: { kind: 'single', option: 'ja' },
				vision: { kind: 'single', option: 'ja' },
				medborgarbild: { kind: 'single', option: 'nej' },
				beslutskapacitet: { kind: 'single', option: 'ja' },
				it_arv: { kind: 'single', option: 'nej' },
				omvarld: { kind: 'single', option: 'ja' },
				drivande: { kind: 'multi', options: ['it'] },
				kultur: { kind: 'single', option: 'ja' },
				kompetens: { kind: 'single', option: 'vet_ej' },
				stod: { kind: 'text', value: 'Mer samordning; "goda exempel"' }
			}
		}
	]);
	const [header = [], template = []] = rows;
	const at = (name: string) => header.indexOf(name);
	const options3 = ['ja', 'nej', 'vet_ej'];
	const out = createWriteStream(file);
	const write = async (text: string) => {
		if (!out.write(text)) await once(out, 'drain');
	};
	await write(`\uFEFF${stringify([header], { delimiter: ';' })}`);
	let chunk: string[][] = [];
	for (let i = 1; i <= count; i++) {
		const row = [...template];
		row[at('response_id')] = `r${i}`;
		row[at('organisation_code')] = UNITS[i % UNITS.length] ?? '2580';
		row[at('organisation')] = '';
		row[at('behov')] = options.breakLast && i === count ? 'sju' : String((i % 10) + 1);
		row[at('ledning_delar')] = options3[i % 3] ?? 'ja';
		row[at('vision')] = options3[(i >> 1) % 3] ?? 'ja';
		row[at('drivande.ledning')] = String(i % 2);
		chunk.push(row);
		if (chunk.length === 1000 || i === count) {
			await write(stringify(chunk, { delimiter: ';' }));
			chunk = [];
		}
	}
	out.end();
	await once(out, 'finish');
}

/** Samples the process's resident memory while `work` runs; returns the result and the peak in bytes. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
	let peakRss = process.memoryUsage.rss();
	const timer = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
	}, 20);
	try {
		const result = await work();
		peakRss = Math.max(peakRss, process.memoryUsage.rss());
		return { result, peakRss };
	} finally {
		clearInterval(timer);
	}
}
