import { CSV_DIALECTS } from '../../lib/core/csv/csv-dialect.ts';
import { ZBreakdown } from '../../lib/core/results/breakdown.ts';
import { changeToCsv } from '../../lib/core/results/change-to-csv.ts';
import { maturityToCsv } from '../../lib/core/results/maturity-to-csv.ts';
import { resultsToCsv } from '../../lib/core/results/results-to-csv.ts';
import { AppError } from '../../lib/server/app-error.ts';
import { getDatabase } from '../../lib/server/db/instance.ts';
import { getWaveChange } from '../../lib/server/results/get-wave-change.ts';
import { getWaveResults } from '../../lib/server/results/get-wave-results.ts';
import { parseCommandArgs, type TCommand } from '../command.ts';
import { UsageError } from '../usage-error.ts';
import { resultsHelp } from './results-help.ts';

export const resultsCommand: TCommand = async (argv, io) => {
	const args = parseCommandArgs(
		argv,
		{
			wave: { type: 'string' },
			by: { type: 'string' },
			'include-partial': { type: 'boolean' },
			organisation: { type: 'string' },
			'role-group': { type: 'string' },
			compare: { type: 'string' },
			maturity: { type: 'boolean' },
			format: { type: 'string', default: 'json' },
			lang: { type: 'string', default: 'sv' }
		},
		resultsHelp,
		io
	);
	if (!args) return 0;
	const v = args.values;
	if (!v.wave) throw new UsageError(`--wave is required\n${resultsHelp}`);
	if (args.positionals.length > 0)
		throw new UsageError(`unexpected "${args.positionals[0]}"\n${resultsHelp}`);
	if (v.format !== 'json' && v.format !== 'csv' && v.format !== 'csv-en') {
		throw new UsageError('--format must be json, csv or csv-en');
	}
	const dialect = v.format === 'json' ? null : CSV_DIALECTS[v.format];
	if (v.lang !== 'sv' && v.lang !== 'en') throw new UsageError('--lang must be sv or en');
	const by = v.by === undefined ? undefined : ZBreakdown.safeParse(v.by).data;
	if (v.by !== undefined && !by) throw new UsageError('--by must be organisation, department or role');
	if (v.compare !== undefined && by) throw new UsageError('--compare and --by cannot be combined');
	if (v.compare !== undefined && v.maturity) {
		throw new UsageError('--compare and --maturity cannot be combined');
	}
	const { db } = await getDatabase();
	const options = {
		slug: v.wave,
		organisation: v.organisation,
		roleGroup: v['role-group'],
		includePartial: v['include-partial'] ?? false,
		lang: v.lang
	} as const;
	if (v.compare !== undefined) {
		const change = await getWaveChange(db, { ...options, previous: v.compare });
		io.out(dialect ? withoutLastNewline(changeToCsv(change, dialect)) : JSON.stringify(change, null, 2));
		return 0;
	}
	const results = await getWaveResults(db, { ...options, by, maturity: v.maturity ?? false });
	if (!dialect) io.out(JSON.stringify(results, null, 2));
	else if (results.maturity === undefined) io.out(withoutLastNewline(resultsToCsv(results, dialect)));
	else if (results.maturity === null) {
		throw new AppError('NOT_FOUND', "The wave's questionnaire measures no maturity dimension.");
	} else io.out(withoutLastNewline(maturityToCsv(results.maturity, dialect)));
	return 0;
};

// `io.out` ends the text with a line break: a Swedish file's last line keeps its \r, so it ends in CRLF too.
const withoutLastNewline = (text: string) => text.replace(/\n$/, '');
