import {
	explainLssNotice,
	explainLssRefusal,
	explainLssSkipped
} from '../../core/questionnaire/limesurvey/explain-lss-import.ts';
import type { TLssRefusal } from '../../core/questionnaire/limesurvey/lss-problems.ts';
import { mapLss } from '../../core/questionnaire/limesurvey/map-lss.ts';
import { readLss } from '../../core/questionnaire/limesurvey/read-lss.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { formatLimit, UPLOAD_LIMITS } from '../web/upload-limits.ts';
import type { TQuestionnaireDraft } from './get-questionnaire-draft.ts';
import { insertNewQuestionnaireDraft } from './insert-new-questionnaire-draft.ts';

export interface ImportLimeSurveyResult {
	draft: TQuestionnaireDraft;
	/** The questions left out, each `<LimeSurvey code>: <reason>`, in the user's language. */
	skipped: string[];
	/** What the import changed or assumed, in the user's language. */
	notices: string[];
}

/**
 * Makes a new questionnaire's draft (version 1) of a LimeSurvey survey structure file (.lss): the
 * questions that map whole, under `code` or `ls_<survey id>`, in one transaction with its audit entry.
 * The questions left out and the notices come back as sentences in `lang`. Refused (INVALID_INPUT, with
 * the reason in `lang`) for a file that is too large, not a LimeSurvey survey, or has no question that
 * maps; CONFLICT when the code is taken.
 */
export async function importLimeSurvey(
	db: TDb,
	input: { file: Uint8Array; code?: string; actor: string; lang?: 'sv' | 'en' }
): Promise<ImportLimeSurveyResult> {
	const lang = input.lang ?? 'en';
	const refuse = (refusal: TLssRefusal, skipped: string[] = []) =>
		new AppError('INVALID_INPUT', [explainLssRefusal(refusal, lang), ...skipped].join('\n'), skipped);
	if (input.file.byteLength > UPLOAD_LIMITS.limesurvey)
		throw refuse({ key: 'tooLarge', limit: formatLimit(UPLOAD_LIMITS.limesurvey) });
	const read = readLss(input.file);
	if (!read.ok) throw refuse(read.refusal);
	const mapped = mapLss(read.document, { code: input.code });
	if (!mapped.ok)
		throw refuse(
			mapped.refusal,
			mapped.skipped.map((s) => explainLssSkipped(s, lang))
		);
	const { questionnaire, skipped, notices } = mapped.result;
	const draft = await insertNewQuestionnaireDraft(db, {
		code: questionnaire.code,
		definition: questionnaire,
		actor: input.actor,
		action: 'questionnaire.draft_import'
	});
	return {
		draft,
		skipped: skipped.map((s) => explainLssSkipped(s, lang)),
		notices: notices.map((n) => explainLssNotice(n, lang))
	};
}
