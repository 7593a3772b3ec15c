import { describe, expect, it } from 'vitest';
import { answerToRows, type TAnswer, type TAnswerMap } from '../questionnaire/answer.ts';
import { builtInTemplate, questionOf } from '../testing/questionnaires.ts';
import {
	cellLabel,
	cellsInColumnOrder,
	cellsToResponse,
	matchHeader,
	protectText,
	responseColumns,
	responseToCells,
	type TResponseMeta,
	unprotectText
} from './response-columns.ts';

const template = builtInTemplate();
const columns = responseColumns(template);
const rowsOf = (answers: TAnswerMap) =>
	Object.entries(answers).flatMap(([code, answer]: [string, TAnswer]) =>
		answerToRows(questionOf(template, code), answer)
	);
const sortRows = <T extends { questionCode: string; optionCode: string }>(rows: T[]) =>
	[...rows].sort((a, b) =>
		`${a.questionCode}/${a.optionCode}`.localeCompare(`${b.questionCode}/${b.optionCode}`)
	);

const meta: TResponseMeta = {
	responseId: 'r-1',
	organisationCode: '2580',
	organisation: 'Luleå kommun',
	role: 'Förvaltningschef',
	roleGroup: 'forvaltningsledning',
	status: 'complete',
	submittedAt: new Date('2024-03-05T09:30:12.456Z')
};

describe('responseColumns', () => {
	it('lists the meta columns, then one column per question, multi-choice as one per option and the "other" text', () => {
		expect(columns.map((c) => c.name)).toEqual([
			'response_id',
			'organisation_code',
			'organisation',
			'role',
			'role_group',
			'status',
			'submitted_at',
			'behov',
			'behov_kommentar',
			'ledning_delar',
			'vision',
			'vision_kommentar',
			'medborgarbild',
			'beslutskapacitet',
			'beslutskapacitet_varfor',
			'it_arv',
			'it_arv_kommentar',
			'omvarld',
			'drivande.politiker',
			'drivande.ledning',
			'drivande.it',
			'drivande.tjansteman',
			'drivande.medborgare',
			'drivande.naringsliv',
			'drivande.annat',
			'drivande.annat.text',
			'drivkrafter',
			'kultur',
			'kultur_varfor',
			'kultur_atgarder',
			'kompetens',
			'stod'
		]);
	});

	it('gives each column its kind: option codes, scale bounds, text limits', () => {
		const byName = new Map(columns.map((c) => [c.name, c]));
		expect(byName.get('behov')).toEqual({
			kind: 'scale',
			name: 'behov',
			question: 'behov',
			min: 1,
			max: 10,
			minLabel: { sv: 'Mycket litet', en: 'Very small' },
			maxLabel: { sv: 'Mycket stort', en: 'Very great' }
		});
		expect(byName.get('vision')).toMatchObject({ kind: 'single', question: 'vision' });
		const vision = byName.get('vision');
		expect(vision?.kind === 'single' && vision.options.map((o) => o.code)).toEqual(['ja', 'nej', 'vet_ej']);
		expect(byName.get('drivande.it')).toMatchObject({
			kind: 'multi_option',
			question: 'drivande',
			option: 'it'
		});
		expect(byName.get('drivande.annat.text')).toMatchObject({
			kind: 'other_text',
			question: 'drivande',
			option: 'annat',
			maxLength: 500
		});
		expect(byName.get('stod')).toMatchObject({ kind: 'text', question: 'stod', maxLength: 5000 });
	});
});

describe('responseToCells', () => {
	it('writes codes, numbers and texts, 0/1 for each multi option, empty for unanswered questions', () => {
		const cells = responseToCells(
			columns,
			meta,
			rowsOf({
				behov: { kind: 'scale', value: 8 },
				vision: { kind: 'single', option: 'nej' },
				drivande: { kind: 'multi', options: ['it', 'annat'], other: 'Skolan' },
				stod: { kind: 'text', value: 'Mer stöd' }
			})
		);
		const byName = Object.fromEntries(columns.map((c, i) => [c.name, cells[i]]));
		expect(byName).toMatchObject({
			response_id: 'r-1',
			organisation_code: '2580',
			organisation: 'Luleå kommun',
			role: 'Förvaltningschef',
			role_group: 'forvaltningsledning',
			status: 'complete',
			submitted_at: '2024-03-05T09:30:12Z',
			behov: 8,
			behov_kommentar: null,
			vision: 'nej',
			kultur: null,
			'drivande.politiker': 0,
			'drivande.it': 1,
			'drivande.annat': 1,
			'drivande.annat.text': 'Skolan',
			stod: 'Mer stöd'
		});
	});

	it('leaves every option of an unanswered multiple choice empty, not 0', () => {
		const cells = responseToCells(columns, { ...meta, status: 'partial', submittedAt: null }, []);
		const byName = Object.fromEntries(columns.map((c, i) => [c.name, cells[i]]));
		expect(byName['drivande.it']).toBeNull();
		expect(byName['drivande.annat.text']).toBeNull();
		expect(byName.status).toBe('partial');
		expect(byName.submitted_at).toBeNull();
	});

	it('neutralises text that a spreadsheet would run as a formula', () => {
		const cells = responseToCells(
			columns,
			{ ...meta, role: '@chef' },
			rowsOf({ stod: { kind: 'text', value: '=HYPERLINK("x")' } })
		);
		const byName = Object.fromEntries(columns.map((c, i) => [c.name, cells[i]]));
		expect(byName.stod).toBe(`'=HYPERLINK("x")`);
		expect(byName.role).toBe("'@chef");
	});
});

describe('protectText / unprotectText', () => {
	it.each([
		['=1+2', "'=1+2"],
		['+46 70', "'+46 70"],
		['-', "'-"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', "'\rx"],
		["'citat'", "''citat'"],
		['vanlig text', 'vanlig text'],
		['', '']
	])('%j is written as %j and read back literally', (text, written) => {
		expect(protectText(text)).toBe(written);
		expect(unprotectText(protectText(text))).toBe(text);
	});
});

describe('cellsToResponse', () => {
	const hostile = [
		"=cmd|' /C calc'!A0",
		"'redan citerad",
		'Rad ett\nrad två; "citat", komma',
		'<script>alert(1)</script> **fet** #set page() \\u{1F600} 😀 مرحبا',
		'-5 grader',
		'x'.repeat(5000)
	];

	it.each(hostile)('round-trips the text %#', (text) => {
		const rows = rowsOf({ stod: { kind: 'text', value: text } });
		const cells = responseToCells(columns, { ...meta, role: text.slice(0, 40) }, rows);
		const parsed = cellsToResponse(columns, cells);
		expect(parsed).toEqual({
			ok: true,
			meta: { ...meta, role: text.slice(0, 40), submittedAt: new Date('2024-03-05T09:30:12Z') },
			rows
		});
	});

	it('round-trips a full response as its storage rows', () => {
		const answers: TAnswerMap = {
			behov: { kind: 'scale', value: 10 },
			behov_kommentar: { kind: 'text', value: 'Behovet är stort' },
			ledning_delar: { kind: 'single', option: 'vet_ej' },
			vision: { kind: 'single', option: 'ja' },
			beslutskapacitet: { kind: 'single', option: 'nej' },
			beslutskapacitet_varfor: { kind: 'text', value: 'Ingen tid' },
			drivande: { kind: 'multi', options: ['politiker', 'annat'], other: '=Skolan' },
			kompetens: { kind: 'single', option: 'ja' }
		};
		const rows = rowsOf(answers);
		const parsed = cellsToResponse(columns, responseToCells(columns, meta, rows));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(sortRows(parsed.rows)).toEqual(sortRows(rows));
		expect(parsed.meta.submittedAt).toEqual(new Date('2024-03-05T09:30:12Z'));
	});

	it('round-trips "other" chosen without a text, and a partial response without answers', () => {
		const rows = rowsOf({ drivande: { kind: 'multi', options: ['annat'] } });
		const parsed = cellsToResponse(columns, responseToCells(columns, meta, rows));
		expect(parsed.ok && parsed.rows).toEqual(rows);
		const partial = {
			...meta,
			status: 'partial' as const,
			submittedAt: null,
			organisationCode: null,
			organisation: null
		};
		expect(cellsToResponse(columns, responseToCells(columns, partial, []))).toEqual({
			ok: true,
			meta: partial,
			rows: []
		});
	});

	it('reads text cells as a CSV gives them and numbers as XLSX gives them', () => {
		const cells = responseToCells(columns, meta, rowsOf({ behov: { kind: 'scale', value: 3 } })).map((c) =>
			c === null ? '' : String(c)
		);
		const parsed = cellsToResponse(columns, cells);
		expect(parsed.ok && parsed.rows).toEqual([
			{ questionCode: 'behov', optionCode: '', valueNum: 3, valueText: null }
		]);
	});

	it('reports every bad cell by column and reason', () => {
		const byName: Record<string, string> = {
			response_id: '',
			status: 'klar',
			submitted_at: '5 mars',
			behov: '11',
			behov_kommentar: 'ok',
			vision: 'kanske',
			medborgarbild: 'ja',
			beslutskapacitet: 'ja',
			omvarld: 'ja',
			kultur: 'ja',
			kompetens: 'nej',
			ledning_delar: 'JA',
			it_arv: '2,5',
			'drivande.it': '2',
			'drivande.annat': '0',
			'drivande.annat.text': 'Skolan',
			stod: 'y'.repeat(5001)
		};
		// it_arv is a single choice: "2,5" is an unknown option there.
		const parsed = cellsToResponse(
			columns,
			columns.map((c) => byName[c.name] ?? '')
		);
		expect(parsed).toEqual({
			ok: false,
			problems: [
				{ column: 'response_id', code: 'missing', value: '' },
				{ column: 'status', code: 'unknown_status', value: 'klar' },
				{ column: 'submitted_at', code: 'invalid_date', value: '5 mars' },
				{ column: 'behov', code: 'out_of_range', value: '11' },
				{ column: 'ledning_delar', code: 'unknown_option', value: 'JA' },
				{ column: 'vision', code: 'unknown_option', value: 'kanske' },
				{ column: 'it_arv', code: 'unknown_option', value: '2,5' },
				{ column: 'drivande.it', code: 'not_zero_or_one', value: '2' },
				{ column: 'stod', code: 'too_long', value: '5000' },
				{ column: 'drivande.annat.text', code: 'text_without_option', value: 'Skolan' }
			]
		});
	});

	it('refuses a scale value that is not a whole number', () => {
		const cells = columns.map((c) =>
			c.name === 'behov' ? '7,5' : c.name === 'status' ? 'partial' : c.name === 'response_id' ? 'a' : null
		);
		expect(cellsToResponse(columns, cells)).toEqual({
			ok: false,
			problems: [{ column: 'behov', code: 'not_a_whole_number', value: '7,5' }]
		});
	});
});

describe('matchHeader', () => {
	it('finds the columns in any order (a BOM on the first name is ignored)', () => {
		const names = columns.map((c) => c.name);
		const header = [`\uFEFF${names[1]}`, names[0] as string, ...names.slice(2)];
		const match = matchHeader(columns, header);
		expect(match.ok).toBe(true);
		if (!match.ok) return;
		expect(match.positions.slice(0, 3)).toEqual([1, 0, 2]);
		expect(cellsInColumnOrder(match.positions, ['b', 'a', 'c'])).toEqual([
			'a',
			'b',
			'c',
			...Array(names.length - 3).fill(undefined)
		]);
	});

	it('reports missing, unknown and repeated columns', () => {
		const names = columns.map((c) => c.name).filter((n) => n !== 'behov');
		expect(matchHeader(columns, [...names, 'fraga_x', 'vision'])).toEqual({
			ok: false,
			problems: [
				{ code: 'duplicate_column', column: 'vision' },
				{ code: 'unknown_column', column: 'fraga_x' },
				{ code: 'missing_column', column: 'behov' }
			]
		});
	});
});

describe('cellLabel', () => {
	it('shows option labels for single choices and chosen multi options', () => {
		const byName = new Map(columns.map((c) => [c.name, c]));
		const vision = byName.get('vision');
		const it = byName.get('drivande.it');
		const behov = byName.get('behov');
		if (!vision || !it || !behov) throw new Error('columns missing');
		expect(cellLabel(vision, 'vet_ej')).toBe('Vet ej');
		expect(cellLabel(it, 1)).toBe('IT-avdelningen');
		expect(cellLabel(it, 0)).toBeNull();
		expect(cellLabel(it, null)).toBeNull();
		expect(cellLabel(behov, 7)).toBe(7);
	});
});
