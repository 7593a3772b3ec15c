/** Where a participant is in the fieldwork, as shown to administrators and analysts. */
export type TParticipantStatus =
	| 'added'
	| 'invited'
	| 'reminded'
	| 'started'
	| 'completed'
	| 'opted_out'
	| 'bounced';

export interface TParticipantProgress {
	invitedAt: Date | string | null;
	remindedAt: Date | string | null;
	optedOutAt: Date | string | null;
	bouncedAt: Date | string | null;
	hasCompleted: boolean;
	/** The linked response's status (none in anonymous waves, or before the link was opened). */
	responseStatus: 'partial' | 'complete' | null;
}

/**
 * The one status that says most: opting out and a bounced address stop all mail, so they come first; then
 * how far the person got; then what was sent.
 */
export function participantStatus(p: TParticipantProgress): TParticipantStatus {
	if (p.optedOutAt) return 'opted_out';
	if (p.bouncedAt) return 'bounced';
	if (p.hasCompleted || p.responseStatus === 'complete') return 'completed';
	if (p.responseStatus === 'partial') return 'started';
	if (p.remindedAt) return 'reminded';
	if (p.invitedAt) return 'invited';
	return 'added';
}
