import { describe, expect, it } from 'vitest';
import { readRelevance } from './lss-condition.ts';

describe('reading a relevance equation', () => {
	it('reads no condition from 1 or nothing', () => {
		expect(readRelevance('1')).toBeNull();
		expect(readRelevance('  ')).toBeNull();
	});

	it('reads the simple forms of one question equal to some values', () => {
		expect(readRelevance('Q1 == "A1"')).toEqual({ ref: 'Q1', values: ['A1'] });
		expect(readRelevance('((Q481.NAOK == "F"))')).toEqual({ ref: 'Q481', values: ['F'] });
		expect(readRelevance('Q1.NAOK == "A1" or Q1.NAOK == "A2"')).toEqual({ ref: 'Q1', values: ['A1', 'A2'] });
		expect(readRelevance("((Q1 == 'A1')) || ((Q1 == 'A2'))")).toEqual({ ref: 'Q1', values: ['A1', 'A2'] });
		expect(readRelevance('"Y" == Q2_SQ001 OR Q2_SQ001 == "Y"')).toEqual({
			ref: 'Q2_SQ001',
			values: ['Y', 'Y']
		});
		expect(readRelevance('Q3 == 2')).toEqual({ ref: 'Q3', values: ['2'] });
	});

	it('does not read anything else', () => {
		for (const expression of [
			'Q1 == "A1" and Q2 == "A2"',
			'Q1 != "A1"',
			'Q1 == "A1" or Q2 == "A1"',
			'OLD_CODE1.shown>2',
			'Q1.shown == "A1"',
			'is_empty(Q1)',
			'!is_empty(Q1)',
			'Q1 == "A1" or',
			'((Q1 == "A1")',
			'Q1 == Q2',
			'Q1 == "A1"; alert(1)'
		])
			expect(readRelevance(expression), expression).toBeUndefined();
	});
});
