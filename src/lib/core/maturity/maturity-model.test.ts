import { describe, expect, it } from 'vitest';
import { builtInTemplate, definition, page, questionnaireFrom, yesNo } from '../testing/questionnaires.ts';
import { maturityModel } from './maturity-model.ts';

describe('maturityModel', () => {
	it("reads the template's seven dimensions, their items and levels from its data", () => {
		const model = maturityModel(builtInTemplate());
		expect(model.dimensions.map((d) => [d.code, d.weight, d.items])).toEqual([
			['strategi', 1, ['ledning_delar', 'vision']],
			['medborgarfokus', 1, ['medborgarbild']],
			['ledning', 1, ['beslutskapacitet']],
			['digitalt_arv', 1, ['it_arv']],
			['omvarld', 1, ['omvarld']],
			['kultur', 1, ['kultur']],
			['kompetens', 1, ['kompetens']]
		]);
		expect(model.levels.map((l) => [l.code, l.min, l.max])).toEqual([
			['lag', 0, 33],
			['medel', 34, 66],
			['hog', 67, 100]
		]);
	});

	it('takes digitalt_arv as the legacy dimension because all its items are reversed', () => {
		const model = maturityModel(builtInTemplate());
		expect(model.dimensions.filter((d) => d.legacy).map((d) => d.code)).toEqual(['digitalt_arv']);
	});

	it('does not call a dimension legacy when only some of its items are reversed', () => {
		const model = maturityModel(
			questionnaireFrom(
				definition(
					[page('p', yesNo('a', { dimension: 'd' }), yesNo('b', { dimension: 'd', reversed: true }))],
					{
						dimensions: [{ code: 'd', label: { sv: 'D' } }]
					}
				)
			)
		);
		expect(model.dimensions.map((d) => [d.code, d.legacy])).toEqual([['d', false]]);
	});

	it('leaves out a dimension that no question measures', () => {
		const model = maturityModel(
			questionnaireFrom(
				definition([page('p', yesNo('a', { dimension: 'med' }))], {
					dimensions: [
						{ code: 'utan', label: { sv: 'Utan frågor' } },
						{ code: 'med', label: { sv: 'Med frågor' }, weight: 2 }
					]
				})
			)
		);
		expect(model.dimensions.map((d) => [d.code, d.weight])).toEqual([['med', 2]]);
		expect(model.items.map((q) => q.code)).toEqual(['a']);
	});
});
