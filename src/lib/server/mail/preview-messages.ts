import { asc, eq } from 'drizzle-orm';
import { renderMessage, type TMailLang, type TRenderedMessage } from '../../core/mail/render-message.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { participants } from '../db/schema.ts';
import { findWaveBySlug } from '../waves/find-wave-by-slug.ts';

export interface TMailPreview {
	invitation: TRenderedMessage;
	reminder: TRenderedMessage;
}

/**
 * The invitation and the reminder as the wave's first participant with an address would get them, with
 * a placeholder for the personal link: nothing is queued and no link is minted. Null without participants.
 */
export async function previewMessages(
	db: TDb,
	options: { waveSlug: string; origin: string; lang?: TMailLang }
): Promise<TMailPreview | null> {
	const wave = await findWaveBySlug(db, options.waveSlug);
	if (!wave) throw new AppError('NOT_FOUND', `No wave with the slug "${options.waveSlug}"`);
	const lang = options.lang ?? 'sv';
	const [first] = await db
		.select({ name: participants.name, email: participants.email })
		.from(participants)
		.where(eq(participants.waveId, wave.id))
		.orderBy(asc(participants.createdAt), asc(participants.id))
		.limit(1);
	if (!first?.email) return null;
	const placeholder = lang === 'en' ? '[personal-link]' : '[personlig-länk]';
	const base = `${options.origin.replace(/\/$/, '')}/s/${placeholder}`;
	const render = (kind: 'invitation' | 'reminder') =>
		renderMessage({
			kind,
			lang,
			to: first.email ?? '',
			recipientName: first.name,
			waveName: wave.name,
			deadline: wave.deadline,
			senderName: wave.senderName,
			anonymous: wave.anonymous,
			link: base,
			optOutLink: `${base}/avregistrera`
		});
	return { invitation: render('invitation'), reminder: render('reminder') };
}
