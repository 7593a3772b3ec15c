import { z } from 'zod';

// What the analyst edits, and what is stored in `reports.definition` and `report_versions.definition`.
// The figures are not here: they are resolved from the data (see resolve-report.ts) each time the
// report is shown, and frozen in a version's snapshot when it is published.

const code = z.string().regex(/^[a-z][a-z0-9_]*$/);
/** A one-line field of the header or a title: trimmed, no line breaks. */
const line = (max: number) =>
	z
		.string()
		.max(max)
		.transform((s) => s.replace(/\s+/g, ' ').trim());
/** The analyst's narrative, in Markdown (see parse-markdown.ts). */
export const ZNarrative = z.string().max(100_000);

export const ZReportMetaInput = z.strictObject({
	title: line(300),
	subtitle: line(300),
	/** The publishing organisation ("Gäller för verksamhet"), e.g. "Region Norrbotten". */
	organisation: line(200),
	documentId: line(100),
	/** "Ansvarig". */
	responsible: line(200),
	/** "Upprättad av". */
	author: line(200)
});
export type TReportMetaInput = z.infer<typeof ZReportMetaInput>;

/**
 * What a section shows besides its narrative: `text` only the narrative (the free sections too);
 * `method` the generated data and method; `keyFigures` the key-figure sentences and the maturity
 * overview; `questions` one subsection per included question.
 */
export const ZSectionKind = z.enum(['text', 'method', 'keyFigures', 'questions']);
export type TSectionKind = z.infer<typeof ZSectionKind>;

export const ZReportSectionInput = z.strictObject({
	/** Stable id: the seed's ids for the default sections, `extra-…` for the ones the analyst adds. */
	id: z.string().regex(/^[a-z][a-z0-9-]{0,59}$/),
	kind: ZSectionKind,
	title: line(300).pipe(z.string().min(1, 'Skriv en rubrik.')),
	markdown: ZNarrative
});
export type TReportSectionInput = z.infer<typeof ZReportSectionInput>;

/** Which measure of which question a key-figure sentence states. */
export const ZKeyFigureMeasure = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('topBox') }),
	z.strictObject({ kind: z.literal('option'), option: code })
]);

export const ZKeyFigureInput = z.strictObject({
	question: code,
	measure: ZKeyFigureMeasure,
	/** The sentence with `{percent}`, `{count}`, `{n}` or `{mean}` where the figure goes. */
	template: line(500),
	enabled: z.boolean()
});
export type TKeyFigureInput = z.infer<typeof ZKeyFigureInput>;

export const ZQuestionInput = z.strictObject({
	code,
	included: z.boolean(),
	/**
	 * The subsection's heading in this report; empty = the question's topic title in the questionnaire, or
	 * its text. A follow-up has no heading (it sits in its question's subsection): this names its chart.
	 */
	title: line(300),
	chart: z.boolean(),
	table: z.boolean(),
	/** The theme counts of a free-text question. */
	themes: z.boolean(),
	/** Responses whose answer to this question is quoted; shown only while marked quotable. */
	quotes: z.array(z.uuid()).max(50),
	markdown: ZNarrative
});
export type TQuestionInput = z.infer<typeof ZQuestionInput>;

export const ZReportDefinition = z
	.strictObject({
		lang: z.enum(['sv', 'en']),
		meta: ZReportMetaInput,
		sections: z.array(ZReportSectionInput).min(1).max(60),
		keyFigures: z.array(ZKeyFigureInput).max(100),
		/** Show the maturity index (region and organisations) with the key figures. */
		maturity: z.boolean(),
		questions: z.array(ZQuestionInput).max(500)
	})
	.superRefine((d, ctx) => {
		const issue = (path: (string | number)[], message: string) =>
			ctx.addIssue({ code: 'custom', path, message });
		const ids = new Set<string>();
		d.sections.forEach((s, i) => {
			if (ids.has(s.id)) issue(['sections', i, 'id'], `duplicate section "${s.id}"`);
			ids.add(s.id);
		});
		for (const kind of ['method', 'keyFigures', 'questions'] as const) {
			if (d.sections.filter((s) => s.kind === kind).length > 1)
				issue(['sections'], `at most one section of kind "${kind}"`);
		}
		const codes = new Set<string>();
		d.questions.forEach((q, i) => {
			if (codes.has(q.code)) issue(['questions', i, 'code'], `duplicate question "${q.code}"`);
			codes.add(q.code);
		});
	});
export type TReportDefinition = z.infer<typeof ZReportDefinition>;
export type TReportDefinitionInput = z.input<typeof ZReportDefinition>;

/** The placeholders a key-figure template may hold. */
export const KEY_FIGURE_PLACEHOLDERS = ['percent', 'count', 'n', 'mean'] as const;

/** A key-figure sentence with its placeholders filled; unknown `{…}` stay as they are written. */
export function fillKeyFigure(
	template: string,
	values: Partial<Record<(typeof KEY_FIGURE_PLACEHOLDERS)[number], string>>
): string {
	return template.replace(/\{(percent|count|n|mean)\}/g, (whole, name: keyof typeof values) => {
		return values[name] ?? whole;
	});
}

/** A new free section's id, unique among the existing ones. */
export function freeSectionId(existing: readonly { id: string }[]): string {
	const taken = new Set(existing.map((s) => s.id));
	for (let i = 1; ; i++) {
		const id = `extra-${i}`;
		if (!taken.has(id)) return id;
	}
}
