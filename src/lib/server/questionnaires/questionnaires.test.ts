import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../audit/list-audit-entries.ts';
import type { TDatabase } from '../db/client.ts';
import { builtInQuestionnairesFolder } from '../setup/load-built-ins.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { importQuestionnaire } from './import-questionnaire.ts';
import { listQuestionnaires } from './list-questionnaires.ts';

// Sharing questionnaires from the admin pages: the list counts questions, and an upload is audited.
let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const template = () =>
	JSON.parse(readFileSync(`${builtInQuestionnairesFolder()}/${Q}.json`, 'utf8')) as {
		sections: Array<{ questions: unknown[] }>;
	} & Record<string, unknown>;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

describe('questionnaires for sharing', () => {
	it('counts the questions of each version over all its sections', async () => {
		// The built-in questionnaire, versions 3, 2 and 1: 2 + 3 + 5 + 2 + 3 + 4 + 1 questions in seven
		// sections in version 3 (2 + 3 + 4 + 2 + 5 + 3 + 1 in the earlier two).
		// A copy with one more question in its last section.
		const longer = template();
		longer.code = 'langre';
		const last = longer.sections[longer.sections.length - 1] as { questions: Array<{ code: string }> };
		last.questions.push({ ...(last.questions[0] as { code: string }), code: 'extra' });
		await importQuestionnaire(database.db, longer);
		const rows = await listQuestionnaires(database.db);
		expect(rows.map((r) => [r.code, r.version, r.questionCount])).toEqual([
			[Q, 3, 20],
			[Q, 2, 20],
			[Q, 1, 20],
			['langre', 3, 21]
		]);
	});

	it('records a newly published version in the audit log when told who did it, and not an unchanged one', async () => {
		const copy = { ...template(), code: 'delad', version: 4 };
		expect((await importQuestionnaire(database.db, copy, { actor: 'anna@lulea.se' })).created).toBe(true);
		expect((await importQuestionnaire(database.db, copy, { actor: 'anna@lulea.se' })).created).toBe(false);
		const log = await listAuditEntries(database.db, { action: 'questionnaire.import' });
		expect(log.entries.map((e) => [e.actor, e.subject])).toEqual([['anna@lulea.se', 'delad v4']]);
	});

	it('refuses a version that reuses a question code for another type or scale, naming each in Swedish, and publishes nothing', async () => {
		type TQ = Record<string, unknown> & { code: string };
		const changed = { ...template(), version: 4 };
		const questions = changed.sections.flatMap((section) => section.questions as TQ[]);
		const vision = questions.find((q) => q.code === 'vision');
		const behov = questions.find((q) => q.code === 'behov');
		if (!vision || !behov) throw new Error('the template lacks vision or behov');
		// Single choice becomes multiple choice (a multiple-choice question measures no dimension), and the
		// 1–10 scale becomes 1–5: both still valid definitions, with answers that mean something else.
		Object.assign(vision, { type: 'multi' });
		delete vision.dimension;
		delete vision.reversed;
		Object.assign(behov, { max: 5, topBox: { ...(behov.topBox as object), from: 4 } });
		const refused = importQuestionnaire(database.db, changed, { lang: 'sv' });
		await expect(refused).rejects.toMatchObject({
			code: 'INVALID_INPUT',
			details: [
				'Avsnitt 2 ”behov”, fråga 1 ”behov”, fältet ”max”: koden ”behov” hade skalan 1–10 i version 1; svaren skulle inte gå att jämföra, så ge frågan med den ändrade skalan en ny kod',
				'Avsnitt 3 ”vision”, fråga 1 ”vision”, fältet ”type”: koden ”vision” var en fråga av typen ”single” i version 1; svaren skulle inte gå att jämföra, så ge den ändrade frågan en ny kod'
			]
		});
		expect((await listQuestionnaires(database.db)).filter((r) => r.code === Q).map((r) => r.version)).toEqual(
			[3, 2, 1]
		);
		// The same changes under new question codes (and every reference to them) are a new version.
		const renamed = JSON.parse(
			JSON.stringify(changed).replaceAll('"vision"', '"vision_flera"').replaceAll('"behov"', '"behov_5"')
		);
		expect((await importQuestionnaire(database.db, renamed, { lang: 'sv' })).created).toBe(true);
	});
});
