import { describe, expect, it } from 'vitest';
import {
	builtInTemplate,
	definition,
	multi,
	page,
	questionnaireFrom,
	yesNo
} from '../testing/questionnaires.ts';
import { untranslatedTexts } from './untranslated.ts';

describe('untranslated texts', () => {
	it('lists every Swedish text without English, where it is, in the order respondents meet them', () => {
		const q = questionnaireFrom(
			definition(
				[
					page('a', yesNo('klar', { text: { sv: 'Klar?', en: 'Done?' }, help: { sv: 'Hjälp' } })),
					page(
						'b',
						multi('val', {
							options: [
								{ code: 'x', label: { sv: 'X', en: 'X' } },
								{ code: 'y', label: { sv: 'Y' } }
							]
						})
					)
				],
				{ title: { sv: 'Enkät', en: 'Survey' } }
			)
		);
		expect(untranslatedTexts(q, 'en').map((u) => [u.section, u.question, u.field, u.sv])).toEqual([
			['a', null, 'title', 'Sida a'],
			['a', 'klar', 'help', 'Hjälp'],
			['a', 'klar', 'option ja', 'ja'],
			['a', 'klar', 'option nej', 'nej'],
			['b', null, 'title', 'Sida b'],
			['b', 'val', 'text', 'Fråga val?'],
			['b', 'val', 'option y', 'Y']
		]);
	});

	it('finds the built-in questionnaire translated into English throughout', () => {
		expect(untranslatedTexts(builtInTemplate(), 'en')).toEqual([]);
	});
});
