import { z } from 'zod';
import { ZBreakdown } from '../../core/results/breakdown.ts';

/** The URL parameters of `GET /api/v1/waves/{slug}/results`; an unknown parameter is refused. */
export const ZResultsQuery = z.strictObject({
	by: ZBreakdown.optional().describe(
		'break down by municipality (organisation), by each respondent’s own unit (department) or by role group'
	),
	includePartial: z
		.enum(['true', 'false'])
		.optional()
		.describe('count responses that were started but not submitted (default false)'),
	organisation: z
		.string()
		.min(1)
		.max(100)
		.optional()
		.describe('official code (or id) of a unit: only it and the units below it are counted'),
	roleGroup: z
		.string()
		.regex(/^[a-z][a-z0-9_]*$/)
		.optional()
		.describe('count only this role group'),
	maturity: z
		.enum(['true', 'false'])
		.optional()
		.describe('add the maturity index of the same responses: organisations and region (default false)'),
	lang: z.enum(['sv', 'en']).optional().describe('language of labels (default sv)')
});

export type TResultsQueryResult =
	| {
			ok: true;
			options: {
				by?: z.infer<typeof ZBreakdown>;
				includePartial: boolean;
				maturity: boolean;
				organisation?: string;
				roleGroup?: string;
				lang?: 'sv' | 'en';
			};
	  }
	| { ok: false; issues: Array<{ parameter: string; message: string }> };

/** Reads the results options from URL parameters; a repeated or unknown parameter is an issue. */
export function parseResultsQuery(params: URLSearchParams): TResultsQueryResult {
	const issues: Array<{ parameter: string; message: string }> = [];
	const values: Record<string, string> = {};
	for (const [key, value] of params) {
		if (key in values) issues.push({ parameter: key, message: 'given more than once' });
		values[key] = value;
	}
	const parsed = ZResultsQuery.safeParse(values);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
			for (const parameter of keys) {
				issues.push({
					parameter,
					message: issue.code === 'unrecognized_keys' ? 'unknown parameter' : issue.message
				});
			}
		}
	}
	if (issues.length > 0 || !parsed.success) return { ok: false, issues };
	const { includePartial, maturity, ...rest } = parsed.data;
	return {
		ok: true,
		options: { ...rest, includePartial: includePartial === 'true', maturity: maturity === 'true' }
	};
}
