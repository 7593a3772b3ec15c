import { fail, type RequestEvent } from '@sveltejs/kit';
import { rowProblemText } from '#lib/components/admin/row-problem-text.ts';
import { ADMINS, MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { addOrganisation } from '#lib/server/organisations/add-organisation.ts';
import { importOrganisations } from '#lib/server/organisations/import-organisations.ts';
import { listOrganisationTree } from '#lib/server/organisations/list-organisation-tree.ts';
import { moveOrganisation } from '#lib/server/organisations/move-organisation.ts';
import { renameOrganisation } from '#lib/server/organisations/rename-organisation.ts';
import { formAction, type TFormActionContext } from '#lib/server/web/form-action.ts';
import type { TFormFields } from '#lib/server/web/form-input.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ user, db }) => ({
	canEdit: user.role === 'admin',
	organisations: await listOrganisationTree(db)
}));

/**
 * The tree's changes are for administrators. A service's refusal (an AppError, or a zod message from its
 * input schema) is shown, with status 400, on the field it is about: `field` picks it from the form.
 */
function treeAction<T>(
	section: 'add' | 'change' | 'import',
	field: (form: TFormFields) => string,
	run: (context: TFormActionContext<typeof ADMINS, Record<string, string>, RequestEvent>) => Promise<T>,
	body: 'form' | 'none' = 'form'
) {
	return formAction(
		{
			roles: ADMINS,
			body,
			context: { section },
			refusal: (_e, { form }) => ({ field: field(form), status: 400 })
		},
		async (context) => {
			try {
				return await run(context);
			} catch (e) {
				// The services validate their input with zod; its first message is the one to show.
				if (!(e instanceof Error && e.name === 'ZodError')) throw e;
				const message =
					(e as unknown as { issues: { message: string }[] }).issues[0]?.message ?? m.error_form_invalid();
				return fail(400, { section, error: message, errors: [{ field: field(context.form), message }] });
			}
		}
	);
}

export const actions: Actions = {
	add: treeAction(
		'add',
		(form) => (form.one('parent') ? 'name' : 'parent'),
		async ({ user, db, form }) => {
			const unit = await addOrganisation(db, {
				parentId: form.one('parent'),
				name: form.one('name'),
				code: form.one('code'),
				kind: form.one('kind') === 'other' ? 'other' : 'department',
				actor: user.email
			});
			return { section: 'add', done: m.people_org_added({ name: unit.name }) };
		}
	),
	rename: treeAction(
		'change',
		(form) => (form.one('unit') ? 'newName' : 'unit'),
		async ({ user, db, form }) => {
			const unit = await renameOrganisation(db, {
				id: form.one('unit'),
				name: form.one('newName'),
				actor: user.email
			});
			return { section: 'change', done: m.people_org_renamed({ name: unit.name }) };
		}
	),
	move: treeAction(
		'change',
		(form) => (form.one('unit') ? 'newParent' : 'unit'),
		async ({ user, db, form }) => {
			const unit = await moveOrganisation(db, {
				id: form.one('unit'),
				parentId: form.one('newParent'),
				actor: user.email
			});
			return { section: 'change', done: m.people_org_moved({ name: unit.name }) };
		}
	),
	import: treeAction(
		'import',
		() => 'file',
		async ({ user, db, event }) => {
			const upload = await readUpload(event.request, 'file', UPLOAD_LIMITS.organisations);
			const refuse = (message: string, status = 400) =>
				fail(status, { section: 'import', error: message, errors: [{ field: 'file', message }] });
			if (!upload.ok) {
				return upload.reason === 'too-large'
					? refuse(m.people_error_file_too_large({ limit: formatLimit(UPLOAD_LIMITS.organisations) }), 413)
					: refuse(m.error_form_invalid());
			}
			if (!upload.file) return refuse(m.people_error_file_required());
			const result = await importOrganisations(db, {
				bytes: upload.file.bytes,
				fileName: upload.file.name.slice(0, 255),
				actor: user.email
			});
			if (!result.ok) {
				return fail(400, {
					section: 'import',
					refused: true,
					errors: result.problems.map((p) => ({ field: '', message: rowProblemText(p) }))
				});
			}
			return { section: 'import', done: m.people_org_imported(result) };
		},
		'none'
	)
};
