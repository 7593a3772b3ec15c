import type { TRole } from '../../src/lib/server/auth/roles.ts';

/**
 * Everything that changes state: a form action of a page (`?/name`, or `default`) or a POST/PUT/PATCH/
 * DELETE endpoint. The role matrix posts an empty form to each as every kind of visitor: anonymous visitors
 * are sent to sign in, roles not listed get exactly 403, and listed roles are let through to validation
 * (a clear 4xx or a result, never 403 or a server error). Add a line for every action you create:
 * tests/integration/role-matrix.test.ts fails on an action missing here.
 */
export interface TActionAccess {
	/** The SvelteKit route id, as in route-access.ts. */
	route: string;
	/** The action's name (`default` for a page's only action), or the HTTP method of an endpoint. */
	action: string;
	/** The roles that may use it, or `public` for respondent pages, sign-in and sign-out. */
	allowed: readonly TRole[] | 'public';
}

const ADMIN = ['admin'] as const;
const MANAGERS = ['admin', 'analyst'] as const;
const STAFF = ['admin', 'analyst', 'contact', 'viewer'] as const;

const actions = (route: string, names: string[], allowed: TActionAccess['allowed']) =>
	names.map((action) => ({ route, action, allowed }));

export const actionAccess: TActionAccess[] = [
	// Public: the link or the form is the key (checked by the respondent and sign-in tests).
	...actions('/login', ['default'], 'public'),
	...actions('/logout', ['default'], 'public'),
	...actions('/setup', ['default'], 'public'),
	...actions('/o/[slug]', ['default'], 'public'),
	...actions('/s/[token]/sida/[section]', ['default'], 'public'),
	...actions('/s/[token]/granska', ['default'], 'public'),
	...actions('/s/[token]/avregistrera', ['default'], 'public'),

	// Staff.
	...actions('/admin', ['demo'], MANAGERS),
	...actions('/admin/account', ['create', 'revoke'], STAFF),
	...actions('/admin/users', ['create', 'role', 'disable', 'enable'], ADMIN),
	...actions('/admin/organisations', ['add', 'rename', 'move', 'import'], ADMIN),
	...actions('/admin/title-mappings', ['set', 'remove'], MANAGERS),
	...actions('/admin/questionnaires', ['upload', 'new', 'importLimeSurvey'], MANAGERS),
	...actions('/admin/questionnaires/[code]/draft/condition/[question]', ['default'], MANAGERS),
	...actions('/admin/questionnaires/[code]/preview/sida/[section]', ['default'], MANAGERS),
	...actions('/admin/questionnaires/[code]/draft/languages', ['add', 'remove', 'import'], MANAGERS),
	...actions('/admin/questionnaires/[code]/draft/languages/[lang]', ['default'], MANAGERS),
	...actions(
		'/admin/questionnaires/[code]/draft',
		[
			'create',
			'questionnaire',
			'section',
			'question',
			'add',
			'remove',
			'move',
			'place',
			'addOption',
			'removeOption',
			'dimension',
			'addDimension',
			'removeDimension',
			'roleGroup',
			'addRoleGroup',
			'removeRoleGroup',
			'movePage',
			'placePage',
			'level',
			'keyFigure',
			'rename',
			'page',
			'removePage',
			'publish',
			'discard'
		],
		MANAGERS
	),
	...actions('/admin/personal-data', ['find', 'erase'], ADMIN),
	...actions('/admin/personal-data/export', ['POST'], ADMIN),
	...actions('/admin/waves/new', ['default'], MANAGERS),
	...actions('/admin/waves/[slug]', ['open', 'close'], MANAGERS),
	...actions('/admin/waves/[slug]/edit', ['default'], MANAGERS),
	...actions('/admin/waves/[slug]/participants', ['add', 'import'], MANAGERS),
	...actions('/admin/waves/[slug]/import', ['upload', 'map', 'check', 'confirm'], MANAGERS),
	...actions('/admin/waves/[slug]/messages', ['invitations', 'reminders', 'retry'], MANAGERS),
	...actions('/admin/waves/[slug]/report', ['save', 'publish'], MANAGERS),
	...actions(
		'/admin/waves/[slug]/results/[question]',
		['create', 'rename', 'merge', 'delete', 'tag', 'untag', 'marks', 'accept'],
		MANAGERS
	)
];
