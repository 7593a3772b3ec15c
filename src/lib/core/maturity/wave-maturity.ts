import type { TText } from '../questionnaire/definition.ts';
import type { TMaturityProfile } from './maturity-profile.ts';

export interface TOrganisationMaturityResult {
	id: string;
	code: string | null;
	name: string;
	respondents: number;
	/** No figures: the small-group rule hides it (fewer than k, or it would let a smaller group be derived). */
	hidden: boolean;
	profile: TMaturityProfile | null;
}

export interface TWaveMaturity {
	/** k: the fewest respondents an organisation needs to show figures. */
	minGroupSize: number;
	dimensions: Array<{ code: string; label: TText; weight: number; legacy: boolean }>;
	levels: Array<{ code: string; label: TText; min: number; max: number; description?: TText }>;
	/** Responses counted (complete, or also partial when asked for). */
	respondents: number;
	region: {
		/** Over every respondent; null when fewer than k respondents are counted in all. */
		pooled: TMaturityProfile | null;
		/** Each shown organisation once. */
		organisationMean: TMaturityProfile & { organisations: number };
		/**
		 * Respondents by the level of their own index (the weighted mean of their dimension scores, when at
		 * least half have one); `respondents` = those with an index. Null when the pooled figures are.
		 */
		respondentLevels: { respondents: number; levels: Array<{ code: string; respondents: number }> } | null;
	};
	/** The units directly below the wave's owner (a department counts with its municipality), by name. */
	organisations: TOrganisationMaturityResult[];
}
