import { malformedXmlMessage } from '../check-xml.ts';
import type { TLssNotice, TLssRefusal, TLssSkipped } from './lss-problems.ts';

type TLang = 'sv' | 'en';

const q = (lang: TLang, text: string) => (lang === 'sv' ? `”${text}”` : `"${text}"`);

// LimeSurvey's question types this import does not map, by their letter.
const TYPE_NAMES: Record<string, Record<TLang, string>> = {
	K: { sv: 'flera numeriska fält', en: 'multiple numerical input' },
	Q: { sv: 'flera korta textfält', en: 'multiple short text' },
	D: { sv: 'datum', en: 'date/time' },
	'|': { sv: 'filuppladdning', en: 'file upload' },
	'*': { sv: 'ekvation', en: 'equation' },
	I: { sv: 'språkbyte', en: 'language switch' }
};

/** Why the file was not imported, as a sentence in `lang`. */
export function explainLssRefusal(refusal: TLssRefusal, lang: TLang): string {
	const sv = lang === 'sv';
	switch (refusal.key) {
		case 'tooLarge':
			return sv ? `Filen är större än ${refusal.limit}.` : `The file is larger than ${refusal.limit}.`;
		case 'notUtf8':
			return sv ? 'Filen är inte text i UTF-8.' : 'The file is not text in UTF-8.';
		case 'notXml':
			return sv
				? 'Filen är inte XML. Exportera enkätens struktur (.lss) i LimeSurvey.'
				: "The file is not XML. Export the survey's structure (.lss) from LimeSurvey.";
		case 'malformed':
			return malformedXmlMessage(refusal, lang);
		case 'truncated':
			return sv
				? 'Filen tar slut innan dess XML är avslutad; den är troligen avkortad. Exportera den på nytt.'
				: 'The file ends before its XML is closed; it is probably cut off. Export it again.';
		case 'doctype':
			return sv
				? 'Filen har en dokumenttypdeklaration (DOCTYPE), vilket LimeSurvey aldrig skriver.'
				: 'The file has a document type declaration (DOCTYPE), which LimeSurvey never writes.';
		case 'notLimeSurvey':
			return sv
				? 'Filen är inte en LimeSurvey-fil (inget <document> med <LimeSurveyDocType>).'
				: 'The file is not a LimeSurvey file (no <document> with <LimeSurveyDocType>).';
		case 'notSurvey':
			return sv
				? `Filen är en LimeSurvey-export av typen ${q(lang, refusal.docType)}, inte en hel enkät (Survey).`
				: `The file is a LimeSurvey export of type ${q(lang, refusal.docType)}, not a whole survey (Survey).`;
		case 'dbVersion':
			return sv
				? `Filen kommer från en LimeSurvey-version som inte stöds (DBVersion ${q(lang, refusal.version)}; 143 eller senare krävs).`
				: `The file comes from a LimeSurvey version that is not supported (DBVersion ${q(lang, refusal.version)}; 143 or later is needed).`;
		case 'noLanguage':
			return sv ? 'Filen anger inget språk.' : 'The file names no language.';
		case 'nothingMaps':
			return sv
				? `Ingen fråga i filen kan importeras (${refusal.skipped} hoppades över).`
				: `No question of the file can be imported (${refusal.skipped} skipped).`;
		case 'invalidCode':
			return sv
				? `Koden ${q(lang, refusal.code)} går inte att använda: 2–63 gemener, siffror, _ och -, med en bokstav först.`
				: `The code ${q(lang, refusal.code)} cannot be used: 2–63 lower-case letters, digits, _ and -, starting with a letter.`;
		case 'invalidResult':
			return sv
				? `Enkäten som filen gav är inte giltig: ${refusal.errors.join('; ')}`
				: `The questionnaire the file gave is not valid: ${refusal.errors.join('; ')}`;
	}
}

/** Why a question was left out: `Q1: …`, in `lang`. */
export function explainLssSkipped({ question, reason }: TLssSkipped, lang: TLang): string {
	const sv = lang === 'sv';
	const because = ((): string => {
		switch (reason.key) {
			case 'array':
				return sv
					? 'en matrisfråga (array), som enkätmodellen inte har'
					: 'an array question, which the model does not have';
			case 'ranking':
				return sv
					? 'en rangordningsfråga, som enkätmodellen inte har'
					: 'a ranking question, which the model does not have';
			case 'numeric':
				return sv
					? 'ett numeriskt fält, som enkätmodellen inte har'
					: 'a numerical input, which the model does not have';
			case 'display':
				return sv ? 'en textvisning utan svar' : 'a text display without an answer';
			case 'type':
				return sv
					? `frågetypen ${q(lang, reason.type)} (${TYPE_NAMES[reason.type]?.sv ?? 'okänd'}) kan inte importeras`
					: `question type ${q(lang, reason.type)} (${TYPE_NAMES[reason.type]?.en ?? 'unknown'}) cannot be imported`;
			case 'otherInList':
				return sv
					? 'en lista med ”Annat”-alternativ, som enkätmodellens envalsfrågor inte har'
					: 'a list with an "Other" option, which single-choice questions of the model do not have';
			case 'listWithComment':
				return sv
					? 'en lista med kommentar, som enkätmodellen inte har'
					: 'a list with comment, which the model does not have';
			case 'tooFewOptions':
				return sv ? 'färre än två svarsalternativ' : 'fewer than two options';
			case 'optionCondition':
				return sv
					? 'svarsalternativen har egna villkor (filter eller villkor på delfrågor), som enkätmodellen inte har'
					: 'its options have conditions of their own (a filter or subquestion relevance), which the model does not have';
			case 'hidden':
				return sv ? 'frågan är alltid dold' : 'the question is always hidden';
			case 'condition':
				return sv
					? `villkoret ${q(lang, reason.expression)} kan inte läsas (bara Q1 == "A1", med or mellan värden)`
					: `cannot read the condition ${q(lang, reason.expression)} (only Q1 == "A1", with or between values)`;
			case 'groupCondition':
				return sv
					? `gruppens villkor ${q(lang, reason.expression)} kan inte läsas`
					: `cannot read the group's condition ${q(lang, reason.expression)}`;
			case 'twoConditions':
				return sv
					? 'både frågan och dess grupp har villkor; en fråga kan ha ett villkor'
					: 'both the question and its group have a condition; a question can have one';
			case 'conditionUnknown':
				return sv
					? `villkoret gäller ${q(lang, reason.question)}, som inte finns i filen`
					: `the condition refers to ${q(lang, reason.question)}, which the file does not have`;
			case 'conditionLater':
				return sv
					? `villkoret gäller ${q(lang, reason.question)}, som kommer senare`
					: `the condition refers to ${q(lang, reason.question)}, which comes later`;
			case 'conditionNotChoice':
				return sv
					? `villkoret gäller ${q(lang, reason.question)}, som inte är en flervalsfråga`
					: `the condition refers to ${q(lang, reason.question)}, which is not a choice question`;
			case 'conditionOption':
				return sv
					? `villkoret gäller svaret ${q(lang, reason.option)}, som ${q(lang, reason.question)} inte har`
					: `the condition refers to the answer ${q(lang, reason.option)}, which ${q(lang, reason.question)} does not have`;
			case 'dependsOnSkipped':
				return sv
					? `villkoret gäller ${q(lang, reason.question)}, som inte importerades`
					: `depends on ${q(lang, reason.question)}, which was skipped`;
		}
	})();
	return `${question}: ${because}`;
}

/** What the import changed or assumed, as a sentence in `lang`. */
export function explainLssNotice(notice: TLssNotice, lang: TLang): string {
	const sv = lang === 'sv';
	switch (notice.key) {
		case 'swedishFromBase':
			return sv
				? `Filen har ingen svenska: texterna på ${q(lang, notice.language)} står också som svenska tills de översätts.`
				: `The file has no Swedish: the texts in ${q(lang, notice.language)} stand in as Swedish until they are translated.`;
		case 'swedishMissing':
			return sv
				? `${notice.count} texter saknade svenska och har en annan språkversions text tills de översätts.`
				: `${notice.count} texts had no Swedish and have another language's text until they are translated.`;
		case 'languageCollapsed':
			return sv
				? `Språket ${q(lang, notice.from)} blir ${q(lang, notice.to)}, som ${q(lang, notice.kept)} redan ger; dess texter importerades inte.`
				: `Language ${q(lang, notice.from)} becomes ${q(lang, notice.to)}, which ${q(lang, notice.kept)} already gives; its texts were not imported.`;
		case 'languageUnknown':
			return sv
				? `Språket ${q(lang, notice.language)} är ingen språkkod och importerades inte.`
				: `Language ${q(lang, notice.language)} is not a language code and was not imported.`;
		case 'textFromCode':
			return sv
				? `${notice.question}: frågan har ingen text; koden står som text.`
				: `${notice.question}: the question has no text; its code stands as its text.`;
		case 'commentsDropped':
			return sv
				? `${notice.question}: flerval med kommentarer blev flerval utan kommentarer.`
				: `${notice.question}: multiple choice with comments became multiple choice without comments.`;
		case 'codeChanged':
			return sv ? `Koden ${notice.from} blev ${notice.to}.` : `Code ${notice.from} became ${notice.to}.`;
		case 'groupDropped':
			return sv
				? `Gruppen ${q(lang, notice.group)} fick inga frågor och blev ingen sida.`
				: `Group ${q(lang, notice.group)} kept no questions and became no page.`;
		case 'validationDropped':
			return sv
				? `${notice.question}: frågans validering i LimeSurvey följde inte med.`
				: `${notice.question}: the question's validation in LimeSurvey was not imported.`;
		case 'expressionKept':
			return sv
				? `${notice.question}: texten har LimeSurvey-uttryck inom {…}, som står kvar som text.`
				: `${notice.question}: the text has LimeSurvey expressions in {…}, kept as text.`;
	}
}
