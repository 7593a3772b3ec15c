import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TQuestionResult, TWaveResults } from '../../core/results/wave-results-schema.ts';
import { SEED_TOPIC_SUBSECTIONS } from '../../core/testing/questionnaires.ts';
import type { TDatabase } from '../db/client.ts';
import {
	answerMarks,
	answers,
	auditLog,
	participants,
	reports,
	responses,
	themes,
	waves
} from '../db/schema.ts';
import { getReportDraft } from '../report/get-report-draft.ts';
import { getReportVersion } from '../report/get-report-version.ts';
import { listReportVersions } from '../report/list-report-versions.ts';
import { renderReportPdf } from '../report/render-pdf.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import { layoutProblems } from '../testing/pdf-layout.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { countQuestionThemes } from '../themes/count-question-themes.ts';
import { createDemo } from './create-demo.ts';

let database: TDatabase;
let results: TWaveResults;
const SLUG = 'norrbotten-2020';

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.close();
});

function question(code: string): TQuestionResult {
	const found = results.questions.find((q) => q.code === code);
	if (!found) throw new Error(`no question ${code}`);
	return found;
}

/** Percent per option code. */
const percents = (code: string) => Object.fromEntries(question(code).options.map((o) => [o.code, o.percent]));
const counts = (code: string) => Object.fromEntries(question(code).options.map((o) => [o.code, o.count]));

async function tableCounts() {
	const db = database.db;
	const count = async (
		table: typeof waves | typeof responses | typeof answers | typeof themes | typeof reports
	) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
	return {
		waves: await count(waves),
		responses: await count(responses),
		answers: await count(answers),
		themes: await count(themes),
		reports: await count(reports),
		audit: (
			await db
				.select({ n: sql<number>`count(*)::int` })
				.from(auditLog)
				.where(eq(auditLog.action, 'demo.create'))
		)[0]?.n
	};
}

describe('createDemo', () => {
	it('creates the closed 2020 Norrbotten wave once, even when asked twice at the same time', async () => {
		const [first, second] = await Promise.all([
			createDemo(database.db, { actor: 'analytiker@example.org' }),
			createDemo(database.db)
		]);
		expect([first.created, second.created].sort()).toEqual([false, true]);
		for (const r of [first, second]) {
			expect(r).toMatchObject({
				slug: SLUG,
				name: 'Digital mognad i Norrbottens kommuner 2020',
				invited: 28,
				responses: 20
			});
		}
		results = await getWaveResults(database.db, { slug: SLUG });
		expect(results.wave).toMatchObject({ status: 'closed', period: '2020', minGroupSize: 5 });
		expect(results.responses).toEqual({ complete: 20, partial: 0 });
		expect(results.organisations).toEqual({ invited: 14, responded: 10 });
	});

	it('gives behov mean 8,5 and 80 % in 7–10, as the seed report', () => {
		const behov = question('behov');
		expect(behov.n).toBe(20);
		expect(behov.mean).toBe(8.5);
		// Values 3, 6, 6, 6, 8 ×3, 9 ×5, 10 ×8: the 10th and 11th are 9; squares of deviations sum to 69.
		expect(behov.median).toBe(9);
		expect(behov.sd).toBe(1.9); // √(69 / 19) = 1.906
		expect(behov.topBox).toMatchObject({ from: 7, count: 16, percent: 80 });
	});

	it('gives ledning_delar 47 % ja: 8 of the 17 who answered it', () => {
		expect(question('ledning_delar').n).toBe(17);
		expect(counts('ledning_delar')).toEqual({ ja: 8, nej: 6, vet_ej: 3 });
		expect(percents('ledning_delar')).toEqual({ ja: 47.1, nej: 35.3, vet_ej: 17.6 });
	});

	it('gives the seed report’s shares for the other yes/no questions (n = 20)', () => {
		for (const code of [
			'vision',
			'medborgarbild',
			'beslutskapacitet',
			'it_arv',
			'omvarld',
			'kultur',
			'kompetens'
		])
			expect(question(code).n).toBe(20);
		expect(percents('vision')).toEqual({ ja: 70, nej: 25, vet_ej: 5 });
		expect(percents('medborgarbild')).toEqual({ ja: 40, nej: 45, vet_ej: 15 });
		expect(percents('beslutskapacitet')).toEqual({ ja: 40, nej: 40, vet_ej: 20 });
		expect(percents('it_arv')).toEqual({ ja: 45, nej: 40, vet_ej: 15 });
		expect(percents('omvarld')).toEqual({ ja: 80, nej: 15, vet_ej: 5 });
		expect(percents('kultur')).toEqual({ ja: 45, nej: 45, vet_ej: 10 });
		expect(percents('kompetens')).toEqual({ ja: 25, nej: 55, vet_ej: 20 });
	});

	it('has the IT department driving most often', () => {
		const drivande = question('drivande');
		expect(drivande.n).toBe(20);
		expect(counts('drivande')).toEqual({
			politiker: 2,
			ledning: 7,
			it: 12,
			tjansteman: 9,
			medborgare: 2,
			naringsliv: 3,
			annat: 1
		});
		expect(percents('drivande').it).toBe(60);
	});

	it('answers follow-up questions only where they were shown', () => {
		expect(question('beslutskapacitet_varfor').n).toBe(9);
		expect(question('it_arv_kommentar').n).toBe(7);
		expect(question('kultur_varfor').n).toBe(6);
	});

	it('gives the report’s themes with the designed counts', async () => {
		expect(question('drivkrafter').themes).toEqual([
			{ label: 'Ansträngd ekonomi och resursbrist', count: 7 },
			{ label: 'Effektiviseringsbehov inkl. personalbrist', count: 6 },
			{ label: 'Förväntningar från medborgare och samhälle', count: 5 },
			{ label: 'Förändringar i samhälle', count: 4 }
		]);
		expect(question('stod').themes).toEqual([
			{ label: 'Strategiskt och taktiskt stöd', count: 6 },
			{ label: 'Samordning av insatser', count: 5 },
			{ label: 'Regionalt/nationellt stöd', count: 4 },
			{ label: 'Visa på goda exempel', count: 3 }
		]);
		const drivkrafter = await countQuestionThemes(database.db, {
			waveSlug: SLUG,
			questionCode: 'drivkrafter'
		});
		expect({ n: drivkrafter.n, tagged: drivkrafter.tagged }).toEqual({ n: 16, tagged: 16 });
		const stod = await countQuestionThemes(database.db, { waveSlug: SLUG, questionCode: 'stod' });
		expect({ n: stod.n, tagged: stod.tagged }).toEqual({ n: 15, tagged: 15 });
	});

	it('marks six answers quotable, none released', async () => {
		const marks = await database.db
			.select({ questionCode: answerMarks.questionCode, released: answerMarks.released })
			.from(answerMarks)
			.where(eq(answerMarks.quotable, true));
		expect(marks.map((m) => m.questionCode).sort()).toEqual([
			'behov_kommentar',
			'beslutskapacitet_varfor',
			'drivkrafter',
			'it_arv_kommentar',
			'kultur_varfor',
			'stod'
		]);
		expect(marks.every((m) => !m.released)).toBe(true);
	});

	it('hides every municipality in a breakdown (none has k = 5 respondents) and shows the IT role group', async () => {
		const byUnit = await getWaveResults(database.db, { slug: SLUG, by: 'organisation' });
		expect(byUnit.breakdown).toHaveLength(10);
		expect(byUnit.breakdown?.every((g) => g.suppressed && g.n === null)).toBe(true);
		const byRole = await getWaveResults(database.db, { slug: SLUG, by: 'role' });
		expect(byRole.breakdown?.filter((g) => !g.suppressed).map((g) => [g.group, g.n])).toEqual([['it', 6]]);
	});

	it('keeps titles and units but no names or e-mail addresses of the invited', async () => {
		const rows = await database.db.select().from(participants);
		expect(rows).toHaveLength(28);
		expect(rows.every((p) => p.name === null && p.email === null && p.title)).toBe(true);
		expect(rows.filter((p) => p.hasCompleted)).toHaveLength(20);
		const [wave] = await database.db.select().from(waves).where(eq(waves.slug, SLUG));
		expect(wave?.closedAt?.toISOString().slice(0, 10)).toBe('2020-05-31');
	});

	it('writes the report: the narrative in the draft, published as version 1 with the seed’s key figures', async () => {
		const draft = await getReportDraft(database.db, SLUG);
		expect(draft.revision).toBe(2);
		expect(draft.definition.meta).toMatchObject({
			organisation: 'Region Norrbotten',
			documentId: 'RN-DEMO-2020-001',
			author: 'Analytiker, Regional utveckling'
		});
		expect(await listReportVersions(database.db, SLUG)).toHaveLength(1);
		const { snapshot: doc } = await getReportVersion(database.db, SLUG, 1);
		expect(doc.meta).toMatchObject({ version: '1', publishedOn: '2020-10-15' });
		expect(doc.sections.map((s) => [s.number, s.title])).toEqual([
			['1', 'Inledning och bakgrund'],
			['2', 'Syfte'],
			['3', 'Data och metod'],
			['4', 'Kort sammanställning av läget'],
			['5', 'Svar och kommentarer'],
			['6', 'Sammanfattning'],
			['7', 'Slutsats'],
			['8', 'Reflektion 1: Digitalisering i spåren av covid-19'],
			['9', 'Reflektion 2: Utbyggnad av digital infrastruktur']
		]);
		const lage = doc.sections.find((s) => s.number === '4');
		expect(lage?.blocks.find((b) => b.kind === 'list')).toEqual({
			kind: 'list',
			// The report keeps a figure and its per cent sign together with a no-break space.
			items: [
				'80\u00a0% av respondenterna anser att behovet av digitalisering är stort',
				'47\u00a0% menar att hela kommunledningen delar denna uppfattning',
				'70\u00a0% av respondenterna säger att man har en digital vision, handlingsplan eller strategi',
				'55\u00a0% av respondenterna anser att det saknas tillräcklig kompetens inom digitaliseringsområdet',
				'45\u00a0% bedömer att tidigare gjorda IT-investeringar begränsar möjligheterna till innovation',
				'45\u00a0% av respondenterna bedömer att organisationen inte har en gemensam bild av framtidens medborgarupplevelse',
				'40\u00a0% av respondenterna bedömer att man inte har beslutsmässighet och kapacitet för att förflytta sig mot den bilden'
			]
		});
		const svar = doc.sections.find((s) => s.number === '5');
		// The seed's 11 subsections, one per topic, the follow-up questions inside them.
		expect(svar?.sections.map((s) => `${s.number} ${s.title}`)).toEqual(SEED_TOPIC_SUBSECTIONS);
		const itArv = svar?.sections.find((s) => s.title === 'Tidigare IT-investeringar');
		expect(itArv?.blocks).toEqual(
			expect.arrayContaining([
				{ kind: 'paragraph', text: 'Följdfråga till dem som svarade Ja: Beskriv gärna hur.' },
				{ kind: 'paragraph', text: 'Antal svar: 7' }
			])
		);
		// One lead-in before the themes of 5.8: the narrative's, not a generated one after it.
		const drivkrafter = svar?.sections.find((s) => s.number === '5.8');
		expect(drivkrafter?.blocks.map((b) => b.kind)).toEqual([
			'paragraph',
			'paragraph',
			'markdown',
			'figure',
			'list',
			'quote'
		]);
		const stod = svar?.sections.find((s) => s.title === 'Stöd i digitaliseringsresan');
		expect(stod?.blocks.filter((b) => b.kind === 'quote')).toEqual([
			{
				kind: 'quote',
				text: 'Varför ska 290 kommuner med samma uppdrag uppfinna hjulet var och en för sig? Hjälp oss att standardisera de digitala tjänsterna.'
			}
		]);
	});

	it('lays the published report out as a reader turns its pages: headings, lead-ins and captions kept with what follows', async () => {
		const { snapshot: doc } = await getReportVersion(database.db, SLUG, 1);
		const dir = mkdtempSync(path.join(tmpdir(), 'mognad-demo-layout-'));
		try {
			const file = path.join(dir, 'demo.pdf');
			writeFileSync(file, await renderReportPdf(doc));
			expect(layoutProblems(doc, file)).toEqual([]);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('changes nothing when run again, and says where the wave is', async () => {
		const before = await tableCounts();
		expect(before).toMatchObject({ waves: 1, responses: 20, themes: 8, reports: 1, audit: 1 });
		const again = await createDemo(database.db);
		expect(again).toEqual({
			created: false,
			slug: SLUG,
			name: results.wave.name,
			invited: 28,
			responses: 20
		});
		expect(await tableCounts()).toEqual(before);
		const stillThere = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(answers)
			.where(and(eq(answers.questionCode, 'behov')));
		expect(stillThere[0]?.n).toBe(20);
	});
});
