import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describeRowProblem } from '../../lib/core/spreadsheet/row-problem.ts';
import { MAX_IMPORT_BYTES, tooManyBytes } from '../../lib/core/spreadsheet/table.ts';
import { AppError } from '../../lib/server/app-error.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { addParticipant } from '../../lib/server/participants/add-participant.ts';
import { parseCommandArgs, publicOrigin, type TCommand, type TCommandIo } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { participantHelp } from './participant-help.ts';

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
		participantHelp,
		io
	);
	if (!args) return 0;
	const v = args.values;
	const [sub, file, ...extra] = args.positionals;
	if (sub === 'import') {
		if (!v.wave || !file || extra.length > 0)
			throw new UsageError(`give --wave and one file\n${participantHelp}`);
		return importCommand(v.wave, file, v['print-links'] ?? false, io);
	}
	if (sub !== 'add' || !v.wave || !v.organisation || file) {
		throw new UsageError(
			`give "import" with --wave and a file, or "add" with --wave and --organisation\n${participantHelp}`
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
	// The spreadsheet readers (ExcelJS) only for an import.
	const { importParticipants } = await import('../../lib/server/participants/import-participants.ts');
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
