import { describe, expect, it } from 'vitest';
import { responseHeadline } from './response-headline.ts';

describe('responseHeadline', () => {
	it("writes the seed's sentence", () => {
		const figures = { organisations: { invited: 14, responded: 10 }, respondents: 20 };
		expect(responseHeadline(figures, 'sv')).toBe('Svar inkom från 10 av 14 kommuner, 20 respondenter');
		expect(responseHeadline(figures, 'en')).toBe(
			'Responses came from 10 of 14 municipalities, 20 respondents'
		);
	});

	it('uses the singular for one municipality and one respondent', () => {
		const figures = { organisations: { invited: 1, responded: 1 }, respondents: 1 };
		expect(responseHeadline(figures, 'sv')).toBe('Svar inkom från 1 av 1 kommun, 1 respondent');
		expect(responseHeadline(figures, 'en')).toBe('Responses came from 1 of 1 municipality, 1 respondent');
	});

	it('says 0 of a wave nobody has answered yet, with Swedish thousands', () => {
		const none = { organisations: { invited: 0, responded: 0 }, respondents: 0 };
		expect(responseHeadline(none, 'sv')).toBe('Svar inkom från 0 av 0 kommuner, 0 respondenter');
		const many = { organisations: { invited: 290, responded: 250 }, respondents: 12000 };
		expect(responseHeadline(many, 'sv')).toBe(
			'Svar inkom från 250 av 290 kommuner, 12\u00a0000 respondenter'
		);
	});

	it('says organisations when the units are not all municipalities', () => {
		const figures = {
			organisations: { invited: 3, responded: 0 },
			respondents: 0,
			units: 'organisations'
		} as const;
		expect(responseHeadline(figures, 'sv')).toBe('Svar inkom från 0 av 3 organisationer, 0 respondenter');
		expect(responseHeadline(figures, 'en')).toBe('Responses came from 0 of 3 organisations, 0 respondents');
		const one = { ...figures, organisations: { invited: 1, responded: 1 }, respondents: 2 };
		expect(responseHeadline(one, 'sv')).toBe('Svar inkom från 1 av 1 organisation, 2 respondenter');
	});
});
