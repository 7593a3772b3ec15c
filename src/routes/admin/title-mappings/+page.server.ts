import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { listRoleGroups } from '#lib/server/title-mappings/list-role-groups.ts';
import { listTitleMappings } from '#lib/server/title-mappings/list-title-mappings.ts';
import { listWaveTitles } from '#lib/server/title-mappings/list-wave-titles.ts';
import { removeTitleMapping } from '#lib/server/title-mappings/remove-title-mapping.ts';
import { setTitleMapping } from '#lib/server/title-mappings/set-title-mapping.ts';
import { listWaves } from '#lib/server/waves/list-waves.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const [waves, mappings, groups] = await Promise.all([
		listWaves(db),
		listTitleMappings(db),
		listRoleGroups(db)
	]);
	const slug = event.url.searchParams.get('wave') ?? waves[0]?.slug ?? '';
	const wave = waves.find((w) => w.slug === slug);
	if (slug && !wave) error(404, { message: m.not_found_title() });
	return {
		waves: waves.map((w) => ({ slug: w.slug, name: w.name })),
		wave: wave ? { slug: wave.slug, name: wave.name } : null,
		titles: wave ? await listWaveTitles(db, wave.slug) : [],
		mappings: mappings.map((t) => ({ title: t.title, roleGroup: t.roleGroup })),
		roleGroups: groups.map((g) => ({ code: g.code, label: g.label[lang] ?? g.label.sv }))
	};
});

const ZSetForm = () =>
	z.object({
		title: z.string(m.error_form_invalid()).min(1, m.error_form_invalid()),
		roleGroup: z.string(m.error_form_invalid()).min(1, m.error_form_invalid())
	});
const ZRemoveForm = () =>
	z.object({ title: z.string(m.error_form_invalid()).min(1, m.error_form_invalid()) });

// A service's refusal (an unknown role group) is shown above the form; its status stays 400.
const above = () => ({ field: '', status: 400 });

export const actions: Actions = {
	set: formAction({ roles: MANAGERS, schema: ZSetForm, refusal: above }, async ({ user, db, input }) => {
		const result = await setTitleMapping(db, { ...input, actor: user.email });
		return { done: m.people_tm_saved({ title: result.title, count: result.participants }) };
	}),
	remove: formAction({ roles: MANAGERS, schema: ZRemoveForm }, async ({ user, db, input }) => {
		const result = await removeTitleMapping(db, { title: input.title, actor: user.email });
		return { done: m.people_tm_removed({ title: result.title, count: result.participants }) };
	})
};
