import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../lib/server/app-error.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { createDemo } from '../../lib/server/demo/create-demo.ts';
import { getReportVersion } from '../../lib/server/report/get-report-version.ts';
import { listReportVersions } from '../../lib/server/report/list-report-versions.ts';
import { parseCommandArgs, publicOrigin, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { demoHelp } from './demo-help.ts';

export const demoCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(argv, { out: { type: 'string' } }, demoHelp, io);
	if (!args) return 0;
	if (args.positionals.length > 0) throw new UsageError(`demo takes no arguments\n${demoHelp}`);
	const out = args.values.out;
	if (out !== undefined && out.trim() === '') throw new UsageError(`--out needs a file name\n${demoHelp}`);
	const { db } = await getDatabase();
	const demo = await createDemo(db);
	io.out(demo.slug);
	const where = `${publicOrigin()}/admin/waves/${demo.slug}`;
	io.err(
		demo.created
			? `Created the demo wave "${demo.name}": ${demo.invited} invited, ${demo.responses} responses. See it at ${where}`
			: `The demo wave "${demo.name}" already exists (${demo.responses} responses); nothing was changed. See it at ${where}`
	);
	if (out === undefined) return 0;
	const [latest] = await listReportVersions(db, demo.slug);
	if (!latest) throw new AppError('NOT_FOUND', `The wave "${demo.slug}" has no published report`);
	const { snapshot } = await getReportVersion(db, demo.slug, latest.version);
	const file = path.resolve(io.cwd, out);
	// Typst only when a PDF is asked for.
	const { renderReportPdf } = await import('../../lib/server/report/render-pdf.ts');
	await writeFile(file, await renderReportPdf(snapshot));
	io.err(`Wrote the report (version ${latest.version}) to ${file}`);
	return 0;
};
