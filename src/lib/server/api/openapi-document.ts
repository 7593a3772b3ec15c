import { z } from 'zod';
import { ZWaveResults } from '../../core/results/wave-results-schema.ts';
import { ZWaveStatus } from '../../core/wave/wave-status-schema.ts';
import { ZResultsQuery } from '../results/results-query.ts';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output' = 'output') => {
	const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
		string,
		unknown
	>;
	return rest;
};

const ZApiError = z.object({
	error: z.object({
		code: z.string(),
		message: z.string(),
		issues: z.array(z.object({ parameter: z.string(), message: z.string() })).optional()
	})
});

/**
 * The OpenAPI 3.1 description of the JSON API, generated from the same zod schemas the API uses. Every route
 * under src/routes/api/v1 is here (openapi-document.test.ts walks them), and every error it answers has
 * the Error schema (`apiError`).
 */
export function openApiDocument(): Record<string, unknown> {
	const query = jsonSchema(ZResultsQuery, 'input') as { properties: Record<string, Record<string, unknown>> };
	const error = (description: string) => ({
		description,
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	});
	const json = (description: string, schema: Record<string, unknown>) => ({
		description,
		content: { 'application/json': { schema } }
	});
	const slug = {
		name: 'slug',
		in: 'path',
		required: true,
		description: "the wave's link slug",
		schema: { type: 'string' }
	};
	// Every operation needs a signed-in account; any of them may meet an unexpected error or a database away.
	const always = {
		'401': error('No valid session or API token (UNAUTHENTICATED)'),
		'500': error('An unexpected error (INTERNAL_ERROR)'),
		'503': error(
			'The database cannot be reached right now; try again after Retry-After seconds (DATABASE_UNAVAILABLE)'
		)
	};
	return {
		openapi: '3.1.0',
		info: {
			title: 'Mognad API',
			version: '1',
			description:
				'Results of digital-maturity surveys. Send an API token (created under /admin/account) as "Authorization: Bearer <token>".'
		},
		servers: [{ url: '/api/v1' }],
		security: [{ bearer: [] }],
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
			schemas: {
				WaveResults: jsonSchema(ZWaveResults),
				WaveStatus: jsonSchema(ZWaveStatus),
				Error: jsonSchema(ZApiError)
			}
		},
		paths: {
			'/waves/{slug}/results': {
				get: {
					operationId: 'getWaveResults',
					summary:
						"A wave's results: counts, percents with 95 % intervals, scale statistics, themes, maturity index",
					description:
						'Percents are 0–100 with one decimal, means one; a figure without a base is null. In a breakdown, a group with fewer than the wave’s k respondents (or hidden so that one cannot be derived) has suppressed: true and no figures. With maturity=true, the maturity index of the same responses is added (municipalities below k suppressed the same way). An organisation contact gets only their own organisation, when it has at least k respondents.',
					parameters: [
						slug,
						...Object.entries(query.properties).map(([name, schema]) => {
							const { description, ...rest } = schema;
							return { name, in: 'query', required: false, description, schema: rest };
						})
					],
					responses: {
						'200': {
							description: 'The results',
							content: { 'application/json': { schema: { $ref: '#/components/schemas/WaveResults' } } }
						},
						'400': error('A parameter is unknown, repeated or invalid (each is listed)'),
						'403': error(
							'The account may not see these results (FORBIDDEN), or the small-group rule hides the selection: fewer than k complete responses, or a smaller group could be derived from it (SMALL_GROUP)'
						),
						'404': error('No such wave or organisation'),
						...always
					}
				}
			},
			'/waves/{slug}/status': {
				get: {
					operationId: 'getWaveStatus',
					summary: "A wave's response rates: invited, started and completed, per organisation and role group",
					description:
						'Organisations are the units one level below the wave’s owner (departments counted in their municipality); a row with id null holds respondents whose unit is not below the owner. On an open link nobody is invited: invited and rate are null. An organisation contact gets their own unit and the units below it only.',
					parameters: [slug],
					responses: {
						'200': json('The response rates', { $ref: '#/components/schemas/WaveStatus' }),
						'403': error("The account's organisation does not take part in the wave (FORBIDDEN)"),
						'404': error('No such wave (NOT_FOUND)'),
						...always
					}
				}
			},
			'/openapi.json': {
				get: {
					operationId: 'getOpenApiDocument',
					summary: 'This document',
					responses: {
						'200': json('The OpenAPI 3.1 document', { type: 'object' }),
						...always
					}
				}
			}
		}
	};
}
