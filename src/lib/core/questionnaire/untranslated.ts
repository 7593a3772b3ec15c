import type { TQuestionnaire, TText } from './definition.ts';

/** A text of a questionnaire that has no translation into a language, and where it is. */
export interface TUntranslated {
	/** The page's code, or null for the questionnaire's own texts. */
	section: string | null;
	/** The question's code, or null for a page's or the questionnaire's own texts. */
	question: string | null;
	/** Which text: "title", "text", "help", "option ja", … */
	field: string;
	/** The Swedish text, to translate. */
	sv: string;
}

/**
 * Every text of a questionnaire with a Swedish value and none in `lang` (today English; the model's texts
 * are Swedish first), in the order a respondent meets them: what a translator still has to do.
 */
export function untranslatedTexts(q: TQuestionnaire, lang: 'en'): TUntranslated[] {
	const missing: TUntranslated[] = [];
	const check = (text: TText | undefined, section: string | null, question: string | null, field: string) => {
		if (text && !text[lang]) missing.push({ section, question, field, sv: text.sv });
	};
	check(q.title, null, null, 'title');
	check(q.description, null, null, 'description');
	for (const section of q.sections) {
		check(section.title, section.code, null, 'title');
		check(section.intro, section.code, null, 'intro');
		for (const question of section.questions) {
			check(question.text, section.code, question.code, 'text');
			check(question.help, section.code, question.code, 'help');
			check(question.topic, section.code, question.code, 'topic');
			if (question.type === 'single' || question.type === 'multi') {
				for (const option of question.options)
					check(option.label, section.code, question.code, `option ${option.code}`);
			}
			if (question.type === 'scale') {
				check(question.minLabel, section.code, question.code, 'minLabel');
				check(question.maxLabel, section.code, question.code, 'maxLabel');
				check(question.topBox?.label, section.code, question.code, 'topBox');
			}
		}
	}
	for (const group of q.roleGroups) check(group.label, null, null, `roleGroup ${group.code}`);
	for (const dimension of q.dimensions) check(dimension.label, null, null, `dimension ${dimension.code}`);
	for (const level of q.levels) {
		check(level.label, null, null, `level ${level.code}`);
		check(level.description, null, null, `level ${level.code} description`);
	}
	for (const [i, figure] of q.keyFigures.entries()) check(figure.template, null, null, `keyFigure ${i + 1}`);
	return missing;
}
