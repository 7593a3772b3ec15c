import { error, isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '../../paraglide/messages.js';
import { errorStatus, isAppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { getDatabase } from '../db/instance.ts';
import { apiError, apiErrorCode } from './api-error.ts';
import { parseFormInput, type TLang, type TSchemaFor } from './form-input.ts';
import { readForm } from './read-form.ts';
import { routeUser, type TRouteRoles, type TUserFor } from './route-roles.ts';

export interface TEndpointOptions<R extends TRouteRoles, S extends z.ZodType> {
	roles: R;
	/** The JSON API: 401 when signed out, and errors as its JSON body (`apiError`). */
	api?: boolean;
	/** A posted form's fields (a download asked for by POST); the handler gets them as `input`. */
	schema?: TSchemaFor<S>;
}

export interface TEndpointContext<R extends TRouteRoles, I, E> {
	user: TUserFor<R>;
	db: TDb;
	input: I;
	lang: TLang;
	event: E;
}

/**
 * A `+server.ts` handler (downloads, the JSON API): checks the role (signed out → /login, or 401 for the
 * API; another role → 403, for the API as its JSON error too), parses a posted form when it has a schema, runs the handler with the
 * database, and answers a service's AppError with its status: the API's JSON error, otherwise the error page.
 */
export function endpoint<
	E extends { locals: App.Locals; request: Request } = RequestEvent,
	R extends TRouteRoles = TRouteRoles,
	S extends z.ZodType = z.ZodType<undefined>
>(
	options: TEndpointOptions<R, S>,
	run: (context: TEndpointContext<R, z.output<S>, E>) => Promise<Response> | Response
): (event: E) => Promise<Response> {
	return async (event) => {
		const lang = event.locals.lang;
		const refuse = (status: number, code: string, message: string) =>
			options.api ? apiError(status, code, message) : error(status, { message, code });
		try {
			const user = routeUser(event.locals, options.roles, { api: options.api });
			let input = undefined as z.output<S>;
			if (options.schema) {
				const read = await readForm(event.request);
				if (!read.ok) return refuse(read.status, 'INVALID_INPUT', m.error_form_invalid({}, { locale: lang }));
				const parsed = parseFormInput(options.schema, Object.fromEntries(read.entries), lang);
				if (!parsed.ok) return refuse(400, 'INVALID_INPUT', parsed.errors[0]?.message ?? '');
				input = parsed.input;
			}
			const { db } = await getDatabase();
			return await run({ user, db, input, lang, event });
		} catch (e) {
			// The API's refusals are its JSON error too: the role check's 401 and 403, and a helper's error(403).
			if (options.api && isHttpError(e))
				return apiError(e.status, e.body.code ?? apiErrorCode(e.status), e.body.message);
			if (!isAppError(e)) throw e;
			return refuse(errorStatus[e.code], e.code, e.message);
		}
	};
}
