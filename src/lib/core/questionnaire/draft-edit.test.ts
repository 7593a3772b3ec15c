import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	freeText,
	page,
	questionnaireFrom,
	questionOf,
	sectionOf,
	yesNo
} from '../testing/questionnaires.ts';
import {
	applyDraftEdit,
	blankQuestionnaire,
	conditionChoices,
	renameable,
	suggestCode,
	type TNewQuestion
} from './draft-edit.ts';

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

	it('adds a question of each kind at the end of a page, with codes suggested from its text and options', () => {
		const added = (question: Partial<TNewQuestion>) => {
			const result = applyDraftEdit(
				builtInTemplate(),
				{
					target: 'add-question',
					section: 'stod',
					type: 'yes-no',
					code: '',
					text: { sv: 'Använder ni AI?', en: 'Do you use AI?' },
					required: false,
					options: [],
					min: 1,
					max: 10,
					...question
				},
				'sv'
			);
			if (!result.ok) throw new Error(JSON.stringify(result));
			return sectionOf(result.definition, 'stod').questions.at(-1);
		};
		expect(added({})).toMatchObject({
			code: 'anvander_ni_ai',
			type: 'single',
			text: { sv: 'Använder ni AI?', en: 'Do you use AI?' },
			options: [
				{ code: 'ja', label: { sv: 'Ja', en: 'Yes' } },
				{ code: 'nej', label: { sv: 'Nej', en: 'No' } },
				{ code: 'vet_ej', label: { sv: 'Vet ej', en: "Don't know" } }
			]
		});
		expect(
			added({
				type: 'multi',
				code: 'ai_anvandning',
				options: ['Chattbottar', 'Översättning', 'Översättning!']
			})
		).toMatchObject({
			code: 'ai_anvandning',
			type: 'multi',
			options: [
				{ code: 'chattbottar', label: { sv: 'Chattbottar' } },
				{ code: 'oversattning', label: { sv: 'Översättning' } },
				{ code: 'oversattning_2', label: { sv: 'Översättning!' } }
			]
		});
		expect(added({ type: 'scale', min: 0, max: 5, required: true })).toMatchObject({
			type: 'scale',
			min: 0,
			max: 5,
			required: true
		});
		expect(added({ type: 'text', text: { sv: 'Stöd?', en: '' } })).toMatchObject({
			code: 'stod_2',
			type: 'text'
		});
	});

	it('refuses an added question the model refuses (a taken code, one option), and removes a question', () => {
		const draft = builtInTemplate();
		const base = {
			target: 'add-question',
			section: 'stod',
			text: { sv: 'X?', en: '' },
			required: false,
			min: 1,
			max: 10
		} as const;
		const taken = applyDraftEdit(draft, { ...base, type: 'yes-no', code: 'vision', options: [] }, 'sv');
		expect(taken).toMatchObject({ ok: false, reason: 'invalid' });
		expect(taken.ok || taken.reason !== 'invalid' || taken.errors[0]).toContain(
			'koden ”vision” används redan'
		);
		const single = applyDraftEdit(draft, { ...base, type: 'single', code: '', options: ['Bara en'] }, 'sv');
		expect(single).toMatchObject({ ok: false, reason: 'invalid' });
		const removed = applyDraftEdit(draft, { target: 'remove-question', question: 'kultur_atgarder' }, 'sv');
		if (!removed.ok) throw new Error(JSON.stringify(removed));
		expect(
			removed.definition.sections.flatMap((s) => s.questions).some((q) => q.code === 'kultur_atgarder')
		).toBe(false);
		expect(applyDraftEdit(draft, { target: 'remove-question', question: 'ingen' }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-question'
		});
	});

	it('suggests codes as the model writes them, never one that is taken', () => {
		expect(suggestCode('Hur väl fungerar e-tjänsterna?', new Set())).toBe('hur_val_fungerar_e_tjansterna');
		expect(suggestCode('2025 års mål', new Set())).toBe('ars_mal');
		expect(suggestCode('???', new Set(['fraga']))).toBe('fraga_2');
		expect(suggestCode('En mycket lång fråga om digitaliseringens ekonomi', new Set())).toBe(
			'en_mycket_lang_fraga_om'
		);
		expect(suggestCode('Informationssäkerhetsklassificeringsarbete', new Set())).toHaveLength(30);
	});

	it("relabels a choice question's options and a scale's ends, keeping every code", () => {
		const draft = builtInTemplate();
		const relabelled = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'vision',
				text: { sv: 'Vision?', en: '' },
				help: none,
				topic: none,
				required: true,
				options: { vet_ej: { sv: 'Vet inte', en: 'Not sure' }, okand: { sv: 'Finns inte', en: '' } }
			},
			'sv'
		);
		if (!relabelled.ok) throw new Error(JSON.stringify(relabelled));
		const vision = questionOf(relabelled.definition, 'vision');
		expect(vision.type === 'single' && vision.options.map((o) => [o.code, o.label])).toEqual([
			['ja', { sv: 'Ja', en: 'Yes' }],
			['nej', { sv: 'Nej', en: 'No' }],
			['vet_ej', { sv: 'Vet inte', en: 'Not sure' }]
		]);
		const ends = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'behov',
				text: { sv: 'Behov?', en: '' },
				help: none,
				topic: none,
				required: true,
				minLabel: { sv: 'Inget behov', en: 'No need' },
				maxLabel: none
			},
			'sv'
		);
		if (!ends.ok) throw new Error(JSON.stringify(ends));
		expect(questionOf(ends.definition, 'behov')).toMatchObject({
			minLabel: { sv: 'Inget behov', en: 'No need' }
		});
		expect(questionOf(ends.definition, 'behov')).not.toHaveProperty('maxLabel');
		const blank = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'vision',
				text: { sv: 'V?', en: '' },
				help: none,
				topic: none,
				required: true,
				options: { ja: none }
			},
			'sv'
		);
		expect(blank.ok || blank.reason !== 'invalid' || blank.errors).toEqual([
			'Avsnitt 3 ”vision”, fråga 1 ”vision”, svarsalternativ 1 ”ja”, fältet ”label.sv”: får inte vara tom'
		]);
	});

	it('moves a question a step up or down, onto the neighbouring page past its edge, and refuses an emptied page', () => {
		const draft = builtInTemplate();
		const codes = (q: typeof draft, section: string) => sectionOf(q, section).questions.map((x) => x.code);
		const moved = (question: string, direction: 'up' | 'down', from = draft) => {
			const result = applyDraftEdit(from, { target: 'move-question', question, direction }, 'sv');
			if (!result.ok) throw new Error(JSON.stringify(result));
			return result.definition;
		};
		expect(codes(draft, 'behov')).toEqual(['behov', 'behov_kommentar', 'ledning_delar']);
		expect(codes(moved('ledning_delar', 'up'), 'behov')).toEqual([
			'behov',
			'ledning_delar',
			'behov_kommentar'
		]);
		// From a page's top upwards: to the foot of the page before.
		const up = moved('behov', 'up');
		expect(codes(up, 'behov')).toEqual(['behov_kommentar', 'ledning_delar']);
		expect(codes(up, 'om_dig').at(-1)).toBe('behov');
		// The last question of all stays where it is going down.
		expect(moved('stod', 'down')).toEqual(draft);
		// A page's only question cannot leave it: the page would be empty.
		const emptied = applyDraftEdit(
			draft,
			{ target: 'move-question', question: 'stod', direction: 'up' },
			'sv'
		);
		expect(emptied).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('adds a page at the end with its first question, and removes a page with its questions', () => {
		const draft = builtInTemplate();
		const added = applyDraftEdit(
			draft,
			{
				target: 'add-page',
				title: { sv: 'Om stöd', en: 'Support' },
				question: {
					type: 'text',
					code: '',
					text: { sv: 'Vad saknas?', en: '' },
					required: false,
					options: [],
					min: 1,
					max: 10
				}
			},
			'sv'
		);
		if (!added.ok) throw new Error(JSON.stringify(added));
		expect(added.definition.sections.at(-1)).toMatchObject({
			code: 'om_stod',
			title: { sv: 'Om stöd', en: 'Support' },
			questions: [{ code: 'vad_saknas', type: 'text', text: { sv: 'Vad saknas?' } }]
		});
		const removed = applyDraftEdit(draft, { target: 'remove-page', section: 'om_dig' }, 'sv');
		if (!removed.ok) throw new Error(JSON.stringify(removed));
		expect(removed.definition.sections.map((x) => x.code)).not.toContain('om_dig');
		expect(applyDraftEdit(draft, { target: 'remove-page', section: 'ingen' }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-section'
		});
		// A page whose questions others refer to (a follow-up's condition) is refused with the model's message.
		expect(applyDraftEdit(draft, { target: 'remove-page', section: 'formaga' }, 'sv')).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
	});

	it('sets a condition on an earlier choice question, on its page or before, removes it, and refuses a later one', () => {
		const draft = builtInTemplate();
		expect(conditionChoices(draft, 'stod').map((c) => c.code)).toContain('vision');
		expect(conditionChoices(draft, 'vision').map((c) => c.code)).toEqual(['ledning_delar']);
		expect(conditionChoices(draft, 'medborgarbild').map((c) => c.code)).toEqual(['ledning_delar', 'vision']);
		const set = applyDraftEdit(
			draft,
			{ target: 'condition', question: 'stod', when: { question: 'vision', options: ['nej', 'vet_ej'] } },
			'sv'
		);
		if (!set.ok) throw new Error(JSON.stringify(set));
		expect(questionOf(set.definition, 'stod').showIf).toEqual({ question: 'vision', in: ['nej', 'vet_ej'] });
		const cleared = applyDraftEdit(
			set.definition,
			{ target: 'condition', question: 'stod', when: null },
			'sv'
		);
		if (!cleared.ok) throw new Error(JSON.stringify(cleared));
		expect(questionOf(cleared.definition, 'stod')).not.toHaveProperty('showIf');
		const samePage = applyDraftEdit(
			draft,
			{ target: 'condition', question: 'medborgarbild', when: { question: 'vision', options: ['ja'] } },
			'sv'
		);
		if (!samePage.ok) throw new Error(JSON.stringify(samePage));
		expect(questionOf(samePage.definition, 'medborgarbild').showIf).toEqual({
			question: 'vision',
			in: ['ja']
		});
		const later = applyDraftEdit(
			draft,
			{ target: 'condition', question: 'vision', when: { question: 'medborgarbild', options: ['ja'] } },
			'sv'
		);
		expect(later).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it("places a dragged question before another, at a page's end, and refuses what breaks the model", () => {
		const draft = builtInTemplate();
		const pageCodes = (q: typeof draft, section: string) =>
			sectionOf(q, section).questions.map((x) => x.code);
		const before = applyDraftEdit(
			draft,
			{ target: 'place-question', question: 'medborgarbild', section: 'vision', before: 'vision' },
			'sv'
		);
		expect(before.ok && pageCodes(before.definition, 'vision')).toEqual([
			'medborgarbild',
			'vision',
			'vision_kommentar',
			'beslutskapacitet',
			'beslutskapacitet_varfor'
		]);
		const elsewhere = applyDraftEdit(
			draft,
			{ target: 'place-question', question: 'drivkrafter', section: 'stod', before: null },
			'sv'
		);
		expect(elsewhere.ok && pageCodes(elsewhere.definition, 'stod')).toEqual(['stod', 'drivkrafter']);
		expect(elsewhere.ok && pageCodes(elsewhere.definition, 'omvarld')).toEqual(['omvarld', 'drivande']);
		// Onto itself: nothing moves.
		const same = applyDraftEdit(
			draft,
			{ target: 'place-question', question: 'vision', section: 'vision', before: 'vision' },
			'sv'
		);
		expect(same.ok && same.definition).toEqual(draft);
		// A follow-up above the question it follows is refused with the model's message.
		expect(
			applyDraftEdit(
				draft,
				{ target: 'place-question', question: 'it_arv_kommentar', section: 'formaga', before: 'it_arv' },
				'sv'
			)
		).toMatchObject({ ok: false, reason: 'invalid' });
		expect(
			applyDraftEdit(
				draft,
				{ target: 'place-question', question: 'x', section: 'vision', before: null },
				'sv'
			)
		).toEqual({ ok: false, reason: 'unknown-question' });
		expect(
			applyDraftEdit(
				draft,
				{ target: 'place-question', question: 'vision', section: 'x', before: null },
				'sv'
			)
		).toEqual({ ok: false, reason: 'unknown-section' });
		expect(
			applyDraftEdit(
				draft,
				{ target: 'place-question', question: 'vision', section: 'stod', before: 'x' },
				'sv'
			)
		).toEqual({ ok: false, reason: 'unknown-question' });
	});

	it('places a dragged page before another or last, and refuses one that would come before its conditions', () => {
		const draft = builtInTemplate();
		const codes = (q: typeof draft) => q.sections.map((section) => section.code);
		const before = applyDraftEdit(draft, { target: 'place-page', section: 'stod', before: 'vision' }, 'sv');
		expect(before.ok && codes(before.definition)).toEqual([
			'om_dig',
			'behov',
			'stod',
			'vision',
			'formaga',
			'omvarld',
			'kultur'
		]);
		const last = applyDraftEdit(draft, { target: 'place-page', section: 'behov', before: null }, 'sv');
		expect(last.ok && codes(last.definition).slice(-2)).toEqual(['stod', 'behov']);
		const same = applyDraftEdit(draft, { target: 'place-page', section: 'vision', before: 'vision' }, 'sv');
		expect(same.ok && same.definition).toEqual(draft);
		// "c" follows up "a": its page cannot go before a's.
		const chain = questionnaireFrom(
			definition([
				page('p1', yesNo('a')),
				page('p2', freeText('c', { showIf: { question: 'a', in: ['ja'] } }))
			])
		);
		expect(applyDraftEdit(chain, { target: 'place-page', section: 'p2', before: 'p1' }, 'sv')).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(applyDraftEdit(draft, { target: 'place-page', section: 'x', before: null }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-section'
		});
		expect(applyDraftEdit(draft, { target: 'place-page', section: 'stod', before: 'x' }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-section'
		});
	});

	it('adds an option with a code suggested from its label or given, and removes one no condition uses', () => {
		const draft = builtInTemplate();
		const added = applyDraftEdit(
			draft,
			{
				target: 'add-option',
				question: 'drivande',
				code: '',
				label: { sv: 'Skolans ledning', en: 'School management' }
			},
			'sv'
		);
		if (!added.ok) throw new Error(JSON.stringify(added));
		const drivande = questionOf(added.definition, 'drivande');
		expect(drivande.type === 'multi' && drivande.options.at(-1)).toEqual({
			code: 'skolans_ledning',
			label: { sv: 'Skolans ledning', en: 'School management' },
			other: false
		});
		const given = applyDraftEdit(
			draft,
			{ target: 'add-option', question: 'vision', code: 'delvis', label: { sv: 'Delvis', en: '' } },
			'sv'
		);
		const vision = given.ok ? questionOf(given.definition, 'vision') : null;
		expect(vision?.type === 'single' && vision.options.map((o) => o.code)).toEqual([
			'ja',
			'nej',
			'vet_ej',
			'delvis'
		]);
		// A taken code is the model's "duplicate" error; a scale has no options.
		expect(
			applyDraftEdit(
				draft,
				{ target: 'add-option', question: 'vision', code: 'ja', label: { sv: 'Ja igen', en: '' } },
				'sv'
			)
		).toMatchObject({ ok: false, reason: 'invalid' });
		expect(
			applyDraftEdit(
				draft,
				{ target: 'add-option', question: 'behov', code: '', label: { sv: 'X', en: '' } },
				'sv'
			)
		).toEqual({ ok: false, reason: 'unknown-question' });

		const removed = applyDraftEdit(
			draft,
			{ target: 'remove-option', question: 'vision', option: 'vet_ej' },
			'sv'
		);
		const shorter = removed.ok ? questionOf(removed.definition, 'vision') : null;
		expect(shorter?.type === 'single' && shorter.options.map((o) => o.code)).toEqual(['ja', 'nej']);
		// "Utveckla gärna." is shown when kultur is nej: that option stays.
		expect(
			applyDraftEdit(draft, { target: 'remove-option', question: 'kultur', option: 'nej' }, 'sv')
		).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(
			applyDraftEdit(draft, { target: 'remove-option', question: 'vision', option: 'kanske' }, 'sv')
		).toEqual({
			ok: false,
			reason: 'unknown-option'
		});
	});

	it("sets a question's maturity dimension, reversal and the question it follows up, as the model allows", () => {
		const draft = builtInTemplate();
		const base = {
			text: { sv: 'Har kommunen en digital vision?', en: '' },
			help: none,
			topic: none,
			required: true
		};
		const moved = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'vision',
				...base,
				dimension: 'ledning',
				reversed: true,
				followUpOf: 'behov'
			},
			'sv'
		);
		if (!moved.ok) throw new Error(JSON.stringify(moved));
		expect(questionOf(moved.definition, 'vision')).toMatchObject({
			dimension: 'ledning',
			reversed: true,
			followUpOf: 'behov'
		});
		const cleared = applyDraftEdit(
			moved.definition,
			{ target: 'question', question: 'vision', ...base, dimension: null, reversed: false, followUpOf: null },
			'sv'
		);
		const vision = cleared.ok ? questionOf(cleared.definition, 'vision') : null;
		expect(vision).not.toHaveProperty('dimension');
		expect(vision).not.toHaveProperty('followUpOf');
		// A dimension the questionnaire does not have, and a free-text item, are refused by the model.
		for (const edit of [
			{ question: 'vision', dimension: 'saknas' },
			{ question: 'stod', dimension: 'kultur' }
		]) {
			expect(applyDraftEdit(draft, { target: 'question', ...base, ...edit }, 'sv')).toMatchObject({
				ok: false,
				reason: 'invalid'
			});
		}
	});

	it('edits, adds and removes maturity dimensions and role groups', () => {
		const draft = builtInTemplate();
		const relabelled = applyDraftEdit(
			draft,
			{ target: 'dimension', dimension: 'kultur', label: { sv: 'Kultur och ledarskap', en: '' }, weight: 2 },
			'sv'
		);
		if (!relabelled.ok) throw new Error(JSON.stringify(relabelled));
		expect(relabelled.definition.dimensions.find((d) => d.code === 'kultur')).toEqual({
			code: 'kultur',
			label: { sv: 'Kultur och ledarskap' },
			weight: 2
		});
		const added = applyDraftEdit(
			draft,
			{ target: 'add-dimension', code: '', label: { sv: 'Artificiell intelligens', en: 'AI' }, weight: 1 },
			'sv'
		);
		expect(added.ok && added.definition.dimensions.at(-1)?.code).toBe('artificiell_intelligens');
		// One still measured by a question is refused; an unknown one is not found.
		expect(applyDraftEdit(draft, { target: 'remove-dimension', dimension: 'kultur' }, 'sv')).toMatchObject({
			ok: false,
			reason: 'invalid'
		});
		expect(applyDraftEdit(draft, { target: 'remove-dimension', dimension: 'saknas' }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-code'
		});

		const group = applyDraftEdit(
			draft,
			{
				target: 'role-group',
				group: 'it',
				label: { sv: 'IT och digitalisering', en: 'IT' },
				keywords: ['it-chef', 'cio']
			},
			'sv'
		);
		expect(group.ok && group.definition.roleGroups.find((g) => g.code === 'it')).toEqual({
			code: 'it',
			label: { sv: 'IT och digitalisering', en: 'IT' },
			titleKeywords: ['it-chef', 'cio']
		});
		const newGroup = applyDraftEdit(
			draft,
			{ target: 'add-role-group', code: 'skola', label: { sv: 'Skola', en: 'School' }, keywords: ['rektor'] },
			'sv'
		);
		expect(newGroup.ok && newGroup.definition.roleGroups.at(-1)).toEqual({
			code: 'skola',
			label: { sv: 'Skola', en: 'School' },
			titleKeywords: ['rektor']
		});
		const without = applyDraftEdit(draft, { target: 'remove-role-group', group: 'it' }, 'sv');
		expect(without.ok && without.definition.roleGroups.map((g) => g.code)).not.toContain('it');
	});

	it("adds background questions and a page with its own code, and sets and clears a scale's top box", () => {
		const blank = blankQuestionnaire('ny', 'Ny');
		const question = {
			code: 'organisation',
			text: { sv: 'Var arbetar du?', en: '' },
			required: true,
			options: [],
			min: 1,
			max: 10
		};
		const paged = applyDraftEdit(
			blank,
			{
				target: 'add-page',
				code: 'om_dig',
				title: { sv: 'Om dig', en: '' },
				question: { ...question, type: 'organisation' }
			},
			'sv'
		);
		if (!paged.ok) throw new Error(JSON.stringify(paged));
		expect(paged.definition.sections[1]).toMatchObject({
			code: 'om_dig',
			questions: [{ code: 'organisation', type: 'background', field: 'organisation', required: true }]
		});
		// The model allows one background question of each kind.
		expect(
			applyDraftEdit(
				paged.definition,
				{ target: 'add-question', section: 'om_dig', ...question, code: 'igen', type: 'organisation' },
				'sv'
			)
		).toMatchObject({ ok: false, reason: 'invalid' });

		const draft = builtInTemplate();
		const base = { text: { sv: 'Hur stort är behovet?', en: '' }, help: none, topic: none, required: true };
		const boxed = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'behov',
				...base,
				topBox: { from: 8, label: { sv: 'Mycket (8–10)', en: '' } }
			},
			'sv'
		);
		const behov = boxed.ok ? questionOf(boxed.definition, 'behov') : null;
		expect(behov?.type === 'scale' && behov.topBox).toEqual({ from: 8, label: { sv: 'Mycket (8–10)' } });
		const cleared = applyDraftEdit(
			draft,
			{ target: 'question', question: 'behov', ...base, topBox: null },
			'sv'
		);
		expect(cleared.ok && questionOf(cleared.definition, 'behov')).not.toHaveProperty('topBox');
		// A top box outside the scale is the model's error.
		expect(
			applyDraftEdit(
				draft,
				{ target: 'question', question: 'behov', ...base, topBox: { from: 11, label: { sv: 'X', en: '' } } },
				'sv'
			)
		).toMatchObject({ ok: false, reason: 'invalid' });
	});

	it('moves a page a step up or down with its questions, and edits a maturity level and a key figure', () => {
		const draft = builtInTemplate();
		const codes = (q: typeof draft) => q.sections.map((section) => section.code);
		const down = applyDraftEdit(draft, { target: 'move-page', section: 'behov', direction: 'down' }, 'sv');
		expect(down.ok && codes(down.definition).slice(0, 3)).toEqual(['om_dig', 'vision', 'behov']);
		// The first page up and the last page down stay; an unknown page is not found.
		const top = applyDraftEdit(draft, { target: 'move-page', section: 'om_dig', direction: 'up' }, 'sv');
		expect(top.ok && codes(top.definition)).toEqual(codes(draft));
		expect(applyDraftEdit(draft, { target: 'move-page', section: 'x', direction: 'up' }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-section'
		});
		// A condition's question must come before it: "c" follows up "a", so its page cannot go before a's.
		const chain = questionnaireFrom(
			definition([
				page('p1', yesNo('a')),
				page('p2', yesNo('b')),
				page('p3', freeText('c', { showIf: { question: 'a', in: ['ja'] } }))
			])
		);
		const once = applyDraftEdit(chain, { target: 'move-page', section: 'p3', direction: 'up' }, 'sv');
		expect(once.ok && codes(once.definition)).toEqual(['p1', 'p3', 'p2']);
		if (!once.ok) throw new Error('not moved');
		expect(
			applyDraftEdit(once.definition, { target: 'move-page', section: 'p3', direction: 'up' }, 'sv')
		).toMatchObject({
			ok: false,
			reason: 'invalid'
		});

		const level = applyDraftEdit(
			draft,
			{
				target: 'level',
				level: 'lag',
				label: { sv: 'Tidig', en: 'Early' },
				min: 0,
				max: 33,
				description: { sv: 'I början.', en: '' }
			},
			'sv'
		);
		expect(level.ok && level.definition.levels[0]).toEqual({
			code: 'lag',
			label: { sv: 'Tidig', en: 'Early' },
			min: 0,
			max: 33,
			description: { sv: 'I början.' }
		});
		// Levels must follow each other without a gap: the model's error.
		expect(
			applyDraftEdit(
				draft,
				{ target: 'level', level: 'lag', label: { sv: 'Låg', en: '' }, min: 0, max: 20, description: none },
				'sv'
			)
		).toMatchObject({ ok: false, reason: 'invalid' });
		const figure = applyDraftEdit(
			draft,
			{ target: 'key-figure', index: 0, template: { sv: '{percent} ser ett stort behov', en: '' } },
			'sv'
		);
		expect(figure.ok && figure.definition.keyFigures[0]?.template).toEqual({
			sv: '{percent} ser ett stort behov'
		});
		expect(applyDraftEdit(draft, { target: 'key-figure', index: 99, template: none }, 'sv')).toEqual({
			ok: false,
			reason: 'unknown-code'
		});
	});

	it('renames a question and its options with every reference to them, and tells what may still be renamed', () => {
		const draft = builtInTemplate();
		const renamed = applyDraftEdit(
			draft,
			{ target: 'rename', question: 'kultur', code: 'kulturen', options: { nej: 'inte', ja: '' } },
			'sv'
		);
		if (!renamed.ok) throw new Error(JSON.stringify(renamed));
		const kultur = questionOf(renamed.definition, 'kulturen');
		expect(kultur.type === 'single' && kultur.options.map((o) => o.code)).toEqual(['ja', 'inte', 'vet_ej']);
		expect(questionOf(renamed.definition, 'kultur_varfor').showIf).toEqual({
			question: 'kulturen',
			in: ['inte']
		});
		expect(questionOf(renamed.definition, 'kultur_atgarder').followUpOf).toBe('kulturen');
		expect(renamed.definition.keyFigures.filter((k) => k.question === 'kultur')).toEqual([]);
		// A code another question has is the model's error.
		expect(
			applyDraftEdit(draft, { target: 'rename', question: 'kultur', code: 'vision', options: {} }, 'sv')
		).toMatchObject({ ok: false, reason: 'invalid' });
		expect(renameable('kultur', draft)).toBe(false);
		expect(renameable('ny_fraga', draft)).toBe(true);
		expect(renameable('kultur', null)).toBe(true);
	});

	it("sets a free-text question's lines and length, and which multiple-choice option takes a text", () => {
		const draft = builtInTemplate();
		const base = { help: none, topic: none, required: false };
		const text = applyDraftEdit(
			draft,
			{
				target: 'question',
				question: 'stod',
				text: { sv: 'Stöd?', en: '' },
				...base,
				multiline: false,
				maxLength: 200
			},
			'sv'
		);
		expect(text.ok && questionOf(text.definition, 'stod')).toMatchObject({
			multiline: false,
			maxLength: 200
		});
		expect(
			applyDraftEdit(
				draft,
				{ target: 'question', question: 'stod', text: { sv: 'Stöd?', en: '' }, ...base, maxLength: 0 },
				'sv'
			)
		).toMatchObject({ ok: false, reason: 'invalid' });
		const multi = {
			target: 'question',
			question: 'drivande',
			text: { sv: 'Vem driver?', en: '' },
			...base,
			required: true
		} as const;
		const other = applyDraftEdit(draft, { ...multi, other: 'it' }, 'sv');
		const drivande = other.ok ? questionOf(other.definition, 'drivande') : null;
		expect(drivande?.type === 'multi' && drivande.options.filter((o) => o.other).map((o) => o.code)).toEqual([
			'it'
		]);
		const none_ = applyDraftEdit(draft, { ...multi, other: null }, 'sv');
		const without = none_.ok ? questionOf(none_.definition, 'drivande') : null;
		expect(without?.type === 'multi' && without.options.some((o) => o.other)).toBe(false);
	});

	it('adds a page after a given one, and refuses an unknown one', () => {
		const draft = builtInTemplate();
		const question: Omit<TNewQuestion, 'section'> = {
			type: 'text',
			code: 'mellan',
			text: { sv: 'Mellan?', en: '' },
			required: false,
			options: [],
			min: 1,
			max: 10
		};
		const added = applyDraftEdit(
			draft,
			{ target: 'add-page', title: { sv: 'Mellan', en: '' }, question, after: 'behov' },
			'sv'
		);
		expect(added.ok && added.definition.sections.map((s) => s.code).slice(0, 4)).toEqual([
			'om_dig',
			'behov',
			'mellan',
			'vision'
		]);
		expect(
			applyDraftEdit(
				draft,
				{ target: 'add-page', title: { sv: 'X', en: '' }, question, after: 'saknas' },
				'sv'
			)
		).toEqual({ ok: false, reason: 'unknown-section' });
	});
});
