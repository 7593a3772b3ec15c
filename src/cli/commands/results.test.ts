import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIRUNA_ANSWER, LULEA_RELEASED, seedResultsOutputs } from '../../../tests/support/results-dataset.ts';
import { ZWaveChange } from '../../lib/core/results/wave-change-schema.ts';
import { ZWaveResults } from '../../lib/core/results/wave-results-schema.ts';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// The results of the hand-computed dataset (tests/support/results-dataset.ts) through the CLI, as a user
// gets them, in this process on the file's own database; the JSON API's are in
// tests/integration/results-outputs.test.ts.
let cli: TInProcessCli;
beforeAll(async () => {
	cli = await startInProcessCli();
	await seedResultsOutputs(cli.database.db);
});
afterAll(async () => cli?.close());

const mognad = (...args: string[]) => cli.run(args);

// `--format csv` is the Swedish dialect (BOM, `;`, decimal comma), `--format csv-en` the plain one.
const csv = (text: string, delimiter: ';' | ',' = ',') =>
	parse(text, { columns: true, bom: true, delimiter }) as Array<Record<string, string>>;

describe('mognad results', () => {
	it('prints the results as JSON in the published shape', async () => {
		const run = await mognad('results', '--wave', 'nu');
		expect(run.code).toBe(0);
		const results = ZWaveResults.parse(JSON.parse(run.out));
		expect(results.responses).toEqual({ complete: 13, partial: 1 });
		expect(results.questions.find((q) => q.code === 'vision')?.options[0]).toEqual({
			code: 'ja',
			label: 'Ja',
			count: 9,
			percent: 69.2,
			ci95: [42.4, 87.3]
		});
	});

	it('prints CSV by organisation: a row per question and option and group, hidden groups without figures, formula cells neutralised', async () => {
		// With the one partial response, the whole wave could be subtracted from itself without it: refused.
		const partial = await mognad(
			'results',
			'--wave',
			'nu',
			'--by',
			'organisation',
			'--format',
			'csv-en',
			'--include-partial'
		);
		expect(partial.code).toBe(1);
		expect(partial.err).toContain('This selection shows no figures');
		const run = await mognad('results', '--wave', 'nu', '--by', 'organisation', '--format', 'csv-en');
		expect(run.code).toBe(0);
		expect(run.out.startsWith('group,group_label,')).toBe(true);
		const rows = csv(run.out);
		expect(Object.keys(rows[0] ?? {})).toEqual([
			'group',
			'group_label',
			'suppressed',
			'question',
			'type',
			'n',
			'kind',
			'code',
			'label',
			'count',
			'percent',
			'ci95_low',
			'ci95_high',
			'mean',
			'median',
			'sd',
			'top_box_from',
			'top_box_count',
			'top_box_percent',
			'excluded'
		]);
		const ja = rows.find((r) => r.group === '' && r.question === 'ledning_delar' && r.code === 'ja');
		expect(ja).toMatchObject({ n: '13', count: '7', percent: '53.8', ci95_low: '29.1', ci95_high: '76.8' });
		// Kiruna (1) and Boden, whose block it joins, are hidden.
		expect(rows.filter((r) => r.suppressed === 'true').map((r) => [r.group, r.n, r.count])).toEqual([
			['2582', '', ''],
			['2584', '', '']
		]);
		const pitea = rows.find((r) => r.group === '2581' && r.question === 'behov' && r.code === '8');
		// Piteå's behov: 6, 5, 8.
		expect(pitea).toMatchObject({ group_label: 'Piteå', n: '3', count: '1', mean: '6.3', excluded: '0' });
		expect(rows.find((r) => r.group === '' && r.kind === 'theme' && r.label?.includes('1+1'))?.label).toBe(
			"'=1+1"
		);
		expect(rows.filter((r) => r.kind === 'released').map((r) => [r.group, r.label])).toEqual([
			['', "'=Visa goda exempel"],
			['', KIRUNA_ANSWER],
			['', LULEA_RELEASED]
		]);
	});

	it('prints CSV for Swedish Excel by default: byte order mark, semicolons, decimal commas', async () => {
		const run = await mognad('results', '--wave', 'nu', '--format', 'csv');
		expect(run.code).toBe(0);
		expect(run.out.startsWith('\uFEFFgroup;group_label;suppressed;')).toBe(true);
		const rows = csv(run.out, ';');
		const ja = rows.find((r) => r.question === 'ledning_delar' && r.code === 'ja');
		expect(ja).toMatchObject({ n: '13', count: '7', percent: '53,8', ci95_low: '29,1', ci95_high: '76,8' });
		expect(rows.find((r) => r.kind === 'released' && r.label?.includes('goda exempel'))?.label).toBe(
			"'=Visa goda exempel"
		);
	});

	it('prints the change since an earlier wave as CSV', async () => {
		const run = await mognad('results', '--wave', 'nu', '--compare', 'forra', '--format', 'csv');
		expect(run.code).toBe(0);
		const rows = csv(run.out, ';');
		expect(rows.find((r) => r.question === 'vision' && r.code === 'ja')).toMatchObject({
			previous_percent: '10',
			current_percent: '69,2',
			difference: '59,2',
			ci95_low: '18,7',
			ci95_high: '79,1',
			changed: 'true'
		});
		expect(rows.find((r) => r.question === 'ledning_delar' && r.code === 'ja')).toMatchObject({
			difference: '3,8',
			changed: 'false'
		});
		expect(rows.find((r) => r.question === 'ny_fraga')).toMatchObject({
			kind: 'not_comparable',
			not_comparable: 'only-in-this-wave'
		});
		const json = await mognad('results', '--wave', 'nu', '--compare', 'forra');
		expect(ZWaveChange.parse(JSON.parse(json.out)).notComparable).toHaveLength(1);
	});

	it('prints the maturity index as CSV: the region, then each municipality', async () => {
		const run = await mognad(
			'results',
			'--wave',
			'nu',
			'--maturity',
			'--format',
			'csv',
			'--organisation',
			'2580'
		);
		expect(run.err).toBe('');
		expect(run.code).toBe(0);
		const rows = csv(run.out, ';');
		expect(Object.keys(rows[0] ?? {}).slice(0, 10)).toEqual([
			'group',
			'group_label',
			'suppressed',
			'n',
			'index',
			'level',
			'weakest',
			'capability',
			'legacy',
			'strategi'
		]);
		expect(rows.map((r) => [r.group, r.group_label, r.n, r.index, r.level, r.strategi, r.kompetens])).toEqual(
			[
				['region', 'pooled', '5', '93,3', 'hog', '60', ''],
				['region', 'organisation_mean', '1', '93,3', 'hog', '60', ''],
				['2580', 'Luleå', '5', '93,3', 'hog', '60', '']
			]
		);
		const json = ZWaveResults.parse(JSON.parse((await mognad('results', '--wave', 'nu', '--maturity')).out));
		expect(json.maturity?.region.pooled?.index).toBe(94.2);
	});

	it('refuses a wrong option or an unknown wave with one line and exit code 1', async () => {
		const wrong = await mognad('results', '--wave', 'nu', '--by', 'kommun');
		expect(wrong.code).toBe(1);
		expect(wrong.err).toContain('--by must be organisation, department or role');
		const format = await mognad('results', '--wave', 'nu', '--format', 'xlsx');
		expect(format.code).toBe(1);
		expect(format.err).toContain('--format must be json, csv or csv-en');
		const unknown = await mognad('results', '--wave', 'finns-inte');
		expect(unknown).toMatchObject({ code: 1, out: '' });
		expect(unknown.err).toContain('No wave with the slug "finns-inte"');
	});
});
