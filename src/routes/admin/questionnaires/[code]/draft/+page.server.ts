import { error, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { compareVersions } from '#lib/core/questionnaire/compare-versions.ts';
import type { TQuestionnaire } from '#lib/core/questionnaire/definition.ts';
import {
	NEW_QUESTION_TYPES,
	renameable,
	type TNewQuestion,
	type TTextInput
} from '#lib/core/questionnaire/draft-edit.ts';
import { languageName } from '#lib/core/questionnaire/language-name.ts';
import { t } from '#lib/core/questionnaire/text.ts';
import { untranslatedTexts } from '#lib/core/questionnaire/untranslated.ts';
import { MANAGERS } from '#lib/core/roles/role-sets.ts';
import { m } from '#lib/paraglide/messages.js';
import { exportQuestionnaire } from '#lib/server/exchange/export-questionnaire.ts';
import { createQuestionnaireDraft } from '#lib/server/questionnaires/create-questionnaire-draft.ts';
import { discardQuestionnaireDraft } from '#lib/server/questionnaires/discard-questionnaire-draft.ts';
import { getQuestionnaireDraft } from '#lib/server/questionnaires/get-questionnaire-draft.ts';
import { publishQuestionnaireDraft } from '#lib/server/questionnaires/publish-questionnaire-draft.ts';
import { DRAFT_FORM, draftEditAction, draftRefusal } from '#lib/server/web/draft-edit-action.ts';
import { formAction } from '#lib/server/web/form-action.ts';
import { pageLoad } from '#lib/server/web/page-load.ts';
import { questionEditsText } from '#lib/server/web/question-edits-text.ts';
import { textPlace } from '#lib/server/web/text-place.ts';
import type { Actions, PageServerLoad } from './$types';

type TLang = 'sv' | 'en';
const text = (value: { sv: string; en?: string } | undefined) => ({
	sv: value?.sv ?? '',
	en: value?.en ?? ''
});

// The designer's page for the next version of a questionnaire: every text of the draft in Swedish and
// English, one form per questionnaire, page and question (plain form posts), its difference from the
// version it was made from, and publishing.
export const load: PageServerLoad = pageLoad({ roles: MANAGERS }, async ({ db, lang, event }) => {
	const code = event.params.code;
	const draft = await getQuestionnaireDraft(db, code);
	// A new questionnaire has a draft and no published version yet; a code with neither is not found.
	const newest = draft?.baseVersion === null ? null : (await exportQuestionnaire(db, { code })).definition;
	if (!draft) {
		if (!newest) error(404, { message: m.not_found_title() });
		return { code, title: t(newest.title, lang), newest: newest.version, draft: null };
	}
	const q = draft.definition;
	const base = newest && draft.baseVersion === newest.version ? newest : null;
	// Codes stay and questions are only added or removed: what changed in the others is their wording.
	const changes = base
		? compareVersions(base, q).flatMap((c) =>
				c.status === 'comparable' && c.edits.length > 0
					? [{ code: c.code, edits: questionEditsText(c.edits) }]
					: []
			)
		: [];
	return {
		code,
		title: t(q.title, lang),
		newest: newest?.version ?? null,
		draft: {
			version: q.version,
			baseVersion: draft.baseVersion,
			revision: draft.revision,
			updatedBy: draft.updatedBy,
			questionnaire: { title: text(q.title), description: text(q.description) },
			dimensions: q.dimensions.map((d) => ({ code: d.code, label: text(d.label), weight: d.weight })),
			levels: q.levels.map((l) => ({
				code: l.code,
				label: text(l.label),
				min: String(l.min),
				max: String(l.max),
				description: text(l.description)
			})),
			keyFigures: q.keyFigures.map((k) => ({ question: k.question, template: text(k.template) })),
			roleGroups: q.roleGroups.map((g) => ({
				code: g.code,
				label: text(g.label),
				keywords: g.titleKeywords.join(', ')
			})),
			sections: q.sections.map((s, si) => ({
				code: s.code,
				title: text(s.title),
				intro: text(s.intro),
				questions: s.questions.map((question, qi) => ({
					code: question.code,
					type: question.type,
					freeText:
						question.type === 'text'
							? { multiline: question.multiline, maxLength: String(question.maxLength) }
							: null,
					other: question.type === 'multi' ? (question.options.find((o) => o.other)?.code ?? '') : null,
					// Codes change only until a published version has the question.
					renameable: renameable(question.code, newest),
					dimension: question.dimension ?? '',
					reversed: question.reversed,
					followUpOf: question.followUpOf ?? '',
					// The questions before it, which it may follow up in the report.
					earlier: q.sections
						.slice(0, si + 1)
						.flatMap((x, xi) => (xi === si ? x.questions.slice(0, qi) : x.questions))
						.filter((x) => x.type !== 'background')
						.map((x) => ({ code: x.code, text: t(x.text, lang) })),
					text: text(question.text),
					help: text(question.help),
					topic: text(question.topic),
					required: question.required,
					condition: question.showIf
						? {
								question: question.showIf.question,
								options: question.showIf.in
									.map((o) => optionLabel(q, question.showIf?.question ?? '', o, lang))
									.join(', ')
							}
						: null,
					options:
						question.type === 'single' || question.type === 'multi'
							? question.options.map((o) => ({ code: o.code, label: text(o.label) }))
							: [],
					scale:
						question.type === 'scale'
							? {
									min: question.min,
									max: question.max,
									minLabel: text(question.minLabel),
									maxLabel: text(question.maxLabel),
									topBoxFrom: question.topBox ? String(question.topBox.from) : '',
									topBoxLabel: text(question.topBox?.label)
								}
							: null
				}))
			})),
			changes,
			languages: q.languages.map((code) => languageName(code, lang)).join(', '),
			untranslated: untranslatedTexts(q, 'en').map((u) => ({
				where: textPlace(u),
				sv: u.sv
			}))
		}
	};
});

/** An option's label in `lang`, or its code when the question or option is not found. */
function optionLabel(q: TQuestionnaire, question: string, option: string, lang: TLang): string {
	const target = q.sections.flatMap((s) => s.questions).find((x) => x.code === question);
	const found =
		target && (target.type === 'single' || target.type === 'multi')
			? target.options.find((o) => o.code === option)
			: undefined;
	return found ? t(found.label, lang) : option;
}

/** A text's Swedish (required or not) and English fields, e.g. `text_sv` and `text_en`. */
function textFields(name: string, lang: TLang, required: boolean) {
	const o = { locale: lang };
	const long = m.questionnaire_draft_error_long({}, o);
	const sv = z.string().trim().max(2000, long);
	return {
		[`${name}_sv`]: required ? sv.min(1, m.questionnaire_draft_error_text({}, o)) : sv.default(''),
		[`${name}_en`]: z.string().trim().max(2000, long).default('')
	};
}

const textOf = (input: Record<string, unknown>, name: string): TTextInput => ({
	sv: String(input[`${name}_sv`] ?? ''),
	en: String(input[`${name}_en`] ?? '')
});

const ZQuestionnaireForm = (lang: TLang) =>
	z.object({
		...DRAFT_FORM,
		...textFields('title', lang, true),
		...textFields('description', lang, false)
	});
const ZSectionForm = (lang: TLang) =>
	z.object({
		...DRAFT_FORM,
		section: z.string().min(1).max(100),
		...textFields('title', lang, true),
		...textFields('intro', lang, false)
	});
// A question's option labels come as `option.<code>_sv` and `option.<code>_en`, one pair per option: read
// from the form as posted; the questionnaire model checks them (a label needs its Swedish).
const ZQuestionForm = (lang: TLang) =>
	z.looseObject({
		...DRAFT_FORM,
		question: z.string().min(1).max(100),
		required: z.literal('on').optional(),
		// Only choice and scale questions measure a dimension: their form has the field.
		dimension: z.string().max(100).optional(),
		reversed: z.literal('on').optional(),
		followUpOf: z.string().max(100).optional(),
		// A scale's top box: from which point (empty: none), and its label.
		topBoxFrom: z
			.union([
				z.literal(''),
				z.coerce
					.number(m.questionnaire_draft_error_scale({}, { locale: lang }))
					.int(m.questionnaire_draft_error_scale({}, { locale: lang }))
			])
			.optional(),
		...textFields('topBox', lang, false),
		// A free-text question's form: one line or several, and the longest answer.
		lines: z.enum(['one', 'many']).optional(),
		maxLength: z.coerce
			.number(m.questionnaire_draft_error_length({}, { locale: lang }))
			.int(m.questionnaire_draft_error_length({}, { locale: lang }))
			.min(1, m.questionnaire_draft_error_length({}, { locale: lang }))
			.max(20_000, m.questionnaire_draft_error_length({}, { locale: lang }))
			.optional(),
		// A multiple choice's form: the option that takes a text ('' for none).
		other: z.string().max(100).optional(),
		...textFields('text', lang, true),
		...textFields('help', lang, false),
		...textFields('topic', lang, false)
	});

const ZCode = (lang: TLang) =>
	z
		.string()
		.trim()
		.regex(/^([a-z][a-z0-9_]{0,62})?$/, m.questionnaire_draft_error_code({}, { locale: lang }))
		.default('');
// A weight as Swedish users write it too: "1,5" is 1.5.
const ZWeight = (lang: TLang) => {
	const message = m.questionnaire_draft_error_weight({}, { locale: lang });
	return z.preprocess(
		(value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
		z.coerce.number(message).positive(message).max(100, message)
	);
};
const ZOptionForm = (lang: TLang) =>
	z.object({
		...DRAFT_FORM,
		question: z.string().min(1).max(100),
		code: ZCode(lang),
		...textFields('label', lang, true)
	});
const dimensionFields = (lang: TLang) => ({
	...DRAFT_FORM,
	weight: ZWeight(lang),
	...textFields('label', lang, true)
});
const ZDimensionForm = (lang: TLang) =>
	z.object({ ...dimensionFields(lang), dimension: z.string().min(1).max(100) });
const ZNewDimensionForm = (lang: TLang) => z.object({ ...dimensionFields(lang), code: ZCode(lang) });
const roleGroupFields = (lang: TLang) => ({
	...DRAFT_FORM,
	keywords: z.string().max(5000).default(''),
	...textFields('label', lang, true)
});
const ZRoleGroupForm = (lang: TLang) =>
	z.object({ ...roleGroupFields(lang), group: z.string().min(1).max(100) });
const ZNewRoleGroupForm = (lang: TLang) => z.object({ ...roleGroupFields(lang), code: ZCode(lang) });

const ZLevelForm = (lang: TLang) => {
	const message = m.questionnaire_draft_error_level({}, { locale: lang });
	const bound = z.preprocess(
		(value) => (typeof value === 'string' ? value.trim().replace(',', '.') : value),
		z.coerce.number(message).min(0, message).max(100, message)
	);
	return z.object({
		...DRAFT_FORM,
		level: z.string().min(1).max(100),
		min: bound,
		max: bound,
		...textFields('label', lang, true),
		...textFields('description', lang, false)
	});
};
const ZKeyFigureForm = (lang: TLang) =>
	z.object({
		...DRAFT_FORM,
		index: z.coerce.number().int().min(0).max(1000),
		...textFields('template', lang, true)
	});

// A question's new code, and its options' as `code.<option>` (empty: unchanged).
const ZRenameForm = (lang: TLang) =>
	z.looseObject({ ...DRAFT_FORM, question: z.string().min(1).max(100), code: ZCode(lang) });

/** The posted option codes (`code.<old>` → new), those given only. */
function optionCodes(input: Record<string, unknown>): Record<string, string> {
	const codes: Record<string, string> = {};
	for (const [key, value] of Object.entries(input)) {
		const match = /^code\.([a-z][a-z0-9_]*)$/.exec(key);
		if (match?.[1] && typeof value === 'string' && value.trim()) codes[match[1]] = value.trim().slice(0, 100);
	}
	return codes;
}

/** Title keywords as the form gives them: separated by commas or lines, lower-case, each once. */
const keywordsOf = (value: string): string[] => [
	...new Set(
		value
			.split(/[,\n]/)
			.map((k) => k.trim().toLowerCase())
			.filter(Boolean)
	)
];

/** A new question's fields; for a new page (`page: true`) its title instead of the page it goes on. */
const ZAddForm = (lang: TLang, page = false) => {
	const o = { locale: lang };
	const whole = z.coerce
		.number(m.questionnaire_draft_error_scale({}, o))
		.int(m.questionnaire_draft_error_scale({}, o));
	return z
		.object({
			...DRAFT_FORM,
			section: page ? z.string().max(100).default('') : z.string().min(1).max(100),
			...(page ? textFields('pageTitle', lang, true) : {}),
			after: z.string().max(100).default(''),
			pageCode: z
				.string()
				.trim()
				.regex(/^([a-z][a-z0-9_]{0,62})?$/, m.questionnaire_draft_error_code({}, o))
				.default(''),
			type: z.enum(NEW_QUESTION_TYPES, m.questionnaire_draft_error_type({}, o)),
			code: z
				.string()
				.trim()
				.regex(/^([a-z][a-z0-9_]{0,62})?$/, m.questionnaire_draft_error_code({}, o))
				.default(''),
			required: z.literal('on').optional(),
			options: z.string().max(20_000).default(''),
			min: z.union([z.literal(''), whole]).default(''),
			max: z.union([z.literal(''), whole]).default(''),
			...textFields('text', lang, true)
		})
		.superRefine((form, ctx) => {
			const lines = form.options.split(/\r?\n/).filter((l) => l.trim());
			if ((form.type === 'single' || form.type === 'multi') && lines.length < 2)
				ctx.addIssue({
					code: 'custom',
					path: ['options'],
					message: m.questionnaire_draft_error_options({}, o)
				});
			if (form.type === 'scale' && (form.min === '' || form.max === '' || form.max <= form.min))
				ctx.addIssue({ code: 'custom', path: ['max'], message: m.questionnaire_draft_error_scale({}, o) });
		});
};

/** The question an add form describes (options one per line; a scale 1–10 unless given). */
function newQuestionOf(input: z.output<ReturnType<typeof ZAddForm>>): TNewQuestion {
	return {
		section: input.section,
		type: input.type,
		code: input.code,
		text: textOf(input, 'text'),
		required: input.required === 'on',
		options: input.options
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean),
		min: input.min === '' ? 1 : input.min,
		max: input.max === '' ? 10 : input.max
	};
}

/** The posted option labels (`option.<code>_sv`, `option.<code>_en`) by option code, trimmed. */
function optionLabels(input: Record<string, unknown>): Record<string, TTextInput> {
	const labels: Record<string, TTextInput> = {};
	for (const [key, value] of Object.entries(input)) {
		const match = /^option\.([a-z][a-z0-9_]*)_(sv|en)$/.exec(key);
		if (!match?.[1] || typeof value !== 'string') continue;
		const label = labels[match[1]] ?? { sv: '', en: '' };
		label[match[2] as 'sv' | 'en'] = value.trim().slice(0, 2000);
		labels[match[1]] = label;
	}
	return labels;
}

export const actions: Actions = {
	create: formAction({ roles: MANAGERS, body: 'none' }, async ({ user, db, event }) => {
		await createQuestionnaireDraft(db, { code: event.params.code ?? '', actor: user.email });
		redirect(303, `/admin/questionnaires/${encodeURIComponent(event.params.code ?? '')}/draft`);
	}),
	questionnaire: draftEditAction(ZQuestionnaireForm, (input) => ({
		target: 'questionnaire',
		title: textOf(input, 'title'),
		description: textOf(input, 'description')
	})),
	section: draftEditAction(ZSectionForm, (input) => ({
		target: 'section',
		section: input.section,
		title: textOf(input, 'title'),
		intro: textOf(input, 'intro')
	})),
	question: draftEditAction(ZQuestionForm, (input) => ({
		target: 'question',
		question: input.question,
		text: textOf(input, 'text'),
		help: textOf(input, 'help'),
		topic: textOf(input, 'topic'),
		required: input.required === 'on',
		options: optionLabels(input),
		...('minLabel_sv' in input ? { minLabel: textOf(input, 'minLabel') } : {}),
		...('maxLabel_sv' in input ? { maxLabel: textOf(input, 'maxLabel') } : {}),
		...(input.dimension === undefined
			? {}
			: { dimension: input.dimension || null, reversed: input.reversed === 'on' }),
		...(input.followUpOf === undefined ? {} : { followUpOf: input.followUpOf || null }),
		...(input.lines === undefined ? {} : { multiline: input.lines === 'many' }),
		...(input.maxLength === undefined ? {} : { maxLength: input.maxLength }),
		...(input.other === undefined ? {} : { other: input.other || null }),
		...(input.topBoxFrom === undefined
			? {}
			: {
					topBox: input.topBoxFrom === '' ? null : { from: input.topBoxFrom, label: textOf(input, 'topBox') }
				})
	})),
	addOption: draftEditAction(ZOptionForm, (input) => ({
		target: 'add-option',
		question: input.question,
		code: input.code,
		label: textOf(input, 'label')
	})),
	removeOption: draftEditAction(
		z.object({ ...DRAFT_FORM, question: z.string().min(1).max(100), option: z.string().min(1).max(100) }),
		(input) => ({ target: 'remove-option', question: input.question, option: input.option })
	),
	dimension: draftEditAction(ZDimensionForm, (input) => ({
		target: 'dimension',
		dimension: input.dimension,
		label: textOf(input, 'label'),
		weight: input.weight
	})),
	addDimension: draftEditAction(ZNewDimensionForm, (input) => ({
		target: 'add-dimension',
		code: input.code,
		label: textOf(input, 'label'),
		weight: input.weight
	})),
	removeDimension: draftEditAction(
		z.object({ ...DRAFT_FORM, dimension: z.string().min(1).max(100) }),
		(input) => ({ target: 'remove-dimension', dimension: input.dimension })
	),
	roleGroup: draftEditAction(ZRoleGroupForm, (input) => ({
		target: 'role-group',
		group: input.group,
		label: textOf(input, 'label'),
		keywords: keywordsOf(input.keywords)
	})),
	addRoleGroup: draftEditAction(ZNewRoleGroupForm, (input) => ({
		target: 'add-role-group',
		code: input.code,
		label: textOf(input, 'label'),
		keywords: keywordsOf(input.keywords)
	})),
	removeRoleGroup: draftEditAction(
		z.object({ ...DRAFT_FORM, group: z.string().min(1).max(100) }),
		(input) => ({ target: 'remove-role-group', group: input.group })
	),
	add: draftEditAction(ZAddForm, (input) => ({ target: 'add-question', ...newQuestionOf(input) })),
	page: draftEditAction(
		(lang: TLang) => ZAddForm(lang, true),
		(input) => {
			const { section: _, ...question } = newQuestionOf(input);
			return {
				target: 'add-page',
				code: input.pageCode,
				title: textOf(input, 'pageTitle'),
				question,
				after: input.after || undefined
			};
		}
	),
	rename: draftEditAction(ZRenameForm, (input) => ({
		target: 'rename',
		question: input.question,
		code: input.code,
		options: optionCodes(input)
	})),
	movePage: draftEditAction(
		z.object({ ...DRAFT_FORM, section: z.string().min(1).max(100), direction: z.enum(['up', 'down']) }),
		(input) => ({ target: 'move-page', section: input.section, direction: input.direction })
	),
	level: draftEditAction(ZLevelForm, (input) => ({
		target: 'level',
		level: input.level,
		label: textOf(input, 'label'),
		min: input.min,
		max: input.max,
		description: textOf(input, 'description')
	})),
	keyFigure: draftEditAction(ZKeyFigureForm, (input) => ({
		target: 'key-figure',
		index: input.index,
		template: textOf(input, 'template')
	})),
	removePage: draftEditAction(z.object({ ...DRAFT_FORM, section: z.string().min(1).max(100) }), (input) => ({
		target: 'remove-page',
		section: input.section
	})),
	remove: draftEditAction(z.object({ ...DRAFT_FORM, question: z.string().min(1).max(100) }), (input) => ({
		target: 'remove-question',
		question: input.question
	})),
	move: draftEditAction(
		z.object({ ...DRAFT_FORM, question: z.string().min(1).max(100), direction: z.enum(['up', 'down']) }),
		(input) => ({ target: 'move-question', question: input.question, direction: input.direction })
	),
	// With JavaScript, a question dragged onto another is placed before it, or at a page's end.
	place: draftEditAction(
		z.object({
			...DRAFT_FORM,
			question: z.string().min(1).max(100),
			section: z.string().min(1).max(100),
			before: z.string().max(100).default('')
		}),
		(input) => ({
			target: 'place-question',
			question: input.question,
			section: input.section,
			before: input.before || null
		})
	),
	placePage: draftEditAction(
		z.object({ ...DRAFT_FORM, section: z.string().min(1).max(100), before: z.string().max(100).default('') }),
		(input) => ({ target: 'place-page', section: input.section, before: input.before || null })
	),
	publish: formAction(
		{
			roles: MANAGERS,
			schema: z.object(DRAFT_FORM),
			refusal: draftRefusal
		},
		async ({ user, db, input, lang, event }) => {
			const code = event.params.code ?? '';
			const { version } = await publishQuestionnaireDraft(db, {
				code,
				revision: input.revision,
				actor: user.email,
				lang
			});
			return { done: m.questionnaire_draft_published({ code, version }) };
		}
	),
	discard: formAction({ roles: MANAGERS, body: 'none' }, async ({ user, db, event }) => {
		const code = event.params.code ?? '';
		await discardQuestionnaireDraft(db, { code, actor: user.email });
		return { done: m.questionnaire_draft_discarded({ code }) };
	})
};
