import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseQuestionnaire } from '../../lib/core/questionnaire/parse-questionnaire.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { importQuestionnaire } from '../../lib/server/questionnaires/import-questionnaire.ts';
import { listQuestionnaires } from '../../lib/server/questionnaires/list-questionnaires.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';

const help = `Usage: mognad questionnaire <list | validate <file> | import <file>> [--json]
  list              published questionnaires and their versions
  validate <file>   check a questionnaire definition (JSON) and list every error with its path
  import <file>     validate and publish a definition as an immutable version`;

export const questionnaireCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(argv, { json: { type: 'boolean' } }, help, io);
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
			const parsed = parseQuestionnaire(input);
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
	throw new UsageError(`missing or unknown subcommand\n${help}`);
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
