import { CSV_SWEDISH, csvFile, type TCsvCell, type TCsvDialect } from '../csv/csv-dialect.ts';
import type { TMaturityProfileResult, TMaturityResult } from './wave-maturity-schema.ts';

/**
 * The maturity index as CSV: the pooled region, the mean of the shown organisations, then each
 * organisation (a suppressed one without figures); one column per dimension after the index, its level,
 * the weakest dimension and the placement.
 */
export function maturityToCsv(maturity: TMaturityResult, dialect: TCsvDialect = CSV_SWEDISH): string {
	const columns = [
		'group',
		'group_label',
		'suppressed',
		'n',
		'index',
		'level',
		'weakest',
		'capability',
		'legacy',
		...maturity.dimensions.map((d) => d.code)
	];
	const figures = (profile: TMaturityProfileResult | null): TCsvCell[] => [
		profile?.index ?? null,
		profile?.level ?? null,
		profile?.weakest ?? null,
		profile?.placement?.capability ?? null,
		profile?.placement?.legacy ?? null,
		...maturity.dimensions.map((d) => profile?.dimensions[d.code] ?? null)
	];
	const { pooled, organisationMean } = maturity.region;
	const rows: TCsvCell[][] = [
		['region', 'pooled', pooled === null, maturity.respondents, ...figures(pooled)],
		['region', 'organisation_mean', false, organisationMean.organisations, ...figures(organisationMean)],
		...maturity.organisations.map((o) => [o.group, o.label, o.suppressed, o.n, ...figures(o.profile)])
	];
	return csvFile(columns, rows, dialect);
}
