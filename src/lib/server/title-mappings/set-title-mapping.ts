import { z } from 'zod';
import { normaliseTitle } from '../../core/participants/normalise-title.ts';
import { AppError } from '../app-error.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { TDb } from '../db/client.ts';
import { titleMappings } from '../db/schema.ts';
import { applyTitleRoleGroup } from './apply-title-role-group.ts';
import { listRoleGroups } from './list-role-groups.ts';

export const ZSetTitleMapping = z.object({
	title: z.string().trim().min(1).max(200).transform(normaliseTitle),
	roleGroup: z.string().min(1).max(100),
	actor: z.string().min(1)
});
export type SetTitleMappingOptions = z.input<typeof ZSetTitleMapping>;

/**
 * Maps a title to a role group (wins over the questionnaire's keywords) and updates the participants with
 * that title in draft and open waves. Returns how many participants changed.
 */
export async function setTitleMapping(db: TDb, options: SetTitleMappingOptions) {
	const input = ZSetTitleMapping.parse(options);
	return db.transaction(async (tx) => {
		const groups = await listRoleGroups(tx);
		if (!groups.some((g) => g.code === input.roleGroup)) {
			throw new AppError('INVALID_INPUT', `No questionnaire has the role group "${input.roleGroup}"`);
		}
		await tx
			.insert(titleMappings)
			.values({ title: input.title, roleGroup: input.roleGroup })
			.onConflictDoUpdate({
				target: titleMappings.title,
				set: { roleGroup: input.roleGroup, updatedAt: new Date() }
			});
		const participants = await applyTitleRoleGroup(tx, input.title);
		await recordAudit(tx, {
			actor: input.actor,
			action: 'title-mapping.set',
			subject: `title:${input.title}`,
			details: { roleGroup: input.roleGroup, participants }
		});
		return { title: input.title, roleGroup: input.roleGroup, participants };
	});
}
