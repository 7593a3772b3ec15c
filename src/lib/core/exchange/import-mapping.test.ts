import { describe, expect, it } from 'vitest';
import { organisationLookup } from '../organisations/organisation-lookup.ts';
import { builtInTemplate } from '../testing/questionnaires.ts';
import { planCells, planImport, suggestMapping, type TImportPlan } from './import-mapping.ts';
import { importReader } from './import-response.ts';
import { responseColumns } from './response-columns.ts';

const questionnaire = builtInTemplate();
const columns = responseColumns(questionnaire);
const names = columns.map((c) => c.name);

function planned(header: string[], mapping?: Parameters<typeof planImport>[2]): TImportPlan {
	const result = planImport(columns, header, mapping);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.plan;
}

describe('planImport', () => {
	it('takes an export of the questionnaire in any column order, and refuses foreign columns by name', () => {
		const plan = planned([...names].reverse());
		expect(plan.positions[0]).toBe(names.length - 1);
		const foreign = planImport(columns, [...names.filter((n) => n !== 'kultur'), 'kultur_2019']);
		expect(foreign).toEqual({
			ok: false,
			problems: [
				{ code: 'unknown_column', column: 'kultur_2019' },
				{ code: 'missing_column', column: 'kultur' }
			]
		});
	});

	it('under a mapping: maps, ignores, refuses unknown targets and two columns for one, and fills the gaps', () => {
		const mapping = {
			columns: { Id: 'response_id', Svar: 'ledning_delar', Anteckning: '' },
			values: { Svar: { Ja: 'ja' } },
			status: 'partial' as const
		};
		const plan = planned(['Id', 'Svar', 'Anteckning', 'behov', ''], mapping);
		expect(planCells(plan, 7, ['x9', 'Ja', 'fri text', 8, ''])).toEqual(
			columns.map((c) =>
				c.name === 'response_id'
					? 'x9'
					: c.name === 'ledning_delar'
						? 'ja'
						: c.name === 'behov'
							? 8
							: c.name === 'status'
								? 'partial'
								: null
			)
		);
		// Without a response id column, the line number keeps re-imports of the same file idempotent.
		const noId = planned(['behov'], { columns: {}, values: {}, status: 'complete' });
		expect(planCells(noId, 12, ['3'])[0]).toBe('line-12');
		expect(
			planImport(columns, ['A', 'B'], { columns: { A: 'behov', B: 'behov' }, values: {}, status: 'complete' })
		).toEqual({
			ok: false,
			problems: [{ code: 'duplicate_column', column: 'B' }]
		});
		expect(
			planImport(columns, ['A'], { columns: { A: 'behov_2019' }, values: {}, status: 'complete' })
		).toEqual({
			ok: false,
			problems: [{ code: 'unknown_target', column: 'A', target: 'behov_2019' }]
		});
	});
});

describe('suggestMapping', () => {
	it('matches headers by export name or question text, and values by option code or label', () => {
		const mapping = suggestMapping(questionnaire, columns, [
			{ name: 'Response_ID', distinct: null },
			{ name: 'Delar hela kommunledningen denna uppfattning?', distinct: ['Ja', 'Vet ej', 'nej', 'Kanske'] },
			{ name: 'drivande.it', distinct: ['x', ''] },
			{ name: 'Tidsstämpel', distinct: null }
		]);
		expect(mapping).toEqual({
			columns: {
				Response_ID: 'response_id',
				'Delar hela kommunledningen denna uppfattning?': 'ledning_delar',
				'drivande.it': 'drivande.it',
				Tidsstämpel: ''
			},
			values: {
				'Delar hela kommunledningen denna uppfattning?': { Ja: 'ja', 'Vet ej': 'vet_ej' },
				'drivande.it': { x: '1' }
			},
			status: 'complete'
		});
	});
});

describe('importReader', () => {
	const units = organisationLookup([{ id: 'u1', code: '2580', name: 'Luleå' }]);
	const reader = importReader({
		questionnaire,
		plan: planned(names),
		findOrganisation: units.find,
		lang: 'en'
	});
	const row = (cells: Record<string, string>) => names.map((n) => cells[n] ?? '');

	it('reads a row as the respondent form stores it: protected text unprotected, options sorted as the form sorts them', () => {
		const read = reader.read(
			2,
			row({
				response_id: 'a',
				organisation_code: '2580',
				status: 'complete',
				kultur: 'nej',
				kultur_varfor: "'=SUMMA(A1)",
				'drivande.it': '1',
				'drivande.annat': '1',
				'drivande.annat.text': 'Skolan'
			})
		);
		expect(read).toEqual({
			ok: true,
			response: {
				key: 'a',
				organisationId: 'u1',
				role: null,
				roleGroup: null,
				status: 'complete',
				submittedAt: null,
				rows: [
					{ questionCode: 'drivande', optionCode: 'annat', valueNum: null, valueText: 'Skolan' },
					{ questionCode: 'drivande', optionCode: 'it', valueNum: null, valueText: null },
					{ questionCode: 'kultur', optionCode: 'nej', valueNum: null, valueText: null },
					{ questionCode: 'kultur_varfor', optionCode: '', valueNum: null, valueText: '=SUMMA(A1)' }
				]
			}
		});
	});

	it('refuses an answer its own row hides, and an unknown unit, on the same row', () => {
		const read = reader.read(
			5,
			row({
				response_id: 'b',
				organisation: 'Gotland',
				status: 'complete',
				kultur: 'ja',
				kultur_varfor: 'Därför'
			})
		);
		expect(read).toEqual({
			ok: false,
			problems: [
				{ line: 5, column: 'organisation', code: 'unknown_organisation', value: 'Gotland' },
				{ line: 5, column: 'kultur_varfor', code: 'hidden_answer', value: 'Därför' }
			]
		});
	});
});
