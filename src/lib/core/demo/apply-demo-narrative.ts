import { freeSectionId, type TReportDefinition, ZReportDefinition } from '../report/report-definition.ts';
import {
	DEMO_EXTRA_SECTIONS,
	DEMO_QUESTION_NARRATIVE,
	DEMO_REPORT_META,
	DEMO_SECTION_NARRATIVE
} from './demo-narrative.ts';

/**
 * The demo wave's report: the default report with the demo's document details, its narrative per
 * section and question, its two reflections as free sections, and the given quotable answers quoted
 * (response ids per question code).
 */
export function applyDemoNarrative(
	definition: TReportDefinition,
	quotes: Record<string, string[]>
): TReportDefinition {
	const sections = definition.sections.map((s) => ({
		...s,
		markdown: DEMO_SECTION_NARRATIVE[s.id] ?? s.markdown
	}));
	for (const extra of DEMO_EXTRA_SECTIONS) {
		sections.push({ id: freeSectionId(sections), kind: 'text', ...extra });
	}
	return ZReportDefinition.parse({
		...definition,
		meta: { ...definition.meta, ...DEMO_REPORT_META },
		sections,
		questions: definition.questions.map((q) => ({
			...q,
			markdown: DEMO_QUESTION_NARRATIVE[q.code] ?? q.markdown,
			quotes: quotes[q.code] ?? q.quotes
		}))
	});
}
