import { error } from '@sveltejs/kit';
import { optOutParticipant } from '#lib/server/mail/opt-out-participant.ts';
import type { TRespondent } from '#lib/server/responses/resolve-respondent.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { requireRespondent } from '#lib/server/web/require-respondent.ts';
import type { Actions, PageServerLoad } from './$types';

// Only invited participants get e-mail; an open link's resume token has nothing to unsubscribe from.
async function requireParticipant(token: string, lang: 'sv' | 'en') {
	const r: TRespondent = await requireRespondent(token, lang);
	if (!r.participant) error(404, { message: lang === 'en' ? 'Not found' : 'Sidan finns inte' });
	return { respondent: r, participant: r.participant };
}

export const load: PageServerLoad = pageLoad({ roles: 'public' }, async ({ lang, event }) => {
	const { respondent, participant } = await requireParticipant(event.params.token, lang);
	return { waveName: respondent.wave.name, optedOut: participant.optedOutAt !== null };
});

export const actions: Actions = {
	default: formAction(
		{
			roles: 'public',
			body: 'none',
			guard: ({ lang, event }) => requireParticipant(event.params.token ?? '', lang)
		},
		async ({ db, found: { participant } }) => {
			await optOutParticipant(db, participant.id);
			return { done: true };
		}
	)
};
