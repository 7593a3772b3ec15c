import { describe, expect, it } from 'vitest';
import { builtInTemplate, questionOf, sectionOf } from '../testing/questionnaires.ts';
import type { TAnswer } from './answer.ts';
import { answerToFormValues, postedFormValues } from './answer-form-values.ts';
import { fieldName, otherFieldName, parseSectionForm } from './parse-section-form.ts';

const template = builtInTemplate();

describe('answerToFormValues', () => {
	it('gives empty fields for an unanswered question', () => {
		expect(answerToFormValues(undefined)).toEqual({ values: [], other: '' });
	});

	it('gives the chosen option of a single choice', () => {
		expect(answerToFormValues({ kind: 'single', option: 'nej' })).toEqual({ values: ['nej'], other: '' });
	});

	it('gives the chosen options and the "other" text of a multiple choice', () => {
		expect(answerToFormValues({ kind: 'multi', options: ['annat', 'it'], other: 'Skolan' })).toEqual({
			values: ['annat', 'it'],
			other: 'Skolan'
		});
		expect(answerToFormValues({ kind: 'multi', options: ['it'] })).toEqual({ values: ['it'], other: '' });
	});

	it('gives a scale value as the text of its radio button', () => {
		expect(answerToFormValues({ kind: 'scale', value: 7 })).toEqual({ values: ['7'], other: '' });
	});

	it('gives a text as written', () => {
		expect(answerToFormValues({ kind: 'text', value: 'Rad ett\nRad två' })).toEqual({
			values: ['Rad ett\nRad två'],
			other: ''
		});
	});

	it('fills in a page so that posting it again gives the same answers', () => {
		const saved: Record<string, TAnswer> = {
			omvarld: { kind: 'single', option: 'ja' },
			drivande: { kind: 'multi', options: ['annat', 'medborgare'], other: 'Skolan' },
			drivkrafter: { kind: 'text', value: 'Krav från medborgarna' }
		};
		const form = Object.entries(saved).flatMap(([code, answer]): Array<[string, string]> => {
			const { values, other } = answerToFormValues(answer);
			return [
				...values.map((v): [string, string] => [fieldName(code), v]),
				...(other ? [[otherFieldName(code), other] as [string, string]] : [])
			];
		});
		const result = parseSectionForm({
			questionnaire: template,
			section: sectionOf(template, 'omvarld'),
			form,
			previous: {},
			mode: 'invite',
			lang: 'sv'
		});
		expect(result.errors).toEqual([]);
		expect(result.answers).toEqual(saved);
	});
});

describe('postedFormValues', () => {
	const drivande = questionOf(template, 'drivande');

	it('shows a refused post as typed', () => {
		expect(postedFormValues(drivande, { 'q.drivande': ['it'], 'q.drivande.other': [''] })).toEqual({
			values: ['it'],
			other: ''
		});
		expect(postedFormValues(questionOf(template, 'behov'), {})).toEqual({ values: [], other: '' });
	});

	it('checks "annat" when its text was typed, as the server reads it', () => {
		expect(postedFormValues(drivande, { 'q.drivande': ['it'], 'q.drivande.other': ['Skolan'] })).toEqual({
			values: ['it', 'annat'],
			other: 'Skolan'
		});
		expect(postedFormValues(drivande, { 'q.drivande.other': ['  '] })).toEqual({ values: [], other: '  ' });
	});
});
