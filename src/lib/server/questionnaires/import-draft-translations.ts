import { explainXliffRefusal, readTranslationXliff } from '../../core/questionnaire/translation-xliff.ts';
import { checkTranslations, type TTranslationCheck } from '../../core/questionnaire/translations.ts';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { editQuestionnaireDraft } from './edit-questionnaire-draft.ts';
import { getQuestionnaireDraft } from './get-questionnaire-draft.ts';

export interface TImportedTranslations extends TTranslationCheck {
	/** The language translated into, added to the questionnaire's languages when it was not there. */
	lang: string;
	/** Texts whose translation has inline markup, not taken. */
	withMarkup: string[];
	revision: number;
}

/**
 * Takes a translator's XLIFF file into a questionnaire's draft: every text the file translates, in one
 * save over the draft's current revision (a translation of a text not in the file stays as it is). A file
 * that is not such a translation is refused (INVALID_INPUT, the reason in `lang`), and so is a result the
 * model refuses; nothing is saved then.
 */
export async function importDraftTranslations(
	db: TDb,
	input: { code: string; xml: string; actor: string; lang: 'sv' | 'en' }
): Promise<TImportedTranslations> {
	const draft = await getQuestionnaireDraft(db, input.code);
	if (!draft) throw new AppError('NOT_FOUND', `No draft of "${input.code}"`);
	const read = readTranslationXliff(input.xml);
	if (!read.ok) {
		const message = explainXliffRefusal(read, input.lang);
		throw new AppError('INVALID_INPUT', message, [message]);
	}
	const check = checkTranslations(draft.definition, read.lang, read.units);
	const texts = Object.fromEntries(
		read.units.filter((unit) => unit.target?.trim()).map((unit) => [unit.id, unit.target ?? ''])
	);
	const { revision } = await editQuestionnaireDraft(db, {
		code: input.code,
		revision: draft.revision,
		edit: { target: 'translate', lang: read.lang, texts },
		actor: input.actor,
		lang: input.lang
	});
	return { lang: read.lang, ...check, withMarkup: read.withMarkup, revision };
}
