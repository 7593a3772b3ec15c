import type { z } from 'zod';
import { LANGUAGE_PATTERN, type TDefinitionCheck } from './definition.ts';

type TLang = 'sv' | 'en';
type TValues = Record<string, unknown>;

/**
 * A questionnaire file's problems as sentences in the user's language, each naming where it is
 * ("Avsnitt 2 ”ledning”, fråga 3 ”vision”, fältet ”type”: …"), for the questionnaires page and the CLI
 * alike. `input` is the file as it was read: it gives the codes of the sections and questions named.
 */
export function explainQuestionnaireIssues(
	issues: readonly z.core.$ZodIssue[],
	input: unknown,
	lang: TLang
): string[] {
	return issues.map((issue) => {
		const at = place(issue.path, input, lang);
		const value = valueAt(input, issue.path);
		return `${at}: ${explain(issue, value, lang)}`;
	});
}

const quote = (lang: TLang, text: unknown) => (lang === 'sv' ? `”${String(text)}”` : `"${String(text)}"`);

// What an element of each list is called, as the start of a sentence and inside one.
const ITEM: Record<string, Record<TLang, string>> = {
	sections: { sv: 'avsnitt', en: 'section' },
	questions: { sv: 'fråga', en: 'question' },
	options: { sv: 'svarsalternativ', en: 'option' },
	dimensions: { sv: 'dimension', en: 'dimension' },
	roleGroups: { sv: 'rollgrupp', en: 'role group' },
	levels: { sv: 'nivå', en: 'level' },
	keyFigures: { sv: 'nyckeltal', en: 'key figure' }
};

// The plural a "needs at least n" names, by the list's key.
const ITEMS: Record<string, Record<TLang, string>> = {
	sections: { sv: 'avsnitt', en: 'sections' },
	questions: { sv: 'frågor', en: 'questions' },
	options: { sv: 'svarsalternativ', en: 'options' },
	in: { sv: 'svarsalternativ', en: 'options' }
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
	let value = input;
	for (const key of path) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<PropertyKey, unknown>)[key];
	}
	return value;
}

/** Where an issue is: the numbered, coded elements of the path, then the field inside the last of them. */
function place(path: readonly PropertyKey[], input: unknown, lang: TLang): string {
	const parts: string[] = [];
	const field: string[] = [];
	let value = input;
	for (let i = 0; i < path.length; i++) {
		const key = path[i];
		const next = path[i + 1];
		const item = typeof key === 'string' ? ITEM[key] : undefined;
		if (item && field.length === 0 && typeof next === 'number') {
			const element = Array.isArray((value as TValues | undefined)?.[key as string])
				? ((value as TValues)[key as string] as unknown[])[next]
				: undefined;
			const code = (element as TValues | undefined)?.code;
			parts.push(
				`${item[lang]} ${next + 1}${typeof code === 'string' && code ? ` ${quote(lang, code)}` : ''}`
			);
			value = element;
			i++;
			continue;
		}
		field.push(typeof key === 'number' ? `[${key}]` : field.length ? `.${String(key)}` : String(key));
	}
	if (field.length) parts.push(`${lang === 'sv' ? 'fältet' : 'field'} ${quote(lang, field.join(''))}`);
	if (parts.length === 0) return lang === 'sv' ? 'Enkäten' : 'The questionnaire';
	return capitalise(parts.join(', '));
}

const KIND: Record<string, Record<TLang, string>> = {
	string: { sv: 'en text', en: 'a text' },
	number: { sv: 'ett tal', en: 'a number' },
	int: { sv: 'ett heltal', en: 'a whole number' },
	boolean: { sv: 'true eller false', en: 'true or false' },
	array: { sv: 'en lista', en: 'a list' },
	object: { sv: 'ett objekt', en: 'an object' }
};

const CODE_RULE: Record<TLang, string> = {
	sv: 'använd små bokstäver a–z, siffror och _, och börja med en bokstav',
	en: 'use lower-case letters a–z, digits and _, starting with a letter'
};
const QUESTIONNAIRE_CODE_RULE: Record<TLang, string> = {
	sv: 'använd små bokstäver a–z, siffror, _ och -, och börja med en bokstav',
	en: 'use lower-case letters a–z, digits, _ and -, starting with a letter'
};

function explain(issue: z.core.$ZodIssue, value: unknown, lang: TLang): string {
	const sv = lang === 'sv';
	const q = (text: unknown) => quote(lang, text);
	const last = issue.path[issue.path.length - 1];
	switch (issue.code) {
		case 'custom':
			return check(issue.params as { key: TDefinitionCheck } & TValues, lang) ?? issue.message;
		case 'invalid_union': {
			const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.join(', ') : '';
			if (!options) break;
			if (value === undefined)
				return sv ? `typ saknas. Välj en av: ${options}.` : `no type. Choose one of: ${options}.`;
			return sv
				? `typen ${q(value)} finns inte. Välj en av: ${options}.`
				: `there is no type ${q(value)}. Choose one of: ${options}.`;
		}
		case 'invalid_type': {
			if (value === undefined) return sv ? 'saknas' : 'is missing';
			const kind = KIND[issue.expected];
			if (!kind) break;
			return sv ? `ska vara ${kind.sv}` : `must be ${kind.en}`;
		}
		case 'invalid_value':
			return sv
				? `ska vara en av: ${issue.values.map(String).join(', ')}`
				: `must be one of: ${issue.values.map(String).join(', ')}`;
		case 'unrecognized_keys': {
			const keys = issue.keys.map(q).join(', ');
			if (sv) return `${issue.keys.length > 1 ? 'okända fält' : 'okänt fält'} ${keys} (felstavat?)`;
			return `${issue.keys.length > 1 ? 'unknown fields' : 'unknown field'} ${keys} (misspelt?)`;
		}
		case 'invalid_format':
			if (issue.format === 'regex' && issue.pattern === String(/\S/))
				return sv ? 'får inte vara tom' : 'must not be empty';
			if (issue.format === 'regex' && issue.pattern === String(LANGUAGE_PATTERN))
				return sv
					? 'använd en språkkod av två eller tre små bokstäver (sv, en, fi, se, fit)'
					: 'use a language code of two or three lower-case letters (sv, en, fi, se, fit)';
			if (issue.format === 'regex' && issue.path.length === 1 && last === 'code')
				return QUESTIONNAIRE_CODE_RULE[lang];
			if (issue.format === 'regex') return CODE_RULE[lang];
			break;
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'array') {
				const items = (typeof last === 'string' && ITEMS[last]?.[lang]) || (sv ? 'poster' : 'items');
				return sv ? `behöver minst ${min} ${items}` : `needs at least ${min} ${items}`;
			}
			if (issue.origin === 'string') return sv ? 'får inte vara tom' : 'must not be empty';
			if (issue.inclusive) return sv ? `får inte vara mindre än ${min}` : `must not be less than ${min}`;
			return sv ? `måste vara större än ${min}` : `must be greater than ${min}`;
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'array') return sv ? `får ha högst ${max}` : `may have at most ${max}`;
			if (issue.origin === 'string')
				return sv ? `får vara högst ${max} tecken` : `may be at most ${max} characters`;
			if (issue.inclusive) return sv ? `får inte vara större än ${max}` : `must not be greater than ${max}`;
			return sv ? `måste vara mindre än ${max}` : `must be less than ${max}`;
		}
	}
	return issue.message;
}

/** The cross-field checks of `definition.ts`, by their key. */
function check(params: ({ key: TDefinitionCheck } & TValues) | undefined, lang: TLang): string | undefined {
	if (!params) return undefined;
	const q = (text: unknown) => quote(lang, text);
	const v = params;
	const texts: Record<TDefinitionCheck, Record<TLang, string>> = {
		languageCode: {
			sv: `${q(v.code)} är ingen språkkod; använd två eller tre små bokstäver (sv, en, fi, se, fit)`,
			en: `${q(v.code)} is not a language code; use two or three lower-case letters (sv, en, fi, se, fit)`
		},
		languageList: {
			sv: 'svenska först, och varje språk en gång',
			en: 'Swedish first, and each language once'
		},
		duplicate: {
			sv: `koden ${q(v.code)} används redan`,
			en: `the code ${q(v.code)} is already used`
		},
		multipleOther: {
			sv: `högst ett svarsalternativ kan vara ${q('annat')}`,
			en: `at most one option may be ${q('other')}`
		},
		scaleOrder: { sv: 'max måste vara större än min', en: 'max must be greater than min' },
		scaleTooLong: { sv: 'en skala har högst 101 steg', en: 'a scale has at most 101 points' },
		topBoxRange: {
			sv: `måste ligga inom skalan, ${v.min}–${v.max}`,
			en: `must be within the scale, ${v.min}–${v.max}`
		},
		backgroundTwice: { sv: `${q(v.field)} frågas två gånger`, en: `${q(v.field)} is asked twice` },
		unknownDimension: {
			sv: `dimensionen ${q(v.dimension)} finns inte`,
			en: `there is no dimension ${q(v.dimension)}`
		},
		dimensionType: {
			sv: 'bara envalsfrågor och skalfrågor kan mäta en dimension',
			en: 'only single choice and scale questions can measure a dimension'
		},
		reversedWithoutDimension: {
			sv: 'bara en fråga som mäter en dimension kan vändas',
			en: 'only a question with a dimension can be reversed'
		},
		conditionUnknown: {
			sv: `${q(v.question)} är ingen tidigare fråga`,
			en: `${q(v.question)} is not an earlier question`
		},
		conditionNotChoice: {
			sv: `${q(v.question)} är ingen fråga med svarsalternativ`,
			en: `${q(v.question)} is not a choice question`
		},
		conditionOption: {
			sv: `${q(v.option)} är inget svarsalternativ till ${q(v.question)}`,
			en: `${q(v.option)} is not an option of ${q(v.question)}`
		},
		followUpUnknown: {
			sv: `${q(v.question)} är ingen tidigare fråga`,
			en: `${q(v.question)} is not an earlier question`
		},
		followUpBackground: {
			sv: `${q(v.question)} är en bakgrundsfråga, som rapporten inte visar`,
			en: `${q(v.question)} is a background question, which the report does not show`
		},
		keyFigureUnknown: {
			sv: `frågan ${q(v.question)} finns inte`,
			en: `there is no question ${q(v.question)}`
		},
		keyFigureNotTopBox: {
			sv: `${q(v.question)} är ingen skala med topplåda`,
			en: `${q(v.question)} is not a scale with a top box`
		},
		keyFigureNotChoice: {
			sv: `${q(v.question)} är ingen fråga med svarsalternativ`,
			en: `${q(v.question)} is not a choice question`
		},
		keyFigureOption: {
			sv: `inget svarsalternativ till ${q(v.question)}`,
			en: `not an option of ${q(v.question)}`
		},
		levelsStart: { sv: 'den första nivån måste börja på 0', en: 'the first level must start at 0' },
		levelsEnd: { sv: 'den sista nivån måste sluta på 100', en: 'the last level must end at 100' },
		levelOrder: { sv: 'max får inte vara lägre än min', en: 'max must not be below min' },
		levelGap: {
			sv: `måste följa förra nivåns max (${v.previous}) utan lucka eller överlapp`,
			en: `must follow the previous level's max (${v.previous}) without gap or overlap`
		},
		codeMeaningType: {
			sv: `koden ${q(v.code)} var en fråga av typen ${q(v.type)} i version ${v.version}; svaren skulle inte gå att jämföra, så ge den ändrade frågan en ny kod`,
			en: `the code ${q(v.code)} was a question of type ${q(v.type)} in version ${v.version}; its answers could not be compared, so give the changed question a new code`
		},
		codeMeaningScale: {
			sv: `koden ${q(v.code)} hade skalan ${v.min}–${v.max} i version ${v.version}; svaren skulle inte gå att jämföra, så ge frågan med den ändrade skalan en ny kod`,
			en: `the code ${q(v.code)} had the scale ${v.min}–${v.max} in version ${v.version}; its answers could not be compared, so give the question with the changed scale a new code`
		}
	};
	return texts[params.key]?.[lang];
}
