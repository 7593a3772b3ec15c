import { type ActionFailure, error, fail, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { type AppError, errorStatus, isAppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { getDatabase } from '../db/instance.ts';
import {
	formFields,
	keptValues,
	parseFormInput,
	type TFieldError,
	type TFormFields,
	type TLang,
	type TSchemaFor
} from './form-input.ts';
import { readForm } from './read-form.ts';
import { routeUser, type TRouteRoles, type TUserFor } from './route-roles.ts';

/** What every refused form gets back: the message, the messages per field, the values to show again. */
export type TFormFailure<C> = {
	error: string;
	errors: TFieldError[];
	values: Record<string, string>;
	/** The AppError's code when a service refused. */
	code?: string;
} & C;

export interface TFormActionOptions<R extends TRouteRoles, S extends z.ZodType, C, G, E> {
	roles: R;
	/**
	 * Runs after the role check and before the form is read: what the action acts on (a respondent's
	 * link, a wave), or an error (404) when it does not exist. The handler gets its result as `found`.
	 */
	guard?: (context: { user: TUserFor<R>; db: TDb; lang: TLang; event: E }) => Promise<G> | G;
	/** The form's fields; the handler gets the parsed values as `input`. */
	schema?: TSchemaFor<S>;
	/**
	 * 'form' (default) reads a plain form (413, 415 and 400 for what is not one); 'none' leaves the body
	 * to the handler (file uploads) or ignores it (a button without fields).
	 */
	body?: 'form' | 'none';
	/** Added to every failure, e.g. `{ section: 'add' }` for a page with several forms. */
	context?: C;
	/**
	 * A service's refusal shown beside the field it is about, with the page's own message or status;
	 * undefined for the default (NOT_FOUND → 404, others their status with the error's message).
	 */
	refusal?: (
		error: AppError,
		posted: { input: z.output<S>; form: TFormFields }
	) =>
		| {
				field: string;
				message?: string;
				status?: number;
				values?: Record<string, string>;
				/** Replaces parts of the context for this failure (e.g. the list of problems in a file). */
				context?: Partial<C>;
		  }
		| undefined;
}

export interface TFormActionContext<R extends TRouteRoles, I, E, G = undefined> {
	user: TUserFor<R>;
	/** What the guard found. */
	found: G;
	db: TDb;
	input: I;
	form: TFormFields;
	lang: TLang;
	event: E;
}

type TActionEvent = { locals: App.Locals; request: Request };

/**
 * A form action: checks the role (signed out → /login, another role → 403), reads the form, parses it with
 * the schema (400 with a message per field in the user's language), runs the handler with the database,
 * and answers a service's AppError once: NOT_FOUND as the 404 page, others as a failure with the
 * error's status and message.
 */
export function formAction<
	E extends TActionEvent = RequestEvent,
	R extends TRouteRoles = TRouteRoles,
	T = unknown,
	S extends z.ZodType = z.ZodType<Record<string, string>>,
	C extends Record<string, unknown> = Record<never, never>,
	G = undefined
>(
	options: TFormActionOptions<R, S, C, G, E>,
	run: (context: TFormActionContext<R, z.output<S>, E, G>) => Promise<T> | T
): (event: E) => Promise<T | ActionFailure<TFormFailure<C>>> {
	return async (event) => {
		const user = routeUser(event.locals, options.roles);
		const lang = event.locals.lang;
		const extra = (options.context ?? {}) as C;
		const refuse = (status: number, message: string, more: Partial<TFormFailure<C>> = {}) =>
			fail(status, { error: message, errors: [{ field: '', message }], values: {}, ...extra, ...more });
		const { db } = await getDatabase();
		const found = (options.guard ? await options.guard({ user, db, lang, event }) : undefined) as G;
		let entries: Array<[string, string]> = [];
		if (options.body !== 'none') {
			const read = await readForm(event.request);
			if (!read.ok)
				return refuse(
					read.status,
					read.reason === 'too-large'
						? m.error_form_too_large({}, { locale: lang })
						: m.error_form_invalid({}, { locale: lang })
				);
			entries = read.entries;
		}
		const values = keptValues(entries);
		let input = Object.fromEntries(entries) as z.output<S>;
		if (options.schema) {
			const parsed = parseFormInput(options.schema, Object.fromEntries(entries), lang);
			if (!parsed.ok)
				return fail(400, {
					error: parsed.errors[0]?.message ?? '',
					errors: parsed.errors,
					values,
					...extra
				});
			input = parsed.input;
		}
		const form = formFields(entries);
		try {
			return await run({ user, found, db, input, form, lang, event });
		} catch (e) {
			if (!isAppError(e)) throw e;
			const shown = options.refusal?.(e, { input, form });
			if (shown) {
				const message = shown.message ?? e.message;
				return fail(shown.status ?? errorStatus[e.code], {
					error: message,
					errors: [{ field: shown.field, message }],
					values: shown.values ?? values,
					code: e.code,
					...extra,
					...shown.context
				});
			}
			if (e.code === 'NOT_FOUND') error(404, { message: m.not_found_title({}, { locale: lang }) });
			return refuse(errorStatus[e.code], e.message, { values, code: e.code } as Partial<TFormFailure<C>>);
		}
	};
}
