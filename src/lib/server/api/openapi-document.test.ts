import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { responseChecker, type TOpenApiDocument } from '../../../../tests/support/api-contract.ts';
import { apiError, asApiError } from '../web/api-error.ts';
import { openApiDocument } from './openapi-document.ts';

const API_ROOT = path.resolve(import.meta.dirname, '../../../routes/api/v1');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

/** Every `+server.ts` under the API as its document path and the methods it exports. */
function apiRoutes(): Array<{ file: string; path: string; methods: string[] }> {
	const files = readdirSync(API_ROOT, { recursive: true, encoding: 'utf8' }).filter(
		(file) => path.basename(file) === '+server.ts'
	);
	return files.map((file) => {
		const source = readFileSync(path.join(API_ROOT, file), 'utf8');
		const methods = [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+([A-Za-z]+)\b/g)]
			.map((match) => match[1] ?? '')
			.filter((name) => METHODS.includes(name));
		const route = `/${path.dirname(file)}`
			.split(path.sep)
			.join('/')
			.replace(/\[(\w+)\]/g, '{$1}')
			.replace(/\/\([^)]*\)/g, '');
		return { file, path: route, methods };
	});
}

describe('the OpenAPI document', () => {
	const document = openApiDocument() as unknown as TOpenApiDocument;

	it('is a valid OpenAPI 3.1 document, its references resolved', async () => {
		const validator = new Validator();
		// The validator resolves the references in place: give it a copy.
		const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(validator.version).toBe('3.1');
		expect(() => validator.resolveRefs()).not.toThrow();
	});

	it('describes every route and method under src/routes/api/v1, and nothing else', () => {
		const routes = apiRoutes();
		expect(routes.length).toBeGreaterThan(0);
		const inRoutes = routes.flatMap((route) => {
			expect(route.methods, `${route.file} exports no method`).not.toEqual([]);
			expect(route.methods, `${route.file}: a fallback cannot be described`).not.toContain('fallback');
			return route.methods.map((method) => `${method.toLowerCase()} ${route.path}`);
		});
		const inDocument = Object.entries(document.paths).flatMap(([p, operations]) =>
			Object.keys(operations).map((method) => `${method} ${p}`)
		);
		expect(inDocument.sort()).toEqual(inRoutes.sort());
	});

	it('names each path parameter, and documents 401 and an Error body for every refusal', () => {
		for (const [p, operations] of Object.entries(document.paths)) {
			for (const [method, operation] of Object.entries(operations)) {
				const where = `${method} ${p}`;
				const named = ((operation as { parameters?: Array<{ name: string; in: string }> }).parameters ?? [])
					.filter((parameter) => parameter.in === 'path')
					.map((parameter) => parameter.name);
				expect(named, where).toEqual([...p.matchAll(/\{(\w+)\}/g)].map((match) => match[1]));
				expect(Object.keys(operation.responses), where).toContain('401');
				if (p.includes('{slug}')) expect(Object.keys(operation.responses), where).toContain('403');
				for (const [status, response] of Object.entries(operation.responses)) {
					if (Number(status) < 400) continue;
					expect(response.content?.['application/json']?.schema, `${where} ${status}`).toEqual({
						$ref: '#/components/schemas/Error'
					});
				}
			}
		}
	});

	it("accepts the API's error bodies, also those made of SvelteKit's own answers, and refuses others", async () => {
		const check = responseChecker(document);
		const body = async (response: Response) => response.json();
		const path = '/waves/{slug}/status';
		expect(check(path, 'get', 404, await body(apiError(404, 'NOT_FOUND', 'No wave')))).toBeNull();
		const withIssues = apiError(400, 'INVALID_INPUT', 'Invalid', [{ parameter: 'by', message: 'unknown' }]);
		expect(check('/waves/{slug}/results', 'get', 400, await body(withIssues))).toBeNull();
		const sveltekit = new Response(JSON.stringify({ message: 'Internal Error' }), {
			status: 500,
			headers: { 'content-type': 'application/json' }
		});
		expect(check(path, 'get', 500, await body(await asApiError(sveltekit)))).toBeNull();
		const text = new Response('POST method not allowed', { status: 405, headers: { allow: 'GET' } });
		const converted = await asApiError(text);
		expect(converted.headers.get('allow')).toBe('GET');
		expect(await body(converted)).toEqual({
			error: { code: 'METHOD_NOT_ALLOWED', message: 'POST method not allowed' }
		});
		expect(check(path, 'get', 401, { message: 'Sign in' })).toMatch(/must have required property 'error'/);
		expect(check(path, 'get', 418, {})).toMatch(/does not document the status 418/);
	});
});
