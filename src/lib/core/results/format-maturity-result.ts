import type { TWaveMaturity } from '../maturity/wave-maturity.ts';
import { t } from '../questionnaire/text.ts';
import type { TMaturityResult } from './wave-maturity-schema.ts';

/** A wave's maturity index in the published shape: labels in one language, hidden organisations bare. */
export function formatMaturityResult(maturity: TWaveMaturity, lang: 'sv' | 'en'): TMaturityResult {
	return {
		minGroupSize: maturity.minGroupSize,
		respondents: maturity.respondents,
		dimensions: maturity.dimensions.map((d) => ({ ...d, label: t(d.label, lang) })),
		levels: maturity.levels.map((l) => ({ code: l.code, label: t(l.label, lang), min: l.min, max: l.max })),
		region: maturity.region,
		organisations: maturity.organisations.map((o) => {
			const suppressed = o.hidden || o.profile === null;
			return {
				group: o.code ?? o.id,
				label: o.name,
				n: suppressed ? null : o.respondents,
				suppressed,
				profile: suppressed ? null : o.profile
			};
		})
	};
}
