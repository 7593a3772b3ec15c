import { Document, Packer, Paragraph, TableOfContents } from 'docx';
import type { TReportDocument } from '../../core/report/document.ts';
import { printableText } from '../../core/report/printable-text.ts';
import { reportLabels } from '../../core/report/report-labels.ts';
import { DocxBuilder } from './docx/docx-builder.ts';
import { headerFooter, titlePage } from './docx/docx-header-footer.ts';
import { DOCX_NUMBERING, DOCX_PAGE, docxStyles } from './docx/docx-styles.ts';
import { textRuns } from './docx/docx-text-runs.ts';
import { reproducibleDocx } from './docx/reproducible-docx.ts';

// The report as a Word file, the form a region edits and circulates. Word's own styles carry the structure
// (Heading 1–3, Title, Caption, Quote, List Paragraph), so the table of contents field, the navigation pane
// and a region's template work on it. The docx library escapes every text it writes as XML; text reaches
// it only as run text, never as markup. The pieces are in docx/: styles, the builder of the sections,
// header, footer and title page, and the reproducible zip.

/**
 * Renders the report to a Word (.docx) file: a title page, a table of contents field (Word fills it in
 * when the file is opened, after asking), then the sections under Heading 1–3, with the same header and
 * footer as the PDF ("Sida X (Y)" from Word's PAGE and NUMPAGES fields) and the charts as PNG pictures
 * whose description is the chart's text alternative.
 */
export async function renderReportDocx(doc: TReportDocument): Promise<Uint8Array> {
	const { meta } = doc;
	const l = reportLabels(meta.lang);
	const builder = new DocxBuilder(l);
	const { header, footer } = headerFooter(doc, l);
	const file = new Document({
		title: printableText(meta.title),
		subject: printableText(meta.subtitle),
		creator: printableText(meta.author),
		lastModifiedBy: printableText(meta.author),
		description: printableText(`${meta.organisation}, ${meta.documentId}, ${meta.version}`),
		// Word fills in the table of contents' page numbers when it opens the file (after asking). The docx
		// library could lay the pages out to write them in advance (docx/layout), but that takes seconds for a
		// report with long answers, where Word takes a moment.
		features: { updateFields: true },
		hyphenation: { autoHyphenation: true },
		styles: docxStyles(meta.lang),
		numbering: DOCX_NUMBERING,
		sections: [
			{
				properties: { page: DOCX_PAGE },
				headers: { default: header },
				footers: { default: footer },
				children: [
					...titlePage(doc, l),
					// A break before the heading rather than a paragraph of its own: a title page that fills its page
					// would push that paragraph, and its break, onto a page left empty.
					new Paragraph({ style: 'TOCHeading', pageBreakBefore: true, children: textRuns(l.contents) }),
					new TableOfContents(l.contents, { hyperlink: true, headingStyleRange: '1-2' }),
					...doc.sections.flatMap((s, i) => builder.section(s, 1, i === 0))
				]
			}
		]
	});
	const buffer = await Packer.toBuffer(file);
	return reproducibleDocx(
		new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength),
		meta.publishedOn
	);
}
