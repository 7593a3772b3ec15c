import { error, fail } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { isAppError } from '#lib/server/app-error.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { listRoleGroups } from '#lib/server/title-mappings/list-role-groups.ts';
import { listTitleMappings } from '#lib/server/title-mappings/list-title-mappings.ts';
import { listWaveTitles } from '#lib/server/title-mappings/list-wave-titles.ts';
import { removeTitleMapping } from '#lib/server/title-mappings/remove-title-mapping.ts';
import { setTitleMapping } from '#lib/server/title-mappings/set-title-mapping.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { Actions, PageServerLoad } from './$types';

const ROLES = ['admin', 'analyst'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, ROLES);
	const { db } = await getDatabase();
	const lang = locals.lang === 'en' ? 'en' : 'sv';
	const [waves, mappings, groups] = await Promise.all([
		listWaves(db),
		listTitleMappings(db),
		listRoleGroups(db)
	]);
	const slug = url.searchParams.get('wave') ?? waves[0]?.slug ?? '';
	const wave = waves.find((w) => w.slug === slug);
	if (slug && !wave) error(404, { message: m.not_found_title() });
	return {
		waves: waves.map((w) => ({ slug: w.slug, name: w.name })),
		wave: wave ? { slug: wave.slug, name: wave.name } : null,
		titles: wave ? await listWaveTitles(db, wave.slug) : [],
		mappings: mappings.map((t) => ({ title: t.title, roleGroup: t.roleGroup })),
		roleGroups: groups.map((g) => ({ code: g.code, label: g.label[lang] ?? g.label.sv }))
	};
};

async function fields(request: Request) {
	const form = await readForm(request);
	return form.ok ? (Object.fromEntries(form.entries) as Record<string, string | undefined>) : null;
}
const refuse = (message: string) => fail(400, { errors: [{ field: '', message }] });

export const actions: Actions = {
	set: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const values = await fields(request);
		if (!values?.title || !values.roleGroup) return refuse(m.error_form_invalid());
		const { db } = await getDatabase();
		try {
			const result = await setTitleMapping(db, {
				title: values.title,
				roleGroup: values.roleGroup,
				actor: user.email
			});
			return { done: m.people_tm_saved({ title: result.title, count: result.participants }) };
		} catch (e) {
			if (isAppError(e)) return refuse(e.message);
			throw e;
		}
	},
	remove: async ({ request, locals }) => {
		const user = requireRole(locals, ROLES);
		const values = await fields(request);
		if (!values?.title) return refuse(m.error_form_invalid());
		const { db } = await getDatabase();
		const result = await removeTitleMapping(db, { title: values.title, actor: user.email });
		return { done: m.people_tm_removed({ title: result.title, count: result.participants }) };
	}
};
