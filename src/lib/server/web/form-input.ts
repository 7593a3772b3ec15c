import type { z } from 'zod';
import { m } from '../../paraglide/messages.js';

export type TLang = 'sv' | 'en';

/** A message beside a form field; `field` is the field's name, '' for the form as a whole. */
export interface TFieldError {
	field: string;
	message: string;
}

/** A schema, or a function of the user's language that makes one (for messages of its own). */
export type TSchemaFor<S extends z.ZodType> = S | ((lang: TLang) => S);

/** A posted form's fields: the first value of a name, all of them, and the pairs in order. */
export interface TFormFields {
	one(name: string): string;
	all(name: string): string[];
	entries: Array<[string, string]>;
}

export function formFields(entries: Array<[string, string]>): TFormFields {
	const all = (name: string) => entries.filter(([key]) => key === name).map(([, value]) => value);
	return { one: (name) => all(name)[0] ?? '', all, entries };
}

/** The values a failed form shows again: never a password. */
export function keptValues(entries: Array<[string, string]>): Record<string, string> {
	return Object.fromEntries(entries.filter(([name]) => !/password/i.test(name)));
}

/**
 * Parses form values with a zod schema. A schema's own messages are kept; an issue without one gets a
 * general message in `lang`. One message per field, the first, in the order of the issues.
 */
export function parseFormInput<S extends z.ZodType>(
	schema: TSchemaFor<S>,
	values: Record<string, string>,
	lang: TLang
): { ok: true; input: z.output<S> } | { ok: false; errors: TFieldError[] } {
	const resolved = typeof schema === 'function' ? schema(lang) : schema;
	const parsed = resolved.safeParse(values, {
		error: (issue) =>
			issue.input === undefined || issue.input === ''
				? m.error_field_required({}, { locale: lang })
				: m.error_field_invalid({}, { locale: lang })
	});
	if (parsed.success) return { ok: true, input: parsed.data };
	const errors: TFieldError[] = [];
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? '');
		if (!errors.some((e) => e.field === field)) errors.push({ field, message: issue.message });
	}
	return { ok: false, errors };
}
