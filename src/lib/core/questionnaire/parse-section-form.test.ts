import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	freeText,
	multi,
	page,
	questionnaireFrom,
	sectionOf,
	yesNo
} from '../testing/questionnaires.ts';
import type { TAnswerMap } from './answer.ts';
import type { TQuestionnaire } from './definition.ts';
import { fieldName, otherFieldName, parseSectionForm } from './parse-section-form.ts';

const template = builtInTemplate();

function post(
	sectionCode: string,
	form: Array<[string, string]>,
	options: { previous?: TAnswerMap; lang?: 'sv' | 'en'; questionnaire?: TQuestionnaire } = {}
) {
	const questionnaire = options.questionnaire ?? template;
	return parseSectionForm({
		questionnaire,
		section: sectionOf(questionnaire, sectionCode),
		form,
		previous: options.previous ?? {},
		mode: 'invite',
		lang: options.lang ?? 'sv'
	});
}

// The "omvarld" page with its other required questions answered, for the multiple-choice "drivande".
const drivande = (...fields: Array<[string, string]>) => post('omvarld', [['q.omvarld', 'ja'], ...fields]);

/** A page with one optional text question of at most `maxLength` characters. */
const textPage = (maxLength: number) =>
	questionnaireFrom(
		definition([page('sida', freeText('t', { maxLength }), freeText('kort', { maxLength: 5 }))])
	);
const text = (value: string, lang: 'sv' | 'en' = 'sv') =>
	post('sida', [['q.t', value]], { questionnaire: textPage(5000), lang });

describe('field names', () => {
	it('are q.<code>, and q.<code>.other for the text of an "other" option', () => {
		expect(fieldName('drivande')).toBe('q.drivande');
		expect(otherFieldName('drivande')).toBe('q.drivande.other');
	});
});

describe('parseSectionForm, a whole page', () => {
	it('returns every answer of a complete page and no errors', () => {
		const result = post('behov', [
			['q.behov', '8'],
			['q.behov_kommentar', 'Stort behov i hela kommunen.'],
			['q.ledning_delar', 'vet_ej']
		]);
		expect(result.errors).toEqual([]);
		expect(result.answers).toEqual({
			behov: { kind: 'scale', value: 8 },
			behov_kommentar: { kind: 'text', value: 'Stort behov i hela kommunen.' },
			ledning_delar: { kind: 'single', option: 'vet_ej' }
		});
	});

	it('leaves an optional question out when it is blank', () => {
		const result = post('behov', [
			['q.behov', '8'],
			['q.behov_kommentar', ''],
			['q.ledning_delar', 'ja']
		]);
		expect(result.errors).toEqual([]);
		expect(Object.keys(result.answers)).toEqual(['behov', 'ledning_delar']);
	});

	it('names each required question left unanswered, in Swedish', () => {
		const result = post('behov', [
			['q.behov', ''],
			['q.behov_kommentar', 'Bara en kommentar']
		]);
		expect(result.errors).toEqual([
			{ question: 'behov', field: 'q.behov', message: 'Frågan måste besvaras.' },
			{ question: 'ledning_delar', field: 'q.ledning_delar', message: 'Frågan måste besvaras.' }
		]);
		expect(result.answers).toEqual({ behov_kommentar: { kind: 'text', value: 'Bara en kommentar' } });
	});

	it('names each required question left unanswered, in English', () => {
		expect(post('behov', [], { lang: 'en' }).errors).toEqual([
			{ question: 'behov', field: 'q.behov', message: 'This question is required.' },
			{ question: 'ledning_delar', field: 'q.ledning_delar', message: 'This question is required.' }
		]);
	});

	it('keeps the valid answers of a page that has errors', () => {
		const result = post('behov', [
			['q.behov', '11'],
			['q.behov_kommentar', 'Kommentar'],
			['q.ledning_delar', 'ja']
		]);
		expect(result.errors).toEqual([
			{ question: 'behov', field: 'q.behov', message: 'Svaret måste vara ett heltal mellan 1 och 10.' }
		]);
		expect(result.answers).toEqual({
			behov_kommentar: { kind: 'text', value: 'Kommentar' },
			ledning_delar: { kind: 'single', option: 'ja' }
		});
	});

	it('returns the posted question fields as typed, to show the page again', () => {
		const result = post('omvarld', [
			['_action', 'next'],
			['q.omvarld', 'kanske'],
			['q.drivande', 'it'],
			['q.drivande', 'annat'],
			['q.drivande.other', '  Skolan\r\n'],
			['q.drivkrafter', ' Ekonomin '],
			['q.okand', 'x']
		]);
		expect(result.raw).toEqual({
			'q.omvarld': ['kanske'],
			'q.drivande': ['it', 'annat'],
			'q.drivande.other': ['  Skolan\r\n'],
			'q.drivkrafter': [' Ekonomin ']
		});
	});
});

describe('parseSectionForm, fields that are not questions of the page', () => {
	it('ignores fields starting with _ (the action button, tokens)', () => {
		const result = post('behov', [
			['_action', 'save'],
			['_csrf', 'abc'],
			['q.behov', '5'],
			['q.ledning_delar', 'nej']
		]);
		expect(result.errors).toEqual([]);
		expect(result.raw).toEqual({ 'q.behov': ['5'], 'q.ledning_delar': ['nej'] });
	});

	it('refuses unknown fields, each named once, including questions of other pages', () => {
		const result = post('behov', [
			['q.behov', '5'],
			['q.ledning_delar', 'nej'],
			['q.vision', 'ja'],
			['extra', '1'],
			['q.vision', 'nej'],
			['q.behov.other', 'x']
		]);
		expect(result.errors).toEqual([
			{ question: '', field: '', message: 'Formuläret innehöll okända fält: q.vision, extra, q.behov.other.' }
		]);
		expect(result.answers).toEqual({
			behov: { kind: 'scale', value: 5 },
			ledning_delar: { kind: 'single', option: 'nej' }
		});
		expect(result.raw).toEqual({ 'q.behov': ['5'], 'q.ledning_delar': ['nej'] });
	});

	it('names at most five unknown fields, each cut to 40 characters, in English too', () => {
		const long = `f${'x'.repeat(60)}`;
		const result = post(
			'stod',
			[long, 'a', 'b', 'c', 'd', 'e', 'g'].map((name): [string, string] => [name, '1']),
			{ lang: 'en' }
		);
		expect(result.errors).toEqual([
			{
				question: '',
				field: '',
				message: `The form contained unknown fields: ${long.slice(0, 40)}, a, b, c, d.`
			}
		]);
	});

	it('does not take background questions from a page form: the app asks them itself', () => {
		const result = post('om_dig', [
			['q.organisation', '2580'],
			['q.roll', 'IT-chef']
		]);
		expect(result.answers).toEqual({});
		expect(result.errors).toEqual([
			{ question: '', field: '', message: 'Formuläret innehöll okända fält: q.organisation, q.roll.' }
		]);
	});
});

describe('parseSectionForm, conditional questions', () => {
	it('shows a follow-up question when the earlier answer meets its condition', () => {
		const result = post(
			'formaga',
			[
				['q.it_arv', 'ja'],
				['q.it_arv_kommentar', 'Gamla system']
			],
			{ previous: { beslutskapacitet: { kind: 'single', option: 'vet_ej' } } }
		);
		expect(result.answers).toEqual({
			it_arv: { kind: 'single', option: 'ja' },
			it_arv_kommentar: { kind: 'text', value: 'Gamla system' }
		});
	});

	it('drops the answer to a hidden follow-up question without an error', () => {
		const result = post(
			'formaga',
			[
				['q.it_arv', 'nej'],
				['q.it_arv_kommentar', 'Gamla system']
			],
			{ previous: { it_arv: { kind: 'single', option: 'ja' } } }
		);
		expect(result.errors).toEqual([]);
		expect(result.answers).toEqual({ it_arv: { kind: 'single', option: 'nej' } });
	});

	it('does not require a required question that is hidden', () => {
		const questionnaire = questionnaireFrom(
			definition([
				page('a', yesNo('x')),
				page('b', freeText('y', { required: true, showIf: { question: 'x', in: ['ja'] } }))
			])
		);
		expect(
			post('b', [], { questionnaire, previous: { x: { kind: 'single', option: 'nej' } } }).errors
		).toEqual([]);
		expect(
			post('b', [], { questionnaire, previous: { x: { kind: 'single', option: 'ja' } } }).errors
		).toEqual([{ question: 'y', field: 'q.y', message: 'Frågan måste besvaras.' }]);
		expect(post('b', [], { questionnaire }).errors).toEqual([]);
	});
});

describe('parseSectionForm, a follow-up on the same page', () => {
	// y follows x on its own page; z follows y.
	const questionnaire = questionnaireFrom(
		definition([
			page(
				'a',
				yesNo('x'),
				freeText('y', { required: true, showIf: { question: 'x', in: ['ja'] } }),
				freeText('z', { showIf: { question: 'x', in: ['nej'] } })
			)
		])
	);
	const yes = { kind: 'single', option: 'ja' } as const;

	it('is shown, and required, by the answer posted with it', () => {
		expect(post('a', [['q.x', 'ja']], { questionnaire }).errors).toEqual([
			{ question: 'y', field: 'q.y', message: 'Frågan måste besvaras.' }
		]);
		expect(
			post(
				'a',
				[
					['q.x', 'ja'],
					['q.y', 'Så här']
				],
				{ questionnaire }
			)
		).toEqual({
			answers: { x: yes, y: { kind: 'text', value: 'Så här' } },
			errors: [],
			raw: { 'q.x': ['ja'], 'q.y': ['Så här'] }
		});
	});

	it('is hidden by the answer posted, whatever was stored: its answer is dropped without an error', () => {
		const result = post(
			'a',
			[
				['q.x', 'nej'],
				['q.y', 'Gammal text'],
				['q.z', 'Därför']
			],
			{ questionnaire, previous: { x: yes, y: { kind: 'text', value: 'Gammal text' } } }
		);
		expect(result.errors).toEqual([]);
		expect(result.answers).toEqual({
			x: { kind: 'single', option: 'nej' },
			z: { kind: 'text', value: 'Därför' }
		});
	});

	it('is hidden when its question is left blank, also when the stored answer showed it', () => {
		const result = post('a', [['q.y', 'Text']], { questionnaire, previous: { x: yes } });
		expect(result).toMatchObject({ errors: [], answers: {} });
	});
});

describe('parseSectionForm, single choice', () => {
	it('refuses an answer that is not one of the options', () => {
		const result = post('behov', [
			['q.behov', '5'],
			['q.ledning_delar', 'kanske']
		]);
		expect(result.errors).toEqual([
			{ question: 'ledning_delar', field: 'q.ledning_delar', message: 'Välj ett av alternativen.' }
		]);
		expect(result.answers.ledning_delar).toBeUndefined();
	});

	it('refuses two answers', () => {
		const result = post(
			'behov',
			[
				['q.behov', '5'],
				['q.ledning_delar', 'ja'],
				['q.ledning_delar', 'nej']
			],
			{ lang: 'en' }
		);
		expect(result.errors).toEqual([
			{ question: 'ledning_delar', field: 'q.ledning_delar', message: 'Choose only one option.' }
		]);
	});

	it('refuses an unknown option in English', () => {
		expect(
			post(
				'behov',
				[
					['q.behov', '5'],
					['q.ledning_delar', 'Ja']
				],
				{ lang: 'en' }
			).errors
		).toEqual([
			{ question: 'ledning_delar', field: 'q.ledning_delar', message: 'Choose one of the options.' }
		]);
	});
});

describe('parseSectionForm, multiple choice', () => {
	it('returns the chosen options sorted, each once', () => {
		const result = drivande(['q.drivande', 'politiker'], ['q.drivande', 'it'], ['q.drivande', 'politiker']);
		expect(result.errors).toEqual([]);
		expect(result.answers.drivande).toEqual({ kind: 'multi', options: ['it', 'politiker'] });
	});

	it('keeps the text of "Annat" with its option', () => {
		const result = drivande(
			['q.drivande', 'annat'],
			['q.drivande', 'it'],
			['q.drivande.other', '  Skolan  ']
		);
		expect(result.answers.drivande).toEqual({ kind: 'multi', options: ['annat', 'it'], other: 'Skolan' });
	});

	it('takes a text typed in "Annat" as choosing it', () => {
		const result = drivande(['q.drivande.other', 'Föreningslivet']);
		expect(result.errors).toEqual([]);
		expect(result.answers.drivande).toEqual({ kind: 'multi', options: ['annat'], other: 'Föreningslivet' });
	});

	it('accepts "Annat" without a text, and ignores a blank text', () => {
		expect(drivande(['q.drivande', 'annat']).answers.drivande).toEqual({ kind: 'multi', options: ['annat'] });
		expect(drivande(['q.drivande', 'it'], ['q.drivande.other', '   ']).answers.drivande).toEqual({
			kind: 'multi',
			options: ['it']
		});
	});

	it('requires at least one option when the question is required', () => {
		expect(drivande(['q.drivande.other', '  ']).errors).toEqual([
			{ question: 'drivande', field: 'q.drivande', message: 'Frågan måste besvaras.' }
		]);
	});

	it('refuses an option the question does not have', () => {
		expect(drivande(['q.drivande', 'it'], ['q.drivande', 'kyrkan']).errors).toEqual([
			{ question: 'drivande', field: 'q.drivande', message: 'Välj bland alternativen.' }
		]);
		expect(
			post(
				'omvarld',
				[
					['q.omvarld', 'ja'],
					['q.drivande', 'x']
				],
				{ lang: 'en' }
			).errors
		).toEqual([{ question: 'drivande', field: 'q.drivande', message: 'Choose among the options.' }]);
	});

	it('refuses an "Annat" text over 500 characters, counting characters rather than UTF-16 units', () => {
		const fits = drivande(['q.drivande.other', '🙂'.repeat(500)]);
		expect(fits.errors).toEqual([]);
		expect(fits.answers.drivande).toEqual({ kind: 'multi', options: ['annat'], other: '🙂'.repeat(500) });
		expect(drivande(['q.drivande.other', 'a'.repeat(501)]).errors).toEqual([
			{ question: 'drivande', field: 'q.drivande', message: 'Texten får vara högst 500 tecken.' }
		]);
	});

	it('refuses invalid characters in the "Annat" text', () => {
		expect(drivande(['q.drivande', 'it'], ['q.drivande.other', 'Sk\uFFFDlan']).errors).toEqual([
			{
				question: 'drivande',
				field: 'q.drivande',
				message: 'Texten innehåller ogiltiga tecken. Skriv om den och försök igen.'
			}
		]);
	});

	it('ignores an "other" text on a question without an "other" option', () => {
		const questionnaire = questionnaireFrom(
			definition([
				page(
					'a',
					multi('m', {
						options: [
							{ code: 'a', label: { sv: 'A' } },
							{ code: 'b', label: { sv: 'B' } }
						]
					})
				)
			])
		);
		const result = post(
			'a',
			[
				['q.m', 'b'],
				['q.m.other', 'Något']
			],
			{ questionnaire }
		);
		expect(result.errors).toEqual([]);
		expect(result.answers).toEqual({ m: { kind: 'multi', options: ['b'] } });
	});

	it('normalises the "Annat" text to NFC', () => {
		expect(drivande(['q.drivande.other', 'Fo\u0308reningar']).answers.drivande).toEqual({
			kind: 'multi',
			options: ['annat'],
			other: 'F\u00f6reningar'
		});
	});
});

describe('parseSectionForm, scale', () => {
	const scale = (...values: string[]) =>
		post('behov', [...values.map((v): [string, string] => ['q.behov', v]), ['q.ledning_delar', 'ja']]);
	const scaleError = {
		question: 'behov',
		field: 'q.behov',
		message: 'Svaret måste vara ett heltal mellan 1 och 10.'
	};

	it('accepts every whole number from min to max', () => {
		expect(scale('1').answers.behov).toEqual({ kind: 'scale', value: 1 });
		expect(scale('10').answers.behov).toEqual({ kind: 'scale', value: 10 });
		expect(scale(' 7 ').answers.behov).toEqual({ kind: 'scale', value: 7 });
	});

	it('refuses numbers outside the scale', () => {
		expect(scale('0').errors).toEqual([scaleError]);
		expect(scale('11').errors).toEqual([scaleError]);
		expect(scale('-3').errors).toEqual([scaleError]);
	});

	it('refuses what is not a whole number', () => {
		for (const value of ['7.5', '7,5', 'sju', '1e1', '0x7', '+7', 'Infinity']) {
			expect(scale(value).errors, value).toEqual([scaleError]);
		}
	});

	it('refuses two values', () => {
		expect(scale('7', '8').errors).toEqual([scaleError]);
	});

	it('says so in English', () => {
		expect(post('behov', [['q.behov', '0']], { lang: 'en' }).errors[0]).toEqual({
			question: 'behov',
			field: 'q.behov',
			message: 'The answer must be a whole number from 1 to 10.'
		});
	});
});

describe('parseSectionForm, free text', () => {
	it('trims the text and turns Windows and old Mac line breaks into \\n', () => {
		expect(text('  Rad ett\r\nRad två\rRad tre\n\n ').answers.t).toEqual({
			kind: 'text',
			value: 'Rad ett\nRad två\nRad tre'
		});
	});

	it('keeps tabs and line breaks inside the text', () => {
		expect(text('a\tb\nc').answers.t).toEqual({ kind: 'text', value: 'a\tb\nc' });
	});

	it('normalises the text to NFC', () => {
		const decomposed = 'A\u030Angermanland och O\u0308vertornea\u030A';
		expect(text(decomposed).answers.t).toEqual({ kind: 'text', value: 'Ångermanland och Övertorneå' });
	});

	it('treats a text of only spaces as no answer', () => {
		expect(text(' \n\t ').answers).toEqual({});
	});

	it('joins several values of one field with line breaks', () => {
		const result = post(
			'sida',
			[
				['q.t', 'Ett'],
				['q.t', 'Två']
			],
			{ questionnaire: textPage(5000) }
		);
		expect(result.answers.t).toEqual({ kind: 'text', value: 'Ett\nTvå' });
	});

	it('counts the length limit in characters (code points), not UTF-16 units', () => {
		const questionnaire = textPage(5000);
		const short = (value: string) => post('sida', [['q.kort', value]], { questionnaire });
		expect(short('🙂🙂🙂🙂🙂').answers.kort).toEqual({ kind: 'text', value: '🙂🙂🙂🙂🙂' });
		expect(short('🙂🙂🙂🙂🙂🙂').errors).toEqual([
			{ question: 'kort', field: 'q.kort', message: 'Texten får vara högst 5 tecken.' }
		]);
	});

	it('counts the length after NFC normalisation', () => {
		const questionnaire = textPage(5000);
		const result = post('sida', [['q.kort', 'a\u0308a\u0308a\u0308a\u0308a\u0308']], { questionnaire });
		expect(result.errors).toEqual([]);
		expect(result.answers.kort).toEqual({ kind: 'text', value: 'äääää' });
	});

	it('formats the limit the Swedish and the English way', () => {
		expect(text('x'.repeat(5001)).errors).toEqual([
			{ question: 't', field: 'q.t', message: 'Texten får vara högst 5\u00a0000 tecken.' }
		]);
		expect(text('x'.repeat(5001), 'en').errors).toEqual([
			{ question: 't', field: 'q.t', message: 'The text can be at most 5,000 characters.' }
		]);
		expect(text('x'.repeat(5000)).errors).toEqual([]);
	});

	it('refuses U+FFFD, the mark of text that was not valid UTF-8', () => {
		expect(text('Tr\uFFFDkigt').errors).toEqual([
			{
				question: 't',
				field: 'q.t',
				message: 'Texten innehåller ogiltiga tecken. Skriv om den och försök igen.'
			}
		]);
		expect(text('Tr\uFFFDkigt', 'en').errors).toEqual([
			{
				question: 't',
				field: 'q.t',
				message: 'The text contains invalid characters. Please retype it and try again.'
			}
		]);
	});

	it('refuses control characters', () => {
		for (const c of ['\u0000', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F']) {
			const result = text(`före${c}efter`);
			expect(result.answers, `U+${c.charCodeAt(0).toString(16)}`).toEqual({});
			expect(result.errors.map((e) => e.message)).toEqual([
				'Texten innehåller ogiltiga tecken. Skriv om den och försök igen.'
			]);
		}
	});

	it('refuses a required text left blank', () => {
		const questionnaire = questionnaireFrom(definition([page('a', freeText('t', { required: true }))]));
		expect(post('a', [['q.t', '   ']], { questionnaire }).errors).toEqual([
			{ question: 't', field: 'q.t', message: 'Frågan måste besvaras.' }
		]);
	});
});
