/** The settings of a wave that the edit page shows. */
export const WAVE_EDIT_FIELDS = ['name', 'period', 'deadline', 'minGroupSize', 'senderName'] as const;
export type TWaveEditField = (typeof WAVE_EDIT_FIELDS)[number];
export type TWaveStatus = 'draft' | 'open' | 'closed';

/** Why a field may not change: shown beside the locked field. */
export type TLockReason =
	/** Invitations already name the wave and its period; respondents must recognise it. */
	| 'sent'
	/** Figures already shown and the promise made to respondents rest on the smallest group size. */
	| 'figures'
	/** A closed wave is a record; reopen it first to extend the deadline. */
	| 'closed';

/**
 * What may change in each status: everything in a draft; once open only what helps the fieldwork
 * (a later deadline, the sender of reminders); nothing once closed. `null` means editable.
 */
export function waveEditRules(status: TWaveStatus): Record<TWaveEditField, TLockReason | null> {
	if (status === 'draft') {
		return { name: null, period: null, deadline: null, minGroupSize: null, senderName: null };
	}
	if (status === 'open') {
		return { name: 'sent', period: 'sent', deadline: null, minGroupSize: 'figures', senderName: null };
	}
	return {
		name: 'closed',
		period: 'closed',
		deadline: 'closed',
		minGroupSize: 'closed',
		senderName: 'closed'
	};
}

/**
 * An open wave's deadline may only move later (or be set): respondents were told a day, and a shorter
 * time would break that promise. Dates are YYYY-MM-DD, so they compare as strings.
 */
export function isDeadlineChangeAllowed(status: TWaveStatus, current: string | null, next: string | null) {
	if (status === 'draft') return true;
	if (status === 'closed') return current === next;
	if (current === next) return true;
	if (next === null) return false;
	return current === null || next > current;
}
