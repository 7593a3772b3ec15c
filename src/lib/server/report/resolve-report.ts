import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { buildReportDocument } from '../../core/report/build-report-document.ts';
import type { TReportDocument } from '../../core/report/document.ts';
import { ZReportDefinition } from '../../core/report/report-definition.ts';
import type { TReportInputs } from '../../core/report/report-inputs.ts';
import type { TWaveResults } from '../../core/results/wave-results-schema.ts';
import { questionChart } from '../charts/question-chart.ts';
import { radarChart } from '../charts/radar-chart.ts';
import type { TDb } from '../db/client.ts';
import { organisations } from '../db/schema.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import { computeMaturity } from '../results/compute-maturity.ts';
import { getWaveResults } from '../results/get-wave-results.ts';
import { preloadDisclosure } from '../results/load-disclosure.ts';
import { getWave } from '../waves/get-wave.ts';
import { findReportableOrganisation } from './find-reportable-organisation.ts';
import { listRespondentTitles } from './list-respondent-titles.ts';
import { loadReportQuotes } from './load-report-quotes.ts';

export const ZResolveReportOptions = z.object({
	slug: z.string().min(1).max(100),
	/** Code (or id) of one organisation: the same report for it, against the whole wave. */
	organisation: z.string().min(1).max(100).optional(),
	/** "Utkast" for a draft, or the version number. */
	version: z.string().max(40),
	/** ISO date of publication; null for a draft. */
	publishedOn: z.iso.date().nullable()
});
export type TResolveReportOptions = z.input<typeof ZResolveReportOptions>;

/**
 * A report definition resolved against the wave's data into the document the renderers take: loads
 * every figure from the results engine (results, roles, maturity; the small-group rule's blocks once),
 * the questionnaire version (topic titles, follow-ups), the titles and the chosen quotes, then builds the document (core/report/build-report-document.ts).
 * For one organisation, its figures beside the whole wave's; refused when that unit is too small to show
 * (see findReportableOrganisation). Groups below k show no figures; quotes appear only while marked
 * quotable.
 */
export async function resolveReport(
	db: TDb,
	definitionInput: unknown,
	options: TResolveReportOptions
): Promise<TReportDocument> {
	const definition = ZReportDefinition.parse(definitionInput);
	const input = ZResolveReportOptions.parse(options);
	const lang = definition.lang;
	const wave = await getWave(db, input.slug);
	// One load of the small-group rule's blocks for the up to five engine calls below.
	const disclosure = await preloadDisclosure(db, wave, { partial: false });
	const organisation = input.organisation
		? await findReportableOrganisation(db, wave.slug, input.organisation, wave.minGroupSize, disclosure)
		: null;
	// The report shows how many respondents each role group holds (not its figures per question), so the
	// breakdown by role group is counted only; it carries the figures of its whole population too: the
	// report's own population (the wave, or the organisation) comes from it, and only an organisation's
	// report asks the engine again, for the whole wave beside it. The maturity index is asked for at the same time
	// (on PostgreSQL the queries run side by side).
	const [questionnaire, roleResults, wholeWave, titles, ownerName, regionMaturity, ownMaturity] =
		await Promise.all([
			getQuestionnaireVersion(db, wave.questionnaireVersionId),
			getWaveResults(
				db,
				{ slug: wave.slug, organisation: organisation?.id, by: 'role', groupFigures: 'counts', lang },
				disclosure
			),
			organisation ? getWaveResults(db, { slug: wave.slug, lang }, disclosure) : null,
			organisation ? Promise.resolve([]) : listRespondentTitles(db, wave.id),
			wave.ownerOrganisationId ? organisationName(db, wave.ownerOrganisationId) : Promise.resolve(null),
			definition.maturity ? computeMaturity(db, { slug: wave.slug }, disclosure) : null,
			definition.maturity && organisation
				? computeMaturity(db, { slug: wave.slug, organisationIds: organisation.ids }, disclosure)
				: null
		]);
	const scope = withoutBreakdown(roleResults);
	const region = wholeWave ?? scope;
	const own = wholeWave ? scope : null;
	const maturity: TReportInputs['maturity'] = regionMaturity
		? { region: regionMaturity, own: ownMaturity }
		: null;
	const included = definition.questions.filter((q) => q.included);
	const quotes = await loadReportQuotes(
		db,
		wave.id,
		included.map((q) => ({ questionCode: q.code, responseIds: q.quotes })),
		organisation?.ids
	);
	const inputs: TReportInputs = {
		lang,
		locale: { locale: lang },
		k: wave.minGroupSize,
		questionnaire,
		region,
		own,
		organisation,
		regionName: ownerName || definition.meta.organisation || wave.name,
		maturity,
		roles: roleResults.breakdown ?? [],
		titles,
		quotes,
		chart: questionChart,
		radar: radarChart
	};
	return buildReportDocument(definition, inputs, { version: input.version, publishedOn: input.publishedOn });
}

/** Results asked for with a breakdown, as the engine gives them without one. */
function withoutBreakdown(results: TWaveResults): TWaveResults {
	const { breakdown: _, ...rest } = results;
	return { ...rest, filters: { ...results.filters, by: null } };
}

async function organisationName(db: TDb, id: string): Promise<string | null> {
	const [row] = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, id));
	return row?.name ?? null;
}
