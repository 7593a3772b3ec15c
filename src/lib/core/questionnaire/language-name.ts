/**
 * A language's name in the user's language ("finska", "nordsamiska", "meänkieli"; in English "Finnish",
 * "Northern Sami"), from the platform's language data; the code itself when it has no name there.
 */
export function languageName(code: string, lang: 'sv' | 'en'): string {
	try {
		const name = new Intl.DisplayNames([lang], { type: 'language', fallback: 'none' }).of(code);
		return name && name !== code ? name : code;
	} catch {
		return code;
	}
}
