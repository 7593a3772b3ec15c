import type { TLssDocument, TLssRow } from './read-lss.ts';

/** A text of the file in each of its languages (LimeSurvey's codes), as HTML. */
export type TLssTexts = Map<string, string>;

export interface TLssGroup {
	gid: string;
	order: number;
	relevance: string;
	name: TLssTexts;
	description: TLssTexts;
}

export interface TLssQuestion {
	qid: string;
	parent: string;
	gid: string;
	type: string;
	title: string;
	other: boolean;
	mandatory: boolean;
	order: number;
	scale: string;
	relevance: string;
	/** A regular expression the answer must match (`preg`). */
	validation: string;
	text: TLssTexts;
	help: TLssTexts;
	attributes: Map<string, string>;
}

export interface TLssAnswer {
	qid: string;
	code: string;
	order: number;
	scale: string;
	label: TLssTexts;
}

/** The survey's groups, questions (subquestions with their parent) and answers, each in the file's order. */
export interface TLssSurvey {
	sid: string;
	base: string | undefined;
	languages: string[];
	title: TLssTexts;
	description: TLssTexts;
	groups: TLssGroup[];
	/** Top-level questions in group and question order. */
	questions: TLssQuestion[];
	subquestions: Map<string, TLssQuestion[]>;
	answers: Map<string, TLssAnswer[]>;
	/** LimeSurvey's older conditions table, by the question they belong to. */
	conditions: Map<string, TLssRow[]>;
}

/**
 * The file's tables as one survey, from either layout: before LimeSurvey 4 every row of `groups`,
 * `questions`, `subquestions` and `answers` holds one language's texts (`language`); from LimeSurvey 4 on
 * they hold no texts, and `group_l10ns`, `question_l10ns` and `answer_l10ns` hold them per language.
 */
export function surveyOf(document: TLssDocument): TLssSurvey {
	const table = (name: string) => document.tables[name] ?? [];
	const survey = table('surveys')[0];
	const extra = (survey?.additional_languages ?? '').split(/\s+/).filter(Boolean);
	const settings = table('surveys_languagesettings');
	const texts = (rows: TLssRow[], field: string, language = 'language'): TLssTexts =>
		new Map(rows.filter((r) => r[language]).map((r) => [r[language] as string, r[field] ?? '']));

	const groups = new Map<string, TLssGroup>();
	for (const row of table('groups')) {
		const gid = row.gid ?? '';
		const group = groups.get(gid) ?? {
			gid,
			order: number(row.group_order),
			relevance: row.grelevance ?? '',
			name: new Map(),
			description: new Map()
		};
		group.order = Math.min(group.order, number(row.group_order));
		groups.set(gid, group);
	}
	for (const row of [...table('groups'), ...table('group_l10ns')]) {
		const group = groups.get(row.gid ?? '');
		if (!group || !row.language) continue;
		group.name.set(row.language, row.group_name ?? '');
		group.description.set(row.language, row.description ?? '');
	}

	const attributes = new Map<string, Map<string, string>>();
	for (const row of table('question_attributes')) {
		if (row.language) continue;
		const of = attributes.get(row.qid ?? '') ?? new Map<string, string>();
		of.set(row.attribute ?? '', row.value ?? '');
		attributes.set(row.qid ?? '', of);
	}
	const questions = new Map<string, TLssQuestion>();
	const questionRows = [...table('questions'), ...table('subquestions')];
	for (const row of questionRows) {
		const qid = row.qid ?? '';
		if (questions.has(qid)) continue;
		questions.set(qid, {
			qid,
			parent: row.parent_qid || '0',
			gid: row.gid ?? '',
			type: row.type ?? '',
			title: row.title ?? '',
			other: row.other === 'Y',
			mandatory: row.mandatory === 'Y',
			order: number(row.question_order),
			scale: row.scale_id || '0',
			relevance: row.relevance ?? '',
			validation: row.preg ?? '',
			text: new Map(),
			help: new Map(),
			attributes: attributes.get(qid) ?? new Map()
		});
	}
	for (const row of [...questionRows, ...table('question_l10ns')]) {
		const question = questions.get(row.qid ?? '');
		if (!question || !row.language) continue;
		question.text.set(row.language, row.question ?? '');
		question.help.set(row.language, row.help ?? '');
	}

	const answers = new Map<string, TLssAnswer>();
	const byAid = new Map<string, TLssAnswer>();
	for (const row of table('answers')) {
		const key = `${row.qid}|${row.scale_id || '0'}|${row.code}`;
		const answer = answers.get(key) ?? {
			qid: row.qid ?? '',
			code: row.code ?? '',
			order: number(row.sortorder),
			scale: row.scale_id || '0',
			label: new Map()
		};
		answers.set(key, answer);
		if (row.aid) byAid.set(row.aid, answer);
		if (row.language) answer.label.set(row.language, row.answer ?? '');
	}
	for (const row of table('answer_l10ns')) {
		const answer = byAid.get(row.aid ?? '');
		if (answer && row.language) answer.label.set(row.language, row.answer ?? '');
	}

	const orderedGroups = [...groups.values()].sort(
		(a, b) => a.order - b.order || number(a.gid) - number(b.gid)
	);
	const groupIndex = new Map(orderedGroups.map((g, i) => [g.gid, i]));
	const byOrder = (a: { order: number; qid: string }, b: { order: number; qid: string }) =>
		a.order - b.order || number(a.qid) - number(b.qid);
	const all = [...questions.values()];
	const subquestions = new Map<string, TLssQuestion[]>();
	for (const q of all.filter((q) => q.parent !== '0').sort(byOrder))
		subquestions.set(q.parent, [...(subquestions.get(q.parent) ?? []), q]);
	const answerLists = new Map<string, TLssAnswer[]>();
	for (const a of [...answers.values()].sort((a, b) => a.order - b.order))
		answerLists.set(a.qid, [...(answerLists.get(a.qid) ?? []), a]);
	const conditions = new Map<string, TLssRow[]>();
	for (const row of table('conditions'))
		conditions.set(row.qid ?? '', [...(conditions.get(row.qid ?? '') ?? []), row]);

	return {
		sid: survey?.sid ?? settings[0]?.surveyls_survey_id ?? '',
		base: survey?.language || undefined,
		languages: [...document.languages, ...extra],
		title: texts(settings, 'surveyls_title', 'surveyls_language'),
		description: texts(settings, 'surveyls_description', 'surveyls_language'),
		groups: orderedGroups,
		questions: all
			.filter((q) => q.parent === '0' && groupIndex.has(q.gid))
			.sort((a, b) => (groupIndex.get(a.gid) ?? 0) - (groupIndex.get(b.gid) ?? 0) || byOrder(a, b)),
		subquestions,
		answers: answerLists,
		conditions
	};
}

const number = (value: string | undefined) => {
	const n = Number(value);
	return Number.isFinite(n) ? n : 0;
};
