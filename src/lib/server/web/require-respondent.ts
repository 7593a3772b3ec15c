import { type Cookies, error } from '@sveltejs/kit';
import { getDatabase } from '../db/instance.ts';
import { resolveRespondent, type TRespondent } from '../responses/resolve-respondent.ts';

/** The cookie that holds an open-link start until its first page is saved (see open-start-pass.ts). */
export const OPEN_START_COOKIE = 'open_start';

/** The respondent behind a link token, or the "link does not work" page. */
export async function requireRespondent(
	token: string,
	lang: 'sv' | 'en',
	cookies?: Pick<Cookies, 'get'>
): Promise<TRespondent> {
	const { db } = await getDatabase();
	const respondent = await resolveRespondent(db, token, { openStart: cookies?.get(OPEN_START_COOKIE) });
	if (!respondent) {
		error(404, {
			message:
				lang === 'en'
					? 'The link does not work. Check that you copied the whole link from the invitation.'
					: 'Länken fungerar inte. Kontrollera att du har kopierat hela länken från inbjudan.',
			code: 'UNKNOWN_TOKEN'
		});
	}
	return respondent;
}
