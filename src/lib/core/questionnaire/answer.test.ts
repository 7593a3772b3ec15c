import { describe, expect, it } from 'vitest';
import { builtInTemplate, questionOf } from '../testing/questionnaires.ts';
import { answerToRows, rowsToAnswers, type TAnswer, type TAnswerMap } from './answer.ts';

const template = builtInTemplate();
const rowsOf = (code: string, answer: TAnswer) => answerToRows(questionOf(template, code), answer);
const roundTrip = (answers: TAnswerMap) =>
	rowsToAnswers(
		template,
		Object.entries(answers).flatMap(([code, answer]) => rowsOf(code, answer))
	);

describe('answerToRows', () => {
	it('stores a single choice as one row with its option', () => {
		expect(rowsOf('vision', { kind: 'single', option: 'ja' })).toEqual([
			{ questionCode: 'vision', optionCode: 'ja', valueNum: null, valueText: null }
		]);
	});

	it('stores a multiple choice as one row per option, the text on the "other" row', () => {
		expect(rowsOf('drivande', { kind: 'multi', options: ['annat', 'it'], other: 'Skolan' })).toEqual([
			{ questionCode: 'drivande', optionCode: 'annat', valueNum: null, valueText: 'Skolan' },
			{ questionCode: 'drivande', optionCode: 'it', valueNum: null, valueText: null }
		]);
	});

	it('stores "other" chosen without a text with no text', () => {
		expect(rowsOf('drivande', { kind: 'multi', options: ['annat'] })).toEqual([
			{ questionCode: 'drivande', optionCode: 'annat', valueNum: null, valueText: null }
		]);
	});

	it('stores a scale value as a number without option', () => {
		expect(rowsOf('behov', { kind: 'scale', value: 8 })).toEqual([
			{ questionCode: 'behov', optionCode: '', valueNum: 8, valueText: null }
		]);
	});

	it('stores a text as text without option', () => {
		expect(rowsOf('stod', { kind: 'text', value: 'Goda exempel' })).toEqual([
			{ questionCode: 'stod', optionCode: '', valueNum: null, valueText: 'Goda exempel' }
		]);
	});
});

describe('rowsToAnswers', () => {
	it('reads back every kind of answer as it was stored', () => {
		const answers: TAnswerMap = {
			behov: { kind: 'scale', value: 10 },
			behov_kommentar: { kind: 'text', value: 'Rad ett\nRad två' },
			ledning_delar: { kind: 'single', option: 'vet_ej' },
			drivande: { kind: 'multi', options: ['annat', 'it', 'politiker'], other: 'Föreningar' },
			kultur: { kind: 'single', option: 'nej' }
		};
		expect(roundTrip(answers)).toEqual(answers);
	});

	it('reads back a multiple choice without "other", and a scale at its lowest point', () => {
		const answers: TAnswerMap = {
			drivande: { kind: 'multi', options: ['medborgare'] },
			behov: { kind: 'scale', value: 1 }
		};
		expect(roundTrip(answers)).toEqual(answers);
	});

	it('sorts the options of a multiple choice whatever the order of the rows', () => {
		const rows = [
			{ questionCode: 'drivande', optionCode: 'tjansteman', valueNum: null, valueText: null },
			{ questionCode: 'drivande', optionCode: 'annat', valueNum: null, valueText: 'Skolan' },
			{ questionCode: 'drivande', optionCode: 'it', valueNum: null, valueText: null }
		];
		expect(rowsToAnswers(template, rows)).toEqual({
			drivande: { kind: 'multi', options: ['annat', 'it', 'tjansteman'], other: 'Skolan' }
		});
	});

	it('ignores rows of questions the questionnaire does not have', () => {
		const rows = [
			{ questionCode: 'borttagen', optionCode: 'ja', valueNum: null, valueText: null },
			{ questionCode: 'vision', optionCode: 'nej', valueNum: null, valueText: null }
		];
		expect(rowsToAnswers(template, rows)).toEqual({ vision: { kind: 'single', option: 'nej' } });
	});

	it('ignores a scale row without a number and a text row without text', () => {
		const rows = [
			{ questionCode: 'behov', optionCode: '', valueNum: null, valueText: '8' },
			{ questionCode: 'stod', optionCode: '', valueNum: 3, valueText: null }
		];
		expect(rowsToAnswers(template, rows)).toEqual({});
	});
});
