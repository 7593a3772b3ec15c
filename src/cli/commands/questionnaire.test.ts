import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInQuestionnairesFolder } from '../../lib/server/setup/load-built-ins.ts';
import { startInProcessCli, type TInProcessCli } from '../testing/in-process-cli.ts';

// `mognad questionnaire compare` and the family rule of `import`, in this process on the file's own database.
const Q = 'digital-mognad-i-kommuner';
let cli: TInProcessCli;

beforeAll(async () => {
	cli = await startInProcessCli();
});
afterAll(async () => cli.close());

const mognad = (...args: string[]) => cli.run(args);

type TDefinition = {
	version: number;
	sections: Array<{ code: string; questions: Array<Record<string, unknown>> }>;
};
const template = (): TDefinition =>
	JSON.parse(readFileSync(path.join(builtInQuestionnairesFolder(), `${Q}.json`), 'utf8'));

describe('mognad questionnaire compare', () => {
	it('compares the newest version with the one before it by default: the built-in 2 and 3 share every question', async () => {
		const result = await mognad('questionnaire', 'compare', Q);
		expect(result.code, result.err).toBe(0);
		const lines = result.out.trim().split('\n');
		expect(lines[0]).toBe(`${Q} v2 → v3: 20 comparable, 0 new, 0 dropped, 0 not comparable`);
		expect(lines.slice(1, 3)).toEqual(['organisation\tcomparable', 'roll\tcomparable']);
		// Version 3 moved the follow-ups to their questions' pages.
		expect(lines).toContain('it_arv_kommentar\tcomparable\tmoved');
	});

	it("lists a new version's new, dropped and reworded questions, as text and as JSON", async () => {
		const next = template();
		next.version = 4;
		const stod = next.sections.find((s) => s.code === 'stod');
		if (!stod) throw new Error('no section stod');
		stod.questions.push({
			code: 'ai',
			type: 'single',
			text: { sv: 'Använder ni AI?' },
			options: [
				{ code: 'ja', label: { sv: 'Ja' } },
				{ code: 'nej', label: { sv: 'Nej' } }
			]
		});
		const kultur = next.sections.find((s) => s.code === 'kultur');
		if (!kultur) throw new Error('no section kultur');
		kultur.questions = kultur.questions.filter((q) => q.code !== 'kultur_atgarder');
		const behov = next.sections.find((s) => s.code === 'behov')?.questions[0];
		if (!behov) throw new Error('no question behov');
		behov.text = { sv: 'Hur stort är behovet av digitalisering i er kommun?', en: 'How great is the need?' };
		writeFileSync(path.join(cli.dir, 'v4.json'), JSON.stringify(next));
		const imported = await mognad('questionnaire', 'import', 'v4.json');
		expect(imported.code, imported.err).toBe(0);
		const text = await mognad('questionnaire', 'compare', Q, '--from', '1');
		expect(text.out).toContain(`${Q} v1 → v4: 19 comparable, 1 new, 1 dropped, 0 not comparable\n`);
		expect(text.out).toContain('behov\tcomparable\ttext\n');
		expect(text.out).toContain('ai\tnew\tsection stod\n');
		expect(text.out).toContain('kultur_atgarder\tdropped\tsection kultur\n');
		const json = JSON.parse((await mognad('questionnaire', 'compare', Q, '--json')).out);
		expect(json).toMatchObject({ code: Q, from: 3, to: 4 });
		expect(json.questions.find((q: { code: string }) => q.code === 'ai')).toEqual({
			code: 'ai',
			status: 'new',
			section: 'stod'
		});
	});

	it('refuses an unknown questionnaire or version and a version that is not a number, with one clear line', async () => {
		const unknown = await mognad('questionnaire', 'compare', 'ingen');
		expect(unknown.code).toBe(1);
		expect(unknown.err).toContain('No published questionnaire "ingen"');
		const missing = await mognad('questionnaire', 'compare', Q, '--to', '9');
		expect(missing.code).toBe(1);
		expect(missing.err).toContain(`"${Q}" has no published version 9`);
		const bad = await mognad('questionnaire', 'compare', Q, '--from', 'ett');
		expect(bad.code).toBe(1);
		expect(bad.err).toContain('--from must be a version number');
	});
});

describe('mognad questionnaire import', () => {
	it('refuses a version that gives a question code another type, naming it, and publishes nothing', async () => {
		const next = template();
		next.version = 5;
		const it_arv = next.sections.flatMap((s) => s.questions).find((q) => q.code === 'it_arv_kommentar');
		if (!it_arv) throw new Error('no question it_arv_kommentar');
		Object.assign(it_arv, {
			type: 'single',
			options: [
				{ code: 'ja', label: { sv: 'Ja' } },
				{ code: 'nej', label: { sv: 'Nej' } }
			]
		});
		delete it_arv.multiline;
		delete it_arv.maxLength;
		writeFileSync(path.join(cli.dir, 'v5.json'), JSON.stringify(next));
		const refused = await mognad('questionnaire', 'import', 'v5.json');
		expect(refused.code).toBe(1);
		expect(refused.err).toContain(
			'field "type": the code "it_arv_kommentar" was a question of type "text" in version 1; its answers could not be compared, so give the changed question a new code'
		);
		expect((await mognad('questionnaire', 'list')).out).not.toContain('\tv5\t');
	});
});

describe('mognad questionnaire import <file.lss>', () => {
	const fixture = (name: string, as = name) =>
		writeFileSync(
			path.join(cli.dir, as),
			readFileSync(path.join(import.meta.dirname, '../../../tests/fixtures/limesurvey', name))
		);

	it('validates a LimeSurvey file without storing it: what it would import and skip', async () => {
		fixture('limesurvey_survey_OldCodes.lss');
		const result = await mognad('questionnaire', 'validate', 'limesurvey_survey_OldCodes.lss');
		expect(result.code, result.err).toBe(0);
		expect(result.out.split('\n').slice(0, 4)).toEqual([
			'limesurvey_survey_OldCodes.lss: a LimeSurvey survey; would import ls_967851 v1 (1 question(s) on 1 page(s))',
			'Would skip 2 question(s):',
			'  OLD_CODE2: cannot read the condition "OLD_CODE1.shown>2" (only Q1 == "A1", with or between values)',
			`  OLD_CODE3: cannot read the group's condition "OLD_CODE1.shown>2"`
		]);
		const list = await mognad('questionnaire', 'list');
		expect(list.out).not.toContain('ls_967851');
	});

	it('makes a draft of a LimeSurvey file and prints its code, the skipped questions and the notices', async () => {
		fixture('limesurvey_survey_allinoneCondition.lss');
		const result = await mognad('questionnaire', 'import', 'limesurvey_survey_allinoneCondition.lss');
		expect(result.code, result.err).toBe(0);
		const lines = result.out.trim().split('\n');
		expect(lines[0]).toMatch(
			/^Draft: ls_494923 v1 \(2 question\(s\) on 2 page\(s\)\): http.*\/admin\/questionnaires\/ls_494923\/draft$/
		);
		expect(lines.slice(1)).toEqual([
			'Note: The file has no Swedish: the texts in "en" stand in as Swedish until they are translated.',
			'Note: G02Q02: the question has no text; its code stands as its text.'
		]);
	});

	it('knows a LimeSurvey file by its content, takes a code, and lists what it skipped', async () => {
		fixture('limesurvey_survey_836215_ranking_with_condition.lss', 'export.xml');
		const result = await mognad('questionnaire', 'import', 'export.xml', '--code', 'rangordning');
		expect(result.code, result.err).toBe(0);
		expect(result.out).toContain('Draft: rangordning v1 (1 question(s) on 1 page(s))');
		expect(result.out).toContain(
			'Skipped 1 question(s):\n  Q00: a ranking question, which the model does not have\n'
		);
	});

	it('refuses a broken file, one with nothing to import, and a code that is taken, with the reason', async () => {
		fixture('handmade-malformed.lss');
		const broken = await mognad('questionnaire', 'import', 'handmade-malformed.lss');
		expect(broken.code).toBe(1);
		expect(broken.err).toMatch(/The file is not valid XML \(line 9, column \d+\)/);
		fixture('handmade-nothing-maps.lss');
		const nothing = await mognad('questionnaire', 'import', 'handmade-nothing-maps.lss');
		expect(nothing.code).toBe(1);
		expect(nothing.err).toContain('No question of the file can be imported (3 skipped).');
		const again = await mognad('questionnaire', 'import', 'export.xml', '--code', 'rangordning');
		expect(again.code).toBe(1);
		expect(again.err).toContain('already writing a questionnaire "rangordning"');
	});
});
