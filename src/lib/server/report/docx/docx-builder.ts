import {
	AlignmentType,
	BorderStyle,
	HeadingLevel,
	ImageRun,
	Paragraph,
	type ParagraphChild,
	ShadingType,
	SimpleField,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import {
	printsFigureTable,
	type TReportBlock,
	type TReportSection,
	type TReportTable
} from '../../../core/report/document.ts';
import { parseMarkdown, type TMarkdownBlock } from '../../../core/report/parse-markdown.ts';
import type { TReportLabels } from '../../../core/report/report-labels.ts';
import { chartPng, type TChartPng } from './chart-png.ts';
import { ACCENT } from './docx-styles.ts';
import { inlineRuns, textRuns } from './docx-text-runs.ts';

/** The report's sections and blocks as Word paragraphs and tables, numbering lists and captions as it goes. */
export class DocxBuilder {
	/** Each ordered list restarts its numbering: one numbering instance per list. */
	private orderedLists = 0;
	/** Figures and tables are numbered apart, as Word's captions are; the SEQ fields carry the numbers. */
	private readonly captions = { figure: 0, table: 0 };
	private readonly charts = new Map<string, TChartPng>();
	private readonly labels: TReportLabels;

	constructor(labels: TReportLabels) {
		this.labels = labels;
	}

	markdown(block: TMarkdownBlock): Paragraph[] {
		switch (block.kind) {
			case 'paragraph':
				return [new Paragraph({ children: inlineRuns(block.children) })];
			case 'heading':
				// Narrative subheadings stay out of the table of contents: a style of their own, not Heading n.
				return [new Paragraph({ style: 'Subheading', children: inlineRuns(block.children) })];
			case 'list':
				return this.list(
					block.ordered,
					block.items.map((item) => inlineRuns(item))
				);
			case 'quote':
				return [new Paragraph({ style: 'Quote', children: inlineRuns(block.children) })];
		}
	}

	list(ordered: boolean, items: ParagraphChild[][]): Paragraph[] {
		const instance = ordered ? ++this.orderedLists : 0;
		return items.map(
			(children) =>
				new Paragraph({
					style: 'ListParagraph',
					numbering: { reference: ordered ? 'ordered' : 'bullets', level: 0, instance },
					children
				})
		);
	}

	caption(kind: 'figure' | 'table', text: string): Paragraph {
		const label = this.labels[kind];
		const number = ++this.captions[kind];
		return new Paragraph({
			style: 'Caption',
			keepNext: kind === 'table',
			children: [
				new TextRun(`${label} `),
				new SimpleField(`SEQ ${label} \\* ARABIC`, String(number)),
				new TextRun(': '),
				...textRuns(text)
			]
		});
	}

	table(data: TReportTable): Table {
		const columns = Math.max(data.head.length, ...data.rows.map((row) => row.length), 1);
		const cell = (text: string, column: number, header: boolean) =>
			new TableCell({
				shading: header ? { type: ShadingType.CLEAR, fill: 'DCE6F0', color: 'auto' } : undefined,
				children: [
					new Paragraph({
						style: 'TableText',
						alignment: data.numeric[column] ? AlignmentType.RIGHT : AlignmentType.LEFT,
						children: textRuns(text, header ? { bold: true } : {})
					})
				]
			});
		const row = (texts: string[], header: boolean) =>
			new TableRow({
				tableHeader: header,
				cantSplit: true,
				children: Array.from({ length: columns }, (_, i) => cell(texts[i] ?? '', i, header))
			});
		const line = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
		return new Table({
			width: { size: 100, type: WidthType.PERCENTAGE },
			borders: {
				top: { style: BorderStyle.SINGLE, size: 8, color: ACCENT },
				bottom: line,
				insideHorizontal: line,
				left: { style: BorderStyle.NONE, size: 0, color: 'auto' },
				right: { style: BorderStyle.NONE, size: 0, color: 'auto' },
				insideVertical: { style: BorderStyle.NONE, size: 0, color: 'auto' }
			},
			rows: [row(data.head, true), ...data.rows.map((r) => row(r, false))]
		});
	}

	figure(svg: string, alt: string, caption: string, data: TReportTable | null): Array<Paragraph | Table> {
		// The same chart drawn twice in one report (a repeated question) is converted once.
		let chart = this.charts.get(svg);
		if (!chart) {
			chart = chartPng(svg);
			this.charts.set(svg, chart);
		}
		const { png, width, height } = chart;
		return [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				keepNext: true,
				children: [
					new ImageRun({
						type: 'png',
						data: png,
						transformation: { width, height },
						altText: { name: caption, title: caption, description: alt }
					})
				]
			}),
			this.caption('figure', caption),
			...(data ? [this.caption('table', caption), this.table(data)] : []),
			new Paragraph({})
		];
	}

	block(item: TReportBlock, withFigureTable = true): Array<Paragraph | Table> {
		switch (item.kind) {
			case 'markdown':
				return parseMarkdown(item.markdown).flatMap((b) => this.markdown(b));
			case 'paragraph':
				return [new Paragraph({ children: textRuns(item.text) })];
			case 'list':
				return this.list(
					false,
					item.items.map((text) => textRuns(text))
				);
			case 'figure':
				return this.figure(item.svg, item.alt, item.caption, withFigureTable ? item.table : null);
			case 'table':
				return [this.caption('table', item.caption), this.table(item.table), new Paragraph({})];
			case 'quote':
				return [new Paragraph({ style: 'Quote', children: textRuns(item.text) })];
			case 'notice':
				return [new Paragraph({ style: 'Notice', children: textRuns(item.text) })];
		}
	}

	/**
	 * A section and its subsections. Sections run on as in the PDF and the seed, without a page of their
	 * own: `newPage` for the first after the table of contents.
	 */
	section(item: TReportSection, depth: number, newPage = false): Array<Paragraph | Table> {
		const heading = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][
			Math.min(depth, 3) - 1
		];
		const title = item.number === null ? item.title : `${item.number}\u2003${item.title}`;
		return [
			new Paragraph({ heading, pageBreakBefore: newPage, children: textRuns(title) }),
			...item.blocks.flatMap((b, i) => this.block(b, printsFigureTable(item.blocks, i))),
			...item.sections.flatMap((s) => this.section(s, depth + 1))
		];
	}
}
