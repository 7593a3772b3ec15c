import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TQuestion, TQuestionnaire } from '../definition.ts';
import { explainLssNotice, explainLssRefusal, explainLssSkipped } from './explain-lss-import.ts';
import { mapLss } from './map-lss.ts';
import { readLss } from './read-lss.ts';

const fixtures = path.join(import.meta.dirname, '../../../../../tests/fixtures/limesurvey');

const attempt = (name: string, options: { code?: string } = {}) => {
	const read = readLss(readFileSync(path.join(fixtures, name)));
	if (!read.ok) return { ok: false as const, refusal: read.refusal, skipped: [] };
	return mapLss(read.document, options);
};
const imported = (name: string, options: { code?: string } = {}) => {
	const result = attempt(name, options);
	if (!result.ok) throw new Error(explainLssRefusal(result.refusal, 'en'));
	return result.result;
};
const refusal = (name: string, options: { code?: string } = {}) => {
	const result = attempt(name, options);
	if (result.ok) throw new Error(`${name} was imported`);
	return result.refusal;
};
const questions = (q: TQuestionnaire) => q.sections.flatMap((s) => s.questions);
const question = (q: TQuestionnaire, code: string): TQuestion => {
	const found = questions(q).find((x) => x.code === code);
	if (!found) throw new Error(`no question ${code}`);
	return found;
};

describe('a hand-made survey with every question type', () => {
	const { questionnaire, skipped, notices } = imported('handmade-all-types.lss');

	it('keeps group order as pages, answer codes as option codes, and every language of the file', () => {
		expect(questionnaire.code).toBe('ls_112233');
		expect(questionnaire.title).toEqual({ sv: 'Arbetsmiljö & hälsa', en: 'Work & health' });
		expect(questionnaire.description).toEqual({ sv: 'Om arbetet' });
		expect(questionnaire.languages).toEqual(['sv', 'en', 'de']);
		expect(questionnaire.sections.map((s) => [s.code, s.title.sv, s.questions.map((q) => q.code)])).toEqual([
			['sida_1', 'Om dig', ['q1', 'q2', 'mc', 'q4', 'q5', 'q6', 'q10']],
			['sida_2', 'Arbetet', ['q12', 'q13', 'q14', 'q18']],
			['sida_3', 'Uppföljning', ['mc_2']]
		]);
		expect(question(questionnaire, 'q1')).toMatchObject({
			type: 'single',
			required: true,
			text: { en: 'How often do you work from home?', de: 'Wie oft arbeitest du zu Hause?' },
			options: [
				{ code: 'a1', label: { sv: 'Ofta', en: 'Often', de: 'Oft' } },
				{ code: 'a2', label: { sv: 'Ibland', en: 'Sometimes' } },
				{ code: 'a3', label: { sv: 'Aldrig & inte', en: 'Never' } }
			]
		});
	});

	it('maps yes/no, gender, 5-point, dropdown, multiple choice with "other", and free texts', () => {
		expect(question(questionnaire, 'q2')).toMatchObject({
			type: 'single',
			options: [
				{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
				{ code: 'nej', label: { sv: 'Nej', en: 'No' } }
			]
		});
		expect(question(questionnaire, 'q5')).toMatchObject({
			type: 'single',
			options: [{ code: 'f', label: { sv: 'Kvinna' } }, { code: 'm' }]
		});
		expect(question(questionnaire, 'q4')).toMatchObject({ type: 'scale', min: 1, max: 5 });
		expect(question(questionnaire, 'q6')).toMatchObject({
			type: 'single',
			options: [{ code: 'b1' }, { code: 'b2' }]
		});
		expect(question(questionnaire, 'mc')).toMatchObject({
			type: 'multi',
			options: [
				{ code: 'sq001', label: { sv: 'E-post' }, other: false },
				{ code: 'sq002', other: false },
				{ code: 'other', label: { sv: 'Annat', en: 'Other' }, other: true }
			]
		});
		expect(question(questionnaire, 'q18')).toMatchObject({
			type: 'multi',
			options: [{ code: 'sq001' }, { code: 'sq002' }]
		});
		expect(question(questionnaire, 'q12')).toMatchObject({
			type: 'text',
			multiline: false,
			maxLength: 200,
			required: true
		});
		expect(question(questionnaire, 'q13')).toMatchObject({ type: 'text', multiline: true, maxLength: 5000 });
		expect(question(questionnaire, 'q14')).toMatchObject({ type: 'text', multiline: true });
	});

	it('turns the simple relevance forms into conditions on earlier questions, with the mapped codes', () => {
		expect(question(questionnaire, 'q12').showIf).toEqual({ question: 'q1', in: ['a1', 'a2'] });
		// On the same page as the question it refers to.
		expect(question(questionnaire, 'q10').showIf).toEqual({ question: 'q1', in: ['a1'] });
		expect(question(questionnaire, 'q13').showIf).toEqual({ question: 'q2', in: ['ja'] });
		expect(question(questionnaire, 'q14').showIf).toEqual({ question: 'mc', in: ['sq002'] });
		// The group's own condition, on the question without one.
		expect(question(questionnaire, 'mc_2').showIf).toEqual({ question: 'q6', in: ['b2'] });
		expect(question(questionnaire, 'q1').showIf).toBeUndefined();
	});

	it('skips a condition on a later question of the same page, naming it', () => {
		const read = readLss(readFileSync(path.join(fixtures, 'handmade-all-types.lss')));
		if (!read.ok) throw new Error('not read');
		const q1 = read.document.tables.questions?.find((row) => row.title === 'Q1');
		if (!q1) throw new Error('no Q1');
		q1.relevance = 'Q2 == "Y"';
		const result = mapLss(read.document);
		if (!result.ok) throw new Error('refused');
		expect(result.result.skipped.map((x) => explainLssSkipped(x, 'en'))).toContain(
			'Q1: the condition refers to "Q2", which comes later'
		);
	});

	it('lists every question it leaves out by its code, with the reason', () => {
		expect(skipped.map((s) => explainLssSkipped(s, 'en'))).toEqual([
			'Q7: a list with an "Other" option, which single-choice questions of the model do not have',
			'Q8: an array question, which the model does not have',
			'Q9: a numerical input, which the model does not have',
			'Q11: a text display without an answer',
			'Q15: the condition refers to "Q4", which is not a choice question',
			'Q16: depends on "Q7", which was skipped',
			'Q17: cannot read the condition "Q1 == "A1" and Q2 == "Y"" (only Q1 == "A1", with or between values)',
			'Q19: a ranking question, which the model does not have',
			'Q20: depends on "Q17", which was skipped',
			'Q21: the condition refers to the answer "A9", which "Q1" does not have',
			'Q22: question type "D" (date/time) cannot be imported',
			'Q23: the question is always hidden',
			'Q26: its options have conditions of their own (a filter or subquestion relevance), which the model does not have',
			'Q24: both the question and its group have a condition; a question can have one',
			'Q25: an array question, which the model does not have'
		]);
		expect(explainLssSkipped(skipped[0] ?? { question: '', reason: { key: 'array' } }, 'sv')).toBe(
			'Q7: en lista med ”Annat”-alternativ, som enkätmodellens envalsfrågor inte har'
		);
	});

	it('notes what it changed: collapsed languages, Swedish taken from another language, codes, dropped groups', () => {
		expect(notices.map((n) => explainLssNotice(n, 'en'))).toEqual([
			'Language "de" becomes "de", which "de-informal" already gives; its texts were not imported.',
			'Code mc became mc_2.',
			"Q13: the question's validation in LimeSurvey was not imported.",
			'Q18: multiple choice with comments became multiple choice without comments.',
			'Group "Matriser" kept no questions and became no page.',
			"1 texts had no Swedish and have another language's text until they are translated."
		]);
	});

	it('imports hostile markup as inert plain text', () => {
		const all = JSON.stringify(questionnaire);
		for (const hostile of ['<script', 'onerror', 'javascript:', '<img', 'alert('])
			expect(all).not.toContain(hostile);
		expect(question(questionnaire, 'q1').text.sv).toBe('Hur ofta arbetar du hemma?');
		expect(question(questionnaire, 'q1').help).toEqual({ sv: 'Se mer.' });
		expect(questionnaire.sections[0]?.intro).toEqual({ sv: 'Inledning', en: 'Introduction' });
	});

	it('gives the same draft every time', () => {
		expect(imported('handmade-all-types.lss')).toEqual({ questionnaire, skipped, notices });
	});
});

describe("LimeSurvey's own test surveys", () => {
	it('reads a relevance by question id and keeps the page it refers to (allinoneCondition)', () => {
		const { questionnaire, skipped, notices } = imported('limesurvey_survey_allinoneCondition.lss');
		expect(skipped).toEqual([]);
		expect(question(questionnaire, 'q00')).toMatchObject({
			type: 'single',
			options: [{ code: 'f' }, { code: 'm' }]
		});
		// The second question has no text in the file: its code stands in, and a notice says so.
		expect(question(questionnaire, 'g02q02')).toMatchObject({
			type: 'text',
			text: { sv: 'G02Q02' },
			showIf: { question: 'q00', in: ['f'] }
		});
		expect(notices.map((n) => n.key)).toEqual(['swedishFromBase', 'textFromCode']);
		expect(questionnaire.languages).toEqual(['sv', 'en']);
	});

	it('imports every language of a file with Swedish, and fills an empty Swedish title (quickTranslation)', () => {
		const { questionnaire, notices } = imported('limesurvey_survey_161359_quickTranslation.lss');
		expect(questionnaire.languages).toEqual(['sv', 'en', 'ar', 'de']);
		expect(questionnaire.title).toEqual({ sv: 'translation', en: 'translation', ar: 'Arabic', de: 'Germ' });
		expect(notices).toEqual([{ key: 'swedishMissing', count: 1 }]);
	});

	it('reads the old layout and skips the conditions it cannot read (OldCodes)', () => {
		const { questionnaire, skipped, notices } = imported('limesurvey_survey_OldCodes.lss');
		expect(questionnaire.languages).toEqual(['sv', 'en', 'es']);
		expect(questionnaire.sections.map((s) => s.title)).toEqual([
			{ sv: 'First group', en: 'First group', es: 'Primer grupo' }
		]);
		expect(question(questionnaire, 'old_code1')).toMatchObject({ type: 'scale', min: 1, max: 5 });
		expect(skipped).toEqual([
			{ question: 'OLD_CODE2', reason: { key: 'condition', expression: 'OLD_CODE1.shown>2' } },
			{ question: 'OLD_CODE3', reason: { key: 'groupCondition', expression: 'OLD_CODE1.shown>2' } }
		]);
		expect(notices).toContainEqual({ key: 'groupDropped', group: 'Second group' });
	});

	it('skips a ranking and keeps the list it depends on (ranking_with_condition)', () => {
		const { questionnaire, skipped } = imported('limesurvey_survey_836215_ranking_with_condition.lss');
		expect(questionnaire.title).toEqual({ sv: 'ls_836215' });
		expect(question(questionnaire, 'q01')).toMatchObject({
			type: 'single',
			options: [
				{ code: 'a1', label: { sv: 'Choice A', fr: 'Choice A' } },
				{ code: 'a2', label: { sv: 'Choice B', fr: 'Choice B' } }
			]
		});
		expect(skipped).toEqual([{ question: 'Q00', reason: { key: 'ranking' } }]);
	});

	it("makes LimeSurvey's script test inert (XssAndScriptCheck)", () => {
		const { questionnaire } = imported('limesurvey_survey_XssAndScriptCheck.lss');
		expect(question(questionnaire, 'q00')).toMatchObject({
			text: { sv: 'Question:' },
			help: { sv: 'Help:' }
		});
		expect(JSON.stringify(questionnaire)).not.toMatch(/<script|alert/);
	});
});

describe('a hand-made file in the layout before LimeSurvey 4', () => {
	it('collapses regional languages, and maps a simple row of the conditions table', () => {
		const { questionnaire, skipped, notices } = imported('handmade-old-format.lss', { code: 'arbete' });
		expect(questionnaire.code).toBe('arbete');
		expect(questionnaire.languages).toEqual(['sv', 'pt']);
		expect(question(questionnaire, 'q1')).toMatchObject({
			type: 'single',
			required: true,
			text: { sv: 'Trabalha em casa?', pt: 'Trabalha em casa?' },
			options: [{ code: 'a1', label: { sv: 'Sim', pt: 'Sim' } }, { code: 'a2' }]
		});
		expect(question(questionnaire, 'q2')).toMatchObject({
			type: 'multi',
			options: [{ code: 'sq1' }, { code: 'sq2' }]
		});
		expect(question(questionnaire, 'q3').showIf).toEqual({ question: 'q1', in: ['a2'] });
		expect(skipped).toEqual([
			{ question: 'Q4', reason: { key: 'condition', expression: '77X1X11 != "A2"' } }
		]);
		expect(notices).toEqual([
			{ key: 'languageCollapsed', from: 'pt', to: 'pt', kept: 'pt-BR' },
			{ key: 'swedishFromBase', language: 'pt-BR' }
		]);
	});
});

describe('refusing a file', () => {
	it.each([
		['handmade-not-xml.lss', 'notXml'],
		['handmade-malformed.lss', 'malformed'],
		['handmade-doctype.lss', 'doctype'],
		['handmade-not-limesurvey.lss', 'notLimeSurvey'],
		['handmade-group-export.lsg', 'notSurvey'],
		['handmade-old-dbversion.lss', 'dbVersion'],
		['handmade-nothing-maps.lss', 'nothingMaps']
	])('%s: %s', (name, key) => {
		expect(refusal(name).key).toBe(key);
	});

	it('says why in Swedish and English', () => {
		expect(explainLssRefusal(refusal('handmade-malformed.lss'), 'sv')).toMatch(
			/^Filen är inte giltig XML \(rad 9, kolumn \d+\): /
		);
		expect(explainLssRefusal(refusal('handmade-nothing-maps.lss'), 'en')).toBe(
			'No question of the file can be imported (3 skipped).'
		);
		expect(explainLssRefusal(refusal('handmade-group-export.lsg'), 'sv')).toBe(
			'Filen är en LimeSurvey-export av typen ”Group”, inte en hel enkät (Survey).'
		);
	});

	it('refuses a code the questionnaire cannot take', () => {
		expect(refusal('limesurvey_survey_OldCodes.lss', { code: 'Enkät' })).toEqual({
			key: 'invalidCode',
			code: 'Enkät'
		});
	});
});
