import { describe, expect, it } from 'vitest';
import { builtInTemplate, questionOf, sectionOf } from '../testing/questionnaires.ts';
import { applyDraftEdit } from './draft-edit.ts';

const none = { sv: '', en: '' };

describe("the designer's edits to a draft", () => {
	it('rewords a question in Swedish and English, adds help and a topic, and keeps its code and options', () => {
		const draft = builtInTemplate();
		const result = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'vision',
				text: {
					sv: 'Har ni en vision för digitaliseringen?',
					en: 'Do you have a vision for digitalisation?'
				},
				help: { sv: 'Skriftlig och beslutad.', en: '' },
				topic: { sv: 'Vision', en: 'Vision' },
				required: true
			},
			'sv'
		);
		if (!result.ok) throw new Error(JSON.stringify(result));
		const vision = questionOf(result.definition, 'vision');
		expect(vision).toMatchObject({
			code: 'vision',
			type: 'single',
			text: { sv: 'Har ni en vision för digitaliseringen?', en: 'Do you have a vision for digitalisation?' },
			help: { sv: 'Skriftlig och beslutad.' },
			topic: { sv: 'Vision', en: 'Vision' },
			required: true
		});
		expect(vision).not.toHaveProperty('help.en');
		expect(vision.type === 'single' && vision.options).toEqual(
			(() => {
				const before = questionOf(draft, 'vision');
				return before.type === 'single' && before.options;
			})()
		);
		// The draft given is left as it was.
		expect(questionOf(draft, 'vision').text.sv).not.toBe('Har ni en vision för digitaliseringen?');
	});

	it('removes an optional text when its Swedish is emptied, and renames a page and the questionnaire', () => {
		const draft = builtInTemplate();
		const withoutTopic = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'behov',
				text: { sv: 'Behov?', en: '' },
				help: none,
				topic: none,
				required: false
			},
			'sv'
		);
		if (!withoutTopic.ok) throw new Error(JSON.stringify(withoutTopic));
		expect(questionOf(withoutTopic.definition, 'behov')).not.toHaveProperty('topic');
		expect(questionOf(withoutTopic.definition, 'behov').text).toEqual({ sv: 'Behov?' });
		const page = applyDraftEdit(
			draft,
			{
				target: 'section',
				section: 'stod',
				title: { sv: 'Stöd', en: 'Support' },
				intro: { sv: 'Sista sidan.', en: '' }
			},
			'sv'
		);
		if (!page.ok) throw new Error(JSON.stringify(page));
		expect(sectionOf(page.definition, 'stod')).toMatchObject({
			title: { sv: 'Stöd', en: 'Support' },
			intro: { sv: 'Sista sidan.' }
		});
		const renamed = applyDraftEdit(
			draft,
			{ target: 'questionnaire', title: { sv: 'Digital mognad 2026', en: '' }, description: none },
			'sv'
		);
		if (!renamed.ok) throw new Error(JSON.stringify(renamed));
		expect(renamed.definition.title).toEqual({ sv: 'Digital mognad 2026' });
		expect(renamed.definition).not.toHaveProperty('description');
	});

	it('refuses an unknown page or question, and a text the model refuses, with its message', () => {
		const draft = builtInTemplate();
		expect(
			applyDraftEdit(
				draft,
				{ target: 'section', section: 'ingen', title: { sv: 'X', en: '' }, intro: none },
				'sv'
			)
		).toEqual({
			ok: false,
			reason: 'unknown-section'
		});
		expect(
			applyDraftEdit(
				draft,
				{
					target: 'question',
					question: 'ingen',
					text: { sv: 'X', en: '' },
					help: none,
					topic: none,
					required: false
				},
				'sv'
			)
		).toEqual({ ok: false, reason: 'unknown-question' });
		const blank = applyDraftEdit(
			draft,
			{ target: 'questionnaire', title: { sv: '   ', en: '' }, description: none },
			'sv'
		);
		expect(blank).toEqual({ ok: false, reason: 'invalid', errors: ['Fältet ”title.sv”: får inte vara tom'] });
	});
});
