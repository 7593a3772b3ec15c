import { sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import { rowsOf } from '../results/response-scope.ts';

/**
 * The distinct titles of the people who answered a wave (complete responses), A to Ö, as the seed's
 * "Data och metod" lists them: the title given on an open link, or the invited participant's.
 */
export async function listRespondentTitles(db: TDb, waveId: string): Promise<string[]> {
	const result = await db.execute(sql`
		select distinct trim(coalesce(nullif(trim(r.role), ''), p.title)) as title
		from responses r left join participants p on p.id = r.participant_id
		where r.wave_id = ${waveId} and r.status = 'complete'
			and coalesce(nullif(trim(r.role), ''), nullif(trim(p.title), '')) is not null`);
	return rowsOf<{ title: string }>(result)
		.map((r) => r.title)
		.sort((a, b) => a.localeCompare(b, 'sv'));
}
