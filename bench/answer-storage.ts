// Is the long answer format fit for statistics in SQL? Generates a wave of complete responses to the
// built-in questionnaire straight into the database (set-based SQL, deterministic pseudo-random answers)
// and times hand-written aggregate queries over it (the results engine over the same answers:
// bench/results.ts).

import { type SQL, sql } from 'drizzle-orm';
import type { TQuestionnaire } from '../src/lib/core/questionnaire/definition.ts';
import { openDatabase, type TDatabase } from '../src/lib/server/db/client.ts';
import { migrateDatabase } from '../src/lib/server/db/migrate.ts';
import { loadBuiltIns } from '../src/lib/server/setup/load-built-ins.ts';
import { createWave } from '../src/lib/server/waves/create-wave.ts';

const QUERY_RUNS = 5;

/** Generates `count` complete responses and prints the median time of each aggregate query. */
export async function answerStorage(
	label: string,
	target: { url?: string; dataDir?: string },
	template: TQuestionnaire,
	count: number
): Promise<void> {
	const database = await openDatabase(target);
	try {
		await migrateDatabase(database);
		await loadBuiltIns(database.db);
		const wave = await createWave(database.db, {
			questionnaireCode: template.code,
			name: `Skala ${Date.now()}`
		});
		const started = performance.now();
		const rows = await generate(database, template, wave.id, count);
		const generated = (performance.now() - started) / 1000;
		console.log(
			`\nAnswer storage, ${label}: ${count} complete responses, ${rows} answer rows generated in ${generated.toFixed(1)} s`
		);
		for (const [name, query] of handWrittenQueries(wave.id)) {
			await timed(name, () => database.db.execute(query));
		}
	} finally {
		await database.close();
	}
}

/**
 * The aggregate queries a results page needs, written by hand over the answers of one wave (complete
 * responses): the limit the results engine is compared with.
 */
export function handWrittenQueries(waveId: string): Array<[string, SQL]> {
	const w = sql.raw(`'${waveId}'`);
	return [
		[
			'counts per question and option (complete responses)',
			sql`select a.question_code, a.option_code, count(*) from answers a
				join responses r on r.id = a.response_id
				where a.wave_id = ${w} and r.status = 'complete' group by 1, 2`
		],
		[
			'n, mean, SD and median per scale question',
			sql`select a.question_code, count(*), avg(a.value_num), stddev_samp(a.value_num),
				percentile_cont(0.5) within group (order by a.value_num)
				from answers a join responses r on r.id = a.response_id
				where a.wave_id = ${w} and r.status = 'complete' and a.value_num is not null group by 1`
		],
		[
			'counts per organisation, question and option',
			sql`select r.organisation_id, a.question_code, a.option_code, count(*) from answers a
				join responses r on r.id = a.response_id
				where a.wave_id = ${w} and r.status = 'complete' group by 1, 2, 3`
		]
	];
}

/** Runs `run` QUERY_RUNS times and prints the median time. */
async function timed(name: string, run: () => Promise<unknown>): Promise<void> {
	const times: number[] = [];
	for (let i = 0; i < QUERY_RUNS; i++) {
		const t = performance.now();
		await run();
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	console.log(
		`  ${name}: ${(times[Math.floor(QUERY_RUNS / 2)] ?? 0).toFixed(0)} ms (median of ${QUERY_RUNS})`
	);
}

/** Inserts the responses and their answers with a handful of set-based statements; returns the answer rows. */
export async function generate(database: TDatabase, template: TQuestionnaire, waveId: string, count: number) {
	const { db } = database;
	const w = sql.raw(`'${waveId}'`);
	const groups = template.roleGroups.map((g) => `'${g.code}'`);
	await db.execute(sql`
		insert into responses (wave_id, organisation_id, role_group, status, submitted_at)
		select ${w}, o.id, (${sql.raw(`array[${groups.join(',')}]`)})[1 + i % ${sql.raw(String(groups.length))}], 'complete', now()
		from generate_series(1, ${sql.raw(String(count))}) i
		join (select id, row_number() over (order by code) - 1 as k from organisations where kind = 'municipality') o
		on o.k = i % 14`);
	// A stable pseudo-random number per response and question.
	const pick = (code: string, n: number) => sql.raw(`(abs(hashtext(r.id::text || '${code}')) % ${n})`);
	// Every answer in one statement, as an import writes a response's answers together: the trigger on
	// `answers` then raises each response's revision once, not once per question.
	const parts: SQL[] = [];
	const row = (code: string, option: SQL, num: SQL, text: SQL, where: SQL = sql``) =>
		sql`select r.id, r.wave_id, ${code}::text, ${option}, ${num}, ${text} from responses r where r.wave_id = ${w} ${where}`;
	for (const q of template.sections.flatMap((s) => s.questions)) {
		if (q.type === 'single') {
			const options = sql.raw(`array[${q.options.map((o) => `'${o.code}'`).join(',')}]`);
			parts.push(
				row(
					q.code,
					sql`(${options})[1 + ${pick(q.code, q.options.length)}]`,
					sql`null::float8`,
					sql`null::text`
				)
			);
		} else if (q.type === 'scale') {
			const value = sql`(${sql.raw(String(q.min))} + ${pick(q.code, q.max - q.min + 1)})::float8`;
			parts.push(row(q.code, sql`''`, value, sql`null::text`));
		} else if (q.type === 'multi') {
			for (const o of q.options) {
				const chosen = sql`and ${pick(`${q.code}.${o.code}`, 3)} = 0`;
				parts.push(row(q.code, sql`${o.code}::text`, sql`null::float8`, sql`null::text`, chosen));
			}
		} else if (q.type === 'text') {
			const text = sql`'Kommentar ' || ${pick(q.code, 1000)}`;
			parts.push(row(q.code, sql`''`, sql`null::float8`, text, sql`and ${pick(`${q.code}.svar`, 3)} = 0`));
		}
	}
	await db.execute(sql`insert into answers (response_id, wave_id, question_code, option_code, value_num, value_text)
		${sql.join(parts, sql` union all `)}`);
	// Settled as a wave's data is by the time it is analysed: planner statistics, and the visibility map
	// and hint bits a vacuum leaves (otherwise the first reads write them, and autovacuum starts during the
	// timings).
	await db.execute(sql`vacuum (analyze) answers`);
	await db.execute(sql`vacuum (analyze) responses`);
	const result = (await db.execute(
		sql`select count(*)::int as n from answers where wave_id = ${w}`
	)) as unknown as {
		rows: Array<{ n: number }>;
	};
	return result.rows[0]?.n ?? 0;
}
