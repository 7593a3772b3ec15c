import { z } from 'zod';
import { ZBreakdown } from './breakdown.ts';
import { ZMaturityResult } from './wave-maturity-schema.ts';

// The stable JSON shape of a wave's results (API, CLI, pages, report). Percents are 0–100 with one
// decimal, means, medians and SDs one (MEAN_DECIMALS); a figure without a base is null, never NaN.

/** A 95 % interval in percent, or null when there is no base. */
const ZInterval = z
	.tuple([z.number(), z.number()])
	.nullable()
	.describe('95 % Wilson score interval in percent [low, high]; null when n is 0');

export const ZOptionResult = z.object({
	code: z.string().describe('option code; for a scale, the value'),
	label: z.string(),
	count: z.number().int(),
	percent: z
		.number()
		.nullable()
		.describe('percent of n (multi-choice: of respondents, so they sum over 100)'),
	ci95: ZInterval
});

export const ZQuestionResult = z.object({
	code: z.string(),
	type: z.enum(['single', 'multi', 'scale', 'text']),
	text: z.string(),
	n: z.number().int().describe('complete responses that were shown the question and answered it'),
	options: z.array(ZOptionResult).describe('choice options, or the distribution of a scale; empty for text'),
	mean: z.number().nullable(),
	median: z.number().nullable(),
	sd: z.number().nullable().describe('sample standard deviation; null below two answers'),
	topBox: z
		.object({
			from: z.number().int(),
			count: z.number().int(),
			percent: z.number().nullable(),
			ci95: ZInterval
		})
		.nullable()
		.describe("share of answers from the questionnaire's top box value up; null without a top box"),
	excluded: z
		.number()
		.int()
		.describe(
			"stored scale values outside the question's range (an older version), left out of every figure"
		),
	themes: z.array(z.object({ label: z.string(), count: z.number().int() })).describe('answers per theme'),
	suppressed: z
		.literal(true)
		.optional()
		.describe(
			'set when partial responses are counted and the question has fewer than k answers (or they could be derived): no figures'
		),
	released: z
		.array(z.string())
		.optional()
		.describe(
			'free-text questions of the whole selection: the answers the analyst released to be shown, A–Ö (never the others)'
		)
});
export type TQuestionResult = z.infer<typeof ZQuestionResult>;

export const ZGroupResult = z.object({
	group: z.string().nullable().describe('organisation code, or role group code; null when unknown'),
	label: z.string(),
	n: z.number().int().nullable().describe('respondents; null when suppressed'),
	suppressed: z
		.boolean()
		.describe(
			'no figures: the group is not made of whole blocks of at least k complete responses (fewer than k, or hidden so that a smaller group cannot be derived)'
		),
	questions: z.array(ZQuestionResult).describe('empty when suppressed')
});
export type TGroupResult = z.infer<typeof ZGroupResult>;

export const ZWaveResults = z.object({
	wave: z.object({
		slug: z.string(),
		name: z.string(),
		period: z.string().nullable(),
		status: z.enum(['draft', 'open', 'closed']),
		questionnaire: z.object({ code: z.string(), version: z.number().int() }),
		minGroupSize: z.number().int().describe('k: smaller groups show no figures')
	}),
	filters: z.object({
		organisation: z.string().nullable().describe('code (or id) of the organisation whose subtree is counted'),
		roleGroup: z.string().nullable(),
		includePartial: z.boolean(),
		by: ZBreakdown.nullable()
	}),
	responses: z.object({ complete: z.number().int(), partial: z.number().int() }),
	organisations: z.object({ invited: z.number().int(), responded: z.number().int() }),
	questions: z.array(ZQuestionResult),
	breakdown: z.array(ZGroupResult).optional(),
	maturity: ZMaturityResult.nullable()
		.optional()
		.describe('when asked for: the maturity index; null when the questionnaire measures no dimension')
});
export type TWaveResults = z.infer<typeof ZWaveResults>;
