import { describe, expect, it } from 'vitest';
import { definition, freeText, multi, option, page, scale, yesNo } from '../testing/questionnaires.ts';
import { formatPath, parseQuestionnaire } from './parse-questionnaire.ts';

function errorsOf(input: unknown): string[] {
	const result = parseQuestionnaire(input);
	if (result.ok) throw new Error('expected the definition to be refused');
	return result.errors;
}

const background = (code: string, field: string) => ({
	code,
	type: 'background',
	field,
	text: { sv: `Fråga ${code}?` }
});
const dimension = (code: string) => ({ code, label: { sv: code } });
const level = (code: string, min: number, max: number) => ({ code, label: { sv: code }, min, max });

describe('parseQuestionnaire accepts', () => {
	it('texts in any language, such as Finnish, Northern Sami and Meänkieli', () => {
		const result = parseQuestionnaire(
			definition(
				[page('a', yesNo('x', { text: { sv: 'Fråga?', fi: 'Kysymys?', se: 'Gažaldat?', fit: 'Kysymys?' } }))],
				{
					languages: ['sv', 'fi', 'se', 'fit']
				}
			)
		);
		expect(result.ok && result.questionnaire.sections[0]?.questions[0]?.text).toEqual({
			sv: 'Fråga?',
			fi: 'Kysymys?',
			se: 'Gažaldat?',
			fit: 'Kysymys?'
		});
		expect(result.ok && result.questionnaire.languages).toEqual(['sv', 'fi', 'se', 'fit']);
	});

	it('a minimal definition, filling in the defaults', () => {
		const result = parseQuestionnaire(definition([page('a', yesNo('x'), freeText('y'), multi('z'))]));
		expect(result).toEqual({
			ok: true,
			questionnaire: {
				code: 'test',
				version: 1,
				title: { sv: 'Testenkät' },
				languages: ['sv', 'en'],
				roleGroups: [],
				dimensions: [],
				levels: [],
				keyFigures: [],
				sections: [
					{
						code: 'a',
						title: { sv: 'Sida a' },
						questions: [
							{
								code: 'x',
								type: 'single',
								text: { sv: 'Fråga x?' },
								required: false,
								reversed: false,
								options: [
									{ code: 'ja', label: { sv: 'ja' } },
									{ code: 'nej', label: { sv: 'nej' } }
								]
							},
							{
								code: 'y',
								type: 'text',
								text: { sv: 'Fråga y?' },
								required: false,
								reversed: false,
								multiline: true,
								maxLength: 5000
							},
							{
								code: 'z',
								type: 'multi',
								text: { sv: 'Fråga z?' },
								required: false,
								reversed: false,
								options: [
									{ code: 'a', label: { sv: 'a' }, other: false },
									{ code: 'b', label: { sv: 'b' }, other: false },
									{ code: 'annat', label: { sv: 'annat' }, other: true }
								]
							}
						]
					}
				]
			}
		});
	});

	it('defaults a dimension weight to 1 and role-group keywords to none', () => {
		const result = parseQuestionnaire(
			definition([page('a', yesNo('x', { dimension: 'd' }))], {
				dimensions: [dimension('d')],
				roleGroups: [{ code: 'g', label: { sv: 'G' } }]
			})
		);
		expect(result.ok && result.questionnaire.dimensions).toEqual([
			{ code: 'd', label: { sv: 'd' }, weight: 1 }
		]);
		expect(result.ok && result.questionnaire.roleGroups).toEqual([
			{ code: 'g', label: { sv: 'G' }, titleKeywords: [] }
		]);
	});

	it('a condition on a choice option of an earlier page, single or multiple choice', () => {
		const result = parseQuestionnaire(
			definition([
				page('a', yesNo('x'), multi('m')),
				page('b', freeText('y', { showIf: { question: 'x', in: ['nej'] } })),
				page('c', freeText('z', { showIf: { question: 'm', in: ['a', 'annat'] } }))
			])
		);
		expect(result.ok).toBe(true);
	});

	it('a reversed scale item and a scale of exactly 101 points with its top box at the ends', () => {
		const result = parseQuestionnaire(
			definition(
				[
					page(
						'a',
						scale('s', { min: 0, max: 100, topBox: { from: 100, label: { sv: 'Topp' } } }),
						scale('t', { dimension: 'd', reversed: true, topBox: { from: 1, label: { sv: 'Alla' } } })
					)
				],
				{ dimensions: [dimension('d')] }
			)
		);
		expect(result.ok).toBe(true);
	});

	it('a topic title for the report and a follow-up of an earlier question, on the same page or before', () => {
		const result = parseQuestionnaire(
			definition([
				page(
					'a',
					yesNo('x', { topic: { sv: 'Ämnet', en: 'The topic' } }),
					freeText('k', { followUpOf: 'x' })
				),
				page('b', yesNo('y', { followUpOf: 'x', topic: { sv: 'Bara svenska' } }))
			])
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [first, comment] = result.questionnaire.sections[0]?.questions ?? [];
		expect(first?.topic).toEqual({ sv: 'Ämnet', en: 'The topic' });
		expect(comment?.followUpOf).toBe('x');
	});

	it('a question code that is also a page code', () => {
		expect(parseQuestionnaire(definition([page('behov', yesNo('behov'))])).ok).toBe(true);
	});
});

describe('parseQuestionnaire refuses, naming the path', () => {
	it('a definition that is not an object', () => {
		expect(errorsOf('enkät')).toEqual(['(root): Invalid input: expected object, received string']);
	});

	it('a definition without its required fields', () => {
		expect(errorsOf({})).toEqual([
			'code: Invalid input: expected string, received undefined',
			'version: Invalid input: expected number, received undefined',
			'title: Invalid input: expected object, received undefined',
			'sections: Invalid input: expected array, received undefined'
		]);
	});

	it('a badly formed questionnaire code and a version below 1', () => {
		expect(errorsOf(definition([page('a', yesNo('x'))], { code: 'Digital Mognad', version: 0 }))).toEqual([
			'code: use lower-case letters, digits, _ and -',
			'version: Too small: expected number to be >=1'
		]);
	});

	it('badly formed codes of pages, questions and options', () => {
		const input = definition([page('Sida1', yesNo('1fråga', { options: [option('ja'), option('vet-ej')] }))]);
		const rule = 'use lower-case letters, digits and _ (starting with a letter)';
		expect(errorsOf(input)).toEqual([
			`sections[0].code: ${rule}`,
			`sections[0].questions[0].code: ${rule}`,
			`sections[0].questions[0].options[1].code: ${rule}`
		]);
	});

	it('a missing or empty Swedish text', () => {
		const input = definition(
			[
				page(
					'a',
					yesNo('x', { text: { en: 'Question?' } }),
					yesNo('y', { options: [option('ja'), { code: 'nej', label: { sv: '', en: 'No' } }] }),
					yesNo('z', { text: { sv: ' \t ' } })
				)
			],
			{ title: { en: 'Test' } }
		);
		expect(errorsOf(input)).toEqual([
			'title.sv: Invalid input: expected string, received undefined',
			'sections[0].questions[0].text.sv: Invalid input: expected string, received undefined',
			'sections[0].questions[1].options[1].label.sv: must not be empty',
			'sections[0].questions[2].text.sv: must not be empty'
		]);
	});

	it('an empty English text (leave it out instead)', () => {
		expect(errorsOf(definition([page('a', yesNo('x'))], { title: { sv: 'Test', en: '' } }))).toEqual([
			'title.en: must not be empty'
		]);
	});

	it('a text key that is not a language code, and a language list without Swedish first', () => {
		const input = definition([page('a', yesNo('x', { text: { sv: 'X?', English: 'X?' } }))], {
			languages: ['en', 'sv', 'en']
		});
		expect(errorsOf(input)).toEqual([
			'languages: Swedish first, each language once',
			'sections[0].questions[0].text.English: "English" is not a language code'
		]);
	});

	it('a misspelt or unknown key instead of dropping it', () => {
		const input = definition([page('a', yesNo('x', { requried: false } as never))]);
		expect(errorsOf(input)).toEqual(['sections[0].questions[0]: Unrecognized key: "requried"']);
	});

	it('a questionnaire without pages and a page without questions', () => {
		expect(errorsOf(definition([]))).toEqual(['sections: Too small: expected array to have >=1 items']);
		expect(errorsOf(definition([page('a')]))).toEqual([
			'sections[0].questions: Too small: expected array to have >=1 items'
		]);
	});

	it('an unknown question type', () => {
		expect(errorsOf(definition([page('a', { code: 'x', type: 'grid', text: { sv: 'X' } })]))).toEqual([
			"sections[0].questions[0].type: Invalid discriminator value. Expected 'single' | 'multi' | 'scale' | 'text' | 'background'"
		]);
	});

	it('a choice question with fewer than two options', () => {
		expect(errorsOf(definition([page('a', yesNo('x', { options: [option('ja')] }))]))).toEqual([
			'sections[0].questions[0].options: Too small: expected array to have >=2 items'
		]);
	});

	it('a text length limit outside 1–20 000', () => {
		expect(
			errorsOf(definition([page('a', freeText('x', { maxLength: 0 }), freeText('y', { maxLength: 20001 }))]))
		).toEqual([
			'sections[0].questions[0].maxLength: Too small: expected number to be >=1',
			'sections[0].questions[1].maxLength: Too big: expected number to be <=20000'
		]);
	});

	it('a scale with bounds that are not whole numbers', () => {
		expect(errorsOf(definition([page('a', scale('x', { min: 0.5 }))]))).toEqual([
			'sections[0].questions[0].min: Invalid input: expected int, received number'
		]);
	});

	it('a background field other than organisation and role', () => {
		expect(errorsOf(definition([page('a', background('alder', 'age'))]))).toEqual([
			'sections[0].questions[0].field: Invalid option: expected one of "organisation"|"role"'
		]);
	});

	it('a dimension weight that is not positive', () => {
		const input = definition([page('a', yesNo('x'))], {
			dimensions: [{ code: 'd', label: { sv: 'D' }, weight: 0 }]
		});
		expect(errorsOf(input)).toEqual(['dimensions[0].weight: Too small: expected number to be >0']);
	});

	it('an empty condition', () => {
		const input = definition([
			page('a', yesNo('x')),
			page('b', freeText('y', { showIf: { question: 'x', in: [] } }))
		]);
		expect(errorsOf(input)).toEqual([
			'sections[1].questions[0].showIf.in: Too small: expected array to have >=1 items'
		]);
	});

	it('duplicate codes of pages, dimensions, role groups and levels', () => {
		const input = definition([page('a', yesNo('x', { dimension: 'd' })), page('a', yesNo('y'))], {
			dimensions: [dimension('d'), dimension('d')],
			roleGroups: [
				{ code: 'it', label: { sv: 'IT' } },
				{ code: 'it', label: { sv: 'IT igen' } }
			],
			levels: [level('lag', 0, 50), level('lag', 51, 100)]
		});
		expect(errorsOf(input)).toEqual([
			'sections[1].code: duplicate code "a"',
			'dimensions[1].code: duplicate code "d"',
			'roleGroups[1].code: duplicate code "it"',
			'levels[1].code: duplicate code "lag"'
		]);
	});

	it('a question code used twice, on the same page or on another', () => {
		const input = definition([page('a', yesNo('x'), freeText('x')), page('b', scale('x'))]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[1].code: duplicate code "x"',
			'sections[1].questions[0].code: duplicate code "x"'
		]);
	});

	it('an option code used twice in a single or multiple choice question', () => {
		const input = definition([
			page(
				'a',
				yesNo('x', { options: [option('ja'), option('ja'), option('nej')] }),
				multi('y', { options: [option('a'), option('b'), option('a')] })
			)
		]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[0].options[1].code: duplicate code "ja"',
			'sections[0].questions[1].options[2].code: duplicate code "a"'
		]);
	});

	it('more than one "other" option', () => {
		const input = definition([
			page(
				'a',
				multi('y', {
					options: [option('a'), option('annat', { other: true }), option('ovrigt', { other: true })]
				})
			)
		]);
		expect(errorsOf(input)).toEqual(['sections[0].questions[0].options: at most one option may be "other"']);
	});

	it('a scale whose max is not above its min', () => {
		const input = definition([page('a', scale('x', { min: 5, max: 5 }), scale('y', { min: 10, max: 1 }))]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[0].max: max must be greater than min',
			'sections[0].questions[1].max: max must be greater than min'
		]);
	});

	it('a scale of more than 101 points', () => {
		expect(errorsOf(definition([page('a', scale('x', { min: 0, max: 101 }))]))).toEqual([
			'sections[0].questions[0].max: a scale has at most 101 points'
		]);
	});

	it('a top box outside the scale', () => {
		const input = definition([
			page(
				'a',
				scale('x', { min: 1, max: 10, topBox: { from: 11, label: { sv: 'Stort' } } }),
				scale('y', { min: 1, max: 10, topBox: { from: 0, label: { sv: 'Stort' } } })
			)
		]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[0].topBox.from: must be within 1–10',
			'sections[0].questions[1].topBox.from: must be within 1–10'
		]);
	});

	it('a background field asked twice', () => {
		const input = definition([
			page('a', background('organisation', 'organisation'), background('roll', 'role')),
			page('b', background('roll_igen', 'role'))
		]);
		expect(errorsOf(input)).toEqual(['sections[1].questions[0].field: "role" is asked twice']);
	});

	it('a question measuring an unknown dimension', () => {
		const input = definition([page('a', yesNo('x', { dimension: 'strategi' }))], {
			dimensions: [dimension('kultur')]
		});
		expect(errorsOf(input)).toEqual(['sections[0].questions[0].dimension: unknown dimension "strategi"']);
	});

	it('a dimension on a text, multiple-choice or background question', () => {
		const input = definition(
			[
				page('a', freeText('x', { dimension: 'd' }), multi('y', { dimension: 'd' }), {
					...background('roll', 'role'),
					dimension: 'okand'
				})
			],
			{ dimensions: [dimension('d')] }
		);
		const rule = 'only single choice and scale questions can measure a dimension';
		expect(errorsOf(input)).toEqual([
			`sections[0].questions[0].dimension: ${rule}`,
			`sections[0].questions[1].dimension: ${rule}`,
			'sections[0].questions[2].dimension: unknown dimension "okand"',
			`sections[0].questions[2].dimension: ${rule}`
		]);
	});

	it('a reversed question without a dimension', () => {
		expect(errorsOf(definition([page('a', yesNo('x', { reversed: true }))]))).toEqual([
			'sections[0].questions[0].reversed: only a question with a dimension can be reversed'
		]);
	});

	it('a condition on an unknown question, on itself or on a later page', () => {
		const input = definition([
			page('a', yesNo('x', { showIf: { question: 'finns_inte', in: ['ja'] } })),
			page('b', yesNo('y', { showIf: { question: 'y', in: ['ja'] } })),
			page('c', yesNo('z', { showIf: { question: 'w', in: ['ja'] } })),
			page('d', yesNo('w'))
		]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[0].showIf.question: "finns_inte" is not an earlier question',
			'sections[1].questions[0].showIf.question: "y" is not an earlier question',
			'sections[2].questions[0].showIf.question: "w" is not an earlier question'
		]);
	});

	it('a condition on an earlier question of the same page, not on a later one', () => {
		const input = definition([
			page(
				'a',
				yesNo('x'),
				freeText('y', { showIf: { question: 'x', in: ['ja'] } }),
				freeText('z', { showIf: { question: 'w', in: ['ja'] } }),
				yesNo('w')
			)
		]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[2].showIf.question: "w" is not an earlier question'
		]);
	});

	it('a condition on a text, scale or background question', () => {
		const input = definition([
			page('a', freeText('t'), scale('s'), background('roll', 'role')),
			page(
				'b',
				yesNo('x', { showIf: { question: 't', in: ['ja'] } }),
				yesNo('y', { showIf: { question: 's', in: ['ja'] } }),
				yesNo('z', { showIf: { question: 'roll', in: ['ja'] } })
			)
		]);
		expect(errorsOf(input)).toEqual([
			'sections[1].questions[0].showIf.question: "t" is not a choice question',
			'sections[1].questions[1].showIf.question: "s" is not a choice question',
			'sections[1].questions[2].showIf.question: "roll" is not a choice question'
		]);
	});

	it('a condition naming an option the question does not have', () => {
		const input = definition([
			page('a', yesNo('x'), multi('m')),
			page(
				'b',
				freeText('y', { showIf: { question: 'x', in: ['ja', 'kanske'] } }),
				freeText('z', { showIf: { question: 'm', in: ['c'] } })
			)
		]);
		expect(errorsOf(input)).toEqual([
			'sections[1].questions[0].showIf.in[1]: "kanske" is not an option of "x"',
			'sections[1].questions[1].showIf.in[0]: "c" is not an option of "m"'
		]);
	});

	it('a topic title without Swedish, or an empty one', () => {
		expect(errorsOf(definition([page('a', yesNo('x', { topic: { en: 'Topic' } }))]))).toEqual([
			'sections[0].questions[0].topic.sv: Invalid input: expected string, received undefined'
		]);
		expect(errorsOf(definition([page('a', yesNo('x', { topic: { sv: ' ' } }))]))).toEqual([
			'sections[0].questions[0].topic.sv: must not be empty'
		]);
	});

	it('a follow-up of an unknown, a later or a background question, or of itself', () => {
		const input = definition([
			page('a', background('roll', 'role'), yesNo('x', { followUpOf: 'roll' })),
			page('b', freeText('y', { followUpOf: 'z' }), freeText('z', { followUpOf: 'z' })),
			page('c', freeText('w', { followUpOf: 'finns_inte' }))
		]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[1].followUpOf: "roll" is a background question, which the report does not show',
			'sections[1].questions[0].followUpOf: "z" is not an earlier question',
			'sections[1].questions[1].followUpOf: "z" is not an earlier question',
			'sections[2].questions[0].followUpOf: "finns_inte" is not an earlier question'
		]);
	});

	it('levels that do not start at 0 and end at 100', () => {
		const input = definition([page('a', yesNo('x'))], {
			levels: [level('lag', 1, 50), level('hog', 51, 99)]
		});
		expect(errorsOf(input)).toEqual([
			'levels[0].min: the first level must start at 0',
			'levels[1].max: the last level must end at 100'
		]);
	});

	it('a level whose max is below its min', () => {
		const input = definition([page('a', yesNo('x'))], {
			levels: [level('lag', 0, 40), level('hog', 41, 30)]
		});
		expect(errorsOf(input)).toEqual([
			'levels[1].max: the last level must end at 100',
			'levels[1].max: max must not be below min'
		]);
	});

	it('levels with a gap or an overlap between them', () => {
		const input = definition([page('a', yesNo('x'))], {
			levels: [level('lag', 0, 33), level('medel', 35, 66), level('hog', 66, 100)]
		});
		expect(errorsOf(input)).toEqual([
			"levels[1].min: must follow the previous level's max (33) without gap or overlap",
			"levels[2].min: must follow the previous level's max (66) without gap or overlap"
		]);
	});

	it('a single level must cover 0–100 by itself', () => {
		expect(
			parseQuestionnaire(definition([page('a', yesNo('x'))], { levels: [level('alla', 0, 100)] })).ok
		).toBe(true);
		expect(errorsOf(definition([page('a', yesNo('x'))], { levels: [level('alla', 0, 90)] }))).toEqual([
			'levels[0].max: the last level must end at 100'
		]);
	});

	it('an empty description of a level (a level may carry one, for the report to explain it)', () => {
		const described = {
			...level('alla', 0, 100),
			description: { sv: 'Hela skalan', en: 'The whole scale' }
		};
		const result = parseQuestionnaire(definition([page('a', yesNo('x'))], { levels: [described] }));
		expect(result.ok && result.questionnaire.levels).toEqual([described]);
		expect(
			errorsOf(definition([page('a', yesNo('x'))], { levels: [{ ...described, description: { sv: ' ' } }] }))
		).toEqual(['levels[0].description.sv: must not be empty']);
	});

	it('reports every cross-reference error at once, in definition order', () => {
		const input = definition([
			page('a', yesNo('x', { options: [option('ja'), option('ja')] }), scale('s', { min: 3, max: 2 })),
			page('b', freeText('x', { showIf: { question: 's', in: ['ja'] }, reversed: true }))
		]);
		expect(errorsOf(input)).toEqual([
			'sections[0].questions[0].options[1].code: duplicate code "ja"',
			'sections[0].questions[1].max: max must be greater than min',
			'sections[1].questions[0].code: duplicate code "x"',
			'sections[1].questions[0].reversed: only a question with a dimension can be reversed',
			'sections[1].questions[0].showIf.question: "s" is not a choice question'
		]);
	});
});

describe('formatPath', () => {
	it('writes a zod path the way a JSON reader looks it up', () => {
		expect(formatPath([])).toBe('(root)');
		expect(formatPath(['code'])).toBe('code');
		expect(formatPath(['sections', 0, 'questions', 4, 'showIf', 'in', 1])).toBe(
			'sections[0].questions[4].showIf.in[1]'
		);
		expect(formatPath([2, 'code'])).toBe('[2].code');
	});
});
