import { z } from 'zod';
import { ADMINS } from '#lib/core/roles/role-sets.ts';
import type { TDb } from '#lib/server/db/client.ts';
import { erasePerson } from '#lib/server/personal-data/erase-person.ts';
import { findPerson } from '#lib/server/personal-data/find-person.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { personEmail } from '#lib/server/web/person-fields.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: ADMINS }, () => ({}));

// The address travels in POST bodies only, never in a URL (where it would end up in logs and history).
const ZPersonForm = () =>
	z.object({
		email: personEmail(),
		eraseAnswers: z.string().optional(),
		confirmed: z.string().optional()
	});

async function found(db: TDb, email: string) {
	return (await findPerson(db, email)).map((p) => ({
		id: p.id,
		name: p.name,
		title: p.title,
		wave: p.wave.name,
		anonymous: p.wave.anonymous,
		organisation: p.organisation?.name ?? null,
		invitedAt: p.invitedAt?.toISOString().slice(0, 10) ?? null,
		hasCompleted: p.hasCompleted,
		responseStatus: p.responseStatus
	}));
}

export const actions: Actions = {
	find: formAction({ roles: ADMINS, schema: ZPersonForm }, async ({ db, input }) => ({
		email: input.email,
		found: await found(db, input.email)
	})),
	erase: formAction({ roles: ADMINS, schema: ZPersonForm }, async ({ user, db, input }) => {
		const eraseAnswers = input.eraseAnswers === 'on';
		// First post: show what will be erased and ask again; only the confirming post erases.
		if (input.confirmed !== 'yes') {
			return { email: input.email, found: await found(db, input.email), confirm: { eraseAnswers } };
		}
		const erased = await erasePerson(db, { email: input.email, eraseAnswers, actor: user.email });
		return { email: '', erased: { ...erased, eraseAnswers } };
	})
};
