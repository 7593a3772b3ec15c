import { describe, expect, it } from 'vitest';
import { responseHeadline } from './response-headline.ts';

describe('the response headline', () => {
	it("reads like the seed report's sentence, in Swedish and English", () => {
		const counts = {
			organisationsResponded: 10,
			organisationsInvited: 14,
			respondents: 20,
			municipalities: true
		};
		expect(responseHeadline(counts, 'sv')).toBe('Svar inkom från 10 av 14 kommuner, 20 respondenter');
		expect(responseHeadline(counts, 'en')).toBe(
			'Responses came from 10 of 14 municipalities, 20 respondents'
		);
	});

	it('uses the singular after 1', () => {
		const counts = {
			organisationsResponded: 1,
			organisationsInvited: 1,
			respondents: 1,
			municipalities: true
		};
		expect(responseHeadline(counts, 'sv')).toBe('Svar inkom från 1 av 1 kommun, 1 respondent');
		expect(responseHeadline(counts, 'en')).toBe('Responses came from 1 of 1 municipality, 1 respondent');
	});

	it('says organisations when the units are not all municipalities, and handles no answers', () => {
		const counts = {
			organisationsResponded: 0,
			organisationsInvited: 3,
			respondents: 0,
			municipalities: false
		};
		expect(responseHeadline(counts, 'sv')).toBe('Svar inkom från 0 av 3 organisationer, 0 respondenter');
		expect(responseHeadline(counts, 'en')).toBe('Responses came from 0 of 3 organisations, 0 respondents');
	});
});
