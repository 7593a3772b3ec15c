import { describe, expect, it } from 'vitest';
import type { TAnswerMap } from '../questionnaire/answer.ts';
import { builtInTemplate } from '../testing/questionnaires.ts';
import { maturityModel } from './maturity-model.ts';
import { respondentScores } from './respondent-scores.ts';

const model = maturityModel(builtInTemplate());
const single = (option: string) => ({ kind: 'single' as const, option });

describe('respondentScores', () => {
	it("scores a respondent's template answers per dimension", () => {
		const answers: TAnswerMap = {
			behov: { kind: 'scale', value: 9 },
			ledning_delar: single('ja'),
			vision: single('nej'),
			medborgarbild: single('vet_ej'),
			beslutskapacitet: single('ja'),
			it_arv: single('ja'),
			omvarld: single('ja'),
			drivande: { kind: 'multi', options: ['it'] },
			kultur: single('nej'),
			kompetens: single('ja')
		};
		expect(respondentScores(model, answers)).toEqual({
			strategi: 50, // (100 + 0) / 2
			medborgarfokus: null, // vet ej: 0 of 1 item answered
			ledning: 100,
			digitalt_arv: 0, // reversed: ja = 0
			omvarld: 100,
			kultur: 0,
			kompetens: 100
		});
	});

	it('keeps a dimension with half of its items answered, and none for a respondent with only vet ej', () => {
		expect(respondentScores(model, { vision: single('ja'), ledning_delar: single('vet_ej') }).strategi).toBe(
			100
		);
		const onlyVetEj = Object.fromEntries(model.items.map((q) => [q.code, single('vet_ej')]));
		expect(Object.values(respondentScores(model, onlyVetEj)).every((s) => s === null)).toBe(true);
	});
});
