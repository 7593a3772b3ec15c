import { describe, expect, it } from 'vitest';
import { participantStatus, type TParticipantProgress } from './participant-status.ts';

const none: TParticipantProgress = {
	invitedAt: null,
	remindedAt: null,
	optedOutAt: null,
	bouncedAt: null,
	hasCompleted: false,
	responseStatus: null
};
const at = '2024-03-01T10:00:00Z';

describe('participantStatus', () => {
	it.each([
		[{}, 'added'],
		[{ invitedAt: at }, 'invited'],
		[{ invitedAt: at, remindedAt: at }, 'reminded'],
		[{ invitedAt: at, remindedAt: at, responseStatus: 'partial' }, 'started'],
		[{ invitedAt: at, responseStatus: 'complete' }, 'completed'],
		// Anonymous waves keep only the flag.
		[{ invitedAt: at, hasCompleted: true }, 'completed'],
		[{ invitedAt: at, responseStatus: 'partial', bouncedAt: at }, 'bounced'],
		[{ invitedAt: at, hasCompleted: true, optedOutAt: at, bouncedAt: at }, 'opted_out']
	] as const)('%j is %s', (progress, status) => {
		expect(participantStatus({ ...none, ...progress })).toBe(status);
	});
});
