import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeHeaderIssue } from '../../lib/core/exchange/import-mapping.ts';
import { describeImportProblem } from '../../lib/core/exchange/import-problem.ts';
import { AppError } from '../../lib/server/app-error.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { importResponses, ZImportResponses } from '../../lib/server/exchange/import-responses.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { importHelp } from './import-help.ts';

export const importCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{ wave: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean' } },
		importHelp,
		io
	);
	if (!args) return 0;
	const [what, file, ...extra] = args.positionals;
	if (what !== 'responses' || !args.values.wave || !file || extra.length > 0) {
		throw new UsageError(`give "responses", --wave and one file\n${importHelp}`);
	}
	// Relative to the caller's folder, also when the command runs inside a server.
	const mapping = args.values.mapping ? readMapping(path.resolve(io.cwd, args.values.mapping)) : undefined;
	const { db } = await getDatabase();
	const result = await importResponses(db, {
		waveSlug: args.values.wave,
		source: { path: path.resolve(io.cwd, file), fileName: path.basename(file) },
		mapping,
		dryRun: args.values['dry-run'] ?? false,
		actor: 'cli'
	});
	if (!result.ok) {
		for (const issue of result.columns) io.err(describeHeaderIssue(issue));
		for (const problem of result.problems) io.err(describeImportProblem(problem));
		if (result.problemCount > result.problems.length) {
			io.err(`… and ${result.problemCount - result.problems.length} more problems`);
		}
		io.err(
			result.columns.length > 0
				? 'mognad: nothing was imported: the columns do not fit the questionnaire'
				: `mognad: nothing was imported: ${result.problemCount} ${result.problemCount === 1 ? 'problem' : 'problems'} in ${result.rows} rows`
		);
		return 1;
	}
	const verb = result.dryRun ? 'Would import' : 'Imported';
	io.out(
		`${verb} ${result.imported} of ${result.rows} responses into ${args.values.wave}` +
			(result.unchanged > 0 ? ` (${result.unchanged} imported before, unchanged)` : '')
	);
	return 0;
};

function readMapping(file: string) {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw new AppError('NOT_FOUND', `Cannot read the mapping file ${file}`);
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		throw new AppError('INVALID_INPUT', `The mapping file ${file} is not JSON`);
	}
	const parsed = ZImportResponses.shape.mapping.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new AppError(
			'INVALID_INPUT',
			`The mapping file ${file} is not a mapping: ${issue?.path.join('.') || 'its top level'}: ${issue?.message}`
		);
	}
	return parsed.data;
}
