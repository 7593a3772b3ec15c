import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { t, textLanguage } from '#lib/core/questionnaire/text.ts';
import { m } from '#lib/paraglide/messages.js';
import { config } from '#lib/server/config.ts';
import type { TDb } from '#lib/server/db/client.ts';
import { getQuestionnaireVersion } from '#lib/server/questionnaires/get-questionnaire-version.ts';
import { limitOpenStarts } from '#lib/server/responses/limit-open-starts.ts';
import { resolveRespondent } from '#lib/server/responses/resolve-respondent.ts';
import { startOpenResponse } from '#lib/server/responses/start-open-response.ts';
import { findWaveBySlug } from '#lib/server/waves/find-wave-by-slug.ts';
import { listWaveOrganisations } from '#lib/server/waves/list-wave-organisations.ts';
import { clientAddress } from '#lib/server/web/client-address.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { languageChoices, questionnaireLang } from '#lib/server/web/questionnaire-lang.ts';
import { OPEN_START_COOKIE } from '#lib/server/web/require-respondent.ts';
import { retryTime } from '#lib/server/web/retry-time.ts';
import type { Actions, PageServerLoad } from './$types';

const cookieName = (slug: string) => `resume_${slug}`;

async function openWave(db: TDb, slug: string) {
	const wave = await findWaveBySlug(db, slug);
	if (wave?.mode !== 'open') error(404, { message: m.not_found_title() });
	const questionnaire = await getQuestionnaireVersion(db, wave.questionnaireVersionId);
	return { wave, questionnaire };
}

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ db, lang, event }) => {
	const { params, cookies } = event;
	const { wave, questionnaire } = await openWave(db, params.slug);
	const textLang = questionnaireLang(event.locals, questionnaire);
	const base = {
		title: t(questionnaire.title, textLang),
		waveName: wave.name,
		titleLang:
			textLanguage(questionnaire.title, textLang) === lang
				? undefined
				: textLanguage(questionnaire.title, textLang),
		languages: languageChoices(questionnaire, textLang)
	};
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
		return q ? t(q.text, textLang) : fallback;
	};
	return {
		...base,
		state: 'ready',
		description: questionnaire.description ? t(questionnaire.description, textLang) : null,
		descriptionLang:
			questionnaire.description && textLanguage(questionnaire.description, textLang) !== lang
				? textLanguage(questionnaire.description, textLang)
				: undefined,
		resumeHref,
		organisationLabel: label('organisation', m.open_organisation_label()),
		roleLabel: label('role', m.open_role_group_label()),
		organisations: await listWaveOrganisations(db, wave.ownerOrganisationId),
		roleGroups: questionnaire.roleGroups.map((g) => ({ code: g.code, label: t(g.label, textLang) }))
	} as const;
});

// The link token is made by the server when the form is posted; nothing the client sends chooses it.
// The role group must be one of the wave's questionnaire: checked against it once the wave is known.
const ZStartForm = () =>
	z
		.object({
			organisation: z.uuid(m.error_choose_organisation()),
			role_group: z.string().max(100).default(''),
			// Sent by the page when the questionnaire has no role groups (checked again below).
			_roles: z.string().max(10).optional(),
			title: z.string().trim().max(200, m.error_title_too_long()).default('')
		})
		.superRefine((form, ctx) => {
			if (form._roles !== 'none' && !form.role_group)
				ctx.addIssue({ code: 'custom', path: ['role_group'], message: m.error_choose_role_group() });
		});

export const actions: Actions = {
	default: formAction(
		{
			roles: 'public',
			schema: ZStartForm,
			guard: ({ db, event }) => openWave(db, event.params.slug ?? '')
		},
		async ({ db, lang, input, form, found: { wave, questionnaire }, event }) => {
			const { params, cookies, url } = event;
			const groups = questionnaire.roleGroups;
			if (groups.length > 0 && !groups.some((g) => g.code === input.role_group)) {
				const message = m.error_choose_role_group();
				return fail(400, {
					error: message,
					errors: [{ field: 'role_group', message }],
					values: Object.fromEntries(form.entries)
				});
			}
			const settings = config();
			const limited = await limitOpenStarts(db, {
				address: clientAddress(event),
				limit: settings.OPEN_START_LIMIT,
				windowMinutes: settings.OPEN_START_WINDOW_MINUTES
			});
			if (!limited.allowed) error(429, { message: m.open_start_limited(retryTime(limited.retryAt)) });
			const { token, pass } = await startOpenResponse(db, {
				waveSlug: wave.slug,
				organisationId: input.organisation,
				roleGroup: groups.length > 0 ? input.role_group : null,
				role: input.title || undefined,
				lang
			});
			const cookie = { httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' } as const;
			// Until the first page is saved the start lives only in this cookie, sent to this link's pages.
			cookies.set(OPEN_START_COOKIE, pass, { ...cookie, path: `/s/${token}`, maxAge: 60 * 60 * 24 * 7 });
			cookies.set(cookieName(params.slug ?? ''), token, { ...cookie, path: '/', maxAge: 60 * 60 * 24 * 90 });
			redirect(303, `/s/${token}`);
		}
	)
};
