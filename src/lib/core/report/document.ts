import { z } from 'zod';

// The report as the renderers see it: a tree of numbered sections holding a few kinds of blocks. All
// figures are already computed and formatted (Swedish or English) by the server from the results engine;
// the renderers (HTML, Typst → PDF, DOCX) only lay them out, and treat every string as literal text except
// `markdown`, whose Markdown structure (see parse-markdown.ts) they render and whose text is literal too.

export const ZReportTable = z.object({
	head: z.array(z.string()),
	rows: z.array(z.array(z.string())),
	/** Per column: true when it holds figures (set flush right). */
	numeric: z.array(z.boolean())
});
export type TReportTable = z.infer<typeof ZReportTable>;

export const ZReportBlock = z.discriminatedUnion('kind', [
	/** The analyst's narrative, in Markdown. */
	z.object({ kind: z.literal('markdown'), markdown: z.string() }),
	/** A generated paragraph of plain text, e.g. "n = 20, medelvärde 8,5". */
	z.object({ kind: z.literal('paragraph'), text: z.string() }),
	/** A generated bullet list of plain text, e.g. the key-figure sentences. */
	z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
	/** A chart (SVG from the server's chart renderer) with its text alternative and data table. */
	z.object({
		kind: z.literal('figure'),
		svg: z.string(),
		alt: z.string(),
		caption: z.string(),
		table: ZReportTable
	}),
	z.object({ kind: z.literal('table'), caption: z.string(), table: ZReportTable }),
	/** A free-text answer the analyst chose to quote. */
	z.object({ kind: z.literal('quote'), text: z.string() }),
	/** A generated remark that stands out, e.g. "Too few responses to show figures (fewer than 5)". */
	z.object({ kind: z.literal('notice'), text: z.string() })
]);
export type TReportBlock = z.infer<typeof ZReportBlock>;

export type TReportSection = {
	/** "5.1", or null for an unnumbered section. */
	number: string | null;
	title: string;
	blocks: TReportBlock[];
	sections: TReportSection[];
};
export const ZReportSection: z.ZodType<TReportSection> = z.lazy(() =>
	z.object({
		number: z.string().nullable(),
		title: z.string(),
		blocks: z.array(ZReportBlock),
		sections: z.array(ZReportSection)
	})
);

/** What every page's header and footer show, and the title page. */
export const ZReportMeta = z.object({
	lang: z.enum(['sv', 'en']),
	title: z.string(),
	subtitle: z.string(),
	/** The publishing organisation, e.g. "Region Norrbotten". */
	organisation: z.string(),
	documentId: z.string(),
	version: z.string(),
	/** ISO date (YYYY-MM-DD), or null for a draft. */
	publishedOn: z.string().nullable(),
	/** "Ansvarig". */
	responsible: z.string(),
	/** "Upprättad av". */
	author: z.string()
});
export type TReportMeta = z.infer<typeof ZReportMeta>;

export const ZReportDocument = z.object({
	meta: ZReportMeta,
	sections: z.array(ZReportSection)
});
export type TReportDocument = z.infer<typeof ZReportDocument>;

/**
 * Whether the report shows the figure at `index` with its data table as a table: not when a table follows
 * it directly, which is the question's own table of the same figures (one table per chart). The web page
 * then keeps the figure's table folded inside the figure, as the chart's text alternative.
 */
export const printsFigureTable = (blocks: readonly TReportBlock[], index: number): boolean =>
	blocks[index]?.kind === 'figure' && blocks[index + 1]?.kind !== 'table';
