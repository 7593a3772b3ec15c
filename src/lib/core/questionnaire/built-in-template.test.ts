import { describe, expect, it } from 'vitest';
import templateV1 from '../../../../questionnaires/digital-mognad-i-kommuner.v1.json' with { type: 'json' };
import { builtInTemplate, questionnaireFrom, questionOf, sectionOf } from '../testing/questionnaires.ts';
import type { TQuestion, TQuestionnaire, TText } from './definition.ts';

// The built-in template against ../shared/design/DOMAIN.md ("The built-in template: Digital mognad i kommuner").
const questionnaire = builtInTemplate();
const questions = questionnaire.sections.flatMap((s) => s.questions);

const JNV = [
	{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
	{ code: 'nej', label: { sv: 'Nej', en: 'No' } },
	{ code: 'vet_ej', label: { sv: 'Vet ej', en: "Don't know" } }
];

/** DOMAIN.md's table, in its order: code, type, Swedish text, dimension. */
const domainTable: Array<[string, TQuestion['type'], string, string | undefined]> = [
	['behov', 'scale', 'Hur stort är behovet av digitalisering i din kommun?', undefined],
	['behov_kommentar', 'text', 'Kommentera gärna.', undefined],
	['ledning_delar', 'single', 'Delar hela kommunledningen denna uppfattning?', 'strategi'],
	['vision', 'single', 'Har kommunen en digital vision, handlingsplan eller strategi?', 'strategi'],
	['vision_kommentar', 'text', 'Hur arbetar ni med den? / Varför inte?', undefined],
	[
		'medborgarbild',
		'single',
		'Har ni i er organisation en gemensam bild av framtidens medborgarupplevelse?',
		'medborgarfokus'
	],
	[
		'beslutskapacitet',
		'single',
		'Har ni beslutsmässighet och kapacitet att förflytta er mot den bilden?',
		'ledning'
	],
	['beslutskapacitet_varfor', 'text', 'Vad saknas?', undefined],
	[
		'it_arv',
		'single',
		'Bedömer ni att tidigare gjorda IT-investeringar begränsar möjligheterna till utveckling?',
		'digitalt_arv'
	],
	['it_arv_kommentar', 'text', 'Beskriv gärna hur.', undefined],
	['omvarld', 'single', 'Sker omvärldsbevakning inom digitaliseringsområdet?', 'omvarld'],
	[
		'drivande',
		'multi',
		'Vem upplever du är det som driver den digitala utvecklingen inom er kommun?',
		undefined
	],
	['drivkrafter', 'text', 'Vad driver på den digitala utvecklingen inom er kommun?', undefined],
	[
		'kultur',
		'single',
		'Upplever ni att det finns en kultur som uppmuntrar till digital transformation?',
		'kultur'
	],
	['kultur_varfor', 'text', 'Utveckla gärna.', undefined],
	['kultur_atgarder', 'text', 'Vad kan göras för att påverka en kulturell förändring?', undefined],
	[
		'kompetens',
		'single',
		'Bedömer ni att er kompetens är tillräcklig inom digitaliseringsområdet?',
		'kompetens'
	],
	[
		'stod',
		'text',
		'Hur kan Region Norrbotten, Norrbottens Kommuner, IT-Norrbotten samt Luleå tekniska universitet bistå för att underlätta "digitaliseringsresan"?',
		undefined
	]
];

describe('the built-in template "Digital mognad i kommuner"', () => {
	it('keeps version 1 as it was published, with the same questions and codes as version 2', () => {
		// Version 2 added the report's topic titles and follow-up links; waves of either version compare.
		const first = questionnaireFrom(structuredClone(templateV1));
		expect(first.version).toBe(1);
		const codes = (q: TQuestionnaire) =>
			q.sections.flatMap((s) =>
				s.questions.map((x) => [x.code, x.type, 'options' in x ? x.options.map((o) => o.code) : null])
			);
		expect(codes(first)).toEqual(codes(questionnaire));
		expect(first.sections.flatMap((s) => s.questions).filter((q) => q.topic)).toEqual([]);
		expect(questions.filter((q) => q.topic).length).toBe(11);
	});

	it('is version 3 of the questionnaire digital-mognad-i-kommuner', () => {
		expect(questionnaire.code).toBe('digital-mognad-i-kommuner');
		expect(questionnaire.version).toBe(3);
		expect(questionnaire.title).toEqual({
			sv: 'Digital mognad i kommuner',
			en: 'Digital maturity in municipalities'
		});
	});

	it("has one topic a page, each follow-up on its question's page, background first and support last", () => {
		expect(questionnaire.sections.map((s) => [s.code, s.title.sv, s.questions.map((q) => q.code)])).toEqual([
			['om_dig', 'Om dig', ['organisation', 'roll']],
			['behov', 'Behovet av digitalisering', ['behov', 'behov_kommentar', 'ledning_delar']],
			[
				'vision',
				'Vision och medborgarupplevelse',
				['vision', 'vision_kommentar', 'medborgarbild', 'beslutskapacitet', 'beslutskapacitet_varfor']
			],
			['formaga', 'Tidigare IT-investeringar', ['it_arv', 'it_arv_kommentar']],
			['omvarld', 'Omvärld och drivkrafter', ['omvarld', 'drivande', 'drivkrafter']],
			['kultur', 'Kultur och kompetens', ['kultur', 'kultur_varfor', 'kultur_atgarder', 'kompetens']],
			['stod', 'Stöd', ['stod']]
		]);
		// "Beskriv gärna hur." follows the IT-investment question on its page, shown when it is answered Ja.
		const page = (code: string) =>
			questionnaire.sections.find((s) => s.questions.some((q) => q.code === code))?.code;
		for (const question of questions.filter((q) => q.showIf))
			expect([question.code, page(question.code)]).toEqual([
				question.code,
				page(question.showIf?.question ?? '')
			]);
	});

	it('asks the background (organisation and role) on the first page, both required', () => {
		expect(sectionOf(questionnaire, 'om_dig').questions).toEqual([
			expect.objectContaining({
				code: 'organisation',
				type: 'background',
				field: 'organisation',
				required: true
			}),
			expect.objectContaining({ code: 'roll', type: 'background', field: 'role', required: true })
		]);
	});

	it("asks DOMAIN.md's questions in its order, with its types, Swedish texts and dimensions", () => {
		const asked = questions
			.filter((q) => q.type !== 'background')
			.map((q) => [q.code, q.type, q.text.sv, q.dimension]);
		expect(asked).toEqual(domainTable);
	});

	it('requires the choice and scale questions and leaves every free-text question optional', () => {
		const required = questions.filter((q) => q.type !== 'background' && q.required).map((q) => q.code);
		expect(required).toEqual([
			'behov',
			'ledning_delar',
			'vision',
			'medborgarbild',
			'beslutskapacitet',
			'it_arv',
			'omvarld',
			'drivande',
			'kultur',
			'kompetens'
		]);
		expect(questions.filter((q) => q.type === 'text').every((q) => !q.required)).toBe(true);
	});

	it('asks the need for digitalisation on a 1–10 scale with top box "stort" from 7', () => {
		const behov = questionOf(questionnaire, 'behov');
		expect(behov).toMatchObject({
			type: 'scale',
			min: 1,
			max: 10,
			minLabel: { sv: 'Mycket litet' },
			maxLabel: { sv: 'Mycket stort' },
			topBox: { from: 7, label: { sv: 'Stort (7–10)', en: 'Great (7–10)' } }
		});
	});

	it('offers Ja / Nej / Vet ej on every single-choice question', () => {
		const single = questions.filter((q) => q.type === 'single');
		expect(single.map((q) => q.code)).toEqual([
			'ledning_delar',
			'vision',
			'medborgarbild',
			'beslutskapacitet',
			'it_arv',
			'omvarld',
			'kultur',
			'kompetens'
		]);
		for (const q of single) expect(q.type === 'single' && q.options).toEqual(JNV);
	});

	it('offers the drivers of digital development, with "Annat" taking a text', () => {
		const drivande = questionOf(questionnaire, 'drivande');
		expect(drivande.type).toBe('multi');
		const options = drivande.type === 'multi' ? drivande.options : [];
		expect(options.map((o) => [o.code, o.label.sv, o.other])).toEqual([
			['politiker', 'Politisk ledning', false],
			['ledning', 'Kommunledning/chefer', false],
			['it', 'IT-avdelningen', false],
			['tjansteman', 'Verksamheternas tjänstemän', false],
			['medborgare', 'Medborgarna', false],
			['naringsliv', 'Näringslivet', false],
			['annat', 'Annat', true]
		]);
		expect(drivande.help?.sv).toBe('Välj ett eller flera alternativ.');
	});

	it('shows the follow-up questions only for the answers DOMAIN.md names', () => {
		const conditions = questions.filter((q) => q.showIf).map((q) => [q.code, q.showIf]);
		expect(conditions).toEqual([
			['beslutskapacitet_varfor', { question: 'beslutskapacitet', in: ['nej', 'vet_ej'] }],
			['it_arv_kommentar', { question: 'it_arv', in: ['ja'] }],
			['kultur_varfor', { question: 'kultur', in: ['nej'] }]
		]);
	});

	it("names the seed's topics for the report and the follow-ups without a condition", () => {
		expect(questions.find((q) => q.code === 'behov')?.topic).toEqual({
			sv: 'Behovet av digitalisering',
			en: 'The need for digitalisation'
		});
		expect(questions.filter((q) => q.topic)).toHaveLength(11);
		expect(questions.filter((q) => q.followUpOf).map((q) => [q.code, q.followUpOf])).toEqual([
			['behov_kommentar', 'behov'],
			['ledning_delar', 'behov'],
			['vision_kommentar', 'vision'],
			['kultur_atgarder', 'kultur']
		]);
	});

	it('has seven equally weighted maturity dimensions', () => {
		expect(questionnaire.dimensions.map((d) => [d.code, d.label.sv, d.weight])).toEqual([
			['strategi', 'Strategi', 1],
			['medborgarfokus', 'Medborgarfokus', 1],
			['ledning', 'Ledning och beslutskapacitet', 1],
			['digitalt_arv', 'Digitalt arv', 1],
			['omvarld', 'Omvärldsbevakning', 1],
			['kultur', 'Kultur', 1],
			['kompetens', 'Kompetens', 1]
		]);
	});

	it('reverses only the IT-legacy item', () => {
		expect(questions.filter((q) => q.reversed).map((q) => q.code)).toEqual(['it_arv']);
	});

	it('measures every dimension with at least one question', () => {
		const measured = new Set(questions.map((q) => q.dimension).filter((d) => d !== undefined));
		expect([...measured].sort()).toEqual(questionnaire.dimensions.map((d) => d.code).sort());
	});

	it('has the levels Låg 0–33, Medel 34–66 and Hög 67–100', () => {
		expect(questionnaire.levels.map((l) => [l.code, l.label.sv, l.min, l.max])).toEqual([
			['lag', 'Låg', 0, 33],
			['medel', 'Medel', 34, 66],
			['hog', 'Hög', 67, 100]
		]);
	});

	it('has the five role groups of DOMAIN.md', () => {
		expect(questionnaire.roleGroups.map((g) => [g.code, g.label.sv])).toEqual([
			['politisk_ledning', 'Politisk ledning / Kommunledning'],
			['it', 'IT'],
			['digital_utveckling', 'Digital utveckling'],
			['naringsliv', 'Näringsliv'],
			['verksamhet', 'Verksamhet']
		]);
		for (const g of questionnaire.roleGroups) expect(g.titleKeywords.length).toBeGreaterThan(0);
	});

	it('has an English translation of every text', () => {
		const texts: Array<[string, TText | undefined]> = [
			['title', questionnaire.title],
			['description', questionnaire.description],
			...questionnaire.roleGroups.map((g): [string, TText] => [`roleGroup ${g.code}`, g.label]),
			...questionnaire.dimensions.map((d): [string, TText] => [`dimension ${d.code}`, d.label]),
			...questionnaire.levels.map((l): [string, TText] => [`level ${l.code}`, l.label]),
			...questionnaire.sections.map((s): [string, TText] => [`section ${s.code}`, s.title]),
			...questions.map((q): [string, TText] => [`question ${q.code}`, q.text]),
			...questions.flatMap((q) =>
				q.type === 'single' || q.type === 'multi'
					? q.options.map((o): [string, TText] => [`option ${q.code}.${o.code}`, o.label])
					: []
			)
		];
		const untranslated = texts.filter(([, text]) => !text?.en).map(([where]) => where);
		expect(untranslated).toEqual([]);
	});
});
