import template from '../../../../questionnaires/digital-mognad-i-kommuner.json' with { type: 'json' };
import type { TQuestion, TQuestionnaire, TSection } from '../questionnaire/definition.ts';
import { parseQuestionnaire } from '../questionnaire/parse-questionnaire.ts';

/** Parses a definition a test relies on being valid; a broken fixture fails with its errors, not later. */
export function questionnaireFrom(input: unknown): TQuestionnaire {
	const result = parseQuestionnaire(input);
	if (!result.ok) throw new Error(`invalid test questionnaire:\n${result.errors.join('\n')}`);
	return result.questionnaire;
}

/** The built-in template "Digital mognad i kommuner" (questionnaires/digital-mognad-i-kommuner.json), parsed. */
export const builtInTemplate = (): TQuestionnaire => questionnaireFrom(structuredClone(template));

/** The built-in template's topics, as the seed's report titles its subsections (11 of 18 questions). */
export const SEED_TOPICS = [
	'Behovet av digitalisering',
	'Digital vision eller handlingsplan',
	'Framtidens medborgarupplevelse',
	'Beslutsmässighet och kapacitet',
	'Tidigare IT-investeringar',
	'Omvärldsbevakning',
	'Vem driver den digitala utvecklingen',
	'Drivkrafter för digital utveckling',
	'Kultur för digital transformation',
	'Kompetens inom digitalisering',
	'Stöd i digitaliseringsresan'
];

/** The report's answers section for the built-in template: "5.1 Behovet av digitalisering" and on. */
export const SEED_TOPIC_SUBSECTIONS = SEED_TOPICS.map((topic, i) => `5.${i + 1} ${topic}`);

export function sectionOf(questionnaire: TQuestionnaire, code: string): TSection {
	const section = questionnaire.sections.find((s) => s.code === code);
	if (!section) throw new Error(`no section "${code}"`);
	return section;
}

export function questionOf(questionnaire: TQuestionnaire, code: string): TQuestion {
	const question = questionnaire.sections.flatMap((s) => s.questions).find((q) => q.code === code);
	if (!question) throw new Error(`no question "${code}"`);
	return question;
}

// Builders for small definitions (plain input, not yet parsed): each test states only what it is about.
type TFields = Record<string, unknown>;

export const option = (code: string, extra: TFields = {}) => ({ code, label: { sv: code }, ...extra });

/** A single-choice question with the options `ja` and `nej`. */
export const yesNo = (code: string, extra: TFields = {}) => ({
	code,
	type: 'single',
	text: { sv: `Fråga ${code}?` },
	options: [option('ja'), option('nej')],
	...extra
});

export const freeText = (code: string, extra: TFields = {}) => ({
	code,
	type: 'text',
	text: { sv: `Fråga ${code}?` },
	...extra
});

export const scale = (code: string, extra: TFields = {}) => ({
	code,
	type: 'scale',
	text: { sv: `Fråga ${code}?` },
	min: 1,
	max: 5,
	...extra
});

export const multi = (code: string, extra: TFields = {}) => ({
	code,
	type: 'multi',
	text: { sv: `Fråga ${code}?` },
	options: [option('a'), option('b'), option('annat', { other: true })],
	...extra
});

export const page = (code: string, ...questions: unknown[]) => ({
	code,
	title: { sv: `Sida ${code}` },
	questions
});

export const definition = (sections: unknown[], extra: TFields = {}) => ({
	code: 'test',
	version: 1,
	title: { sv: 'Testenkät' },
	sections,
	...extra
});
