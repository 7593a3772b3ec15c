import { z } from 'zod';

// The maturity part of a wave's results (API, CLI): scores are 0–100 with one decimal; a score without a
// base is null, never NaN. Dimension scores are keyed by dimension code.

export const ZMaturityProfile = z.object({
	dimensions: z
		.record(z.string(), z.number().nullable())
		.describe('score per dimension code; null where no respondent has one'),
	index: z
		.number()
		.nullable()
		.describe('weighted mean of the dimension scores; null when fewer than half have one'),
	weakest: z.string().nullable().describe('code of the dimension with the lowest score as shown'),
	level: z.string().nullable().describe("code of the index's level"),
	placement: z
		.object({ capability: z.number().nullable(), legacy: z.number().nullable() })
		.nullable()
		.describe(
			'capability (all but the legacy dimensions) against digital legacy; null without a legacy dimension'
		)
});
export type TMaturityProfileResult = z.infer<typeof ZMaturityProfile>;

export const ZMaturityResult = z.object({
	minGroupSize: z.number().int().describe('k: an organisation with fewer respondents shows no figures'),
	respondents: z.number().int().describe('responses counted'),
	dimensions: z.array(
		z.object({ code: z.string(), label: z.string(), weight: z.number(), legacy: z.boolean() })
	),
	levels: z.array(z.object({ code: z.string(), label: z.string(), min: z.number(), max: z.number() })),
	region: z.object({
		pooled: ZMaturityProfile.nullable().describe(
			'every respondent counted once; null when fewer than k respondents are counted'
		),
		organisationMean: ZMaturityProfile.extend({
			organisations: z.number().int().describe('shown organisations averaged')
		}).describe('the unweighted mean of the shown organisations’ scores'),
		respondentLevels: z
			.object({
				respondents: z.number().int().describe('respondents with an index of their own'),
				levels: z.array(z.object({ code: z.string(), respondents: z.number().int() }))
			})
			.nullable()
			.describe('respondents by the level of their own index; null when pooled is')
	}),
	organisations: z
		.array(
			z.object({
				group: z.string().describe('organisation code (or id when it has none)'),
				label: z.string(),
				n: z.number().int().nullable().describe('respondents; null when suppressed'),
				suppressed: z
					.boolean()
					.describe('fewer than k respondents, or hidden so that such an organisation cannot be derived'),
				profile: ZMaturityProfile.nullable().describe('null when suppressed')
			})
		)
		.describe('the units directly below the wave’s owner (a department counts with its municipality), A–Ö')
});
export type TMaturityResult = z.infer<typeof ZMaturityResult>;
