import { error, type ServerLoadEvent } from '@sveltejs/kit';
import { errorStatus, isAppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { getDatabase } from '../db/instance.ts';
import type { TLang } from './form-input.ts';
import { routeUser, type TRouteRoles, type TUserFor } from './route-roles.ts';

export interface TPageLoadContext<R extends TRouteRoles, E> {
	user: TUserFor<R>;
	db: TDb;
	lang: TLang;
	event: E;
}

/**
 * A page's or a layout's load: checks the role (signed out → /login, another role → 403), runs the
 * handler with the database, and answers a service's AppError as the error page with its status.
 */
export function pageLoad<
	E extends { locals: App.Locals } = ServerLoadEvent,
	R extends TRouteRoles = TRouteRoles,
	T = unknown
>(options: { roles: R }, run: (context: TPageLoadContext<R, E>) => Promise<T> | T): (event: E) => Promise<T> {
	return async (event) => {
		const user = routeUser(event.locals, options.roles);
		const { db } = await getDatabase();
		try {
			return await run({ user, db, lang: event.locals.lang, event });
		} catch (e) {
			if (!isAppError(e)) throw e;
			error(errorStatus[e.code], { message: e.message, code: e.code });
		}
	};
}
