import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { checkXml, malformedXmlMessage, type TXmlProblem } from './check-xml.ts';
import { LANGUAGE_PATTERN, type TQuestionnaire } from './definition.ts';
import { questionnaireTexts } from './questionnaire-texts.ts';

// A questionnaire's texts as an XLIFF 2.0 file for a translator's tool (OmegaT, memoQ, Trados, Phrase,
// Weblate): one <unit> a text, named as questionnaire-texts.ts names it, the Swedish as <source>, the
// translation so far as <target>, and where the text is as a <note>. The same file comes back translated.

const NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

// XML 1.0 cannot carry these control characters; a text never needs them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const xmlText = (text: string) => text.replace(CONTROL, '');

/** Where a text is, for the translator: "Sida ledning, fråga vision: svarsalternativ ja". */
function place(section: string | null, question: string | null, field: string): string {
	const parts = [
		section === null ? 'Enkäten' : `Sida ${section}`,
		...(question === null ? [] : [`fråga ${question}`])
	];
	return `${parts.join(', ')}: ${field}`;
}

/** The questionnaire's texts for translation into `lang`, with the translations it has already. */
export function writeTranslationXliff(q: TQuestionnaire, lang: string): string {
	const units = questionnaireTexts(q).map(({ id, section, question, field, text }) => ({
		'@id': id,
		notes: { note: place(section, question, field) },
		segment: {
			source: xmlText(text.sv),
			...(text[lang] ? { target: xmlText(text[lang]) } : {})
		}
	}));
	const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true });
	return builder.build({
		'?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
		xliff: {
			'@xmlns': NAMESPACE,
			'@version': '2.0',
			'@srcLang': 'sv',
			'@trgLang': lang,
			file: { '@id': `${q.code}-${q.version}`, unit: units }
		}
	});
}

/** Why a translation file was refused. */
export type TXliffRefusal =
	| { reason: 'notXml'; problem: TXmlProblem }
	| { reason: 'notXliff' }
	| { reason: 'version'; version: string }
	| { reason: 'sourceLanguage'; lang: string }
	| { reason: 'targetLanguage'; lang: string }
	| { reason: 'empty' };

export interface TXliffUnit {
	id: string;
	source?: string;
	target?: string;
}

export type TReadXliff =
	| {
			ok: true;
			/** The translation's language, as the model writes it ("fi" for "fi-FI"). */
			lang: string;
			units: TXliffUnit[];
			/** Units whose translation has inline markup (bold, a placeholder): not taken, by name. */
			withMarkup: string[];
	  }
	| ({ ok: false } & TXliffRefusal);

type TNode = Record<string, unknown>;
const list = (value: unknown): TNode[] =>
	Array.isArray(value) ? value : value && typeof value === 'object' ? [value as TNode] : [];

/** The plain text of a <source> or <target>: undefined when it holds inline elements. */
function plain(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string' || typeof value === 'number') return String(value);
	const node = value as TNode;
	const keys = Object.keys(node).filter((key) => !key.startsWith('@'));
	if (keys.length === 1 && keys[0] === '#text') return String(node['#text']);
	if (keys.length === 0) return '';
	return undefined;
}

/**
 * Reads a translated XLIFF 2.0 file (2.1 and 2.2 read the same): its target language and each unit's
 * name, Swedish source and translation. A file that is not well-formed XML, or has a DOCTYPE (no entity
 * expansion), is refused (check-xml.ts);
 * translations with inline markup are listed, not taken: the questionnaire's texts are plain text.
 */
export function readTranslationXliff(xml: string): TReadXliff {
	const problem = checkXml(xml);
	if (problem) return { ok: false, reason: 'notXml', problem };
	const parsed = new XMLParser({
		ignoreAttributes: false,
		attributeNamePrefix: '@',
		removeNSPrefix: true,
		parseTagValue: false,
		parseAttributeValue: false,
		trimValues: false,
		isArray: (name) => ['file', 'group', 'unit', 'segment'].includes(name)
	}).parse(xml) as TNode;
	const root = parsed.xliff as TNode | undefined;
	if (!root || typeof root !== 'object') return { ok: false, reason: 'notXliff' };
	const version = String(root['@version'] ?? '');
	if (!/^2\.[0-2]$/.test(version)) return { ok: false, reason: 'version', version };
	const source = String(root['@srcLang'] ?? '');
	if (source.toLowerCase().split(/[-_]/)[0] !== 'sv')
		return { ok: false, reason: 'sourceLanguage', lang: source };
	const target = String(root['@trgLang'] ?? '');
	const lang = target.toLowerCase().split(/[-_]/)[0] ?? '';
	if (!LANGUAGE_PATTERN.test(lang) || lang === 'sv')
		return { ok: false, reason: 'targetLanguage', lang: target };

	const units: TXliffUnit[] = [];
	const withMarkup: string[] = [];
	const walk = (node: TNode) => {
		for (const group of list(node.group)) walk(group);
		for (const unit of list(node.unit)) {
			const id = String(unit['@id'] ?? '');
			// A translator's tool may split a text into segments; the text is their parts joined.
			const segments = list(unit.segment);
			const sources = segments.map((segment) => plain(segment.source));
			const targets = segments.map((segment) => plain(segment.target));
			if (targets.some((part) => part === undefined) || sources.some((part) => part === undefined)) {
				withMarkup.push(id);
				continue;
			}
			units.push({ id, source: sources.join(''), target: targets.join('') });
		}
	};
	for (const file of list(root.file)) walk(file);
	if (units.length === 0 && withMarkup.length === 0) return { ok: false, reason: 'empty' };
	return { ok: true, lang, units, withMarkup };
}

/** A refused translation file, as a sentence in the user's language. */
export function explainXliffRefusal(refusal: TXliffRefusal, lang: 'sv' | 'en'): string {
	const sv = lang === 'sv';
	switch (refusal.reason) {
		case 'notXml':
			if (refusal.problem.key === 'malformed') return malformedXmlMessage(refusal.problem, lang);
			if (refusal.problem.key === 'truncated')
				return sv
					? 'Filen tar slut innan dess XML är avslutad; den är troligen avkortad.'
					: 'The file ends before its XML is closed; it is probably cut off.';
			return sv
				? 'Filen har en DOCTYPE-deklaration, som en översättningsfil inte ska ha.'
				: 'The file has a DOCTYPE declaration, which a translation file does not have.';
		case 'notXliff':
			return sv
				? 'Filen är ingen XLIFF-fil: den börjar inte med <xliff>.'
				: 'The file is not an XLIFF file: it does not start with <xliff>.';
		case 'version':
			return sv
				? `Filen är XLIFF ${refusal.version || 'utan version'}; använd XLIFF 2.0, som enkätens export.`
				: `The file is XLIFF ${refusal.version || 'without a version'}; use XLIFF 2.0, as the questionnaire's export.`;
		case 'sourceLanguage':
			return sv
				? `Filens källspråk är ”${refusal.lang}”; det ska vara svenska (sv), som i enkätens export.`
				: `The file's source language is "${refusal.lang}"; it must be Swedish (sv), as in the questionnaire's export.`;
		case 'targetLanguage':
			return sv
				? `Filens målspråk ”${refusal.lang}” är ingen språkkod som enkäten kan ha (två eller tre bokstäver, inte svenska).`
				: `The file's target language "${refusal.lang}" is not a language code a questionnaire can have (two or three letters, not Swedish).`;
		case 'empty':
			return sv ? 'Filen innehåller inga texter.' : 'The file contains no texts.';
	}
}
