import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// `mognad demo` as a newcomer runs it, in this process on a fresh database (PGlite, or PostgreSQL with DATABASE_URL).
let cli: TInProcessCli;
beforeAll(async () => {
	cli = await startInProcessCli({ PORT: '3000', ORIGIN: '' });
});
afterAll(async () => {
	await cli?.close();
});

const mognad = (...args: string[]) => cli.run(args);

describe('mognad demo', () => {
	it('creates the demo wave and says where to see it', async () => {
		const demo = await mognad('demo');
		expect(demo.code, demo.err).toBe(0);
		expect(demo.out).toBe('norrbotten-2020\n');
		expect(demo.err).toBe(
			'Created the demo wave "Digital mognad i Norrbottens kommuner 2020": 28 invited, 20 responses. ' +
				'See it at http://localhost:3000/admin/waves/norrbotten-2020\n'
		);
	});

	it('gives the seed report’s figures through the results command', async () => {
		const results = await mognad('results', '--wave', 'norrbotten-2020');
		expect(results.code, results.err).toBe(0);
		const parsed = JSON.parse(results.out) as {
			responses: { complete: number };
			organisations: { invited: number; responded: number };
			questions: Array<{
				code: string;
				mean: number | null;
				topBox: { percent: number } | null;
				options: Array<{ code: string; percent: number }>;
			}>;
		};
		expect(parsed.responses.complete).toBe(20);
		expect(parsed.organisations).toEqual({ invited: 14, responded: 10 });
		const behov = parsed.questions.find((q) => q.code === 'behov');
		expect([behov?.mean, behov?.topBox?.percent]).toEqual([8.5, 80]);
		const vision = parsed.questions.find((q) => q.code === 'vision');
		expect(vision?.options.map((o) => o.percent)).toEqual([70, 25, 5]);
	});

	it('changes nothing when run again', async () => {
		const again = await mognad('demo');
		expect(again.code, again.err).toBe(0);
		expect(again.out).toBe('norrbotten-2020\n');
		expect(again.err).toContain('already exists (20 responses); nothing was changed');
		const list = await mognad('wave', 'list');
		expect(list.out.trim().split('\n')).toEqual([
			'norrbotten-2020\tclosed\tinvite\t20 complete\tDigital mognad i Norrbottens kommuner 2020'
		]);
	});

	it('writes the published report as a PDF whose text has the seed report’s figures', async () => {
		const file = path.join(cli.dir, 'rapport.pdf');
		const demo = await mognad('demo', '--out', file);
		expect(demo.code, demo.err).toBe(0);
		expect(demo.err).toContain(`Wrote the report (version 1) to ${file}`);
		expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
		const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout.replace(
			/[ \u00a0]+/g,
			' '
		);
		for (const figure of [
			'Sida 1 (',
			'RN-DEMO-2020-001',
			'Enkäten skickades till 14 organisationer. Svar inkom från 10.',
			'80 % av respondenterna anser att behovet av digitalisering är stort',
			'47 % menar att hela kommunledningen delar denna uppfattning',
			'70 % av respondenterna säger att man har en digital vision',
			'55 % av respondenterna anser att det saknas tillräcklig kompetens',
			'n = 20 · medelvärde 8,5'
		])
			expect(text).toContain(figure);
	});

	it('refuses arguments it does not know', async () => {
		const wrong = await mognad('demo', '--wave', 'x');
		expect(wrong.code).toBe(1);
		expect(wrong.err).toContain('Usage:');
	});
});

describe('mognad report', () => {
	it('rebuilds a published version byte for byte', async () => {
		const first = path.join(cli.dir, 'rapport.pdf');
		const again = path.join(cli.dir, 'version-1.pdf');
		const report = await mognad(
			'report',
			'--wave',
			'norrbotten-2020',
			'--version',
			'1',
			'--format',
			'pdf',
			'--out',
			again
		);
		expect(report.code, report.err).toBe(0);
		expect(report.err).toBe(`Wrote the version 1 report to ${again}\n`);
		expect(readFileSync(again).equals(readFileSync(first))).toBe(true);
	});

	it('writes the draft as a Word file with the generated sections', async () => {
		const file = path.join(cli.dir, 'utkast.docx');
		const report = await mognad('report', '--wave', 'norrbotten-2020', '--format', 'docx', '--out', file);
		expect(report.code, report.err).toBe(0);
		const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml'] ?? new Uint8Array());
		for (const text of ['Kort sammanställning av läget', 'Svar och kommentarer', 'Utkast'])
			expect(xml).toContain(text);
	});

	it('refuses a municipality with fewer than k respondents, and bad options, with one line', async () => {
		const small = await mognad(
			'report',
			'--wave',
			'norrbotten-2020',
			'--organisation',
			'2580',
			'--format',
			'html',
			'--out',
			path.join(cli.dir, 'lulea.html')
		);
		expect(small.code).toBe(1);
		expect(small.err.trim().split('\n')).toHaveLength(1);
		const format = await mognad('report', '--wave', 'norrbotten-2020', '--format', 'odt', '--out', 'x.odt');
		expect([format.code, format.err]).toEqual([
			1,
			expect.stringContaining('--format must be pdf, docx or html')
		]);
		const unknown = await mognad('report', '--wave', 'nope', '--format', 'pdf', '--out', 'x.pdf');
		expect(unknown.code).toBe(1);
		expect(unknown.err).toContain('nope');
	});
});
