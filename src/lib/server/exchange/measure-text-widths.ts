import { type SQL, sql } from 'drizzle-orm';
import type { TDb } from '../db/client.ts';
import type { TExportWave } from './load-export-wave.ts';

/**
 * The bytes (UTF-8) of a text as the export writes it, counted in SQL: one more when it starts with a
 * character that gets the apostrophe against formulas (`protectText`).
 */
const exportedBytes = (column: SQL) =>
	sql`octet_length(${column}) + case when left(${column}, 1) in ('=', '+', '-', '@', '''', chr(9), chr(13)) then 1 else 0 end`;

/**
 * The longest value in bytes of each text column of a wave's export (every response, complete or
 * partial), by column name; a column without any text is absent. Counted in the database, so that the
 * SPSS syntax, written before the data is streamed, can give each string variable the width it needs.
 */
export async function measureTextWidths(db: TDb, wave: TExportWave): Promise<Map<string, number>> {
	const answerWidths = (await db.execute(sql`
		select question_code as question, option_code as option, max(${exportedBytes(sql`value_text`)})::int as width
		from answers
		where wave_id = ${wave.id} and value_text is not null
		group by question_code, option_code`)) as unknown as {
		rows: Array<{ question: string; option: string; width: number }>;
	};
	const meta = (await db.execute(sql`
		select max(${exportedBytes(sql`r.id::text`)})::int as response_id,
			max(${exportedBytes(sql`o.code`)})::int as organisation_code,
			max(${exportedBytes(sql`o.name`)})::int as organisation,
			max(${exportedBytes(sql`r.role`)})::int as role,
			max(${exportedBytes(sql`r.role_group`)})::int as role_group
		from responses r left join organisations o on o.id = r.organisation_id
		where r.wave_id = ${wave.id}`)) as unknown as { rows: Array<Record<string, number | null>> };
	const byAnswer = new Map(answerWidths.rows.map((r) => [`${r.question}\u0000${r.option}`, r.width]));
	const metaRow = meta.rows[0] ?? {};
	const widths = new Map<string, number>();
	for (const c of wave.columns) {
		let width: number | null | undefined;
		if (c.kind === 'text') width = byAnswer.get(`${c.question}\u0000`);
		else if (c.kind === 'other_text') width = byAnswer.get(`${c.question}\u0000${c.option}`);
		// An anonymous wave's export leaves the role empty.
		else if (c.kind === 'meta' && !(c.name === 'role' && wave.anonymous)) width = metaRow[c.name];
		if (typeof width === 'number') widths.set(c.name, width);
	}
	return widths;
}
