import { describe, expect, it } from 'vitest';
import { spreadsheetSafeCell } from './spreadsheet-safe-cell.ts';

describe('spreadsheetSafeCell', () => {
	it('neutralises text that a spreadsheet would run as a formula', () => {
		expect(['=1+1', '+46 70', '-2', '@SUM(A1)', '\tx', '\rx'].map(spreadsheetSafeCell)).toEqual([
			"'=1+1",
			"'+46 70",
			"'-2",
			"'@SUM(A1)",
			"'\tx",
			"'\rx"
		]);
	});

	it('leaves other text, numbers (negative too), booleans and empty cells as they are', () => {
		expect(['Luleå', 'a=b', '', -3.8, 12, true, null].map(spreadsheetSafeCell)).toEqual([
			'Luleå',
			'a=b',
			'',
			-3.8,
			12,
			true,
			null
		]);
	});
});
