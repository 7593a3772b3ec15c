import { z } from 'zod';
import { ZWaveResults } from '../../core/results/wave-results-schema.ts';
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

/** The OpenAPI 3.1 description of the JSON API, generated from the same zod schemas the API uses. */
export function openApiDocument(): Record<string, unknown> {
	const query = jsonSchema(ZResultsQuery, 'input') as { properties: Record<string, Record<string, unknown>> };
	const error = (description: string) => ({
		description,
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
	});
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
			schemas: { WaveResults: jsonSchema(ZWaveResults), Error: jsonSchema(ZApiError) }
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
						{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } },
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
						'401': error('No valid session or API token'),
						'403': error(
							'The account may not see these results (FORBIDDEN), or the small-group rule hides the selection: fewer than k complete responses, or a smaller group could be derived from it (SMALL_GROUP)'
						),
						'404': error('No such wave or organisation')
					}
				}
			}
		}
	};
}
