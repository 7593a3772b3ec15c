import { m } from '../../paraglide/messages.js';

/** A text's field in words ("svarsalternativ ja"); the model's own name for the rarer ones. */
function fieldName(field: string): string {
	const named: Record<string, () => string> = {
		title: m.questionnaire_draft_field_title,
		description: m.questionnaire_draft_field_description,
		intro: m.questionnaire_draft_field_intro,
		text: m.questionnaire_draft_field_text,
		help: m.questionnaire_draft_field_help,
		topic: m.questionnaire_draft_field_topic
	};
	const option = /^option (.+)$/.exec(field);
	if (option) return m.questionnaire_draft_field_option({ code: option[1] ?? '' });
	return named[field]?.().toLowerCase() ?? field;
}

/** Where a questionnaire's text is, in the user's words: "Sida ledning, fråga vision, hjälptext". */
export function textPlace(text: { section: string | null; question: string | null; field: string }): string {
	return [
		text.section === null
			? m.questionnaire_draft_where_questionnaire()
			: m.questionnaire_draft_where_page({ section: text.section }),
		text.question === null ? '' : m.questionnaire_draft_where_question({ question: text.question }),
		fieldName(text.field)
	]
		.filter(Boolean)
		.join(', ');
}
