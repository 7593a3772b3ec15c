import type { TReportBlock, TReportDocument, TReportSection } from './document.ts';
import { keyFigureBlocks } from './key-figure-blocks.ts';
import { methodBlocks } from './method-blocks.ts';
import { noResponsesNotice, questionSections } from './question-sections.ts';
import type { TReportDefinition } from './report-definition.ts';
import { narrativeBlocks, type TReportInputs } from './report-inputs.ts';

/**
 * A report definition and its loaded figures as the document the renderers take: the sections numbered,
 * each with the analyst's narrative and its generated blocks (method, key figures and maturity, one
 * subsection per question), and the header's particulars.
 */
export function buildReportDocument(
	definition: TReportDefinition,
	inputs: TReportInputs,
	edition: { version: string; publishedOn: string | null }
): TReportDocument {
	const included = definition.questions.filter((q) => q.included);
	let numbered = 0;
	const sections = definition.sections.map((section): TReportSection => {
		numbered++;
		const number = String(numbered);
		const blocks: TReportBlock[] = narrativeBlocks(section.markdown);
		let subsections: TReportSection[] = [];
		if (section.kind === 'method') blocks.push(...methodBlocks(inputs));
		if (section.kind === 'keyFigures') blocks.push(...keyFigureBlocks(inputs, definition.keyFigures));
		if (section.kind === 'questions') {
			const notice = noResponsesNotice(inputs);
			if (notice) blocks.push(notice);
			else subsections = questionSections(inputs, number, included);
		}
		return { number, title: section.title, blocks, sections: subsections };
	});

	const meta = definition.meta;
	return {
		meta: {
			lang: definition.lang,
			title: meta.title,
			subtitle: inputs.organisation
				? [meta.subtitle, inputs.organisation.name].filter((s) => s !== '').join(' – ')
				: meta.subtitle,
			organisation: meta.organisation,
			documentId: meta.documentId,
			version: edition.version,
			publishedOn: edition.publishedOn,
			responsible: meta.responsible,
			author: meta.author
		},
		sections
	};
}
