/** A response rate (percent) as the page shows it: `70 %` in Swedish, `70%` in English, `–` when there is none. */
export function formatRate(rate: number | null, lang: 'sv' | 'en'): string {
	if (rate === null) return '–';
	const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 0 }).format(
		rate
	);
	return lang === 'en' ? `${n}%` : `${n}\u00a0%`;
}

/** A count in the page's language (`1 234` in Swedish); `–` when there is none. */
export function formatCount(n: number | null, lang: 'sv' | 'en'): string {
	return n === null ? '–' : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE').format(n);
}
