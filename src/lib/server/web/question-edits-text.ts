import type { TQuestionEdit } from '../../core/questionnaire/compare-versions.ts';
import { m } from '../../paraglide/messages.js';

const EDITS: Record<TQuestionEdit, () => string> = {
	text: m.questionnaires_compare_edit_text,
	help: m.questionnaires_compare_edit_help,
	'options-added': m.questionnaires_compare_edit_options_added,
	'options-dropped': m.questionnaires_compare_edit_options_dropped,
	labels: m.questionnaires_compare_edit_labels,
	moved: m.questionnaires_compare_edit_moved,
	condition: m.questionnaires_compare_edit_condition
};

/** What changed in a comparable question, in the page's language ("ny formulering, nya etiketter"). */
export const questionEditsText = (edits: TQuestionEdit[]): string =>
	edits.length ? edits.map((e) => EDITS[e]()).join(', ') : m.questionnaires_compare_unchanged();
