import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeRowProblem } from '../../lib/core/spreadsheet/row-problem.ts';
import { MAX_IMPORT_BYTES, tooManyBytes } from '../../lib/core/spreadsheet/table.ts';
import { AppError } from '../../lib/server/app-error.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { addParticipant } from '../../lib/server/participants/add-participant.ts';
import { importParticipants } from '../../lib/server/participants/import-participants.ts';
import { parseCommandArgs, publicOrigin, type TCommand, type TCommandIo } from '../command.ts';
import { UsageError } from '../usage-error.ts';

const help = `Usage:
  mognad participants import --wave <slug> <file> [--print-links]
      imports a CSV or XLSX list (columns name, email, title, organisation; Swedish names such as namn,
      e-post, befattning, kommun work too; organisation by official code or name). All or nothing: every
      bad row is printed with its line number and nothing is imported. --print-links prints each person's
      personal link (shown only this once) as "name <email>: link".
  mognad participant add --wave <slug> --organisation <code or name> [--name <name>] [--email <address>] [--title <title>]
      invites one person to a wave and prints their personal link (shown only this once)`;

export const participantCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			wave: { type: 'string' },
			organisation: { type: 'string' },
			name: { type: 'string' },
			email: { type: 'string' },
			title: { type: 'string' },
			'print-links': { type: 'boolean' }
		},
		help,
		io
	);
	if (!args) return 0;
	const v = args.values;
	const [sub, file, ...extra] = args.positionals;
	if (sub === 'import') {
		if (!v.wave || !file || extra.length > 0) throw new UsageError(`give --wave and one file\n${help}`);
		return importCommand(v.wave, file, v['print-links'] ?? false, io);
	}
	if (sub !== 'add' || !v.wave || !v.organisation || file) {
		throw new UsageError(
			`give "import" with --wave and a file, or "add" with --wave and --organisation\n${help}`
		);
	}
	const { db } = await getDatabase();
	const { token } = await addParticipant(db, {
		waveSlug: v.wave,
		organisationCode: v.organisation,
		name: v.name,
		email: v.email,
		title: v.title
	});
	io.out(`${publicOrigin()}/s/${token}`);
	return 0;
};

async function importCommand(waveSlug: string, file: string, printLinks: boolean, io: TCommandIo) {
	// Relative to the caller's folder, also when the command runs inside a server.
	const fullPath = path.resolve(io.cwd, file);
	let size: number;
	try {
		size = statSync(fullPath).size;
	} catch {
		throw new AppError('NOT_FOUND', `Cannot read the file ${file}`);
	}
	// Refused before reading it into memory.
	if (size > MAX_IMPORT_BYTES) throw new AppError('INVALID_INPUT', tooManyBytes(size));
	const { db } = await getDatabase();
	const result = await importParticipants(db, {
		waveSlug,
		bytes: readFileSync(fullPath),
		fileName: path.basename(file),
		actor: 'cli'
	});
	if (!result.ok) {
		for (const problem of result.problems) io.err(describeRowProblem(problem));
		const lines = new Set(result.problems.map((p) => p.line)).size;
		io.err(`mognad: nothing was imported: ${lines} ${lines === 1 ? 'row has' : 'rows have'} problems`);
		return 1;
	}
	if (printLinks) {
		for (const p of result.participants) io.out(`${p.name} <${p.email}>: ${publicOrigin()}/s/${p.token}`);
	}
	const summary = `Imported ${result.imported} participant${result.imported === 1 ? '' : 's'} into ${waveSlug}`;
	if (printLinks) io.err(summary);
	else io.out(summary);
	return 0;
}
