import { z } from 'zod';

// The stable JSON shape of the change between two waves of one questionnaire. Differences are
// later − earlier in percentage points with one decimal; a change is flagged only when its 95 %
// Newcombe interval excludes 0.

const ZSide = z.object({ count: z.number().int(), n: z.number().int(), percent: z.number().nullable() });

const ZDifference = z.object({
	difference: z
		.number()
		.nullable()
		.describe('percentage points, this wave − the previous; null without a base'),
	ci95: z.tuple([z.number(), z.number()]).nullable().describe('Newcombe 95 % interval in percentage points'),
	changed: z.boolean().describe('true only when the interval excludes 0')
});

export const ZOptionChange = z.object({
	code: z.string(),
	label: z.string(),
	current: ZSide,
	previous: ZSide.nullable().describe('null when the previous wave had no such option'),
	...ZDifference.shape
});

export const ZQuestionChange = z.object({
	code: z.string(),
	type: z.enum(['single', 'multi', 'scale', 'text']),
	text: z.string(),
	n: z.object({ current: z.number().int(), previous: z.number().int() }),
	options: z.array(ZOptionChange).describe('choice options; empty for scales and free text'),
	mean: z
		.object({
			current: z.number().nullable(),
			previous: z.number().nullable(),
			difference: z.number().nullable().describe('difference of means, without an interval or a flag')
		})
		.nullable(),
	topBox: z
		.object({ from: z.number().int(), current: ZSide, previous: ZSide, ...ZDifference.shape })
		.nullable()
});
export type TQuestionChange = z.infer<typeof ZQuestionChange>;

const ZWaveRef = z.object({ slug: z.string(), name: z.string(), period: z.string().nullable() });

export const ZWaveChange = z.object({
	wave: ZWaveRef,
	previous: ZWaveRef,
	responses: z.object({ current: z.number().int(), previous: z.number().int() }),
	questions: z.array(ZQuestionChange),
	notComparable: z.array(
		z.object({
			code: z.string(),
			reason: z.enum([
				'only-in-this-wave',
				'only-in-previous-wave',
				'type-changed',
				'scale-changed',
				'small-group'
			]),
			message: z.string()
		})
	)
});
export type TWaveChange = z.infer<typeof ZWaveChange>;
