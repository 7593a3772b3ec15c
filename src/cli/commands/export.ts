import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { exportQuestionnaire } from '../../lib/server/exchange/export-questionnaire.ts';
import { exportResponsesCsv, ZCsvSeparator } from '../../lib/server/exchange/export-responses-csv.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { exportHelp } from './export-help.ts';

const ZResponsesFormat = z.enum(['csv', 'xlsx', 'spss']);

export const exportCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			wave: { type: 'string' },
			format: { type: 'string' },
			out: { type: 'string' },
			separator: { type: 'string', default: ';' },
			version: { type: 'string' }
		},
		exportHelp,
		io
	);
	if (!args) return 0;
	const v = args.values;
	const [sub, code, ...extra] = args.positionals;
	const separator = ZCsvSeparator.safeParse(v.separator).data;
	if (!separator) throw new UsageError('--separator must be ; or ,');
	const out = v.out === undefined ? undefined : path.resolve(io.cwd, v.out);

	if (sub === 'questionnaire') {
		if (!code || extra.length > 0) throw new UsageError(`give one questionnaire code\n${exportHelp}`);
		const version = v.version === undefined ? undefined : Number(v.version);
		if (version !== undefined && !(Number.isInteger(version) && version > 0)) {
			throw new UsageError('--version must be a whole number from 1');
		}
		const { db } = await getDatabase();
		const file = await exportQuestionnaire(db, { code, version });
		if (!out) io.out(file.json.trimEnd());
		else {
			await writeFile(out, file.json);
			io.out(`Wrote ${file.definition.code} v${file.definition.version} to ${v.out}`);
		}
		return 0;
	}
	if (sub !== 'responses' && sub !== 'codebook')
		throw new UsageError(`missing or unknown subcommand\n${exportHelp}`);
	if (code !== undefined) throw new UsageError(`unexpected "${code}"\n${exportHelp}`);
	if (!v.wave) throw new UsageError(`--wave is required\n${exportHelp}`);
	if (!out) throw new UsageError(`--out is required\n${exportHelp}`);
	const { db } = await getDatabase();

	// ExcelJS and the SPSS writer are loaded for the format asked for only.
	if (sub === 'codebook') {
		const { exportCodebook, ZCodebookFormat } = await import('../../lib/server/exchange/export-codebook.ts');
		const format = ZCodebookFormat.safeParse(v.format).data;
		if (!format) throw new UsageError('--format must be csv, xlsx or json');
		const file = await exportCodebook(db, { slug: v.wave, format, separator });
		await writeFile(out, file.body);
		io.out(`Wrote the codebook to ${v.out}`);
		return 0;
	}

	const format = ZResponsesFormat.safeParse(v.format).data;
	if (!format) throw new UsageError('--format must be csv, xlsx or spss');
	const input = { slug: v.wave, actor: 'cli' };
	if (format === 'csv') await save((await exportResponsesCsv(db, { ...input, separator })).body, out);
	else if (format === 'xlsx') {
		const { exportResponsesXlsx } = await import('../../lib/server/exchange/export-responses-xlsx.ts');
		await save((await exportResponsesXlsx(db, input)).body, out);
	} else {
		const { exportResponsesSpss, zipSpssExport } = await import(
			'../../lib/server/exchange/export-responses-spss.ts'
		);
		const parts = await exportResponsesSpss(db, input);
		if (out.toLowerCase().endsWith('.zip')) await save(zipSpssExport(parts, v.wave).body, out);
		else {
			await mkdir(out, { recursive: true });
			await writeFile(path.join(out, parts.syntax.filename), parts.syntax.text);
			await writeFile(path.join(out, parts.codebook.filename), parts.codebook.body);
			await save(parts.data.body, path.join(out, parts.data.filename));
		}
	}
	io.out(`Wrote the responses of ${v.wave} (${format}) to ${v.out}`);
	return 0;
};

function save(body: Readable, file: string): Promise<void> {
	return pipeline(body, createWriteStream(file));
}
