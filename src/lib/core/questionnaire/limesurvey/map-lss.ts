import type { TQuestion, TQuestionnaire, TSection } from '../definition.ts';
import { parseQuestionnaire } from '../parse-questionnaire.ts';
import { codeAllocator } from './lss-codes.ts';
import { readRelevance } from './lss-condition.ts';
import { planLanguages, textOf } from './lss-languages.ts';
import { surveyOf, type TLssTexts } from './lss-model.ts';
import type { TLssNotice, TLssRefusal, TLssSkipped, TLssSkipReason } from './lss-problems.ts';
import { builtIn, questionOf } from './lss-question.ts';
import type { TLssDocument } from './read-lss.ts';
import { conditionOf, resolveCondition, type TMapped } from './resolve-lss-condition.ts';

export interface TLssImport {
	questionnaire: TQuestionnaire;
	skipped: TLssSkipped[];
	notices: TLssNotice[];
}

/** A questionnaire's code as a new questionnaire takes it (start-new-questionnaire.ts). */
export const QUESTIONNAIRE_CODE = /^[a-z][a-z0-9_-]{1,62}$/;

/**
 * A LimeSurvey survey as a questionnaire draft (version 1) with the questions that map whole, the
 * questions left out with their reasons, and notices. A question is imported with all of its parts or
 * not at all; one whose condition cannot be read, or refers to a question left out, is left out too; a
 * group left without questions is dropped. Refused when nothing maps or the result would not be valid.
 */
export function mapLss(
	document: TLssDocument,
	options: { code?: string } = {}
): { ok: true; result: TLssImport } | { ok: false; refusal: TLssRefusal; skipped: TLssSkipped[] } {
	const survey = surveyOf(document);
	const plan = planLanguages(survey.languages, survey.base);
	if (!plan) return { ok: false, refusal: { key: 'noLanguage' }, skipped: [] };
	const code = options.code ?? (/^\d+$/.test(survey.sid) ? `ls_${survey.sid}` : 'ls_enkat');
	if (!QUESTIONNAIRE_CODE.test(code))
		return { ok: false, refusal: { key: 'invalidCode', code }, skipped: [] };

	const notices: TLssNotice[] = [...plan.notices];
	const skipped: TLssSkipped[] = [];
	const missing = { count: 0 };
	const text = (texts: TLssTexts) => textOf(plan, (l) => texts.get(l), missing);
	const questionCode = codeAllocator('q');
	const codes = new Map(survey.questions.map((q) => [q.qid, questionCode(q.title)]));
	for (const q of survey.questions) {
		const to = codes.get(q.qid) as string;
		if (to !== q.title.toLowerCase()) notices.push({ key: 'codeChanged', from: q.title, to });
	}
	const mapped = new Map<string, TMapped>();
	const skippedQids = new Set<string>();
	const sections: TSection[] = [];

	survey.groups.forEach((group, page) => {
		const groupCondition = readRelevance(group.relevance);
		const questions: TQuestion[] = [];
		for (const q of survey.questions.filter((q) => q.gid === group.gid)) {
			const skip = (reason: TLssSkipReason) => {
				skipped.push({ question: q.title, reason });
				skippedQids.add(q.qid);
			};
			const built = questionOf(q, survey, plan, text, codes.get(q.qid) as string, notices);
			if ('skip' in built) {
				skip(built.skip);
				continue;
			}
			if (groupCondition === undefined) {
				skip({ key: 'groupCondition', expression: group.relevance });
				continue;
			}
			const own = conditionOf(q, survey, codes);
			if ('skip' in own) {
				skip(own.skip);
				continue;
			}
			if (own.equality && groupCondition) {
				skip({ key: 'twoConditions' });
				continue;
			}
			const equality = own.equality ?? groupCondition;
			if (equality) {
				const showIf = resolveCondition(equality, survey, mapped, skippedQids);
				if ('skip' in showIf) {
					skip(showIf.skip);
					continue;
				}
				built.question.showIf = showIf.condition;
			}
			mapped.set(q.qid, { question: built.question, page, values: built.values });
			questions.push(built.question);
		}
		const name = text(group.name);
		if (questions.length === 0) {
			if (survey.questions.some((q) => q.gid === group.gid))
				notices.push({ key: 'groupDropped', group: name?.sv ?? group.gid });
			return;
		}
		const n = sections.length + 1;
		const intro = text(group.description);
		sections.push({
			code: `sida_${n}`,
			title: name ?? builtIn(plan, `Sida ${n}`, `Page ${n}`),
			...(intro ? { intro } : {}),
			questions
		});
	});

	if (sections.length === 0)
		return { ok: false, refusal: { key: 'nothingMaps', skipped: skipped.length }, skipped };
	const title = text(survey.title) ?? { sv: code };
	const description = text(survey.description);
	if (missing.count > 0) notices.push({ key: 'swedishMissing', count: missing.count });
	const parsed = parseQuestionnaire({
		code,
		version: 1,
		title,
		...(description ? { description } : {}),
		languages: plan.languages,
		sections
	});
	if (!parsed.ok) return { ok: false, refusal: { key: 'invalidResult', errors: parsed.errors }, skipped };
	return { ok: true, result: { questionnaire: parsed.questionnaire, skipped, notices } };
}
