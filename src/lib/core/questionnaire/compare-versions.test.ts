import { describe, expect, it } from 'vitest';
import v1 from '../../../../questionnaires/digital-mognad-i-kommuner.v1.json' with { type: 'json' };
import v2 from '../../../../questionnaires/digital-mognad-i-kommuner.v2.json' with { type: 'json' };
import {
	builtInTemplate,
	definition,
	freeText,
	multi,
	option,
	page,
	questionnaireFrom,
	scale,
	yesNo
} from '../testing/questionnaires.ts';
import { compareVersions, familyIssues } from './compare-versions.ts';
import { explainQuestionnaireIssues } from './explain-questionnaire-issues.ts';

const summary = (before: unknown, after: unknown) =>
	compareVersions(questionnaireFrom(before), questionnaireFrom(after)).map((c) =>
		c.status === 'comparable' ? [c.code, c.status, ...c.edits] : [c.code, c.status]
	);

describe('comparing two versions of a questionnaire', () => {
	it('finds the built-in versions 1, 2 and 3 comparable question for question, with the same wording', () => {
		const compared = compareVersions(questionnaireFrom(v1), questionnaireFrom(v2));
		expect(compared).toHaveLength(20);
		expect(compared.every((c) => c.status === 'comparable' && c.edits.length === 0)).toBe(true);
		// Version 3 moved three questions to the page of the question they follow.
		const moved = compareVersions(questionnaireFrom(v2), builtInTemplate()).filter(
			(c) => c.status !== 'comparable' || c.edits.length > 0
		);
		expect(moved.map((c) => (c.status === 'comparable' ? [c.code, ...c.edits] : [c.code, c.status]))).toEqual(
			[
				['beslutskapacitet_varfor', 'moved'],
				['it_arv_kommentar', 'moved'],
				['kultur', 'moved']
			]
		);
	});

	it('tells comparable, new and dropped questions apart, and what changed in the comparable ones', () => {
		const before = definition([
			page('a', yesNo('kvar'), yesNo('ny_text'), multi('val'), scale('skala', { minLabel: { sv: 'Lite' } })),
			page('b', freeText('flyttas'), yesNo('bort'))
		]);
		const after = definition(
			[
				page(
					'a',
					yesNo('kvar'),
					yesNo('ny_text', { text: { sv: 'Ny lydelse?' }, help: { sv: 'Hjälp' } }),
					multi('val', { options: [option('a', { label: { sv: 'A, nu' } }), option('c')] }),
					scale('skala', { minLabel: { sv: 'Mycket lite' } }),
					freeText('flyttas')
				),
				page('c', yesNo('ny'), freeText('villkor', { showIf: { question: 'kvar', in: ['ja'] } }))
			],
			{ version: 2 }
		);
		expect(summary(before, after)).toEqual([
			['kvar', 'comparable'],
			['ny_text', 'comparable', 'text', 'help'],
			['val', 'comparable', 'options-added', 'options-dropped', 'labels'],
			['skala', 'comparable', 'labels'],
			['flyttas', 'comparable', 'moved'],
			['ny', 'new'],
			['villkor', 'new'],
			['bort', 'dropped']
		]);
	});

	it('finds a question whose answers mean something else not comparable: another type, another scale', () => {
		const before = definition([page('a', yesNo('typ'), scale('skala'), scale('samma'))]);
		const after = definition([page('a', multi('typ'), scale('skala', { max: 10 }), scale('samma'))], {
			version: 2
		});
		expect(summary(before, after)).toEqual([
			['typ', 'type-changed'],
			['skala', 'scale-changed'],
			['samma', 'comparable']
		]);
	});
});

describe("the questionnaire family's rule", () => {
	const published = [
		questionnaireFrom(definition([page('a', yesNo('fraga'), scale('skala'))])),
		questionnaireFrom(definition([page('a', scale('skala'))], { version: 2 }))
	];

	it('names each code an earlier version used with another meaning, at its field, in Swedish and English', () => {
		const input = definition([page('a', freeText('fraga'), scale('skala', { max: 7 }), yesNo('ny'))], {
			version: 3
		});
		const issues = familyIssues(questionnaireFrom(input), published);
		expect(explainQuestionnaireIssues(issues, input, 'sv')).toEqual([
			'Avsnitt 1 ”a”, fråga 1 ”fraga”, fältet ”type”: koden ”fraga” var en fråga av typen ”single” i version 1; svaren skulle inte gå att jämföra, så ge den ändrade frågan en ny kod',
			'Avsnitt 1 ”a”, fråga 2 ”skala”, fältet ”max”: koden ”skala” hade skalan 1–5 i version 1; svaren skulle inte gå att jämföra, så ge frågan med den ändrade skalan en ny kod'
		]);
		expect(explainQuestionnaireIssues(issues, input, 'en')[0]).toBe(
			'Section 1 "a", question 1 "fraga", field "type": the code "fraga" was a question of type "single" in version 1; its answers could not be compared, so give the changed question a new code'
		);
	});

	it('allows new codes, dropped codes, a code that comes back unchanged, and other questionnaires', () => {
		const back = definition([page('a', yesNo('fraga', { text: { sv: 'Omformulerad?' } }), yesNo('ny'))], {
			version: 3
		});
		expect(familyIssues(questionnaireFrom(back), published)).toEqual([]);
		const other = definition([page('a', freeText('fraga'))], { code: 'annan' });
		expect(familyIssues(questionnaireFrom(other), published)).toEqual([]);
	});
});
