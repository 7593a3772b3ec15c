import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { normaliseTitle } from '../../core/participants/normalise-title.ts';
import type { TTx } from '../db/client.ts';
import { participants, waves } from '../db/schema.ts';
import { roleGroupResolver } from '../participants/role-group-resolver.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';

/**
 * Sets again the role group of participants with this (normalised) title in draft and open waves, from the
 * mappings and keywords as they are now. Closed waves keep the groups their results were read with.
 * Returns how many participants changed.
 */
export async function applyTitleRoleGroup(tx: TTx, title: string): Promise<number> {
	const candidates = await tx
		.selectDistinct({
			waveId: participants.waveId,
			versionId: waves.questionnaireVersionId,
			title: participants.title
		})
		.from(participants)
		.innerJoin(waves, eq(waves.id, participants.waveId))
		.where(and(inArray(waves.status, ['draft', 'open']), isNotNull(participants.title)));
	let changed = 0;
	for (const c of candidates) {
		if (!c.title || normaliseTitle(c.title) !== title) continue;
		const roleGroupOf = await roleGroupResolver(tx, await getQuestionnaireVersion(tx, c.versionId));
		const updated = await tx
			.update(participants)
			.set({ roleGroup: roleGroupOf(c.title) })
			.where(and(eq(participants.waveId, c.waveId), eq(participants.title, c.title)))
			.returning({ id: participants.id });
		changed += updated.length;
	}
	return changed;
}
