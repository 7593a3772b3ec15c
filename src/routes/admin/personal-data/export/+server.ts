import { z } from 'zod';
import { ADMINS } from '#lib/core/roles/role-sets.ts';
import { exportPersonalData } from '#lib/server/personal-data/export-personal-data.ts';
import { endpoint } from '#lib/server/web/endpoint.ts';
import { personEmail } from '#lib/server/web/person-fields.ts';
import type { RequestHandler } from './$types';

const ZExportForm = () => z.object({ email: personEmail() });

/** Everything stored about one person as a JSON download (the address comes in the form, not the URL). */
export const POST: RequestHandler = endpoint(
	{ roles: ADMINS, schema: ZExportForm },
	async ({ user, db, input }) => {
		const data = await exportPersonalData(db, { email: input.email, actor: user.email });
		return new Response(JSON.stringify(data, null, 2), {
			headers: {
				'content-type': 'application/json; charset=utf-8',
				'content-disposition': 'attachment; filename="personuppgifter.json"'
			}
		});
	}
);
