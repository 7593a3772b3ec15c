import type { TReportDocument, TReportSection, TReportTable } from '../report/document.ts';

// A report document for the renderers' tests and benchmark: the seed report's structure and figures, with
// hostile text in every kind of block. The chart is passed in (the server's pie chart of "Behovet av
// digitalisering"), so this module stays free of the server code that draws it.

/** A chart as the server's chart renderer returns it. */
export type TFixtureChart = {
	svg: string;
	alt: string;
	table: { columns: string[]; rows: string[][]; footer?: string[] };
};

/** Texts that must come out literally in every format: markup of every kind the renderers write. */
export const hostileTexts = {
	markdownAsText: '**inte fetstil** och _inte kursiv_',
	html: '<script>alert("x")</script>',
	typstSetRule: '#set page(width: 1cm)',
	typstMath: '$x^2$',
	typstStrong: '*bold*',
	typstReference: '@ref',
	typstLabel: '<label>',
	typstRaw: '`raw` och \\ bakstreck',
	word: '<w:p><w:r><w:t>inskjuten</w:t></w:r></w:p>',
	entity: 'R&amp;D &lt; 5',
	emoji: 'Bra jobbat 😀👍🎉',
	arabic: 'مرحبا بالعالم',
	hebrew: 'שלום עולם'
} as const;

/** Sentences from the hostile texts, the first of the long answer: what a reader must find in the output. */
export const longAnswerStart = 'Ett mycket långt svar om digitaliseringens förutsättningar i kommunen.';

/** A free-text answer of 20 000 characters: Swedish sentences repeated. */
export function longAnswer(): string {
	const sentence =
		' Vi behöver bättre samverkan mellan förvaltningarna, tydligare styrning och mer tid för utveckling.';
	let text = longAnswerStart;
	while (text.length < 20_000) text += sentence;
	return text.slice(0, 20_000);
}

const fixtureMeta = {
	lang: 'sv',
	title: 'Digital mognad i Norrbottens kommuner',
	subtitle: 'Resultat av enkätundersökningen våren 2020',
	organisation: 'Region Norrbotten',
	documentId: 'ARBGRP460-656132773-273',
	version: '3.0',
	publishedOn: '2024-01-31',
	responsible: 'Anna Lindberg',
	author: 'Staffan Lundberg'
} as const;

function chartTable(chart: TFixtureChart): TReportTable {
	const rows = chart.table.footer ? [...chart.table.rows, chart.table.footer] : chart.table.rows;
	return { head: chart.table.columns, rows, numeric: chart.table.columns.map((_, i) => i > 0) };
}

/** The fixture report: seven sections as in the seed, a pie chart, a table, quotes, a notice, hostile text. */
export function reportFixture(chart: TFixtureChart): TReportDocument {
	const h = hostileTexts;
	return {
		meta: { ...fixtureMeta },
		sections: [
			{
				number: '1',
				title: 'Inledning och bakgrund till enkäten',
				blocks: [
					{
						kind: 'markdown',
						markdown:
							'Under 1800-talet pågick den industriella revolutionen för fullt i Sverige. Just nu befinner vi oss mitt i ännu en revolution, den **digitala**, som tvärtom ska göra det *lättare* att bo och verka på landsbygden.\n\n' +
							'Regeringens ambition är att statliga myndigheter, kommuner och regioner ska vara ledande i världen när det gäller att ta tillvara digitaliseringens möjligheter. Läs mer på [regeringens webbplats](https://www.regeringen.se).\n\n' +
							'## Bakgrund\n\n' +
							'Rapporten bygger på:\n\n1. en enkät till chefer i kommunerna,\n2. fritextsvar som tematiserats.'
					}
				],
				sections: []
			},
			{
				number: '2',
				title: 'Syfte',
				blocks: [
					{
						kind: 'paragraph',
						text: 'Syftet med enkäten var att få en nulägesbild av den organisatoriska mognaden gällande digitalisering i Norrbottens kommuner.'
					}
				],
				sections: []
			},
			{
				number: '3',
				title: 'Data och metod',
				blocks: [
					{
						kind: 'paragraph',
						text: 'Enkäten skickades till chefer i samtliga 14 kommuner i Norrbotten. Svar inkom från 10 kommuner, n = 20.'
					},
					{
						kind: 'table',
						caption: 'Respondenternas befattningar',
						table: {
							head: ['Befattning', 'Antal', 'Andel'],
							rows: [
								['IT-chef', '4', '20 %'],
								['Kommunchef', '3', '15 %'],
								['E-samordnare', '2', '10 %'],
								['Övriga', '11', '55 %']
							],
							numeric: [false, true, true]
						}
					}
				],
				sections: []
			},
			{
				number: '4',
				title: 'Kort sammanställning av läget',
				blocks: [
					{
						kind: 'list',
						items: [
							'80 % av respondenterna anser att behovet av digitalisering är stort',
							'47 % menar att hela kommunledningen delar denna uppfattning',
							'70 % av respondenterna säger att man har en digital vision, handlingsplan eller strategi'
						]
					}
				],
				sections: []
			},
			{
				number: '5',
				title: 'Svar och kommentarer',
				blocks: [],
				sections: [
					{
						number: '5.1',
						title: 'Behovet av digitalisering',
						blocks: [
							{ kind: 'paragraph', text: 'n = 20, medelvärde 8,5' },
							{
								kind: 'figure',
								svg: chart.svg,
								alt: chart.alt,
								caption: 'Är behovet av digitalisering stort i er kommun?',
								table: chartTable(chart)
							},
							{
								kind: 'markdown',
								markdown: `Merparten av respondenterna bedömde att behovet var stort. Texten nedan är inskriven som den är: ${h.typstSetRule} ${h.typstMath} ${h.typstReference} ${h.typstLabel} ${h.html}\n\n> Ett citat ur svaren i Markdown.`
							},
							{ kind: 'quote', text: `Vi har precis börjat. ${h.emoji}` },
							{ kind: 'quote', text: `${h.arabic} och ${h.hebrew}` }
						],
						sections: []
					},
					{
						number: '5.2',
						title: 'Digital vision eller handlingsplan',
						blocks: [
							{ kind: 'notice', text: 'För få svar för att visa siffror (färre än 5).' },
							{
								kind: 'paragraph',
								text: `${h.markdownAsText} ${h.typstStrong} ${h.word} ${h.entity} ${h.typstRaw}`
							},
							{ kind: 'quote', text: longAnswer() }
						],
						sections: []
					}
				]
			},
			{
				number: '6',
				title: 'Sammanfattning',
				blocks: [
					{ kind: 'markdown', markdown: 'Behovet är **stort** och visionen finns – men kompetensen saknas.' }
				],
				sections: []
			},
			{
				number: '7',
				title: 'Slutsats',
				blocks: [{ kind: 'markdown', markdown: '- Stärk kompetensen\n- Samverka i länet' }],
				sections: []
			}
		]
	};
}

/** A large report for the benchmark: the fixture's answer sections repeated to `sections` subsections. */
export function largeReportFixture(chart: TFixtureChart, sections: number): TReportDocument {
	const base = reportFixture(chart);
	const answers = base.sections[4];
	const template = answers?.sections[0];
	if (!answers || !template) throw new Error('The fixture lost its answer section.');
	const subsections: TReportSection[] = Array.from({ length: sections }, (_, i) => ({
		...template,
		number: `5.${i + 1}`,
		title: `Fråga ${i + 1}: ${template.title}`
	}));
	return {
		...base,
		sections: base.sections.map((s, i) => (i === 4 ? { ...s, sections: subsections } : s))
	};
}
