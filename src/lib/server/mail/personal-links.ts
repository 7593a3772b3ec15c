import type { TMailLang } from '../../core/mail/render-message.ts';

/** The personal link of an e-mail and its opt-out link; English e-mails open the pages in English. */
export function personalLinks(origin: string, token: string, lang: TMailLang) {
	const query = lang === 'en' ? '?lang=en' : '';
	const base = `${origin.replace(/\/$/, '')}/s/${token}`;
	return { link: `${base}${query}`, optOutLink: `${base}/avregistrera${query}` };
}
