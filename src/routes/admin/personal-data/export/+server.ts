import { error } from '@sveltejs/kit';
import { getDatabase } from '#lib/server/db/instance.ts';
import { exportPersonalData } from '#lib/server/personal-data/export-personal-data.ts';
import { ZPersonEmail } from '#lib/server/personal-data/find-person.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

/** Everything stored about one person as a JSON download (the address comes in the form, not the URL). */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireRole(locals, ['admin']);
	const form = await readForm(request);
	if (!form.ok) error(form.status, { message: 'The form could not be read.' });
	const email = ZPersonEmail.safeParse(Object.fromEntries(form.entries).email ?? '');
	if (!email.success) error(400, { message: 'Give a valid e-mail address.' });
	const { db } = await getDatabase();
	const data = await exportPersonalData(db, { email: email.data, actor: user.email });
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': 'attachment; filename="personuppgifter.json"'
		}
	});
};
