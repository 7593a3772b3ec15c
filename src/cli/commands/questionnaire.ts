import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
	explainLssNotice,
	explainLssRefusal,
	explainLssSkipped
} from '../../lib/core/questionnaire/limesurvey/explain-lss-import.ts';
import { mapLss } from '../../lib/core/questionnaire/limesurvey/map-lss.ts';
import { readLss } from '../../lib/core/questionnaire/limesurvey/read-lss.ts';
import { parseQuestionnaire } from '../../lib/core/questionnaire/parse-questionnaire.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { compareQuestionnaireVersions } from '../../lib/server/questionnaires/compare-questionnaire-versions.ts';
import { importLimeSurvey } from '../../lib/server/questionnaires/import-limesurvey.ts';
import { importQuestionnaire } from '../../lib/server/questionnaires/import-questionnaire.ts';
import { listQuestionnaires } from '../../lib/server/questionnaires/list-questionnaires.ts';
import { parseCommandArgs, publicOrigin, type TCommand, type TCommandIo } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { questionnaireHelp } from './questionnaire-help.ts';

export const questionnaireCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{ json: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, code: { type: 'string' } },
		questionnaireHelp,
		io
	);
	if (!args) return 0;
	const [sub, file] = args.positionals;
	if (sub === 'list') {
		const { db } = await getDatabase();
		const rows = await listQuestionnaires(db);
		if (args.values.json) io.out(JSON.stringify(rows, null, 2));
		else for (const q of rows) io.out(`${q.code}\tv${q.version}\t${q.title}`);
		return 0;
	}
	if (sub === 'compare' && file) return compareCommand(file, args.values, io);
	if ((sub === 'validate' || sub === 'import') && file) {
		const bytes = await readBytes(path.resolve(io.cwd, file), file);
		if (isLimeSurveyFile(file, bytes))
			return sub === 'import'
				? importLimeSurveyCommand(bytes, args.values, io)
				: checkLimeSurveyCommand(bytes, file, args.values, io);
		if (args.values.code !== undefined) throw new UsageError('--code is for a LimeSurvey file (.lss)');
		const input = parseJson(bytes, file);
		if (sub === 'validate') {
			const parsed = parseQuestionnaire(input, { lang: 'en' });
			if (!parsed.ok) {
				for (const e of parsed.errors) io.err(e);
				io.err(`mognad: ${file} has ${parsed.errors.length} error(s)`);
				return 1;
			}
			io.out(`${file}: valid (${parsed.questionnaire.code} v${parsed.questionnaire.version})`);
			return 0;
		}
		const { db } = await getDatabase();
		const result = await importQuestionnaire(db, input);
		const q = result.questionnaire;
		io.out(`${result.created ? 'Published' : 'Already published'}: ${q.code} v${q.version}`);
		return 0;
	}
	throw new UsageError(`missing or unknown subcommand\n${questionnaireHelp}`);
};

/** `compare <code> [--from N] [--to N]`: the questions two versions share, add and drop. */
async function compareCommand(
	code: string,
	values: { json?: boolean; from?: string; to?: string },
	io: TCommandIo
): Promise<number> {
	const version = (flag: 'from' | 'to') => {
		const given = values[flag];
		if (given === undefined) return undefined;
		if (!/^[1-9]\d{0,8}$/.test(given)) throw new UsageError(`--${flag} must be a version number (1, 2, …)`);
		return Number(given);
	};
	const { db } = await getDatabase();
	const compared = await compareQuestionnaireVersions(db, { code, from: version('from'), to: version('to') });
	const rows = compared.questions.map((q) => ({
		code: q.code,
		status: q.status,
		...(q.status === 'comparable' ? { edits: q.edits } : {}),
		...(q.status === 'new' || q.status === 'dropped' ? { section: q.section } : {})
	}));
	if (values.json) {
		io.out(
			JSON.stringify({ code, from: compared.from.version, to: compared.to.version, questions: rows }, null, 2)
		);
		return 0;
	}
	const count = (status: string) => rows.filter((r) => r.status === status).length;
	const meaning = rows.length - count('comparable') - count('new') - count('dropped');
	io.out(
		`${code} v${compared.from.version} → v${compared.to.version}: ${count('comparable')} comparable, ${count('new')} new, ${count('dropped')} dropped, ${meaning} not comparable`
	);
	for (const r of rows) {
		const detail = 'edits' in r ? (r.edits ?? []).join(', ') : 'section' in r ? `section ${r.section}` : '';
		io.out(`${r.code}\t${r.status}${detail ? `\t${detail}` : ''}`);
	}
	return 0;
}

/**
 * `import <file.lss> [--code C]`: a LimeSurvey survey as a new questionnaire's draft; prints its code, the
 * questions left out with their reasons, and the notices.
 */
async function importLimeSurveyCommand(
	bytes: Uint8Array,
	values: { code?: string },
	io: TCommandIo
): Promise<number> {
	const { db } = await getDatabase();
	const result = await importLimeSurvey(db, { file: bytes, code: values.code, actor: 'cli', lang: 'en' });
	const { code, sections } = result.draft.definition;
	const count = sections.reduce((n, s) => n + s.questions.length, 0);
	io.out(
		`Draft: ${code} v1 (${count} question(s) on ${sections.length} page(s)): ${publicOrigin()}/admin/questionnaires/${code}/draft`
	);
	if (result.skipped.length > 0) io.out(`Skipped ${result.skipped.length} question(s):`);
	for (const line of result.skipped) io.out(`  ${line}`);
	for (const line of result.notices) io.out(`Note: ${line}`);
	return 0;
}

/** `validate <file.lss>`: what the import would make of the file, without storing anything. */
function checkLimeSurveyCommand(
	bytes: Uint8Array,
	file: string,
	values: { code?: string },
	io: TCommandIo
): number {
	const read = readLss(bytes);
	const mapped = read.ok ? mapLss(read.document, { code: values.code }) : { ...read, skipped: [] };
	if (!mapped.ok) {
		for (const s of mapped.skipped) io.err(`  ${explainLssSkipped(s, 'en')}`);
		io.err(`mognad: ${file}: ${explainLssRefusal(mapped.refusal, 'en')}`);
		return 1;
	}
	const { questionnaire, skipped, notices } = mapped.result;
	const count = questionnaire.sections.reduce((n, s) => n + s.questions.length, 0);
	io.out(
		`${file}: a LimeSurvey survey; would import ${questionnaire.code} v1 (${count} question(s) on ${questionnaire.sections.length} page(s))`
	);
	if (skipped.length > 0) io.out(`Would skip ${skipped.length} question(s):`);
	for (const s of skipped) io.out(`  ${explainLssSkipped(s, 'en')}`);
	for (const n of notices) io.out(`Note: ${explainLssNotice(n, 'en')}`);
	return 0;
}

// A LimeSurvey file by its name, or by its content when named otherwise (XML, where JSON starts with `{`).
const isLimeSurveyFile = (file: string, bytes: Uint8Array) =>
	/\.lss$/i.test(file) || /^(\ufeff)?\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64)));

async function readBytes(absolute: string, file: string): Promise<Uint8Array> {
	try {
		return await readFile(absolute);
	} catch {
		throw new UsageError(`cannot read ${file}`);
	}
}

function parseJson(bytes: Uint8Array, file: string): unknown {
	try {
		return JSON.parse(new TextDecoder().decode(bytes));
	} catch (error) {
		throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
	}
}
