import type { TXmlProblem } from '../check-xml.ts';
// What a LimeSurvey import can refuse, skip and note, as data; `explain-lss-import.ts` says it in Swedish
// or English.

/** Why a file is not imported at all. */
export type TLssRefusal =
	| { key: 'tooLarge'; limit: string }
	| { key: 'notUtf8' }
	| { key: 'notXml' }
	| TXmlProblem
	| { key: 'notLimeSurvey' }
	| { key: 'notSurvey'; docType: string }
	| { key: 'dbVersion'; version: string }
	| { key: 'noLanguage' }
	| { key: 'nothingMaps'; skipped: number }
	| { key: 'invalidCode'; code: string }
	| { key: 'invalidResult'; errors: string[] };

/** Why one question of the file is left out (with everything of it: nothing is half-imported). */
export type TLssSkipReason =
	| { key: 'array' }
	| { key: 'ranking' }
	| { key: 'numeric' }
	| { key: 'display' }
	| { key: 'type'; type: string }
	| { key: 'otherInList' }
	| { key: 'listWithComment' }
	| { key: 'tooFewOptions' }
	| { key: 'optionCondition' }
	| { key: 'hidden' }
	| { key: 'condition'; expression: string }
	| { key: 'groupCondition'; expression: string }
	| { key: 'twoConditions' }
	| { key: 'conditionUnknown'; question: string }
	| { key: 'conditionLater'; question: string }
	| { key: 'conditionNotChoice'; question: string }
	| { key: 'conditionOption'; question: string; option: string }
	| { key: 'dependsOnSkipped'; question: string };

export interface TLssSkipped {
	/** The question's code in the file (LimeSurvey's `title`). */
	question: string;
	reason: TLssSkipReason;
}

/** Something the import did that the designer should know about; the draft is made. */
export type TLssNotice =
	| { key: 'swedishFromBase'; language: string }
	| { key: 'swedishMissing'; count: number }
	| { key: 'languageCollapsed'; from: string; to: string; kept: string }
	| { key: 'languageUnknown'; language: string }
	| { key: 'textFromCode'; question: string }
	| { key: 'commentsDropped'; question: string }
	| { key: 'codeChanged'; from: string; to: string }
	| { key: 'groupDropped'; group: string }
	| { key: 'expressionKept'; question: string }
	| { key: 'validationDropped'; question: string };
