import { describe, expect, it } from 'vitest';
import { builtInTemplate, definition, page, questionnaireFrom, yesNo } from '../testing/questionnaires.ts';
import { roleGroupForTitle } from './role-group.ts';

const template = builtInTemplate();

describe('roleGroupForTitle', () => {
	// The respondents' titles in the seed report, section 3 "Data och metod" (line breaks of the PDF joined).
	it.each([
		['Kommunalråd, vice KSO', 'politisk_ledning'],
		['Kommunchef', 'politisk_ledning'],
		['Kommundirektör', 'politisk_ledning'],
		['Sektorchef vård och omsorg', 'politisk_ledning'],
		['IT-chef', 'it'],
		['IT-strateg', 'it'],
		['IT utvecklare', 'it'],
		['IT-Verksamhetsarkitekt', 'it'],
		['Chef Digital utveckling', 'digital_utveckling'],
		['E-samordnare', 'digital_utveckling'],
		['Utvecklingsledare - Verksamhetsutveckling och digitalisering', 'digital_utveckling'],
		['Verksamhetsutvecklare Socialtjänsten', 'digital_utveckling'],
		['Näringslivschef', 'naringsliv'],
		['Näringslivsstrateg', 'naringsliv'],
		['Näringsliv/landsbygdsutvecklare', 'naringsliv'],
		['Kvalificerad handläggare', 'verksamhet'],
		['Samordnare', 'verksamhet'],
		['Trafikingenjör', 'verksamhet']
	])('puts the seed title "%s" in %s', (title, group) => {
		expect(roleGroupForTitle(template, title)).toBe(group);
	});

	it('ignores case, also of Swedish letters', () => {
		expect(roleGroupForTitle(template, 'NÄRINGSLIVSCHEF')).toBe('naringsliv');
		expect(roleGroupForTitle(template, 'kommundirektör')).toBe('politisk_ledning');
		expect(roleGroupForTitle(template, 'KOMMUNDIREKTÖR')).toBe('politisk_ledning');
		expect(roleGroupForTitle(template, 'it-CHEF')).toBe('it');
	});

	it('takes the first group whose keyword matches', () => {
		// "chef" is a Verksamhet keyword, but the earlier groups are more specific.
		expect(roleGroupForTitle(template, 'Förvaltningschef')).toBe('politisk_ledning');
		expect(roleGroupForTitle(template, 'Enhetschef')).toBe('verksamhet');
	});

	it('gives no group for a title no keyword matches, so that an analyst decides', () => {
		expect(roleGroupForTitle(template, 'Bibliotekarie')).toBeNull();
		expect(roleGroupForTitle(template, '')).toBeNull();
	});

	it('gives no group when the questionnaire has none', () => {
		expect(roleGroupForTitle(questionnaireFrom(definition([page('a', yesNo('x'))])), 'IT-chef')).toBeNull();
	});
});
