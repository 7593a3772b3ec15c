import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	page,
	questionnaireFrom,
	scale,
	yesNo
} from '../testing/questionnaires.ts';
import { applyDraftEdit } from './draft-edit.ts';
import { questionnaireTexts } from './questionnaire-texts.ts';
import { checkTranslations } from './translations.ts';
import { translationProgress, untranslatedTexts } from './untranslated.ts';

const small = () =>
	questionnaireFrom(
		definition(
			[
				page('a', yesNo('klar', { text: { sv: 'Klar?', en: 'Done?' } })),
				page('b', scale('nöjd'.replace('ö', 'o'), { minLabel: { sv: 'Inte alls' } }))
			],
			{ title: { sv: 'Enkät', en: 'Survey' } }
		)
	);

const edit = (q = small(), e: Parameters<typeof applyDraftEdit>[1]) => {
	const result = applyDraftEdit(q, e, 'en');
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.definition;
};

describe('questionnaire texts', () => {
	it('names every text by codes, not places', () => {
		expect(questionnaireTexts(small()).map((t) => t.id)).toEqual([
			'title',
			'page.a.title',
			'question.klar.text',
			'question.klar.option.ja',
			'question.klar.option.nej',
			'page.b.title',
			'question.nojd.text',
			'question.nojd.minLabel'
		]);
	});

	it('gives the built-in questionnaire a distinct name for each of its texts', () => {
		const ids = questionnaireTexts(builtInTemplate()).map((t) => t.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('dimension.strategi');
		expect(ids).toContain('keyFigure.1');
	});
});

describe('translation edits', () => {
	it('adds Finnish, translates texts by name, and keeps them when the designer edits the Swedish', () => {
		let q = edit(small(), { target: 'add-language', lang: 'fi' });
		expect(q.languages).toEqual(['sv', 'en', 'fi']);
		expect(translationProgress(q)).toEqual([
			{ lang: 'en', translated: 2, total: 8 },
			{ lang: 'fi', translated: 0, total: 8 }
		]);
		q = edit(q, {
			target: 'translate',
			lang: 'fi',
			texts: { title: ' Kysely ', 'question.klar.text': 'Valmis?', 'question.klar.option.ja': 'Kyllä' }
		});
		expect(q.title).toEqual({ sv: 'Enkät', en: 'Survey', fi: 'Kysely' });
		expect(untranslatedTexts(q, 'fi').map((u) => u.id)).toEqual([
			'page.a.title',
			'question.klar.option.nej',
			'page.b.title',
			'question.nojd.text',
			'question.nojd.minLabel'
		]);
		// The designer's form edits Swedish and English; the Finnish stays.
		q = edit(q, {
			target: 'question',
			question: 'klar',
			text: { sv: 'Är ni klara?', en: 'Are you done?' },
			help: { sv: '', en: '' },
			topic: { sv: '', en: '' },
			required: false
		});
		expect(q.sections[0]?.questions[0]?.text).toEqual({
			sv: 'Är ni klara?',
			en: 'Are you done?',
			fi: 'Valmis?'
		});
		// An emptied translation is removed.
		q = edit(q, { target: 'translate', lang: 'fi', texts: { title: '' } });
		expect(q.title).toEqual({ sv: 'Enkät', en: 'Survey' });
	});

	it('withdraws a language with all its texts, but never Swedish', () => {
		const q = edit(small(), { target: 'remove-language', lang: 'en' });
		expect(q.languages).toEqual(['sv']);
		expect(q.title).toEqual({ sv: 'Enkät' });
		expect(applyDraftEdit(small(), { target: 'remove-language', lang: 'sv' }, 'en')).toEqual({
			ok: false,
			reason: 'unknown-code'
		});
		expect(applyDraftEdit(small(), { target: 'translate', lang: 'sv', texts: {} }, 'en').ok).toBe(false);
	});

	it('refuses a language code the model does not take, with the model message', () => {
		const result = applyDraftEdit(small(), { target: 'add-language', lang: 'finska' }, 'sv');
		expect(result).toEqual({
			ok: false,
			reason: 'invalid',
			errors: [
				'Fältet ”languages[2]”: använd en språkkod av två eller tre små bokstäver (sv, en, fi, se, fit)'
			]
		});
	});
});

describe('checkTranslations', () => {
	it('counts new translations, and lists unknown names and texts whose Swedish changed', () => {
		const q = small();
		expect(
			checkTranslations(q, 'en', [
				{ id: 'title', source: 'Enkät', target: 'Survey' },
				{ id: 'page.a.title', source: 'Sida a', target: 'Page a' },
				{ id: 'question.klar.option.ja', source: 'Ja', target: 'Yes' },
				{ id: 'question.borta.text', source: 'Borta?', target: 'Gone?' },
				{ id: 'question.nojd.text', source: 'Fråga nojd?', target: '' }
			])
		).toEqual({
			translated: 2,
			unknown: ['question.borta.text'],
			sourceChanged: ['question.klar.option.ja']
		});
	});
});
