import { json } from '@sveltejs/kit';
import { ALL_ROLES } from '#lib/core/roles/role-sets.ts';
import { openApiDocument } from '#lib/server/api/openapi-document.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = endpoint({ roles: ALL_ROLES, api: true }, () => json(openApiDocument()));
