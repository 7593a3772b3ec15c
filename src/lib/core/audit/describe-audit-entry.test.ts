import { describe, expect, it } from 'vitest';
import { describeAuditAction, describeAuditEntry, KNOWN_AUDIT_ACTIONS } from './describe-audit-entry.ts';

const entry = (action: string, details: unknown = null) => ({
	actor: 'ada@example.se',
	actorName: 'Ada Admin',
	action,
	subject: 'mognad-2026',
	details
});

describe('an audit entry in words', () => {
	it('names the person and the object, with the report version', () => {
		expect(describeAuditEntry(entry('report.publish', { version: 1, revision: 4 }), 'sv')).toBe(
			'Ada Admin publicerade rapporten för mognad-2026, version 1'
		);
		expect(describeAuditEntry(entry('report.publish', { version: 1 }), 'en')).toBe(
			'Ada Admin published the report of mognad-2026, version 1'
		);
	});

	it('falls back to the stored actor when there is no name', () => {
		expect(describeAuditEntry({ ...entry('wave.open'), actorName: null }, 'sv')).toBe(
			'ada@example.se öppnade mätomgången mognad-2026'
		);
	});

	it('names the fields a wave edit changed', () => {
		expect(describeAuditEntry(entry('wave.update', { deadline: { from: 'a', to: 'b' } }), 'en')).toBe(
			'Ada Admin edited the wave mognad-2026, changed: deadline'
		);
	});

	it('has a sentence for every known action code in both languages, never the raw code or JSON', () => {
		for (const action of KNOWN_AUDIT_ACTIONS) {
			for (const lang of ['sv', 'en'] as const) {
				const text = describeAuditEntry(entry(action, { secret: 'x' }), lang);
				expect(text, action).toContain('Ada Admin');
				expect(text, action).not.toContain(action);
				expect(text, action).not.toContain('{');
			}
		}
	});

	it('gives an unknown code a readable generic sentence', () => {
		expect(describeAuditEntry(entry('thing.frobnicate', { a: 1 }), 'sv')).toBe(
			'Ada Admin gjorde ”thing.frobnicate” på mognad-2026'
		);
		expect(describeAuditEntry({ ...entry('thing.frobnicate'), subject: null }, 'en')).toBe(
			'Ada Admin did “thing.frobnicate”'
		);
	});
});

describe("an action in the log's filter", () => {
	it('says what was done, with its code', () => {
		expect(describeAuditAction('wave.open', 'sv')).toBe('öppnade mätomgången … (wave.open)');
		expect(describeAuditAction('report.publish', 'en')).toMatch(
			/^published the report.* \(report\.publish\)$/
		);
		expect(describeAuditAction('something.new', 'sv')).toBe('something.new');
	});
});
