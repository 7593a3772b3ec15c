import {
	AlignmentType,
	BorderStyle,
	Footer,
	Header,
	HeadingLevel,
	PageNumber,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	WidthType
} from 'docx';
import type { TReportDocument } from '../../../core/report/document.ts';
import type { TReportLabels } from '../../../core/report/report-labels.ts';
import { ACCENT, MUTED } from './docx-styles.ts';
import { textRuns } from './docx-text-runs.ts';

/** Header and footer paragraphs, the same text as the PDF's. */
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' };

/** The page number as "Sida X (Y)", from Word's PAGE and NUMPAGES fields. */
function pageOf(l: TReportLabels): TextRun {
	const [beforePage, betweenNumbers, afterPages] = l.pageParts;
	return new TextRun({
		children: [beforePage, PageNumber.CURRENT, betweenNumbers, PageNumber.TOTAL_PAGES, afterPages]
	});
}

/**
 * The header, the same as the PDF's: "Sida X (Y)" at the right over the document's particulars as small
 * capitalised labels over their values; the footer repeats the title.
 */
export function headerFooter(doc: TReportDocument, l: TReportLabels) {
	const { meta } = doc;
	const published = meta.publishedOn ?? l.draft;
	const cell = (width: number, children: Paragraph[]) =>
		new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children });
	const field = (label: string, value: string) => [
		new Paragraph({ style: 'HeaderLabel', children: textRuns(label) }),
		new Paragraph({ style: 'HeaderText', children: textRuns(value) })
	];
	const header = new Header({
		children: [
			new Paragraph({ style: 'HeaderText', alignment: AlignmentType.RIGHT, children: [pageOf(l)] }),
			new Table({
				width: { size: 100, type: WidthType.PERCENTAGE },
				borders: {
					top: NO_BORDER,
					left: NO_BORDER,
					right: NO_BORDER,
					insideHorizontal: NO_BORDER,
					insideVertical: NO_BORDER,
					bottom: { style: BorderStyle.SINGLE, size: 6, color: ACCENT }
				},
				rows: [
					new TableRow({
						children: [
							cell(40, field(l.organisation, meta.organisation)),
							cell(32, field(l.documentId, meta.documentId)),
							cell(28, field(l.version, meta.version))
						]
					}),
					new TableRow({
						children: [
							cell(40, field(l.published, published)),
							cell(32, field(l.responsible, meta.responsible)),
							cell(28, field(l.author, meta.author))
						]
					})
				]
			}),
			new Paragraph({ style: 'HeaderText' })
		]
	});
	// The footer names the document; the page number is in the header only, as in the region's template.
	const footer = new Footer({
		children: [
			new Paragraph({
				style: 'HeaderText',
				border: { top: { style: BorderStyle.SINGLE, size: 4, color: MUTED, space: 4 } },
				children: textRuns(meta.title)
			})
		]
	});
	return { header, footer };
}

export function titlePage(doc: TReportDocument, l: TReportLabels): Paragraph[] {
	const { meta } = doc;
	return [
		new Paragraph({
			style: 'Organisation',
			spacing: { before: 1400 },
			children: textRuns(meta.organisation)
		}),
		new Paragraph({ spacing: { before: 3600 }, heading: HeadingLevel.TITLE, children: textRuns(meta.title) }),
		new Paragraph({ style: 'Subtitle', spacing: { after: 4800 }, children: textRuns(meta.subtitle) }),
		new Paragraph({
			border: { top: { style: BorderStyle.SINGLE, size: 6, color: MUTED, space: 8 } },
			children: [
				new TextRun({ text: `${l.published}\t`, bold: true }),
				...textRuns(meta.publishedOn ?? l.draft)
			],
			tabStops: [{ type: TabStopType.LEFT, position: 1700 }]
		}),
		new Paragraph({
			children: [new TextRun({ text: `${l.version}\t`, bold: true }), ...textRuns(meta.version)],
			tabStops: [{ type: TabStopType.LEFT, position: 1700 }]
		})
	];
}
