import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedResultsDataset } from '../../../../tests/support/results-dataset.ts';
import type {
	TReportBlock,
	TReportDocument,
	TReportSection,
	TReportTable
} from '../../core/report/document.ts';
import { renderReportHtml } from '../../core/report/render-html.ts';
import type { TReportDefinition } from '../../core/report/report-definition.ts';
import { SEED_TOPICS } from '../../core/testing/questionnaires.ts';
import type { TDatabase } from '../db/client.ts';
import { answerMarks, answers, auditLog, participants, responses, waves } from '../db/schema.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { getReportDraft } from './get-report-draft.ts';
import { getReportVersion } from './get-report-version.ts';
import { listReportVersions } from './list-report-versions.ts';
import { listReportableOrganisations } from './list-reportable-organisations.ts';
import { publishReport } from './publish-report.ts';
import { renderReportDocx } from './render-docx.ts';
import { renderReportPdf } from './render-pdf.ts';
import { resolveReport } from './resolve-report.ts';
import { saveReportDraft } from './save-report-draft.ts';

// The dataset is described in tests/support/results-dataset.ts (wave "nu", k = 3, 13 complete
// responses); every figure below is worked out by hand from its table.

const NBSP = '\u00a0';
let database: TDatabase;
/** Response ids of wave "nu" in the table's order (1–13). */
let ids: string[];

beforeAll(async () => {
	database = await createTestDatabase();
	await seedResultsDataset(database.db);
	const db = database.db;
	const [wave] = await db.select().from(waves).where(eq(waves.slug, 'nu'));
	const rows = await db
		.select({ id: responses.id, participantId: responses.participantId })
		.from(responses)
		.where(and(eq(responses.waveId, wave?.id ?? ''), eq(responses.status, 'complete')))
		.orderBy(responses.submittedAt);
	ids = rows.map((r) => r.id);
	// Titles as invitations carry them: two respondents share one, one has another.
	const participantOf = (i: number) => rows[i]?.participantId ?? '';
	await db
		.update(participants)
		.set({ title: 'IT-chef' })
		.where(inArray(participants.id, [participantOf(0), participantOf(1)]));
	await db
		.update(participants)
		.set({ title: 'Kommunchef' })
		.where(eq(participants.id, participantOf(5)));
	// Respondent 1's and 7's answers to `stod` may be quoted; respondent 3's may not.
	await db.insert(answerMarks).values([
		{ responseId: ids[0] ?? '', questionCode: 'stod', quotable: true },
		{ responseId: ids[2] ?? '', questionCode: 'stod', quotable: false },
		{ responseId: ids[6] ?? '', questionCode: 'stod', quotable: true }
	]);
});
afterAll(async () => database.close());

function section(doc: TReportDocument | TReportSection, number: string): TReportSection {
	const found = doc.sections.find((s) => s.number === number);
	if (!found) throw new Error(`no section ${number}`);
	return found;
}

function tableCaptioned(blocks: TReportBlock[], caption: string): TReportTable {
	const found = blocks.find((b) => b.kind === 'table' && b.caption === caption);
	if (found?.kind !== 'table') throw new Error(`no table ${caption}`);
	return found.table;
}

function subsectionOf(doc: TReportDocument, title: string): TReportSection {
	const found = section(doc, '5').sections.find((s) => s.title === title);
	if (!found) throw new Error(`no subsection ${title}`);
	return found;
}

async function draftWithQuotes(): Promise<TReportDefinition> {
	const draft = await getReportDraft(database.db, 'nu');
	return {
		...draft.definition,
		questions: draft.definition.questions.map((q) =>
			q.code === 'stod' ? { ...q, quotes: [ids[0] ?? '', ids[2] ?? '', ids[6] ?? ''] } : q
		)
	};
}

describe('the default report of a wave', () => {
	it('follows the seed: seven sections, the key figures of the questionnaire, every question', async () => {
		const draft = await getReportDraft(database.db, 'nu');
		expect(draft.revision).toBe(1);
		expect(draft.definition.meta).toMatchObject({
			title: 'Digital mognad i kommuner',
			organisation: 'Region Norrbotten'
		});
		expect(draft.definition.sections.map((s) => s.id)).toEqual([
			'inledning',
			'syfte',
			'data-och-metod',
			'lage',
			'svar',
			'sammanfattning',
			'slutsats'
		]);
		expect(draft.definition.keyFigures).toHaveLength(7);
		// Version 3 of the questionnaire (tests/support/results-dataset.ts) adds `ny_fraga`: 18 questions of the template and it.
		expect(draft.definition.questions.map((q) => q.code).at(-1)).toBe('ny_fraga');
		expect(draft.definition.questions).toHaveLength(19);
		// Asked again, the same draft.
		expect((await getReportDraft(database.db, 'nu')).id).toBe(draft.id);
	});
});

describe('resolving the report for the whole wave', () => {
	let doc: TReportDocument;
	beforeAll(async () => {
		doc = await resolveReport(database.db, await draftWithQuotes(), {
			slug: 'nu',
			version: 'Utkast',
			publishedOn: null
		});
	});

	it('numbers the sections and carries the header fields', () => {
		expect(doc.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
			'1 Inledning och bakgrund',
			'2 Syfte',
			'3 Data och metod',
			'4 Kort sammanställning av läget',
			'5 Svar och kommentarer',
			'6 Sammanfattning',
			'7 Slutsats'
		]);
		expect(doc.meta).toMatchObject({
			lang: 'sv',
			version: 'Utkast',
			publishedOn: null,
			organisation: 'Region Norrbotten'
		});
	});

	it('states invited and answering organisations, n, role groups and titles in Data och metod', () => {
		const blocks = section(doc, '3').blocks;
		expect(blocks).toContainEqual({
			kind: 'paragraph',
			text: 'Enkäten skickades till 5 organisationer. Svar inkom från 4.'
		});
		expect(blocks).toContainEqual({ kind: 'paragraph', text: 'Antal fullständiga svar: 13.' });
		const roles = blocks.find((b) => b.kind === 'table');
		// Every role group shares a block of k with another (Luleå's IT people with its two of unknown role,
		// Boden's one in verksamhet with its others): names only, never how many.
		expect(roles?.kind === 'table' && roles.table.rows).toEqual([
			['IT', '–'],
			['Verksamhet', '–'],
			['Uppgift saknas', '–']
		]);
		expect(blocks).toContainEqual({ kind: 'list', items: ['IT-chef', 'Kommunchef'] });
	});

	it('fills the key-figure sentences from the data in whole percents', () => {
		const list = section(doc, '4').blocks.find((b) => b.kind === 'list');
		expect(list?.kind === 'list' && list.items).toEqual([
			// behov 7–10: 6 of 12 (the stored 11 is out of range).
			`50${NBSP}% av respondenterna anser att behovet av digitalisering är stort`,
			// ledning_delar ja: 7 of 13 = 53,8 %.
			`54${NBSP}% menar att hela kommunledningen delar denna uppfattning`,
			// vision ja: 9 of 13 = 69,2 %.
			`69${NBSP}% av respondenterna säger att man har en digital vision, handlingsplan eller strategi`,
			`0${NBSP}% av respondenterna anser att det saknas tillräcklig kompetens inom digitaliseringsområdet`,
			`0${NBSP}% bedömer att tidigare gjorda IT-investeringar begränsar möjligheterna till innovation`,
			`0${NBSP}% av respondenterna bedömer att organisationen inte har en gemensam bild av framtidens medborgarupplevelse`,
			`0${NBSP}% av respondenterna bedömer att man inte har beslutsmässighet och kapacitet för att förflytta sig mot den bilden`
		]);
	});

	it('shows the maturity of the organisations with enough respondents, and says how many are left out', () => {
		const blocks = section(doc, '4').blocks;
		const index = tableCaptioned(blocks, 'Digital mognad per organisation');
		const dimensions = tableCaptioned(blocks, 'Digital mognad per dimension (0–100)');
		const row = (name: string) => index.rows.find((r) => r[0] === name);
		expect(row('Region Norrbotten (alla svarande)')?.[1]).toBe('13');
		expect(row('Luleå')?.[1]).toBe('5');
		expect(row('Piteå')?.[1]).toBe('3');
		// Kiruna has 1 respondent (< 3); Boden is hidden too (its one of role verksamhet and Kiruna's one of
		// unknown role share its block), or Kiruna could be derived: neither is listed, in either table, and
		// a notice counts them.
		for (const hidden of ['Kiruna', 'Boden']) {
			expect(row(hidden)).toBeUndefined();
			expect(dimensions.head).not.toContain(hidden);
		}
		expect(dimensions.head).toEqual([
			'Dimension',
			'Region Norrbotten (alla svarande)',
			'Medel av organisationerna',
			'Luleå',
			'Piteå'
		]);
		const notice = blocks.find((b) => b.kind === 'notice');
		expect(notice?.kind === 'notice' && notice.text).toMatch(/^2 organisationer med färre än 3 svarande/);
	});

	it("explains the maturity levels from the questionnaire's definition", () => {
		const blocks = section(doc, '4').blocks;
		expect(blocks).toContainEqual({
			kind: 'paragraph',
			text: 'Digital mognad visas som ett index från 0 till 100: medelvärdet av dimensionernas poäng. Varje fråga ger 0–100 poäng (100 för ett svar som talar för mognad, 0 för ett som talar emot); Vet ej räknas inte. Bredvid indexet står den svagaste dimensionen, och nivån följer av indexet.'
		});
		// The template's levels carry no description, so the table has no column for one.
		expect(tableCaptioned(blocks, 'Mognadsnivåer efter index')).toEqual({
			head: ['Nivå', 'Index'],
			rows: [
				['Låg', '0–33'],
				['Medel', '34–66'],
				['Hög', '67–100']
			],
			numeric: [false, true]
		});
	});

	it('draws the region pooled and the mean of the organisations as a radar, with the figures of their columns', () => {
		const blocks = section(doc, '4').blocks;
		const at = blocks.findIndex((b) => b.kind === 'figure');
		const figure = blocks[at];
		if (figure?.kind !== 'figure') throw new Error('no maturity chart');
		expect(figure.caption).toBe('Mognadsprofil per dimension (0–100)');
		expect(figure.svg).toMatch(/^<svg [^>]*role="img"/);
		// The dimensions' table follows it, so a printed report does not repeat the figures under the chart.
		expect(blocks[at + 1]).toEqual({
			kind: 'table',
			caption: 'Digital mognad per dimension (0–100)',
			table: expect.anything()
		});
		const dimensions = tableCaptioned(blocks, 'Digital mognad per dimension (0–100)');
		expect(figure.table).toEqual({
			head: ['Dimension', 'Region Norrbotten (alla svarande)', 'Medel av organisationerna'],
			rows: dimensions.rows.map((row) => row.slice(0, 3)),
			numeric: [false, true, true]
		});
		expect(figure.alt).toMatch(
			/^Radardiagram: Strategi: Region Norrbotten \(alla svarande\) [\d,]+, Medel av organisationerna [\d,]+; /
		);
		for (const name of ['Luleå', 'Piteå', 'Kiruna', 'Boden']) {
			expect(figure.alt).not.toContain(name);
			expect(figure.svg).not.toContain(name);
		}
	});

	it('prints the maturity radar as a numbered figure with its axis names as text in the PDF, and as a described picture in Word', async () => {
		const figure = section(doc, '4').blocks.find((b) => b.kind === 'figure');
		if (figure?.kind !== 'figure') throw new Error('no maturity chart');
		// The first figure of the report: the questions' charts follow in section 5.
		const dir = mkdtempSync(path.join(tmpdir(), 'mognad-maturity-'));
		try {
			const file = path.join(dir, 'report.pdf');
			writeFileSync(file, await renderReportPdf(doc));
			const text = execFileSync('pdftotext', [file, '-'], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'ignore']
			});
			expect(text).toContain('Figur 1: Mognadsprofil per dimension (0–100)');
			expect(text).toContain('Tabell 2: Mognadsnivåer efter index');
			// Every dimension's name whole, the long one on two lines.
			for (const name of [
				'Strategi',
				'Medborgarfokus',
				'Ledning och',
				'beslutskapacitet',
				'Omvärldsbevakning'
			])
				expect(text).toContain(name);
			expect(text).not.toMatch(/Ledning och besl\S*…|\.\.\./);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		const parts = unzipSync(await renderReportDocx(doc));
		const xml = strFromU8(parts['word/document.xml'] ?? new Uint8Array());
		expect(xml).toContain(`descr="${figure.alt}" title="Mognadsprofil per dimension (0–100)"`);
		expect(xml).toContain('Mognadsprofil per dimension (0–100)</w:t>');
		expect(xml.match(/descr="Radardiagram:/g)).toHaveLength(1);
	});

	it('gives each topic a subsection titled by the topic, the question under it with n, chart, table and themes', () => {
		const questions = section(doc, '5').sections;
		expect(questions[0]?.number).toBe('5.1');
		// 19 questions: the template's 18 in its 11 topics, and version 4's `ny_fraga`, which has no topic title.
		expect(questions.map((s) => s.title)).toEqual([...SEED_TOPICS, 'En ny fråga?']);
		const behov = subsectionOf(doc, 'Behovet av digitalisering');
		expect(behov.blocks.slice(0, 2)).toEqual([
			{ kind: 'paragraph', text: 'Hur stort är behovet av digitalisering i din kommun?' },
			{ kind: 'paragraph', text: `n = 12 · medelvärde 6,4 · median 6,5 · 50${NBSP}% svarade 7 eller högre` }
		]);
		// ledning_delar follows up behov: its figures inside behov's subsection, under no heading of its own.
		const ledning = behov.blocks.findIndex(
			(b) => b.kind === 'paragraph' && b.text === 'Följdfråga: Delar hela kommunledningen denna uppfattning?'
		);
		expect(ledning).toBeGreaterThan(0);
		expect(behov.blocks.slice(ledning + 1, ledning + 4).map((b) => b.kind)).toEqual([
			'paragraph',
			'figure',
			'table'
		]);
		// A question without a topic title is headed by its text, not repeated below it.
		// Unanswered, it says so once, without a count of zero.
		expect(subsectionOf(doc, 'En ny fråga?').blocks).toEqual([
			{ kind: 'notice', text: 'Inga svar på frågan.' }
		]);
		const vision = subsectionOf(doc, 'Digital vision eller handlingsplan');
		expect(vision.blocks.map((b) => b.kind)).toEqual([
			'paragraph',
			'paragraph',
			'figure',
			'table',
			'paragraph',
			'notice'
		]);
		expect(vision.blocks.slice(4, 6)).toEqual([
			{ kind: 'paragraph', text: 'Följdfråga: Hur arbetar ni med den? / Varför inte?' },
			{ kind: 'notice', text: 'Inga svar på frågan.' }
		]);
		const table = vision.blocks[3];
		expect(table?.kind === 'table' && table.table.rows).toEqual([
			['Ja', '9', `69,2${NBSP}%`, `42,4–87,3${NBSP}%`],
			['Nej', '3', `23,1${NBSP}%`, `8,2–50,3${NBSP}%`],
			['Vet ej', '1', `7,7${NBSP}%`, `1,4–33,3${NBSP}%`],
			['n', '13', '', '']
		]);
		const figure = vision.blocks[2];
		expect(figure?.kind === 'figure' && figure.svg.startsWith('<svg')).toBe(true);
		expect(figure?.kind === 'figure' && figure.alt).toContain('69');
	});

	it('keeps every chart when rendered as HTML (the renderer drops only SVG that could run)', () => {
		// The questions' charts and the maturity radar in Kort sammanställning av läget.
		const figures = doc.sections
			.flatMap((s) => [s, ...s.sections])
			.flatMap((s) => s.blocks.filter((b) => b.kind === 'figure'));
		expect(figures.length).toBeGreaterThan(10);
		expect(renderReportHtml(doc).match(/<svg[\s>]/g)?.length).toBe(figures.length);
	});

	it("shows one table per chart in HTML, the chart's data folded into the figure when the distribution follows", () => {
		const html = renderReportHtml(doc);
		const answers = html.slice(html.indexOf('id="avsnitt-5"'), html.indexOf('id="avsnitt-6"'));
		const figures = answers.match(/<figure>/g)?.length ?? 0;
		const distributions = section(doc, '5')
			.sections.flatMap((s) => s.blocks)
			.filter((b) => b.kind === 'table').length;
		expect(distributions).toBeGreaterThan(5);
		expect(answers.match(/<details><summary>Data i diagrammet<\/summary>/g)).toHaveLength(distributions);
		const visible = answers.replace(/<details>[\s\S]*?<\/details>/g, '');
		// Each choice or scale chart shows its distribution; a free-text chart its theme counts.
		expect(visible.match(/<table>/g)).toHaveLength(figures);
		expect(visible).not.toContain('Data i diagrammet: Digital vision eller handlingsplan');
	});

	it('lists the themes with their counts and quotes only answers marked quotable', () => {
		const stod = subsectionOf(doc, 'Stöd i digitaliseringsresan');
		expect(stod.blocks).toContainEqual({ kind: 'list', items: ['Goda exempel (2)', 'Samordning (2)'] });
		expect(stod.blocks.filter((b) => b.kind === 'quote')).toEqual([
			{ kind: 'quote', text: 'Mer samordning mellan kommunerna' },
			{ kind: 'quote', text: '=Visa goda exempel' }
		]);
	});
});

describe('the report of a wave without responses', () => {
	it('says so once in Svar och kommentarer instead of a subsection per question', async () => {
		const draft = await getReportDraft(database.db, 'tom');
		const doc = await resolveReport(database.db, draft.definition, {
			slug: 'tom',
			version: 'Utkast',
			publishedOn: null
		});
		const answers = section(doc, '5');
		expect(answers.sections).toEqual([]);
		expect(answers.blocks.filter((b) => b.kind === 'notice')).toEqual([
			{
				kind: 'notice',
				text: 'Mätomgången har inga svar ännu. Diagram, tabeller och citat för varje fråga kommer här när svaren har kommit in.'
			}
		]);
		expect(JSON.stringify(doc)).not.toContain('Inga svar på frågan.');
	});
});

describe('a report for one organisation', () => {
	it('lists the municipalities that may have one: shown in the breakdown by organisation', async () => {
		expect(await listReportableOrganisations(database.db, 'nu')).toEqual([
			{ code: '2580', name: 'Luleå', respondents: 5 },
			{ code: '2581', name: 'Piteå', respondents: 3 }
		]);
	});

	it("gives the unit's figures beside the region's, and its own quotes only", async () => {
		const doc = await resolveReport(database.db, await draftWithQuotes(), {
			slug: 'nu',
			organisation: '2580',
			version: 'Utkast',
			publishedOn: null
		});
		expect(doc.meta.subtitle).toBe('Nu – Luleå');
		const list = section(doc, '4').blocks.find((b) => b.kind === 'list');
		// Luleå (with its IT department): behov 9, 8, 10, 7, 3 → 4 of 5 in 7–10; ledning_delar ja 3 of 5.
		expect(list?.kind === 'list' && list.items.slice(0, 2)).toEqual([
			`80${NBSP}% av respondenterna anser att behovet av digitalisering är stort (Region Norrbotten: 50${NBSP}%)`,
			`60${NBSP}% menar att hela kommunledningen delar denna uppfattning (Region Norrbotten: 54${NBSP}%)`
		]);
		expect(section(doc, '3').blocks).toContainEqual({
			kind: 'paragraph',
			text: 'Rapporten gäller Luleå (5 svarande) jämfört med hela Region Norrbotten.'
		});
		// Role groups in Luleå: IT 3, unknown 2 (< 3): both hidden, or the small one could be derived.
		const roles = section(doc, '3').blocks.find((b) => b.kind === 'table');
		expect(roles?.kind === 'table' && roles.table.rows).toEqual([
			['IT', '–'],
			['Uppgift saknas', '–']
		]);
		const vision = subsectionOf(doc, 'Digital vision eller handlingsplan');
		const table = vision.blocks.find((b) => b.kind === 'table');
		expect(table?.kind === 'table' && table.table.rows[0]).toEqual([
			'Ja',
			'3',
			`60${NBSP}%`,
			`23,1–88,2${NBSP}%`,
			`69,2${NBSP}%`
		]);
		// Maturity: Luleå's own profile against the region's pooled one, in the table and the radar alike.
		const maturity = section(doc, '4').blocks;
		const dimensions = tableCaptioned(maturity, 'Digital mognad per dimension (0–100)');
		expect(dimensions.head).toEqual(['Dimension', 'Luleå', 'Region Norrbotten (alla svarande)']);
		const radar = maturity.find((b) => b.kind === 'figure');
		expect(radar?.kind === 'figure' && radar.table).toEqual({
			head: dimensions.head,
			rows: dimensions.rows,
			numeric: [false, true, true]
		});
		expect(radar?.kind === 'figure' && radar.alt).not.toContain('Piteå');
		const stod = subsectionOf(doc, 'Stöd i digitaliseringsresan');
		expect(stod.blocks.filter((b) => b.kind === 'quote')).toEqual([
			{ kind: 'quote', text: 'Mer samordning mellan kommunerna' }
		]);
	});

	it('is refused for a unit with fewer than k respondents, or one hidden to protect it', async () => {
		const draft = await getReportDraft(database.db, 'nu');
		const forUnit = (organisation: string) =>
			resolveReport(database.db, draft.definition, {
				slug: 'nu',
				organisation,
				version: 'Utkast',
				publishedOn: null
			});
		await expect(forUnit('2584')).rejects.toThrow(
			'Kiruna visas inte med siffror: enheten har färre än 3 fullständiga svar'
		);
		await expect(forUnit('2582')).rejects.toThrow('Boden visas inte med siffror');
		await expect(forUnit('2580-it')).rejects.toThrow('Luleå IT-förvaltning visas inte med siffror');
	});
});

describe('saving the draft', () => {
	it('saves over the revision it started from, and refuses a stale revision without losing the newer text', async () => {
		const draft = await getReportDraft(database.db, 'nu');
		const edited = (text: string): TReportDefinition => ({
			...draft.definition,
			sections: draft.definition.sections.map((s) => (s.id === 'syfte' ? { ...s, markdown: text } : s))
		});
		const saved = await saveReportDraft(
			database.db,
			{ slug: 'nu', revision: draft.revision, definition: edited('Första tanken.') },
			null
		);
		expect(saved.revision).toBe(draft.revision + 1);
		// A second tab still on the old revision.
		await expect(
			saveReportDraft(
				database.db,
				{ slug: 'nu', revision: draft.revision, definition: edited('Andra fliken.') },
				null
			)
		).rejects.toMatchObject({ code: 'CONFLICT' });
		const now = await getReportDraft(database.db, 'nu');
		expect(now.revision).toBe(saved.revision);
		expect(now.definition.sections.find((s) => s.id === 'syfte')?.markdown).toBe('Första tanken.');
	});

	it('refuses a definition that does not validate', async () => {
		const draft = await getReportDraft(database.db, 'nu');
		const twice = [...draft.definition.sections, draft.definition.sections[0]];
		await expect(
			saveReportDraft(
				database.db,
				{
					slug: 'nu',
					revision: draft.revision,
					definition: { ...draft.definition, sections: twice } as never
				},
				null
			)
		).rejects.toMatchObject({ code: 'INVALID_INPUT' });
	});
});

describe('publishing', () => {
	it('freezes numbered versions whose snapshot rebuilds the same document, once per double click', async () => {
		const db = database.db;
		const draft = await getReportDraft(db, 'nu');
		const first = await publishReport(db, { slug: 'nu', revision: draft.revision }, null, '2024-01-31');
		const again = await publishReport(db, { slug: 'nu', revision: draft.revision }, null, '2024-01-31');
		expect(first).toEqual({ version: 1, created: true });
		expect(again).toEqual({ version: 1, created: false });

		const published = await getReportVersion(db, 'nu', 1);
		expect(published.snapshot.meta).toMatchObject({ version: '1', publishedOn: '2024-01-31' });
		// The frozen definition resolved against the same data gives the frozen document.
		const rebuilt = await resolveReport(db, published.definition, {
			slug: 'nu',
			version: '1',
			publishedOn: '2024-01-31'
		});
		expect(rebuilt).toEqual(published.snapshot);

		// New data after publishing: the next version differs; version 1 stays as it was.
		await db
			.update(answers)
			.set({ optionCode: 'nej' })
			.where(and(eq(answers.responseId, ids[12] ?? ''), eq(answers.questionCode, 'vision')));
		const second = await publishReport(db, { slug: 'nu', revision: draft.revision }, null, '2024-02-01');
		expect(second).toEqual({ version: 2, created: true });
		expect((await getReportVersion(db, 'nu', 1)).snapshot).toEqual(published.snapshot);
		expect((await listReportVersions(db, 'nu')).map((v) => v.version)).toEqual([2, 1]);
		const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'report.publish'));
		expect(audits.map((a) => a.details)).toEqual([
			{ version: 1, revision: draft.revision },
			{ version: 2, revision: draft.revision }
		]);
	});

	it('refuses to publish from a stale revision', async () => {
		const draft = await getReportDraft(database.db, 'nu');
		await expect(
			publishReport(database.db, { slug: 'nu', revision: draft.revision - 1 }, null)
		).rejects.toMatchObject({
			code: 'CONFLICT'
		});
	});
});
