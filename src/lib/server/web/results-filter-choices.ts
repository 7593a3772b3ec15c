import { t } from '../../core/questionnaire/text.ts';
import type { TDb } from '../db/client.ts';
import { getQuestionnaireVersion } from '../questionnaires/get-questionnaire-version.ts';
import type { TWaveDetails } from '../waves/get-wave.ts';
import { listWaveOrganisations } from '../waves/list-wave-organisations.ts';
import type { TResultsScope } from './results-scope.ts';

export interface TFilterChoices {
	/** The units below the wave's owner, in tree order; a contact's list holds only their own subtree. */
	organisations: Array<{ id: string; value: string; name: string; depth: number }>;
	/** The questionnaire's role groups; empty for a contact, who filters by unit only. */
	roleGroups: Array<{ value: string; label: string }>;
}

/** What the results pages' filter forms offer this user for a wave. */
export async function resultsFilterChoices(
	db: TDb,
	wave: TWaveDetails,
	scope: TResultsScope,
	lang: 'sv' | 'en'
): Promise<TFilterChoices> {
	const [units, questionnaire] = await Promise.all([
		listWaveOrganisations(db, wave.ownerOrganisationId),
		getQuestionnaireVersion(db, wave.questionnaireVersionId)
	]);
	const allowed = scope.allowedIds;
	const shown = allowed ? units.filter((u) => allowed.has(u.id)) : units;
	const depth = Math.min(...shown.map((u) => u.depth));
	return {
		organisations: shown.map((u) => ({
			id: u.id,
			value: u.code ?? u.id,
			name: u.name,
			depth: u.depth - depth
		})),
		roleGroups: scope.restricted
			? []
			: questionnaire.roleGroups.map((g) => ({ value: g.code, label: t(g.label, lang) }))
	};
}
