import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions } from '../../core/questionnaire/compare-versions.ts';
import { writeTranslationXliff } from '../../core/questionnaire/translation-xliff.ts';
import { questionOf } from '../../core/testing/questionnaires.ts';
import { listAuditEntries } from '../audit/list-audit-entries.ts';
import type { TDatabase } from '../db/client.ts';
import { exportQuestionnaire } from '../exchange/export-questionnaire.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createQuestionnaireDraft } from './create-questionnaire-draft.ts';
import { discardQuestionnaireDraft } from './discard-questionnaire-draft.ts';
import { editQuestionnaireDraft } from './edit-questionnaire-draft.ts';
import { getQuestionnaireDraft } from './get-questionnaire-draft.ts';
import { importDraftTranslations } from './import-draft-translations.ts';
import { importLimeSurvey } from './import-limesurvey.ts';
import { listQuestionnaireDrafts } from './list-questionnaire-drafts.ts';
import { publishQuestionnaireDraft } from './publish-questionnaire-draft.ts';
import { startNewQuestionnaire } from './start-new-questionnaire.ts';

// The next version of a questionnaire written as a draft: made from the newest version, edited over a
// revision, published as an immutable version with its codes kept, or discarded.
let database: TDatabase;
const Q = 'digital-mognad-i-kommuner';
const none = { sv: '', en: '' };
const actor = 'anna@lulea.se';

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => database.close());

const reword = (revision: number, sv: string) =>
	editQuestionnaireDraft(database.db, {
		code: Q,
		revision,
		actor,
		lang: 'sv',
		edit: {
			target: 'question',
			question: 'vision',
			text: { sv, en: 'A vision?' },
			help: none,
			topic: none,
			required: true
		}
	});

describe('a questionnaire draft', () => {
	it('starts as a copy of the newest version under the next number, once however often it is asked for', async () => {
		const draft = await createQuestionnaireDraft(database.db, { code: Q, actor });
		expect(draft).toMatchObject({ code: Q, baseVersion: 3, revision: 1, updatedBy: actor });
		expect(draft.definition.version).toBe(4);
		const { definition: newest } = await exportQuestionnaire(database.db, { code: Q });
		expect({ ...draft.definition, version: 3 }).toEqual(newest);
		expect((await createQuestionnaireDraft(database.db, { code: Q, actor: 'bo@pitea.se' })).updatedBy).toBe(
			actor
		);
		expect(await listQuestionnaireDrafts(database.db)).toEqual([{ code: Q, version: 4, published: true }]);
		await expect(createQuestionnaireDraft(database.db, { code: 'ingen', actor })).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
	});

	it('saves an edit over the revision it started from, and refuses one over an older revision', async () => {
		expect(await reword(1, 'Har ni en vision?')).toEqual({ revision: 2 });
		await expect(reword(1, 'Någon annans ändring')).rejects.toMatchObject({ code: 'CONFLICT' });
		const draft = await getQuestionnaireDraft(database.db, Q);
		expect(draft?.revision).toBe(2);
		expect(questionOf(draft?.definition ?? ({} as never), 'vision').text).toEqual({
			sv: 'Har ni en vision?',
			en: 'A vision?'
		});
		await expect(
			editQuestionnaireDraft(database.db, {
				code: Q,
				revision: 2,
				actor,
				lang: 'sv',
				edit: {
					target: 'question',
					question: 'ingen',
					text: { sv: 'X', en: '' },
					help: none,
					topic: none,
					required: false
				}
			})
		).rejects.toMatchObject({ code: 'NOT_FOUND' });
		await expect(
			editQuestionnaireDraft(database.db, {
				code: Q,
				revision: 2,
				actor,
				lang: 'sv',
				edit: { target: 'questionnaire', title: { sv: ' ', en: '' }, description: none }
			})
		).rejects.toMatchObject({ code: 'INVALID_INPUT', details: ['Fältet ”title.sv”: får inte vara tom'] });
	});

	it('is published as the next version with every code kept, comparable question for question, and is gone', async () => {
		await expect(
			publishQuestionnaireDraft(database.db, { code: Q, revision: 1, actor, lang: 'sv' })
		).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		expect(await publishQuestionnaireDraft(database.db, { code: Q, revision: 2, actor, lang: 'sv' })).toEqual(
			{ version: 4 }
		);
		expect(await getQuestionnaireDraft(database.db, Q)).toBeNull();
		const [v3, v4] = await Promise.all(
			[3, 4].map(async (version) => (await exportQuestionnaire(database.db, { code: Q, version })).definition)
		);
		if (!v3 || !v4) throw new Error('a version is missing');
		const compared = compareVersions(v3, v4);
		expect(compared.every((c) => c.status === 'comparable')).toBe(true);
		expect(
			compared.filter((c) => c.status === 'comparable' && c.edits.length > 0).map((c) => c.code)
		).toEqual(['vision']);
		await expect(
			publishQuestionnaireDraft(database.db, { code: Q, revision: 2, actor, lang: 'sv' })
		).rejects.toMatchObject({
			code: 'NOT_FOUND'
		});
		const log = await listAuditEntries(database.db, {});
		expect(
			log.entries.filter((e) => e.action.startsWith('questionnaire.')).map((e) => [e.action, e.subject])
		).toEqual(
			expect.arrayContaining([
				['questionnaire.draft_create', `${Q} v4`],
				['questionnaire.import', `${Q} v4`]
			])
		);
	});

	it('is thrown away on request, leaving the published versions as they were', async () => {
		await createQuestionnaireDraft(database.db, { code: Q, actor });
		await discardQuestionnaireDraft(database.db, { code: Q, actor });
		await discardQuestionnaireDraft(database.db, { code: Q, actor });
		expect(await getQuestionnaireDraft(database.db, Q)).toBeNull();
		expect((await exportQuestionnaire(database.db, { code: Q })).definition.version).toBe(4);
		const log = await listAuditEntries(database.db, { action: 'questionnaire.draft_discard' });
		expect(log.entries.map((e) => e.subject)).toEqual([`${Q} v5`]);
	});

	it('renames the codes of a question no published version has, and refuses those of one that has', async () => {
		const draft = await createQuestionnaireDraft(database.db, { code: Q, actor });
		const rename = (revision: number, question: string, code: string) =>
			editQuestionnaireDraft(database.db, {
				code: Q,
				revision,
				actor,
				lang: 'sv',
				edit: { target: 'rename', question, code, options: {} }
			});
		await expect(rename(draft.revision, 'vision', 'visionen')).rejects.toMatchObject({
			code: 'INVALID_INPUT',
			message:
				'Frågan vision finns i en publicerad version: dess koder går inte att ändra, eftersom mätomgångarna jämförs med dem.'
		});
		const added = await editQuestionnaireDraft(database.db, {
			code: Q,
			revision: draft.revision,
			actor,
			lang: 'sv',
			edit: {
				target: 'add-question',
				section: 'stod',
				type: 'text',
				code: 'ny',
				text: { sv: 'Något mer?', en: '' },
				required: false,
				options: [],
				min: 1,
				max: 10
			}
		});
		await rename(added.revision, 'ny', 'nagot_mer');
		const renamed = await getQuestionnaireDraft(database.db, Q);
		expect(renamed?.definition.sections.at(-1)?.questions.map((q) => q.code)).toContain('nagot_mer');
		await discardQuestionnaireDraft(database.db, { code: Q, actor });
	});

	it('starts a new questionnaire from nothing: one page with one free-text question, valid as it is', async () => {
		const draft = await startNewQuestionnaire(database.db, {
			code: 'tom',
			title: 'Tom',
			from: 'blank',
			actor
		});
		expect(draft.definition).toMatchObject({
			code: 'tom',
			version: 1,
			title: { sv: 'Tom' },
			dimensions: [],
			roleGroups: [],
			sections: [{ code: 'sida_1', questions: [{ code: 'fraga_1', type: 'text' }] }]
		});
		await discardQuestionnaireDraft(database.db, { code: 'tom', actor });
	});

	it('starts a new questionnaire from the built-in template under its own code and name, published as version 1', async () => {
		const draft = await startNewQuestionnaire(database.db, {
			code: 'medborgare',
			title: ' Medborgarenkät ',
			actor
		});
		expect(draft).toMatchObject({ code: 'medborgare', baseVersion: null, revision: 1 });
		expect(draft.definition).toMatchObject({
			code: 'medborgare',
			version: 1,
			title: { sv: 'Medborgarenkät' }
		});
		expect(draft.definition.sections.map((s) => s.code)).toEqual(
			(await exportQuestionnaire(database.db, { code: Q, version: 2 })).definition.sections.map((s) => s.code)
		);
		expect(await listQuestionnaireDrafts(database.db)).toEqual([
			{ code: 'medborgare', version: 1, published: false }
		]);
		await expect(
			startNewQuestionnaire(database.db, { code: 'medborgare', title: 'Igen', actor })
		).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		await expect(
			startNewQuestionnaire(database.db, { code: Q, title: 'Kopia', actor })
		).rejects.toMatchObject({
			code: 'CONFLICT'
		});
		await expect(
			startNewQuestionnaire(database.db, { code: 'Fel Kod', title: 'X', actor })
		).rejects.toThrow();
		expect(
			await publishQuestionnaireDraft(database.db, { code: 'medborgare', revision: 1, actor, lang: 'sv' })
		).toEqual({
			version: 1
		});
		expect((await exportQuestionnaire(database.db, { code: 'medborgare' })).definition.title).toEqual({
			sv: 'Medborgarenkät'
		});
	});

	it('takes a translator’s XLIFF file into the draft in one save, and refuses a file that is no translation', async () => {
		const draft = await startNewQuestionnaire(database.db, {
			code: 'oversatt',
			title: 'Översätt',
			from: 'blank',
			actor
		});
		const file = writeTranslationXliff(draft.definition, 'fi')
			.replace('<source>Översätt</source>', '<source>Översätt</source>\n        <target>Käännä</target>')
			.replace(
				'</file>',
				'<unit id="question.borta.text"><segment><source>Borta</source><target>Poissa</target></segment></unit></file>'
			);
		const result = await importDraftTranslations(database.db, {
			code: 'oversatt',
			xml: file,
			actor,
			lang: 'sv'
		});
		expect(result).toEqual({
			lang: 'fi',
			translated: 1,
			unknown: ['question.borta.text'],
			sourceChanged: [],
			withMarkup: [],
			revision: 2
		});
		const saved = await getQuestionnaireDraft(database.db, 'oversatt');
		expect(saved?.definition.languages).toEqual(['sv', 'en', 'fi']);
		expect(saved?.definition.title).toEqual({ sv: 'Översätt', fi: 'Käännä' });
		await expect(
			importDraftTranslations(database.db, {
				code: 'oversatt',
				xml: '<xliff version="1.2"/>',
				actor,
				lang: 'en'
			})
		).rejects.toMatchObject({
			code: 'INVALID_INPUT',
			details: ["The file is XLIFF 1.2; use XLIFF 2.0, as the questionnaire's export."]
		});
		expect((await getQuestionnaireDraft(database.db, 'oversatt'))?.revision).toBe(2);
		await discardQuestionnaireDraft(database.db, { code: 'oversatt', actor });
	});
});

describe('a draft imported from LimeSurvey', () => {
	const lss = (name: string) =>
		readFileSync(path.join(import.meta.dirname, '../../../../tests/fixtures/limesurvey', name));

	it("becomes a new questionnaire's draft with what maps, and lists what was skipped", async () => {
		const result = await importLimeSurvey(database.db, {
			file: lss('handmade-all-types.lss'),
			actor,
			lang: 'sv'
		});
		expect(result.draft).toMatchObject({
			code: 'ls_112233',
			baseVersion: null,
			revision: 1,
			updatedBy: actor
		});
		expect(result.skipped).toHaveLength(15);
		expect(result.skipped[0]).toBe(
			'Q7: en lista med ”Annat”-alternativ, som enkätmodellens envalsfrågor inte har'
		);
		expect(result.notices).toContain('Koden mc blev mc_2.');
		const stored = await getQuestionnaireDraft(database.db, 'ls_112233');
		expect(stored?.definition).toEqual(result.draft.definition);
		expect(stored?.definition.sections.map((s) => s.questions.length)).toEqual([7, 4, 1]);
		const log = await listAuditEntries(database.db, { action: 'questionnaire.draft_import' });
		expect(log.entries.map((e) => [e.actor, e.subject])).toEqual([[actor, 'ls_112233 v1']]);
	});

	it('stores nothing for a refused file or a code that is taken', async () => {
		const drafts = await listQuestionnaireDrafts(database.db);
		await expect(
			importLimeSurvey(database.db, { file: lss('handmade-nothing-maps.lss'), actor, lang: 'en' })
		).rejects.toMatchObject({
			code: 'INVALID_INPUT',
			message: expect.stringMatching(/^No question of the file can be imported \(3 skipped\)\.\nQ1: an array/)
		});
		await expect(
			importLimeSurvey(database.db, { file: lss('handmade-all-types.lss'), actor, lang: 'en' })
		).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(
			importLimeSurvey(database.db, { file: lss('handmade-all-types.lss'), code: Q, actor })
		).rejects.toMatchObject({ code: 'CONFLICT' });
		await expect(
			importLimeSurvey(database.db, { file: new Uint8Array(6 * 1024 * 1024), actor, lang: 'sv' })
		).rejects.toMatchObject({ code: 'INVALID_INPUT', message: 'Filen är större än 5 MB.' });
		expect(await listQuestionnaireDrafts(database.db)).toEqual(drafts);
		const log = await listAuditEntries(database.db, { action: 'questionnaire.draft_import' });
		expect(log.entries).toHaveLength(1);
	});
});
