import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '../app-error.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { organisationSubtreeIds } from '../organisations/organisation-subtree.ts';

/** An organisation given by official code or id, as the subtree a result counts. */
export async function resolveOrganisationFilter(
	db: TDb,
	codeOrId: string
): Promise<{ id: string; label: string; ids: string[] }> {
	const isId = z.uuid().safeParse(codeOrId).success;
	const [row] = await db
		.select({ id: organisations.id, code: organisations.code })
		.from(organisations)
		.where(
			isId
				? or(eq(organisations.id, codeOrId), eq(organisations.code, codeOrId))
				: eq(organisations.code, codeOrId)
		);
	if (!row) throw new AppError('NOT_FOUND', `No organisation with code "${codeOrId}"`);
	return { id: row.id, label: row.code ?? row.id, ids: await organisationSubtreeIds(db, row.id) };
}
