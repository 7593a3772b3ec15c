import { fail } from '@sveltejs/kit';
import { rowProblemText } from '#lib/components/admin/row-problem-text.ts';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { addOrganisation } from '#lib/server/organisations/add-organisation.ts';
import { importOrganisations } from '#lib/server/organisations/import-organisations.ts';
import { listOrganisationTree } from '#lib/server/organisations/list-organisation-tree.ts';
import { moveOrganisation } from '#lib/server/organisations/move-organisation.ts';
import { renameOrganisation } from '#lib/server/organisations/rename-organisation.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { readUpload } from '#lib/server/web/read-upload.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import { formatLimit, UPLOAD_LIMITS } from '#lib/server/web/upload-limits.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ['admin', 'analyst']);
	const { db } = await getDatabase();
	return { canEdit: user.role === 'admin', organisations: await listOrganisationTree(db) };
};

type TField = 'parent' | 'name' | 'code' | 'unit' | 'newName' | 'newParent' | 'file' | '';
const refuse = (section: string, field: TField, message: string, status = 400) =>
	fail(status, { section, errors: [{ field, message }] });

async function fields(request: Request) {
	const form = await readForm(request);
	return form.ok ? (Object.fromEntries(form.entries) as Record<string, string | undefined>) : null;
}

/** A service's refusal (a zod message or an AppError) shown on the field it is about. */
function refusal(section: string, field: TField, e: unknown) {
	if (isAppError(e)) return refuse(section, field, e.message);
	if (e instanceof Error && e.name === 'ZodError') {
		const issue = (e as unknown as { issues: { message: string }[] }).issues[0];
		return refuse(section, field, issue?.message ?? m.error_form_invalid());
	}
	throw e;
}

export const actions: Actions = {
	add: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin']);
		const values = await fields(request);
		if (!values) return refuse('add', '', m.error_form_invalid());
		const { db } = await getDatabase();
		try {
			const unit = await addOrganisation(db, {
				parentId: values.parent ?? '',
				name: values.name ?? '',
				code: values.code ?? '',
				kind: values.kind === 'other' ? 'other' : 'department',
				actor: user.email
			});
			return { section: 'add', done: m.people_org_added({ name: unit.name }) };
		} catch (e) {
			return refusal('add', values.parent ? 'name' : 'parent', e);
		}
	},
	rename: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin']);
		const values = await fields(request);
		if (!values) return refuse('change', '', m.error_form_invalid());
		const { db } = await getDatabase();
		try {
			const unit = await renameOrganisation(db, {
				id: values.unit ?? '',
				name: values.newName ?? '',
				actor: user.email
			});
			return { section: 'change', done: m.people_org_renamed({ name: unit.name }) };
		} catch (e) {
			return refusal('change', values.unit ? 'newName' : 'unit', e);
		}
	},
	move: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin']);
		const values = await fields(request);
		if (!values) return refuse('change', '', m.error_form_invalid());
		const { db } = await getDatabase();
		try {
			const unit = await moveOrganisation(db, {
				id: values.unit ?? '',
				parentId: values.newParent ?? '',
				actor: user.email
			});
			return { section: 'change', done: m.people_org_moved({ name: unit.name }) };
		} catch (e) {
			return refusal('change', values.unit ? 'newParent' : 'unit', e);
		}
	},
	import: async ({ request, locals }) => {
		const user = requireRole(locals, ['admin']);
		const upload = await readUpload(request, 'file', UPLOAD_LIMITS.organisations);
		if (!upload.ok) {
			return upload.reason === 'too-large'
				? refuse(
						'import',
						'file',
						m.people_error_file_too_large({ limit: formatLimit(UPLOAD_LIMITS.organisations) }),
						413
					)
				: refuse('import', 'file', m.error_form_invalid());
		}
		if (!upload.file) return refuse('import', 'file', m.people_error_file_required());
		const { db } = await getDatabase();
		try {
			const result = await importOrganisations(db, {
				bytes: upload.file.bytes,
				fileName: upload.file.name.slice(0, 255),
				actor: user.email
			});
			if (!result.ok) {
				return fail(400, {
					section: 'import',
					refused: true,
					errors: result.problems.map((p) => ({ field: '' as TField, message: rowProblemText(p) }))
				});
			}
			return { section: 'import', done: m.people_org_imported(result) };
		} catch (e) {
			return refusal('import', 'file', e);
		}
	}
};
