declare global {
	namespace App {
		interface Error {
			message: string;
			code?: string;
			status?: number;
		}
		interface Locals {
			lang: 'sv' | 'en';
			/** The questionnaire language picked (?lang=fi), or `lang`: see questionnaire-lang.ts. */
			textLang: string;
			/** The signed-in staff user (session cookie, or a bearer token on /api/v1/*), or null. */
			user: import('#lib/server/auth/roles.ts').TSessionUser | null;
			/** Set when the database could not be reached for this request: answered 503 with Retry-After. */
			databaseUnavailable?: boolean;
		}
	}
}

export {};
