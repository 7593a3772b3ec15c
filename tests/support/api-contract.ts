import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';

/** An OpenAPI document as far as the contract checks read it. */
export interface TOpenApiDocument {
	paths: Record<string, Record<string, { responses: Record<string, TResponseObject> }>>;
	components: { schemas: Record<string, unknown> };
}
interface TResponseObject {
	content?: Record<string, { schema?: unknown }>;
}

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * A checker of response bodies against the document: `check(path, method, status, body)` names what is
 * wrong (an undocumented status, a body outside the schema), or returns null. The document's own `$ref`s
 * (`#/components/schemas/…`) resolve inside it.
 */
export function responseChecker(document: TOpenApiDocument) {
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	ajv.addSchema(document as object, 'openapi');
	const compiled = new Map<string, ValidateFunction>();
	return (path: string, method: string, status: number, body: unknown): string | null => {
		const operation = document.paths[path]?.[method];
		if (!operation) return `${method.toUpperCase()} ${path} is not in the document`;
		const response = operation.responses[String(status)];
		if (!response) return `${method.toUpperCase()} ${path} does not document the status ${status}`;
		if (!response.content?.['application/json']?.schema) return `${path} ${status} has no JSON schema`;
		const pointer = [
			'paths',
			path,
			method,
			'responses',
			String(status),
			'content',
			'application/json',
			'schema'
		]
			.map(escapePointer)
			.join('/');
		let validate = compiled.get(pointer);
		if (!validate) {
			validate = ajv.compile({ $ref: `openapi#/${pointer}` });
			compiled.set(pointer, validate);
		}
		if (validate(body)) return null;
		return `${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`;
	};
}

/** What is wrong with an error body outside any documented operation (its Error schema), or null. */
export function errorChecker(document: TOpenApiDocument) {
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	ajv.addSchema(document as object, 'openapi');
	const validate = ajv.compile({ $ref: 'openapi#/components/schemas/Error' });
	return (body: unknown): string | null =>
		validate(body) ? null : `${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 300)}`;
}
