import { and, asc, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeResponse } from '../../../../tests/support/complete-response.ts';
import { drivkrafterAnswers } from '../../core/testing/drivkrafter-answers.ts';
import type { TDatabase } from '../db/client.ts';
import { answerThemes, auditLog } from '../db/schema.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createWave } from '../waves/create-wave.ts';
import { setWaveStatus } from '../waves/set-wave-status.ts';
import { acceptThemeSuggestion } from './accept-theme-suggestion.ts';
import { countQuestionThemes } from './count-question-themes.ts';
import { createTheme } from './create-theme.ts';
import { deleteTheme } from './delete-theme.ts';
import { listQuestionAnswers } from './list-question-answers.ts';
import { mergeThemes } from './merge-themes.ts';
import { renameTheme } from './rename-theme.ts';
import { setAnswerMarks } from './set-answer-marks.ts';
import { suggestQuestionThemes } from './suggest-question-themes.ts';
import { tagAnswer } from './tag-answer.ts';
import { untagAnswer } from './untag-answer.ts';

let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const ref = { waveSlug: 'teman', questionCode: 'drivkrafter' };
/** Response id of each hand-written answer (e1 … s6, x1). */
const responseOf = new Map<string, string>();
const fixtureOf = new Map<string, string>();
const id = (fixture: string) => responseOf.get(fixture) ?? '';
let partialId = '';
let otherWaveResponse = '';

beforeAll(async () => {
	database = await createTestDatabase();
	for (const slug of ['teman', 'annan']) {
		await createWave(database.db, { questionnaireCode: Q, name: slug, slug });
		await setWaveStatus(database.db, slug, 'open');
	}
	let seed = 0;
	for (const answer of drivkrafterAnswers) {
		const responseId = await completeResponse(database.db, {
			waveSlug: 'teman',
			seed: seed++,
			replace: { 'q.drivkrafter': answer.text }
		});
		responseOf.set(answer.id, responseId);
		fixtureOf.set(responseId, answer.id);
	}
	partialId = await completeResponse(database.db, {
		waveSlug: 'teman',
		partial: true,
		replace: { 'q.drivkrafter': 'Ekonomin, ett ej inskickat svar.' }
	});
	otherWaveResponse = await completeResponse(database.db, { waveSlug: 'annan' });
});
afterAll(async () => database.close());

const counts = async () => {
	const result = await countQuestionThemes(database.db, ref);
	return { n: result.n, tagged: result.tagged, themes: result.themes.map((t) => [t.label, t.count]) };
};

describe('free-text answers of a question', () => {
	it('lists the answers of complete responses in the order they came in, without themes or marks', async () => {
		const answers = await listQuestionAnswers(database.db, ref);
		expect(answers.map((a) => fixtureOf.get(a.responseId))).toEqual(drivkrafterAnswers.map((a) => a.id));
		expect(answers[0]).toEqual({
			responseId: id('e1'),
			text: 'Ansträngd ekonomi och brist på resurser tvingar oss att tänka nytt.',
			themes: [],
			quotable: false,
			released: false
		});
		expect(answers.map((a) => a.responseId)).not.toContain(partialId);
	});

	it('refuses a question that is not free text, an unknown question and an unknown wave', async () => {
		await expect(listQuestionAnswers(database.db, { ...ref, questionCode: 'behov' })).rejects.toMatchObject({
			code: 'NOT_FOUND',
			message: 'The wave has no free-text question "behov"'
		});
		await expect(
			listQuestionAnswers(database.db, { ...ref, questionCode: 'finns_inte' })
		).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		await expect(listQuestionAnswers(database.db, { ...ref, waveSlug: 'ingen' })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});
});

describe('themes', () => {
	it('are created with a trimmed name, unique per question, 1–120 characters', async () => {
		const theme = await createTheme(database.db, { ...ref, label: '  Ansträngd ekonomi  ' });
		expect(theme.label).toBe('Ansträngd ekonomi');
		await expect(createTheme(database.db, { ...ref, label: 'Ansträngd ekonomi' })).rejects.toMatchObject({
			code: 'CONFLICT',
			message: 'Det finns redan ett tema som heter "Ansträngd ekonomi".'
		});
		await expect(createTheme(database.db, { ...ref, label: '   ' })).rejects.toMatchObject({
			code: 'INVALID_INPUT',
			message: 'Skriv ett namn på temat.'
		});
		await expect(createTheme(database.db, { ...ref, label: 'x'.repeat(121) })).rejects.toMatchObject({
			code: 'INVALID_INPUT',
			message: 'Namnet får vara högst 120 tecken.'
		});
		// The same name on another question is another theme.
		await createTheme(database.db, { ...ref, questionCode: 'stod', label: 'Ansträngd ekonomi' });
		expect(await counts()).toEqual({ n: 25, tagged: 0, themes: [['Ansträngd ekonomi', 0]] });
	});

	it('tag answers, once each however often asked, and one answer can carry several themes', async () => {
		const ekonomi = (await countQuestionThemes(database.db, ref)).themes[0]?.id ?? '';
		const personal = await createTheme(database.db, { ...ref, label: 'Personalbrist' });
		for (const fixture of ['e1', 'e2', 'e3', 'p2']) {
			await tagAnswer(database.db, { ...ref, responseId: id(fixture), themeId: ekonomi });
		}
		await tagAnswer(database.db, { ...ref, responseId: id('e1'), themeId: ekonomi });
		await tagAnswer(database.db, { ...ref, responseId: id('p2'), themeId: personal.id });
		await tagAnswer(database.db, { ...ref, responseId: id('p1'), themeId: personal.id });
		expect(await counts()).toEqual({
			n: 25,
			tagged: 5,
			themes: [
				['Ansträngd ekonomi', 4],
				['Personalbrist', 2]
			]
		});
		const p2 = (await listQuestionAnswers(database.db, ref)).find((a) => a.responseId === id('p2'));
		expect(p2?.themes.map((t) => t.label)).toEqual(['Ansträngd ekonomi', 'Personalbrist']);
	});

	it('refuse tagging an answer of another wave, a response without an answer, or a theme of another question', async () => {
		const ekonomi = (await countQuestionThemes(database.db, ref)).themes[0]?.id ?? '';
		await expect(
			tagAnswer(database.db, { ...ref, responseId: otherWaveResponse, themeId: ekonomi })
		).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Svaret finns inte på den här frågan.' });
		const stod = await countQuestionThemes(database.db, { ...ref, questionCode: 'stod' });
		await expect(
			tagAnswer(database.db, { ...ref, responseId: id('e4'), themeId: stod.themes[0]?.id ?? '' })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(
			tagAnswer(database.db, { ...ref, responseId: 'not-an-id', themeId: ekonomi })
		).rejects.toMatchObject({ code: 'INVALID_INPUT' });
	});

	it('untag an answer; untagging again changes nothing', async () => {
		const personal = (await countQuestionThemes(database.db, ref)).themes.find(
			(t) => t.label === 'Personalbrist'
		);
		await untagAnswer(database.db, { ...ref, responseId: id('p2'), themeId: personal?.id ?? '' });
		await untagAnswer(database.db, { ...ref, responseId: id('p2'), themeId: personal?.id ?? '' });
		expect((await counts()).themes).toEqual([
			['Ansträngd ekonomi', 4],
			['Personalbrist', 1]
		]);
	});

	it('are renamed; the name of another theme of the question is refused', async () => {
		const { themes } = await countQuestionThemes(database.db, ref);
		const [ekonomi, personal] = themes;
		await renameTheme(database.db, {
			...ref,
			themeId: ekonomi?.id ?? '',
			label: 'Ansträngd ekonomi och resursbrist'
		});
		await renameTheme(database.db, { ...ref, themeId: personal?.id ?? '', label: 'Personalbrist' });
		await expect(
			renameTheme(database.db, {
				...ref,
				themeId: personal?.id ?? '',
				label: 'Ansträngd ekonomi och resursbrist'
			})
		).rejects.toMatchObject({ code: 'CONFLICT' });
		expect((await counts()).themes).toEqual([
			['Ansträngd ekonomi och resursbrist', 4],
			['Personalbrist', 1]
		]);
	});

	it('merge: the answers move to the kept theme, an answer with both keeps one, the merged theme is gone', async () => {
		const kept = await createTheme(database.db, { ...ref, label: 'Ekonomi' });
		await tagAnswer(database.db, { ...ref, responseId: id('e1'), themeId: kept.id });
		await tagAnswer(database.db, { ...ref, responseId: id('e4'), themeId: kept.id });
		const merged = (await countQuestionThemes(database.db, ref)).themes.find((t) =>
			t.label.startsWith('Ansträngd')
		);
		await expect(
			mergeThemes(database.db, { ...ref, sourceId: kept.id, targetId: kept.id })
		).rejects.toMatchObject({ code: 'INVALID_INPUT' });
		await mergeThemes(database.db, { ...ref, sourceId: merged?.id ?? '', targetId: kept.id });
		// e1, e2, e3, p2 from the merged theme plus e4: e1 had both and is counted once.
		expect((await counts()).themes).toEqual([
			['Ekonomi', 5],
			['Personalbrist', 1]
		]);
		const e1 = await database.db
			.select()
			.from(answerThemes)
			.where(and(eq(answerThemes.responseId, id('e1')), eq(answerThemes.questionCode, 'drivkrafter')));
		expect(e1.map((t) => t.themeId)).toEqual([kept.id]);
		await expect(
			mergeThemes(database.db, { ...ref, sourceId: merged?.id ?? '', targetId: kept.id })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});

	it('are deleted with their taggings; the answers stay', async () => {
		const personal = (await countQuestionThemes(database.db, ref)).themes.find(
			(t) => t.label === 'Personalbrist'
		);
		await deleteTheme(database.db, { ...ref, themeId: personal?.id ?? '' });
		expect(await counts()).toEqual({ n: 25, tagged: 5, themes: [['Ekonomi', 5]] });
		expect(await listQuestionAnswers(database.db, ref)).toHaveLength(25);
	});
});

describe('marks on answers', () => {
	it('set quotable and released independently; a mark left out keeps its value', async () => {
		expect(await setAnswerMarks(database.db, { ...ref, responseId: id('m2'), quotable: true })).toEqual({
			quotable: true,
			released: false
		});
		expect(await setAnswerMarks(database.db, { ...ref, responseId: id('m2'), released: true })).toEqual({
			quotable: true,
			released: true
		});
		await setAnswerMarks(database.db, { ...ref, responseId: id('m2'), quotable: false });
		const m2 = (await listQuestionAnswers(database.db, ref)).find((a) => a.responseId === id('m2'));
		expect(m2).toMatchObject({ quotable: false, released: true });
		await expect(
			setAnswerMarks(database.db, { ...ref, responseId: partialId, quotable: true })
		).resolves.toBeDefined();
		await expect(
			setAnswerMarks(database.db, { ...ref, responseId: otherWaveResponse, quotable: true })
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
	});
});

describe('suggestions', () => {
	it('group the untagged answers by meaning, with candidate names', async () => {
		// e1–e4 and p2 carry the theme "Ekonomi" by now: the rest of their groups is suggested.
		const suggestions = await suggestQuestionThemes(database.db, ref);
		expect(suggestions.map((s) => [s.name, s.answers.map((a) => fixtureOf.get(a.responseId))])).toEqual([
			['Medborgare, förväntningar och tjänster', ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']],
			['Samhället, förändras och förändringar', ['s1', 's2', 's3', 's4', 's5', 's6']],
			['Personal, effektivisera och rekrytera', ['p1', 'p3', 'p4', 'p5']],
			['Budgeten, resurser och räcker', ['e5', 'e6']]
		]);
		expect(suggestions[0]?.answers[0]?.text).toBe('Förväntningar från medborgarna på e-tjänster.');
	});

	it('are accepted under an edited name, tagging their answers; accepting again changes nothing', async () => {
		const personal = (await suggestQuestionThemes(database.db, ref)).find((s) =>
			s.name.startsWith('Personal')
		);
		const accept = () =>
			acceptThemeSuggestion(database.db, {
				...ref,
				label: ' Effektiviseringsbehov inkl. personalbrist ',
				responseIds: personal?.answers.map((a) => a.responseId) ?? []
			});
		expect((await accept()).tagged).toBe(4);
		await accept();
		expect(await counts()).toEqual({
			n: 25,
			tagged: 9,
			themes: [
				['Ekonomi', 5],
				['Effektiviseringsbehov inkl. personalbrist', 4]
			]
		});
		const left = (await suggestQuestionThemes(database.db, ref)).flatMap((s) =>
			s.answers.map((a) => a.responseId)
		);
		for (const answer of personal?.answers ?? []) expect(left).not.toContain(answer.responseId);
	});

	it('refuse answers that are not answers to the question, changing nothing', async () => {
		await expect(
			acceptThemeSuggestion(database.db, {
				...ref,
				label: 'Blandat',
				responseIds: [id('m1'), otherWaveResponse]
			})
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		expect((await counts()).themes.map(([label]) => label)).not.toContain('Blandat');
	});
});

describe('the audit log', () => {
	it('records who merged and deleted themes and who set the marks of an answer', async () => {
		const rows = await database.db
			.select({
				actor: auditLog.actor,
				action: auditLog.action,
				subject: auditLog.subject,
				details: auditLog.details
			})
			.from(auditLog)
			.orderBy(asc(auditLog.id));
		const ours = rows.filter((r) => r.action.startsWith('theme.') || r.action.startsWith('answer.'));
		expect(ours.map((r) => [r.actor, r.action, r.subject])).toEqual([
			['cli', 'theme.merge', 'teman/drivkrafter'],
			['cli', 'theme.delete', 'teman/drivkrafter'],
			['cli', 'answer.marks', 'teman/drivkrafter'],
			['cli', 'answer.marks', 'teman/drivkrafter'],
			['cli', 'answer.marks', 'teman/drivkrafter'],
			['cli', 'answer.marks', 'teman/drivkrafter']
		]);
		expect(ours[0]?.details).toEqual({ merged: 'Ansträngd ekonomi och resursbrist', into: 'Ekonomi' });
		expect(ours[1]?.details).toEqual({ theme: 'Personalbrist' });
		expect(ours[3]?.details).toEqual({ response: id('m2'), quotable: true, released: true });
	});

	it('names the user who acted when one is given', async () => {
		const theme = await createTheme(database.db, { ...ref, label: 'Att ta bort' });
		await deleteTheme(database.db, { ...ref, themeId: theme.id, actor: 'analytiker@example.org' });
		const [last] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(last).toMatchObject({
			actor: 'analytiker@example.org',
			action: 'theme.delete',
			details: { theme: 'Att ta bort' }
		});
	});
});
