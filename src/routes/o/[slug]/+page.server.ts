import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { t } from '#lib/core/questionnaire/text.ts';
import { m } from '#lib/paraglide/messages.js';
import { config } from '#lib/server/config.ts';
import { getDatabase } from '#lib/server/db/instance.ts';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { limitOpenStarts } from '#lib/server/responses/limit-open-starts.ts';
import { resolveRespondent } from '#lib/server/responses/resolve-respondent.ts';
import { startOpenResponse } from '#lib/server/responses/start-open-response.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { listWaveOrganisations } from '#lib/server/waves/list-wave-organisations.ts';
import { clientAddress } from '#lib/server/web/client-address.ts';
import { readForm } from '#lib/server/web/read-form.ts';
import { OPEN_START_COOKIE } from '#lib/server/web/require-respondent.ts';
import { retryTime } from '#lib/server/web/retry-time.ts';
import type { Actions, PageServerLoad } from './$types';

const cookieName = (slug: string) => `resume_${slug}`;

async function openWave(slug: string) {
	const { db } = await getDatabase();
	const wave = await findWaveBySlug(db, slug);
	if (wave?.mode !== 'open') error(404, { message: m.not_found_title() });
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	return { db, wave, questionnaire };
}

export const load: PageServerLoad = async ({ params, cookies, locals }) => {
	const { db, wave, questionnaire } = await openWave(params.slug);
	const lang = locals.lang;
	const base = { title: t(questionnaire.title, lang), waveName: wave.name };
	if (wave.status !== 'open')
		return { ...base, state: wave.status === 'closed' ? 'closed' : 'not-open' } as const;
	// A respondent who started in this browser is offered to continue.
	const saved = cookies.get(cookieName(params.slug));
	const previous = saved ? await resolveRespondent(db, saved) : null;
	// Only an open-link response is offered here; an invited participant's link is never taken as one.
	const resumeHref =
		previous?.mode === 'open' && previous.wave.id === wave.id && previous.response?.status === 'partial'
			? `/s/${saved}`
			: null;
	const background = questionnaire.sections
		.flatMap((s) => s.questions)
		.filter((q) => q.type === 'background');
	const label = (field: 'organisation' | 'role', fallback: string) => {
		const q = background.find((x) => x.type === 'background' && x.field === field);
		return q ? t(q.text, lang) : fallback;
	};
	return {
		...base,
		state: 'ready',
		description: questionnaire.description ? t(questionnaire.description, lang) : null,
		resumeHref,
		organisationLabel: label('organisation', m.open_organisation_label()),
		roleLabel: label('role', m.open_role_group_label()),
		organisations: await listWaveOrganisations(db, wave.ownerOrganisationId),
		roleGroups: questionnaire.roleGroups.map((g) => ({ code: g.code, label: t(g.label, lang) }))
	} as const;
};

// The link token is made by the server when the form is posted; nothing the client sends chooses it.
const ZStartForm = z.object({
	organisation: z.string().uuid({ message: 'organisation' }),
	role_group: z.string().min(1, { message: 'role_group' }),
	title: z.string().trim().max(200, { message: 'title' }).default('')
});

export const actions: Actions = {
	default: async (event) => {
		const { params, request, cookies, locals, url } = event;
		const { db, wave, questionnaire } = await openWave(params.slug);
		const form = await readForm(request);
		if (!form.ok)
			return fail(form.status, { errors: [{ field: '', message: m.error_form_invalid() }], values: {} });
		const values = Object.fromEntries(form.entries);
		const parsed = ZStartForm.safeParse(values);
		const roleGroups = new Set(questionnaire.roleGroups.map((g) => g.code));
		const errors: { field: string; message: string }[] = [];
		if (!parsed.success || !values.organisation) {
			for (const issue of parsed.error?.issues ?? []) {
				const field = String(issue.path[0] ?? '');
				if (field === 'organisation') errors.push({ field, message: m.error_choose_organisation() });
				if (field === 'role_group') errors.push({ field, message: m.error_choose_role_group() });
				if (field === 'title') errors.push({ field, message: m.error_title_too_long() });
			}
		}
		if (parsed.success && !roleGroups.has(parsed.data.role_group)) {
			errors.push({ field: 'role_group', message: m.error_choose_role_group() });
		}
		if (errors.length > 0 || !parsed.success) return fail(400, { errors, values });
		const settings = config();
		const limited = await limitOpenStarts(db, {
			address: clientAddress(event),
			limit: settings.OPEN_START_LIMIT,
			windowMinutes: settings.OPEN_START_WINDOW_MINUTES
		});
		if (!limited.allowed) error(429, { message: m.open_start_limited(retryTime(limited.retryAt)) });
		const { token, pass } = await startOpenResponse(db, {
			waveSlug: wave.slug,
			organisationId: parsed.data.organisation,
			roleGroup: parsed.data.role_group,
			role: parsed.data.title || undefined,
			lang: locals.lang
		});
		const cookie = { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' } as const;
		// Until the first page is saved the start lives only in this cookie, sent to this link's pages.
		cookies.set(OPEN_START_COOKIE, pass, { ...cookie, path: `/s/${token}`, maxAge: 60 * 60 * 24 * 7 });
		cookies.set(cookieName(params.slug), token, { ...cookie, path: '/', maxAge: 60 * 60 * 24 * 90 });
		redirect(303, `/s/${token}`);
	}
};
