import type { TRole } from '../../src/lib/server/auth/roles.ts';

/** Who requests a route in the role matrix: nobody signed in, or a user of one role. */
export type TAccessor = 'anonymous' | TRole;
export const ACCESSORS: readonly TAccessor[] = ['anonymous', 'admin', 'analyst', 'contact', 'viewer'];

export interface TRouteAccess {
	/** The SvelteKit route id (folder under src/routes), e.g. `/admin/waves/[slug]`. */
	route: string;
	/**
	 * A concrete address to GET. Placeholders filled in by the matrix test: `{token}` = an invited
	 * participant's link token, `{slug}` = an open invitation wave (`matrix`), `{openSlug}` = an open-link
	 * wave (`matrix-open`), `{organisationId}` = Luleå's id (the contact's own unit), `{otherOrganisationId}` =
	 * Kiruna's id.
	 */
	path: string;
	/** The exact HTTP status each accessor gets. */
	expect: Record<TAccessor, number>;
}

const STAFF: readonly TRole[] = ['admin', 'analyst', 'contact', 'viewer'];

/** Status `status` for everyone, signed in or not (respondent pages, sign-in). */
export function everyone(status = 200): Record<TAccessor, number> {
	return { anonymous: status, admin: status, analyst: status, contact: status, viewer: status };
}

/**
 * Only the given roles get `status`; other signed-in users get 403, and anonymous visitors are sent to
 * sign in (303 to /login), or get 401 on the JSON API.
 */
export function only(roles: readonly TRole[], options: { status?: number; api?: boolean } = {}) {
	const expect = { anonymous: options.api ? 401 : 303 } as Record<TAccessor, number>;
	for (const role of STAFF) expect[role] = roles.includes(role) ? (options.status ?? 200) : 403;
	return expect;
}

/** Every signed-in user. */
export const signedIn = (options: { status?: number; api?: boolean } = {}) => only(STAFF, options);

/**
 * Every route of the app, with what each kind of visitor gets from a GET. Add a line for every route you
 * create: tests/integration/role-matrix.test.ts fails on a route missing here, and checks every status.
 */
export const routeAccess: TRouteAccess[] = [
	// Public: the start page, sign-in (signed-in users are sent on to /admin), sign-out (a button only).
	{ route: '/', path: '/', expect: everyone() },
	{ route: '/login', path: '/login', expect: { ...everyone(303), anonymous: 200 } },
	{ route: '/logout', path: '/logout', expect: everyone() },
	// The icon browsers ask for by name, sent on to the SVG in static/.
	{ route: '/favicon.ico', path: '/favicon.ico', expect: everyone(308) },
	// Gone once an account exists (the matrix runs with accounts).
	{ route: '/setup', path: '/setup', expect: everyone(404) },

	// Respondents: no sign-in, the link is the key.
	{ route: '/o/[slug]', path: '/o/{openSlug}', expect: everyone() },
	{ route: '/s/[token]', path: '/s/{token}', expect: everyone() },
	{ route: '/s/[token]/sida/[section]', path: '/s/{token}/sida/behov', expect: everyone() },
	{ route: '/s/[token]/granska', path: '/s/{token}/granska', expect: everyone() },
	{ route: '/s/[token]/sparad', path: '/s/{token}/sparad', expect: everyone() },
	// Before submitting, the thank-you page leads back to the questionnaire.
	{ route: '/s/[token]/tack', path: '/s/{token}/tack', expect: everyone(303) },
	{ route: '/s/[token]/avregistrera', path: '/s/{token}/avregistrera', expect: everyone() },

	// Staff.
	{ route: '/admin', path: '/admin', expect: signedIn() },
	// Results, maturity and change: every staff role; a contact only for their own unit (their default).
	{ route: '/admin/waves/[slug]/results', path: '/admin/waves/{slug}/results', expect: signedIn() },
	// The results page's selection as CSV (a contact's own unit by default; SMALL_GROUP if it is hidden).
	{ route: '/admin/waves/[slug]/results.csv', path: '/admin/waves/{slug}/results.csv', expect: signedIn() },
	{ route: '/admin/waves/[slug]/maturity', path: '/admin/waves/{slug}/maturity', expect: signedIn() },
	{ route: '/admin/waves/[slug]/change', path: '/admin/waves/{slug}/change', expect: signedIn() },
	// Free-text answers and their themes: viewers read, admins and analysts edit; a contact reads only the
	// answers of their own unit that the analyst released (when it has at least k respondents).
	{
		route: '/admin/waves/[slug]/results/[question]',
		path: '/admin/waves/{slug}/results/drivkrafter',
		expect: signedIn()
	},
	{ route: '/admin/users', path: '/admin/users', expect: only(['admin']) },
	{ route: '/admin/account', path: '/admin/account', expect: signedIn() },
	// Waves: creating is for administrators and analysts; the dashboard is for every signed-in user (an
	// organisation contact sees their own subtree only).
	{ route: '/admin/waves/new', path: '/admin/waves/new', expect: only(['admin', 'analyst']) },
	{ route: '/admin/waves/[slug]', path: '/admin/waves/{slug}', expect: signedIn() },
	{ route: '/admin/waves/[slug]/edit', path: '/admin/waves/{slug}/edit', expect: only(['admin', 'analyst']) },
	{
		route: '/api/v1/waves/[slug]/status',
		path: '/api/v1/waves/{slug}/status',
		expect: signedIn({ api: true })
	},
	{ route: '/admin/audit', path: '/admin/audit', expect: only(['admin']) },
	{ route: '/admin/personal-data', path: '/admin/personal-data', expect: only(['admin']) },
	// A download that is only posted (the address stays out of URLs); signed-out visitors are sent to sign in.
	{
		route: '/admin/personal-data/export',
		path: '/admin/personal-data/export',
		expect: { ...everyone(405), anonymous: 303 }
	},

	// JSON API. The contact's organisation has no respondents in the matrix wave: an empty selection,
	// which has nothing to show and hides nobody.
	{
		route: '/api/v1/waves/[slug]/results',
		path: '/api/v1/waves/{slug}/results',
		expect: signedIn({ api: true })
	},
	{ route: '/api/v1/openapi.json', path: '/api/v1/openapi.json', expect: signedIn({ api: true }) },
	// Participants are personal data: never organisation contacts or viewers. The tree is read by
	// analysts (they import lists by organisation) but changed by administrators only.
	{
		route: '/admin/waves/[slug]/participants',
		path: '/admin/waves/{slug}/participants',
		expect: only(['admin', 'analyst'])
	},
	{ route: '/admin/organisations', path: '/admin/organisations', expect: only(['admin', 'analyst']) },
	{ route: '/admin/title-mappings', path: '/admin/title-mappings', expect: only(['admin', 'analyst']) },
	{ route: '/admin/questionnaires', path: '/admin/questionnaires', expect: only(['admin', 'analyst']) },
	{
		route: '/admin/questionnaires/[code]/[version].json',
		path: '/admin/questionnaires/digital-mognad-i-kommuner/1.json',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/draft',
		path: '/admin/questionnaires/digital-mognad-i-kommuner/draft',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/draft/condition/[question]',
		path: '/admin/questionnaires/{draftCode}/draft/condition/vision',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/draft/languages',
		path: '/admin/questionnaires/{draftCode}/draft/languages',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/draft/languages/[lang]',
		path: '/admin/questionnaires/{draftCode}/draft/languages/en',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/draft/languages/[lang].xlf',
		path: '/admin/questionnaires/{draftCode}/draft/languages/en.xlf',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/preview',
		path: '/admin/questionnaires/digital-mognad-i-kommuner/preview?sprak=en',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/preview/sida/[section]',
		path: '/admin/questionnaires/{draftCode}/preview/sida/behov',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/preview/granska',
		path: '/admin/questionnaires/digital-mognad-i-kommuner/preview/granska',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/questionnaires/[code]/compare',
		path: '/admin/questionnaires/digital-mognad-i-kommuner/compare?from=1&to=2',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/messages',
		path: '/admin/waves/{slug}/messages',
		expect: only(['admin', 'analyst'])
	},
	// Importing responses changes a wave's results: administrators and analysts.
	{
		route: '/admin/waves/[slug]/import',
		path: '/admin/waves/{slug}/import',
		expect: only(['admin', 'analyst'])
	},
	// Raw microdata and its description: analysts and administrators only (every response download is audited).
	{
		route: '/admin/waves/[slug]/export',
		path: '/admin/waves/{slug}/export',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/export/responses',
		path: '/admin/waves/{slug}/export/responses?format=xlsx',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/export/codebook',
		path: '/admin/waves/{slug}/export/codebook?format=json',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/export/questionnaire',
		path: '/admin/waves/{slug}/export/questionnaire',
		expect: only(['admin', 'analyst'])
	},
	// The report: administrators and analysts edit, preview and download the draft; a published version
	// is read by viewers too (the matrix wave has none published: 404 for those who may look).
	{
		route: '/admin/waves/[slug]/report',
		path: '/admin/waves/{slug}/report',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/report/preview',
		path: '/admin/waves/{slug}/report/preview',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/report/report.[format]',
		path: '/admin/waves/{slug}/report/report.html',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/report/organisations.zip',
		path: '/admin/waves/{slug}/report/organisations.zip',
		expect: only(['admin', 'analyst'])
	},
	{
		route: '/admin/waves/[slug]/report/versions/[version]',
		path: '/admin/waves/{slug}/report/versions/1',
		expect: only(['admin', 'analyst', 'viewer'], { status: 404 })
	},
	{
		route: '/admin/waves/[slug]/report/versions/[version]/report.[format]',
		path: '/admin/waves/{slug}/report/versions/1/report.pdf',
		expect: only(['admin', 'analyst', 'viewer'], { status: 404 })
	}
];
