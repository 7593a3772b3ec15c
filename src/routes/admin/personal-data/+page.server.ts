import { fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { getDatabase } from '#lib/server/db/instance.ts';
import { erasePerson } from '#lib/server/personal-data/erase-person.ts';
import { findPerson, ZPersonEmail } from '#lib/server/personal-data/find-person.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireRole(locals, ['admin']);
	return {};
};

// The address travels in POST bodies only, never in a URL (where it would end up in logs and history).
async function readEmail(request: Request) {
	const form = await readForm(request);
	if (!form.ok) return { error: m.error_form_invalid() } as const;
	const fields = Object.fromEntries(form.entries);
	const email = ZPersonEmail.safeParse(fields.email ?? '');
	if (!email.success) return { error: m.dashboard_error_email(), raw: fields.email ?? '' } as const;
	return { email: email.data, fields } as const;
}

async function found(email: string) {
	const { db } = await getDatabase();
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
	find: async ({ locals, request }) => {
		requireRole(locals, ['admin']);
		const read = await readEmail(request);
		if ('error' in read) return fail(400, { email: read.raw ?? '', error: read.error });
		return { email: read.email, found: await found(read.email) };
	},
	erase: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		const read = await readEmail(request);
		if ('error' in read) return fail(400, { email: read.raw ?? '', error: read.error });
		const eraseAnswers = read.fields.eraseAnswers === 'on';
		// First post: show what will be erased and ask again; only the confirming post erases.
		if (read.fields.confirmed !== 'yes') {
			return { email: read.email, found: await found(read.email), confirm: { eraseAnswers } };
		}
		const { db } = await getDatabase();
		const erased = await erasePerson(db, { email: read.email, eraseAnswers, actor: user.email });
		return { email: '', erased: { ...erased, eraseAnswers } };
	}
};
