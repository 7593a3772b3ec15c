import { LANGUAGE_PATTERN, type TText } from '../definition.ts';
import type { TLssNotice } from './lss-problems.ts';
import { lssToPlainText } from './lss-text.ts';

/** Which of the file's languages fill which language of the questionnaire. */
export interface TLssLanguages {
	/** The file's languages that are kept, the base language first, each with the model's code. */
	sources: { file: string; key: string }[];
	/** The file's language whose texts are the Swedish ones: `sv`, or else the base language. */
	swedish: string;
	/** The questionnaire's languages, Swedish first. */
	languages: string[];
	notices: TLssNotice[];
}

/**
 * The decided language rule: a file with Swedish gives its Swedish texts as `sv`; otherwise the base
 * language's texts fill `sv` as well as their own code (a notice says so, for a translator to replace
 * them). LimeSurvey's regional codes (`de-informal`, `pt-BR`, `zh-Hans`) become their base (`de`, `pt`,
 * `zh`); when two become one, the first is kept.
 */
export function planLanguages(
	fileLanguages: readonly string[],
	base: string | undefined
): TLssLanguages | undefined {
	const ordered = [...new Set([base, ...fileLanguages].filter((l): l is string => !!l))];
	const sources: { file: string; key: string }[] = [];
	const notices: TLssNotice[] = [];
	for (const file of ordered) {
		const key = file.toLowerCase().split(/[-_]/)[0] ?? '';
		if (!LANGUAGE_PATTERN.test(key)) {
			notices.push({ key: 'languageUnknown', language: file });
			continue;
		}
		const kept = sources.find((s) => s.key === key);
		if (kept) notices.push({ key: 'languageCollapsed', from: file, to: key, kept: kept.file });
		else sources.push({ file, key });
	}
	const first = sources[0];
	if (!first) return undefined;
	const sv = sources.find((s) => s.key === 'sv');
	if (!sv) notices.push({ key: 'swedishFromBase', language: first.file });
	return {
		sources,
		swedish: (sv ?? first).file,
		languages: ['sv', ...sources.map((s) => s.key).filter((k) => k !== 'sv')],
		notices
	};
}

/**
 * A text of the file in the questionnaire's languages, each made plain text, or `undefined` when it has
 * no words in any. A missing Swedish text is the base language's; `missing` counts those.
 */
export function textOf(
	plan: TLssLanguages,
	raw: (fileLanguage: string) => string | undefined,
	missing?: { count: number }
): TText | undefined {
	const text: Record<string, string> = {};
	for (const { file, key } of plan.sources) {
		const plain = lssToPlainText(raw(file) ?? '');
		if (plain !== '') text[key] = plain;
	}
	const first = plan.sources[0];
	if (text.sv === undefined && first && text[first.key] !== undefined) {
		text.sv = text[first.key] as string;
		if (plan.swedish !== first.file && missing) missing.count++;
	}
	if (text.sv === undefined) {
		// Only a language other than the base has words: it stands in for Swedish too.
		const any = Object.values(text)[0];
		if (any === undefined) return undefined;
		text.sv = any;
		if (missing) missing.count++;
	}
	return text as TText;
}
