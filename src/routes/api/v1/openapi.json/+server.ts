import { json } from '@sveltejs/kit';
import { openApiDocument } from '#lib/server/api/openapi-document.ts';
import { ROLES } from '#lib/server/auth/roles.ts';
import { requireRole } from '#lib/server/web/require-role.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals }) => {
	requireRole(locals, ROLES, { api: true });
	return json(openApiDocument());
};
