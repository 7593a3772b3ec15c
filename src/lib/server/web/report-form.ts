import { z } from 'zod';
import { freeSectionId, type TReportDefinition } from '../../core/report/report-definition.ts';

/**
 * What the report editor's form asks for besides saving: add a free section, or remove or move one
 * (`remove:<id>`, `up:<id>`, `down:<id>`); `autosave` is a save sent by the page's script as the analyst types.
 */
export const ZReportFormOp = z.union([
	z.enum(['save', 'autosave', 'add']),
	z.string().regex(/^(remove|up|down):[a-z][a-z0-9-]{0,59}$/)
]);

export interface TReportForm {
	one: (name: string) => string;
	all: (name: string) => string[];
}

/**
 * The definition the editor's form describes: the posted fields laid over the draft it was made from
 * (its structure: which sections, key figures and questions there are), then the form's operation. The
 * result is validated by the caller (saveReportDraft); unchecked boxes are absent from a form, so
 * every box of the draft's items is read as unchecked unless posted.
 */
export function definitionFromForm(
	draft: TReportDefinition,
	form: TReportForm,
	newSectionTitle: string
): unknown {
	const has = (name: string) => form.all(name).length > 0;
	const text = (name: string, fallback: string) =>
		has(name) ? form.one(name).replace(/\r\n?/g, '\n') : fallback;
	const checked = (name: string) => form.all(name).includes('1');
	let sections = draft.sections.map((s) => ({
		...s,
		title: text(`section.${s.id}.title`, s.title),
		markdown: text(`section.${s.id}.markdown`, s.markdown)
	}));
	const op = ZReportFormOp.safeParse(form.one('op')).data ?? 'save';
	if (op === 'add') {
		sections.push({ id: freeSectionId(sections), kind: 'text', title: newSectionTitle, markdown: '' });
	} else if (op.includes(':')) {
		const [action, id] = op.split(':');
		const index = sections.findIndex((s) => s.id === id);
		if (index >= 0) {
			if (action === 'remove' && sections[index]?.kind === 'text')
				sections = sections.filter((_, i) => i !== index);
			const target = action === 'up' ? index - 1 : action === 'down' ? index + 1 : -1;
			const moved = sections[index];
			const other = sections[target];
			if (moved && other) {
				sections[target] = moved;
				sections[index] = other;
			}
		}
	}
	return {
		lang: draft.lang,
		meta: Object.fromEntries(
			Object.entries(draft.meta).map(([key, value]) => [key, text(`meta.${key}`, value)])
		),
		sections,
		keyFigures: draft.keyFigures.map((k, i) => ({
			...k,
			template: text(`key.${i}.template`, k.template),
			enabled: checked(`key.${i}.enabled`)
		})),
		maturity: checked('maturity'),
		questions: draft.questions.map((q) => ({
			...q,
			included: checked(`q.${q.code}.included`),
			chart: checked(`q.${q.code}.chart`),
			table: checked(`q.${q.code}.table`),
			themes: checked(`q.${q.code}.themes`),
			title: text(`q.${q.code}.title`, q.title),
			markdown: text(`q.${q.code}.markdown`, q.markdown),
			quotes: form.all(`q.${q.code}.quote`)
		}))
	};
}
