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

/**
 * A language's name in itself, as a link to it is written ("suomi", "davvisámegiella"); its Swedish name
 * when the platform knows none of its own (Meänkieli).
 */
export function nativeLanguageName(code: string): string {
	try {
		const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
		const english = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
		if (own && own !== code && (own !== english || code === 'en')) return own;
	} catch {
		// An unknown code: named below.
	}
	return languageName(code, 'sv');
}
