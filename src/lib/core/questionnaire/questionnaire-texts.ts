import type { TQuestionnaire, TText } from './definition.ts';

/** One text of a questionnaire, where it is, and a stable name for it that survives moving pages. */
export interface TQuestionnaireText {
	/**
	 * The text's name in a translation file: `title`, `page.<page>.intro`, `question.<question>.help`,
	 * `question.<question>.option.<option>`, `dimension.<code>`, `keyFigure.<n>`, … Codes, not places,
	 * so that a translation made before a page moved still finds its text.
	 */
	id: string;
	/** The page's code, or null for the questionnaire's own texts. */
	section: string | null;
	/** The question's code, or null for a page's or the questionnaire's own texts. */
	question: string | null;
	/** Which text: "title", "text", "help", "option ja", "dimension ledning", … */
	field: string;
	text: TText;
}

/** Every text of a questionnaire, in the order a respondent meets them, then the report's own. */
export function questionnaireTexts(q: TQuestionnaire): TQuestionnaireText[] {
	const texts: TQuestionnaireText[] = [];
	const add = (text: TText | undefined, section: string | null, question: string | null, field: string) => {
		if (!text) return;
		const scope = question !== null ? `question.${question}.` : section !== null ? `page.${section}.` : '';
		texts.push({ id: scope + field.replaceAll(' ', '.'), section, question, field, text });
	};
	add(q.title, null, null, 'title');
	add(q.description, null, null, 'description');
	for (const section of q.sections) {
		add(section.title, section.code, null, 'title');
		add(section.intro, section.code, null, 'intro');
		for (const question of section.questions) {
			add(question.text, section.code, question.code, 'text');
			add(question.help, section.code, question.code, 'help');
			add(question.topic, section.code, question.code, 'topic');
			if (question.type === 'single' || question.type === 'multi') {
				for (const option of question.options)
					add(option.label, section.code, question.code, `option ${option.code}`);
			}
			if (question.type === 'scale') {
				add(question.minLabel, section.code, question.code, 'minLabel');
				add(question.maxLabel, section.code, question.code, 'maxLabel');
				add(question.topBox?.label, section.code, question.code, 'topBox');
			}
		}
	}
	for (const group of q.roleGroups) add(group.label, null, null, `roleGroup ${group.code}`);
	for (const dimension of q.dimensions) add(dimension.label, null, null, `dimension ${dimension.code}`);
	for (const level of q.levels) {
		add(level.label, null, null, `level ${level.code}`);
		add(level.description, null, null, `level ${level.code} description`);
	}
	for (const [i, figure] of q.keyFigures.entries()) add(figure.template, null, null, `keyFigure ${i + 1}`);
	return texts;
}
