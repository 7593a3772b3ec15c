import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseQuestionnaire } from '../../lib/core/questionnaire/parse-questionnaire.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { importQuestionnaire } from '../../lib/server/questionnaires/import-questionnaire.ts';
import { listQuestionnaires } from '../../lib/server/questionnaires/list-questionnaires.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { questionnaireHelp } from './questionnaire-help.ts';

export const questionnaireCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(argv, { json: { type: 'boolean' } }, questionnaireHelp, io);
	if (!args) return 0;
	const [sub, file] = args.positionals;
	if (sub === 'list') {
		const { db } = await getDatabase();
		const rows = await listQuestionnaires(db);
		if (args.values.json) io.out(JSON.stringify(rows, null, 2));
		else for (const q of rows) io.out(`${q.code}\tv${q.version}\t${q.title}`);
		return 0;
	}
	if ((sub === 'validate' || sub === 'import') && file) {
		const input = await readDefinition(path.resolve(io.cwd, file), file);
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

async function readDefinition(absolute: string, file: string): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(absolute, 'utf8');
	} catch {
		throw new UsageError(`cannot read ${file}`);
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new UsageError(`${file} is not valid JSON: ${error instanceof Error ? error.message : error}`);
	}
}
