import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { getReportVersion } from '../../lib/server/report/get-report-version.ts';
import { REPORT_FORMATS, renderReport, type TReportFormat } from '../../lib/server/report/render-report.ts';
import { resolveDraft } from '../../lib/server/report/resolve-draft.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { reportHelp } from './report-help.ts';

export const reportCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			wave: { type: 'string' },
			format: { type: 'string' },
			out: { type: 'string' },
			organisation: { type: 'string' },
			version: { type: 'string' },
			lang: { type: 'string', default: 'sv' }
		},
		reportHelp,
		io
	);
	if (!args) return 0;
	const v = args.values;
	if (args.positionals.length > 0) throw new UsageError(`unexpected "${args.positionals[0]}"\n${reportHelp}`);
	if (!v.wave) throw new UsageError(`--wave is required\n${reportHelp}`);
	if (!v.out || v.out.trim() === '') throw new UsageError(`--out is required\n${reportHelp}`);
	if (!(REPORT_FORMATS as readonly string[]).includes(v.format ?? '')) {
		throw new UsageError('--format must be pdf, docx or html');
	}
	if (v.lang !== 'sv' && v.lang !== 'en') throw new UsageError('--lang must be sv or en');
	const version = v.version === undefined ? undefined : Number(v.version);
	if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
		throw new UsageError('--version must be a whole number from 1');
	}
	if (version !== undefined && v.organisation) {
		throw new UsageError('--organisation applies to the draft; a published version is the whole wave');
	}
	const { db } = await getDatabase();
	const doc =
		version === undefined
			? (await resolveDraft(db, v.wave, { lang: v.lang, organisation: v.organisation })).doc
			: (await getReportVersion(db, v.wave, version)).snapshot;
	const file = path.resolve(io.cwd, v.out);
	await writeFile(file, await renderReport(doc, v.format as TReportFormat));
	io.err(`Wrote the ${version === undefined ? 'draft' : `version ${version}`} report to ${file}`);
	return 0;
};
