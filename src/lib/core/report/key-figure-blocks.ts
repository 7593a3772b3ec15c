import { m } from '../../paraglide/messages.js';
import type { TWaveResults } from '../results/wave-results-schema.ts';
import { formatCount, formatMean, formatPercent } from '../statistics/format-number.ts';
import type { TReportBlock } from './document.ts';
import { maturityBlocks } from './maturity-blocks.ts';
import { fillKeyFigure, type TKeyFigureInput } from './report-definition.ts';
import { reportScope, type TReportInputs } from './report-inputs.ts';

/** The measure of a key figure in one population, or null when it has no base there. */
function keyFigureValue(
	results: TWaveResults,
	figure: TKeyFigureInput
): { percent: number; count: number; n: number; mean: number | null } | null {
	const question = results.questions.find((q) => q.code === figure.question);
	if (!question || question.n === 0) return null;
	if (figure.measure.kind === 'topBox') {
		if (!question.topBox || question.topBox.percent === null) return null;
		return {
			percent: question.topBox.percent,
			count: question.topBox.count,
			n: question.n,
			mean: question.mean
		};
	}
	const code = figure.measure.option;
	const option = question.options.find((o) => o.code === code);
	if (!option || option.percent === null) return null;
	return { percent: option.percent, count: option.count, n: question.n, mean: question.mean };
}

/** The key-figure sentences (with the region's figure beside an organisation's) and the maturity index. */
export function keyFigureBlocks(c: TReportInputs, figures: TKeyFigureInput[]): TReportBlock[] {
	const { lang, locale } = c;
	const sentences = figures.flatMap((figure) => {
		if (!figure.enabled) return [];
		const value = keyFigureValue(reportScope(c), figure);
		if (!value) return [];
		// The seed states key figures in whole percents ("47 %").
		const sentence = fillKeyFigure(figure.template, {
			percent: formatPercent(value.percent, lang, 0),
			count: formatCount(value.count, lang),
			n: formatCount(value.n, lang),
			mean: formatMean(value.mean, lang)
		});
		if (!c.own) return [sentence];
		const regional = keyFigureValue(c.region, figure);
		return [
			regional
				? `${sentence} ${m.report_key_figure_region({ region: c.regionName, percent: formatPercent(regional.percent, lang, 0) }, locale)}`
				: sentence
		];
	});
	const blocks: TReportBlock[] = sentences.length > 0 ? [{ kind: 'list', items: sentences }] : [];
	if (c.maturity) blocks.push(...maturityBlocks(c, c.maturity.region, c.maturity.own));
	return blocks;
}
