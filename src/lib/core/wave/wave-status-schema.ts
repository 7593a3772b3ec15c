import { z } from 'zod';

const ZStatusCounts = z.object({
	invited: z.number().int().nullable().describe('null on an open link: nobody is invited'),
	started: z.number().int().describe('responses partial or complete'),
	completed: z.number().int(),
	rate: z
		.number()
		.nullable()
		.describe('completed / invited in percent, one decimal; null when nobody is invited')
});

/** The published shape of a wave's response rates (`GET /api/v1/waves/{slug}/status`, the dashboard). */
export const ZWaveStatus = z.object({
	wave: z.object({
		slug: z.string(),
		name: z.string(),
		period: z.string().nullable(),
		mode: z.enum(['invite', 'open']),
		status: z.enum(['draft', 'open', 'closed']),
		anonymous: z.boolean(),
		deadline: z.string().nullable(),
		minGroupSize: z.number().int()
	}),
	hasInvitations: z.boolean().describe('false on an open link: nobody is invited, so there is no rate'),
	total: ZStatusCounts,
	organisations: z.array(
		ZStatusCounts.extend({
			id: z.string().nullable().describe("null for respondents whose unit is not below the wave's owner"),
			code: z.string().nullable(),
			name: z.string().nullable()
		})
	),
	roleGroups: z.array(
		ZStatusCounts.extend({
			code: z.string().nullable().describe('null for participants and responses without a role group'),
			label: z.object({ sv: z.string(), en: z.string() }).nullable()
		})
	),
	headline: z.object({
		organisationsResponded: z.number().int(),
		organisationsInvited: z.number().int(),
		respondents: z.number().int(),
		municipalities: z.boolean(),
		sv: z.string(),
		en: z.string()
	})
});
