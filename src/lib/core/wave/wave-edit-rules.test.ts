import { describe, expect, it } from 'vitest';
import { isDeadlineChangeAllowed, waveEditRules } from './wave-edit-rules.ts';

describe('what may change in a wave', () => {
	it('lets everything change in a draft', () => {
		expect(Object.values(waveEditRules('draft')).every((r) => r === null)).toBe(true);
	});

	it('lets an open wave change only its deadline and sender, with reasons for the rest', () => {
		expect(waveEditRules('open')).toEqual({
			name: 'sent',
			period: 'sent',
			deadline: null,
			minGroupSize: 'figures',
			senderName: null
		});
	});

	it('locks everything in a closed wave', () => {
		expect(Object.values(waveEditRules('closed')).every((r) => r === 'closed')).toBe(true);
	});

	it('lets an open wave only extend its deadline', () => {
		expect(isDeadlineChangeAllowed('open', '2026-05-31', '2026-06-15')).toBe(true);
		expect(isDeadlineChangeAllowed('open', null, '2026-06-15')).toBe(true);
		expect(isDeadlineChangeAllowed('open', '2026-05-31', '2026-05-31')).toBe(true);
		expect(isDeadlineChangeAllowed('open', '2026-05-31', '2026-05-01')).toBe(false);
		expect(isDeadlineChangeAllowed('open', '2026-05-31', null)).toBe(false);
		expect(isDeadlineChangeAllowed('draft', '2026-05-31', null)).toBe(true);
	});
});
