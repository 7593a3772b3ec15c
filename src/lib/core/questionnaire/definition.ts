import { z } from 'zod';

const code = z
	.string()
	.regex(/^[a-z][a-z0-9_]*$/, 'use lower-case letters, digits and _ (starting with a letter)');

const text = z.string().regex(/\S/, 'must not be empty');

/**
 * A language of the questionnaire's texts: an ISO 639 code of two or three lower-case letters ("sv",
 * "en", "fi", "se" for Northern Sami, "fit" for Meänkieli). The model names no list of its own.
 */
export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;
export const ZLanguage = z
	.string()
	.regex(LANGUAGE_PATTERN, 'use a language code of 2 or 3 lower-case letters');

// Strict objects throughout: a misspelt key ("requried") is refused, not silently dropped.
/** A text: Swedish, and the same text in any other languages, keyed by language code. */
export const ZText = z
	.object({ sv: text })
	.catchall(text)
	.superRefine((value, ctx) => {
		for (const key of Object.keys(value)) {
			if (!LANGUAGE_PATTERN.test(key))
				ctx.addIssue({
					code: 'custom',
					path: [key],
					message: `"${key}" is not a language code`,
					params: { key: 'languageCode', code: key }
				});
		}
	});
export type TText = z.infer<typeof ZText>;

export const ZCondition = z.strictObject({ question: code, in: z.array(code).min(1) });
export type TCondition = z.infer<typeof ZCondition>;

const base = {
	code,
	text: ZText,
	help: ZText.optional(),
	required: z.boolean().default(false),
	showIf: ZCondition.optional(),
	/**
	 * The report's short name for the question's topic ("Behovet av digitalisering"), its subsection's
	 * heading with the question text below it; without one the heading is the question text.
	 */
	topic: ZText.optional(),
	/**
	 * An earlier question this one follows up (a comment on it, a further question on the same topic)
	 * when no condition says so: the report shows it inside that question's subsection, as it shows a
	 * question whose `showIf` refers to an earlier one.
	 */
	followUpOf: code.optional(),
	dimension: code.optional(),
	reversed: z.boolean().default(false)
};

export const ZOption = z.strictObject({ code, label: ZText });
export const ZMultiOption = ZOption.extend({ other: z.boolean().default(false) });

export const ZSingleQuestion = z.strictObject({
	...base,
	type: z.literal('single'),
	options: z.array(ZOption).min(2)
});
export const ZMultiQuestion = z.strictObject({
	...base,
	type: z.literal('multi'),
	options: z.array(ZMultiOption).min(2)
});
export const ZScaleQuestion = z.strictObject({
	...base,
	type: z.literal('scale'),
	min: z.number().int(),
	max: z.number().int(),
	minLabel: ZText.optional(),
	maxLabel: ZText.optional(),
	topBox: z.strictObject({ from: z.number().int(), label: ZText }).optional()
});
export const ZTextQuestion = z.strictObject({
	...base,
	type: z.literal('text'),
	multiline: z.boolean().default(true),
	maxLength: z.number().int().min(1).max(20000).default(5000)
});
/** Asked only on open links; the app renders these itself and keeps the values on the response. */
export const ZBackgroundQuestion = z.strictObject({
	...base,
	type: z.literal('background'),
	field: z.enum(['organisation', 'role'])
});

export const ZQuestion = z.discriminatedUnion('type', [
	ZSingleQuestion,
	ZMultiQuestion,
	ZScaleQuestion,
	ZTextQuestion,
	ZBackgroundQuestion
]);
export type TQuestion = z.infer<typeof ZQuestion>;
export type TChoiceQuestion = z.infer<typeof ZSingleQuestion> | z.infer<typeof ZMultiQuestion>;

export const ZSection = z.strictObject({
	code,
	title: ZText,
	intro: ZText.optional(),
	questions: z.array(ZQuestion).min(1)
});
export type TSection = z.infer<typeof ZSection>;

/**
 * A key-figure sentence of the report's "Kort sammanställning av läget": a template with placeholders
 * (`{percent}`, `{count}`, `{n}`, `{mean}`) filled from one measure of one question — the share in a
 * scale's top box, or the share choosing one option. The analyst can edit the text in each report.
 */
export const ZKeyFigure = z.strictObject({
	question: code,
	measure: z.discriminatedUnion('kind', [
		z.strictObject({ kind: z.literal('topBox') }),
		z.strictObject({ kind: z.literal('option'), option: code })
	]),
	template: ZText
});
export type TKeyFigure = z.infer<typeof ZKeyFigure>;

export const ZQuestionnaireShape = z.strictObject({
	code: z.string().regex(/^[a-z][a-z0-9_-]*$/, 'use lower-case letters, digits, _ and -'),
	version: z.number().int().min(1),
	title: ZText,
	description: ZText.optional(),
	/**
	 * The languages the questionnaire is offered in, Swedish first. A text without a value in one of
	 * them is shown in Swedish; `untranslated.ts` lists what a translator still has to do.
	 */
	languages: z
		.array(ZLanguage)
		.min(1)
		.default(['sv', 'en'])
		.refine((languages) => languages[0] === 'sv' && new Set(languages).size === languages.length, {
			message: 'Swedish first, each language once',
			params: { key: 'languageList' }
		}),
	roleGroups: z
		.array(z.strictObject({ code, label: ZText, titleKeywords: z.array(z.string().min(1)).default([]) }))
		.default([]),
	dimensions: z
		.array(z.strictObject({ code, label: ZText, weight: z.number().positive().default(1) }))
		.default([]),
	levels: z
		.array(
			z.strictObject({
				code,
				label: ZText,
				min: z.number(),
				max: z.number(),
				/** What the level means, for the report's explanation of the levels. */
				description: ZText.optional()
			})
		)
		.default([]),
	sections: z.array(ZSection).min(1),
	keyFigures: z.array(ZKeyFigure).default([])
});

/** The checks across fields, each with its own message in every language. */
export type TDefinitionCheck =
	| 'languageCode'
	| 'languageList'
	| 'duplicate'
	| 'multipleOther'
	| 'scaleOrder'
	| 'scaleTooLong'
	| 'topBoxRange'
	| 'backgroundTwice'
	| 'unknownDimension'
	| 'dimensionType'
	| 'reversedWithoutDimension'
	| 'conditionUnknown'
	| 'conditionNotChoice'
	| 'conditionOption'
	| 'followUpUnknown'
	| 'followUpBackground'
	| 'keyFigureUnknown'
	| 'keyFigureNotTopBox'
	| 'keyFigureNotChoice'
	| 'keyFigureOption'
	| 'levelsStart'
	| 'levelsEnd'
	| 'levelOrder'
	| 'levelGap'
	/** Checked against the earlier published versions of the same questionnaire (compare-versions.ts). */
	| 'codeMeaningType'
	| 'codeMeaningScale';

/** A questionnaire definition with every cross-reference checked. */
export const ZQuestionnaire = ZQuestionnaireShape.superRefine((q, ctx) => {
	// Each check's English message, and its key and values for the messages in other languages
	// (`explain-questionnaire-issues.ts`).
	const issue = (
		path: (string | number)[],
		message: string,
		key: TDefinitionCheck,
		values: Record<string, string | number> = {}
	) => ctx.addIssue({ code: 'custom', path, message, params: { key, ...values } });
	const duplicates = (items: { code: string }[], path: (string | number)[]) => {
		const seen = new Set<string>();
		items.forEach((item, i) => {
			if (seen.has(item.code))
				issue([...path, i, 'code'], `duplicate code "${item.code}"`, 'duplicate', { code: item.code });
			seen.add(item.code);
		});
	};
	duplicates(q.sections, ['sections']);
	duplicates(q.dimensions, ['dimensions']);
	duplicates(q.roleGroups, ['roleGroups']);
	duplicates(q.levels, ['levels']);

	const seenQuestions = new Map<string, { question: TQuestion; section: number }>();
	const backgroundFields = new Set<string>();
	const dimensions = new Set(q.dimensions.map((d) => d.code));
	q.sections.forEach((section, s) => {
		section.questions.forEach((question, i) => {
			const path = ['sections', s, 'questions', i];
			if (seenQuestions.has(question.code))
				issue([...path, 'code'], `duplicate code "${question.code}"`, 'duplicate', { code: question.code });
			if (question.type === 'single' || question.type === 'multi')
				duplicates(question.options, [...path, 'options']);
			if (question.type === 'multi' && question.options.filter((o) => o.other).length > 1) {
				issue([...path, 'options'], 'at most one option may be "other"', 'multipleOther');
			}
			if (question.type === 'scale') {
				if (question.min >= question.max)
					issue([...path, 'max'], 'max must be greater than min', 'scaleOrder');
				else if (question.max - question.min > 100)
					issue([...path, 'max'], 'a scale has at most 101 points', 'scaleTooLong');
				if (question.topBox && (question.topBox.from < question.min || question.topBox.from > question.max)) {
					issue(
						[...path, 'topBox', 'from'],
						`must be within ${question.min}–${question.max}`,
						'topBoxRange',
						{
							min: question.min,
							max: question.max
						}
					);
				}
			}
			if (question.type === 'background') {
				if (backgroundFields.has(question.field))
					issue([...path, 'field'], `"${question.field}" is asked twice`, 'backgroundTwice', {
						field: question.field
					});
				backgroundFields.add(question.field);
			}
			if (question.dimension !== undefined) {
				if (!dimensions.has(question.dimension))
					issue([...path, 'dimension'], `unknown dimension "${question.dimension}"`, 'unknownDimension', {
						dimension: question.dimension
					});
				if (question.type !== 'single' && question.type !== 'scale') {
					issue(
						[...path, 'dimension'],
						'only single choice and scale questions can measure a dimension',
						'dimensionType'
					);
				}
			} else if (question.reversed) {
				issue(
					[...path, 'reversed'],
					'only a question with a dimension can be reversed',
					'reversedWithoutDimension'
				);
			}
			if (question.showIf) {
				const target = seenQuestions.get(question.showIf.question);
				if (!target) {
					issue(
						[...path, 'showIf', 'question'],
						`"${question.showIf.question}" is not an earlier question`,
						'conditionUnknown',
						{ question: question.showIf.question }
					);
				} else if (target.question.type !== 'single' && target.question.type !== 'multi') {
					issue(
						[...path, 'showIf', 'question'],
						`"${question.showIf.question}" is not a choice question`,
						'conditionNotChoice',
						{
							question: question.showIf.question
						}
					);
				} else {
					const options = new Set(target.question.options.map((o) => o.code));
					question.showIf.in.forEach((option, k) => {
						if (!options.has(option))
							issue(
								[...path, 'showIf', 'in', k],
								`"${option}" is not an option of "${question.showIf?.question}"`,
								'conditionOption',
								{ option, question: question.showIf?.question ?? '' }
							);
					});
				}
			}
			if (question.followUpOf !== undefined) {
				const target = seenQuestions.get(question.followUpOf)?.question;
				if (!target)
					issue(
						[...path, 'followUpOf'],
						`"${question.followUpOf}" is not an earlier question`,
						'followUpUnknown',
						{ question: question.followUpOf }
					);
				else if (target.type === 'background')
					issue(
						[...path, 'followUpOf'],
						`"${question.followUpOf}" is a background question, which the report does not show`,
						'followUpBackground',
						{ question: question.followUpOf }
					);
			}
			if (!seenQuestions.has(question.code)) seenQuestions.set(question.code, { question, section: s });
		});
	});

	q.keyFigures.forEach((figure, i) => {
		const target = seenQuestions.get(figure.question)?.question;
		if (!target)
			issue(['keyFigures', i, 'question'], `unknown question "${figure.question}"`, 'keyFigureUnknown', {
				question: figure.question
			});
		else if (figure.measure.kind === 'topBox') {
			if (target.type !== 'scale' || !target.topBox)
				issue(
					['keyFigures', i, 'measure'],
					`"${figure.question}" is not a scale with a top box`,
					'keyFigureNotTopBox',
					{
						question: figure.question
					}
				);
		} else if (target.type !== 'single' && target.type !== 'multi') {
			issue(
				['keyFigures', i, 'measure'],
				`"${figure.question}" is not a choice question`,
				'keyFigureNotChoice',
				{
					question: figure.question
				}
			);
		} else if (!target.options.some((o) => o.code === (figure.measure as { option: string }).option)) {
			issue(
				['keyFigures', i, 'measure', 'option'],
				`not an option of "${figure.question}"`,
				'keyFigureOption',
				{
					question: figure.question
				}
			);
		}
	});

	if (q.levels.length > 0) {
		const first = q.levels[0];
		const last = q.levels[q.levels.length - 1];
		if (first && first.min !== 0)
			issue(['levels', 0, 'min'], 'the first level must start at 0', 'levelsStart');
		if (last && last.max !== 100)
			issue(['levels', q.levels.length - 1, 'max'], 'the last level must end at 100', 'levelsEnd');
		q.levels.forEach((level, i) => {
			if (level.min > level.max) issue(['levels', i, 'max'], 'max must not be below min', 'levelOrder');
			const previous = q.levels[i - 1];
			if (previous && (level.min <= previous.max || level.min - previous.max > 1)) {
				issue(
					['levels', i, 'min'],
					`must follow the previous level's max (${previous.max}) without gap or overlap`,
					'levelGap',
					{ previous: previous.max }
				);
			}
		});
	}
});
export type TQuestionnaire = z.infer<typeof ZQuestionnaire>;
