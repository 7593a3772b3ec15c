import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.ts';
import { textWidth, wrapLabel } from './chart-text.ts';
import { groupedBarChart } from './grouped-bar-chart.ts';
import { pieChart } from './pie-chart.ts';
import { radarChart } from './radar-chart.ts';
import type { TChart } from './render-chart-svg.ts';
import { colourAt } from './render-chart-svg.ts';
import { scatterChart } from './scatter-chart.ts';

const NBSP = '\u00a0';
const hostile = '<script>alert(1)</script> & "x" <img src=x onerror=alert(1)> {a|b}';

// What an SVG in a page may contain: ECharts' drawing elements, the title we add, nothing that runs.
const allowedElements = new Set([
	'svg',
	'title',
	'rect',
	'path',
	'polyline',
	'polygon',
	'text',
	'g',
	'circle',
	'line'
]);

/** A small XML well-formedness check: balanced tags, quoted attributes, no stray markup characters. */
function expectWellFormedSvg(svg: string) {
	const stack: string[] = [];
	const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
	let i = 0;
	while (i < svg.length) {
		const next = svg.indexOf('<', i);
		const text = svg.slice(i, next === -1 ? svg.length : next);
		expect(text).not.toMatch(/>|&(?!(?:amp|lt|gt|quot|#\d+);)/);
		if (next === -1) break;
		tag.lastIndex = next;
		const match = tag.exec(svg);
		expect(match, `malformed tag at ${svg.slice(next, next + 40)}`).not.toBeNull();
		if (!match) return;
		const [whole, closing, name = '', attributes = '', selfClosing] = match;
		expect(allowedElements.has(name), `element <${name}>`).toBe(true);
		const names = [...attributes.matchAll(/\s([\w:-]+)="/g)].map((a) => a[1] ?? '');
		expect(names.filter((n) => /^on/i.test(n))).toEqual([]);
		if (closing) expect(stack.pop()).toBe(name);
		else if (!selfClosing) stack.push(name);
		i = next + whole.length;
	}
	expect(stack).toEqual([]);
	expect(svg.startsWith('<svg')).toBe(true);
}

const unescapeXml = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');

/**
 * Every line of text the SVG draws level (not the scatter chart's turned axis name), with its anchor and
 * extent, measured with the charts' own metrics.
 */
function drawnLines(svg: string) {
	const lines = [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)];
	return lines.flatMap(([, attributes = '', raw = '']) => {
		if (/transform="matrix/.test(attributes)) return [];
		const attribute = (name: string) => new RegExp(` ${name}="([^"]*)"`).exec(attributes)?.[1];
		const [, tx = '0', ty = '0'] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(attributes) ?? [];
		const x = Number(tx) + Number(attribute('x') ?? 0);
		const y = Number(ty) + Number(attribute('y') ?? 0);
		const size = Number.parseFloat(attribute('font-size') ?? '12');
		const text = unescapeXml(raw);
		const width = textWidth(text, size);
		const anchor = attribute('text-anchor') ?? 'start';
		const left = anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
		return [{ text, anchor, left, right: left + width, top: y - size / 2, bottom: y + size / 2 }];
	});
}

/** Nothing is drawn outside the SVG's view box: every line fits its width and height. */
function expectInside(svg: string) {
	const [, width = '0', height = '0'] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? [];
	for (const line of drawnLines(svg)) {
		expect(line.left, `"${line.text}" starts left of the chart`).toBeGreaterThanOrEqual(0);
		expect(line.right, `"${line.text}" ends right of the chart`).toBeLessThanOrEqual(Number(width));
		expect(line.top, `"${line.text}" starts above the chart`).toBeGreaterThanOrEqual(0);
		expect(line.bottom, `"${line.text}" ends below the chart`).toBeLessThanOrEqual(Number(height));
	}
}

function expectAccessible(chart: TChart) {
	expectWellFormedSvg(chart.svg);
	expect(chart.svg).toMatch(/^<svg [^>]*role="img" aria-label="[^"]+"><title>/);
	expect(chart.svg).not.toMatch(/NaN|undefined|Infinity/);
	expect(chart.alt).not.toMatch(/NaN|undefined|Infinity/);
	// No inline styles: they would be refused by the Content Security Policy.
	expect(chart.svg).not.toMatch(/<style|style="/);
	expectInside(chart.svg);
}

describe('pie chart', () => {
	const vision = [
		{ label: 'Ja', count: 14 },
		{ label: 'Nej', count: 5 },
		{ label: 'Vet ej', count: 1 }
	];

	it('describes the seed question "vision" in one Swedish sentence and gives its table', () => {
		const chart = pieChart({ lang: 'sv', slices: vision, n: 20 });
		expect(chart.alt).toBe(
			`Cirkeldiagram: Ja 70${NBSP}% (14), Nej 25${NBSP}% (5), Vet ej 5${NBSP}% (1), n = 20`
		);
		expect(chart.table).toEqual({
			columns: ['Svar', 'Antal', 'Andel'],
			rows: [
				['Ja', '14', `70${NBSP}%`],
				['Nej', '5', `25${NBSP}%`],
				['Vet ej', '1', `5${NBSP}%`]
			],
			footer: ['n', '20', '']
		});
		expectAccessible(chart);
		expect(chart.svg).toContain(`<title>${chart.alt}</title>`);
		expect(chart.svg).toContain(`>70${NBSP}%</text>`);
	});

	it('formats English numbers the English way, with one decimal where needed', () => {
		const chart = pieChart({
			lang: 'en',
			slices: [
				{ label: 'Yes', count: 1 },
				{ label: 'No', count: 2 },
				{ label: "Don't know", count: 0 }
			],
			n: 3
		});
		expect(chart.alt).toBe("Pie chart: Yes 33.3% (1), No 66.7% (2), Don't know 0% (0), n = 3");
		expect(chart.table.columns).toEqual(['Answer', 'Count', 'Percent']);
		expectAccessible(chart);
	});

	it('says there are no answers instead of drawing NaN', () => {
		const chart = pieChart({ lang: 'sv', slices: vision.map((s) => ({ ...s, count: 0 })), n: 0 });
		expect(chart.alt).toBe('Cirkeldiagram: inga svar, n = 0');
		expect(chart.table.rows[0]).toEqual(['Ja', '0', '–']);
		expectAccessible(chart);
	});
});

describe('bar chart', () => {
	it('shows multi-choice options in percent of respondents (summing past 100 %)', () => {
		const chart = barChart({
			lang: 'sv',
			measure: 'percent',
			n: 20,
			bars: [
				{ label: 'IT-avdelningen', count: 15 },
				{ label: 'Kommunledning/chefer', count: 9 },
				{ label: 'Politisk ledning', count: 4 }
			]
		});
		expect(chart.alt).toBe(
			`Stapeldiagram: IT-avdelningen 75${NBSP}% (15), Kommunledning/chefer 45${NBSP}% (9), Politisk ledning 20${NBSP}% (4), n = 20`
		);
		expect(chart.table.rows.map((r) => r[2])).toEqual([`75${NBSP}%`, `45${NBSP}%`, `20${NBSP}%`]);
		expectAccessible(chart);
	});

	it('shows theme counts as counts, with their share of the answers in the table', () => {
		const chart = barChart({
			lang: 'sv',
			measure: 'count',
			n: 8,
			categoryLabel: 'Tema',
			bars: [
				{ label: 'Ansträngd ekonomi och resursbrist', count: 6 },
				{ label: 'Förändringar i samhälle', count: 1 }
			]
		});
		expect(chart.alt).toBe(
			'Stapeldiagram: Ansträngd ekonomi och resursbrist 6, Förändringar i samhälle 1, n = 8'
		);
		expect(chart.table).toEqual({
			columns: ['Tema', 'Antal', 'Andel'],
			rows: [
				['Ansträngd ekonomi och resursbrist', '6', `75${NBSP}%`],
				['Förändringar i samhälle', '1', `12,5${NBSP}%`]
			],
			footer: ['n', '8', '']
		});
		expectAccessible(chart);
	});

	it('handles no bars and n = 0', () => {
		const chart = barChart({ lang: 'en', measure: 'count', n: 0, bars: [] });
		expect(chart.alt).toBe('Bar chart: no answers, n = 0');
		expectAccessible(chart);
	});
});

describe('grouped bar chart', () => {
	it('puts two waves side by side in percent of each wave', () => {
		const chart = groupedBarChart({
			lang: 'sv',
			categories: ['Ja', 'Nej', 'Vet ej'],
			groups: [
				{ name: '2020', counts: [14, 5, 1], n: 20 },
				{ name: '2024', counts: [12, 4, 0], n: 16 }
			]
		});
		expect(chart.alt).toBe(
			`Grupperat stapeldiagram: Ja: 2020 70${NBSP}% (14), 2024 75${NBSP}% (12); Nej: 2020 25${NBSP}% (5), 2024 25${NBSP}% (4); Vet ej: 2020 5${NBSP}% (1), 2024 0${NBSP}% (0); 2020 n = 20, 2024 n = 16`
		);
		expect(chart.table).toEqual({
			columns: ['Svar', '2020', '2024'],
			rows: [
				['Ja', `70${NBSP}% (14)`, `75${NBSP}% (12)`],
				['Nej', `25${NBSP}% (5)`, `25${NBSP}% (4)`],
				['Vet ej', `5${NBSP}% (1)`, `0${NBSP}% (0)`]
			],
			footer: ['n', '20', '16']
		});
		expectAccessible(chart);
	});

	it('shows a dash where an option was not asked in a wave', () => {
		const chart = groupedBarChart({
			lang: 'en',
			categories: ['Yes', 'New option'],
			groups: [
				{ name: '2020', counts: [3, null], n: 4 },
				{ name: '2024', counts: [1, 2], n: 4 }
			]
		});
		expect(chart.table.rows[1]).toEqual(['New option', '–', '50% (2)']);
		expectAccessible(chart);
	});
});

describe('radar chart', () => {
	it("describes an organisation's dimension scores against the regional mean, rounded half up", () => {
		const chart = radarChart({
			lang: 'sv',
			dimensions: ['Strategi', 'Ledning', 'Kultur'],
			series: [
				{ name: 'Luleå', values: [62.5, 100, null] },
				{ name: 'Regionen', values: [55.25, 40, 33.333] }
			]
		});
		expect(chart.alt).toBe(
			'Radardiagram: Strategi: Luleå 62,5, Regionen 55,3; Ledning: Luleå 100, Regionen 40; Kultur: Luleå saknas, Regionen 33,3'
		);
		expect(chart.table).toEqual({
			columns: ['Dimension', 'Luleå', 'Regionen'],
			rows: [
				['Strategi', '62,5', '55,3'],
				['Ledning', '100', '40'],
				['Kultur', '–', '33,3']
			]
		});
		expectAccessible(chart);
	});

	it('leaves a gap for a missing score, never a point at the centre that would read as 0', () => {
		const series = (values: Array<number | null>) => [
			{ name: 'Luleå', values },
			{ name: 'Regionen', values: [55, 40, 33, 60, 45] }
		];
		const dimensions = ['Strategi', 'Medborgarfokus', 'Ledning', 'Digitalt arv', 'Kultur'];
		const gapped = radarChart({ lang: 'sv', dimensions, series: series([60, 100, null, 70, 50]) });
		const whole = radarChart({ lang: 'sv', dimensions, series: series([60, 100, 80, 70, 50]) });
		const luleå = colourAt(0);
		// The centre: where every axis line of the grid starts.
		const centre = /<path d="M([\d.]+) ([\d.]+)L[\d.]+ [\d.]+" fill="none" stroke="#cfd2d7"/.exec(gapped.svg);
		const [cx, cy] = [Number(centre?.[1]), Number(centre?.[2])];
		expect(cx).toBeGreaterThan(0);
		// Every point of a visible Luleå mark: markers (circles) and lines (polylines; the radar's own entry
		// for the series is kept for the legend, drawn with no opacity).
		const marks = [...gapped.svg.matchAll(/<(circle|polyline|path)\b[^>]*>/g)]
			.map((m) => m[0])
			.filter((element) => element.includes(luleå) && !element.includes('stroke-opacity="0"'))
			.filter((element) => !element.includes('transform="translate')); // the legend's icon
		const points = marks.flatMap((element) => {
			const circle = /cx="([\d.]+)" cy="([\d.]+)"/.exec(element);
			if (circle) return [[Number(circle[1]), Number(circle[2])]];
			const drawn = / (?:d|points)="([^"]*)"/.exec(element)?.[1] ?? '';
			return [...drawn.matchAll(/([\d.]+) ([\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])]);
		});
		expect(points.length).toBeGreaterThan(0);
		for (const [x = 0, y = 0] of points) expect(Math.hypot(x - cx, y - cy)).toBeGreaterThan(5);
		// Four markers, and lines only between neighbours that both have a score: Kultur–Strategi,
		// Strategi–Medborgarfokus and Digitalt arv–Kultur; nothing filled.
		expect(marks.filter((e) => e.startsWith('<circle'))).toHaveLength(4);
		expect(marks.filter((e) => e.startsWith('<polyline'))).toHaveLength(3);
		expect(marks).toHaveLength(7);
		expect(gapped.svg).not.toMatch(new RegExp(`fill="${luleå}" fill-opacity="0.15"`));
		// A series with every score is drawn by the radar itself, filled as before.
		expect(whole.svg).not.toContain('<circle');
		expect(gapped.alt).toContain('Ledning: Luleå saknas, Regionen 33');
	});
});

describe('scatter chart', () => {
	it('places organisations by capability and digital legacy', () => {
		const chart = scatterChart({
			lang: 'sv',
			xLabel: 'Förmåga',
			yLabel: 'Digitalt arv',
			points: [
				{ label: 'Luleå', x: 62.5, y: 40 },
				{ label: 'Piteå', x: 50, y: 75.04 }
			]
		});
		expect(chart.alt).toBe('Punktdiagram (x: Förmåga, y: Digitalt arv): Luleå 62,5 och 40; Piteå 50 och 75');
		expect(chart.table.rows).toEqual([
			['Luleå', '62,5', '40'],
			['Piteå', '50', '75']
		]);
		expectAccessible(chart);
	});
});

describe('category labels', () => {
	const seedLabel = 'Förväntningar från medborgare och samhälle';
	// Four lines' worth at any of the charts' label widths.
	const tooLong =
		'Hur kan Region Norrbotten, Norrbottens Kommuner, IT-Norrbotten samt Luleå tekniska universitet bistå för att underlätta digitaliseringsresan i hela länet?';
	const labelLines = (chart: TChart, anchor: string) =>
		drawnLines(chart.svg)
			.filter((l) => l.anchor === anchor && l.text !== '' && !/^[\d,.\s%]+$/.test(l.text))
			.map((l) => l.text);

	it('wrap between words, or inside a word after a "/" or "-" when the word is wider than a line', () => {
		expect(wrapLabel(seedLabel, 256)).toEqual(['Förväntningar från medborgare och', 'samhälle']);
		expect(wrapLabel(seedLabel, 1000)).toEqual([seedLabel]);
		expect(wrapLabel('Näringsliv/landsbygdsutvecklare', 150)).toEqual([
			'Näringsliv/',
			'landsbygdsutvecklare'
		]);
		for (const line of wrapLabel(tooLong, 200)) expect(textWidth(line)).toBeLessThanOrEqual(200);
	});

	it('are shortened only past three lines, and then end in "…"', () => {
		expect(wrapLabel(tooLong, 256)).toEqual([
			'Hur kan Region Norrbotten, Norrbottens',
			'Kommuner, IT-Norrbotten samt Luleå',
			'tekniska universitet bistå för att…'
		]);
		// A 20 000-character answer used as a label costs no more than its first lines.
		const huge = wrapLabel('ord '.repeat(5000) + 'x'.repeat(5000), 256);
		expect(huge).toHaveLength(3);
		expect(huge[2]).toMatch(/^ord ord .*…$/);
		expect(wrapLabel('x'.repeat(20000), 256).map((l) => l.length > 0 && textWidth(l) <= 256)).toEqual([
			true,
			true,
			true
		]);
	});

	it('of a bar chart come out whole on two lines, the chart taller for them, all inside the chart', () => {
		const bars = [
			{ label: 'Ansträngd ekonomi och resursbrist', count: 6 },
			{ label: seedLabel, count: 3 }
		];
		const chart = barChart({ lang: 'sv', measure: 'count', n: 8, categoryLabel: 'Tema', bars });
		expect(labelLines(chart, 'end')).toEqual([
			'Ansträngd ekonomi och resursbrist',
			'Förväntningar från medborgare och',
			'samhälle'
		]);
		expect(chart.svg).not.toMatch(/…|\.\.\./);
		// Two bands of 44 px (two lines of 16 px and room around them) instead of 34.
		expect(chart.svg).toMatch(/^<svg width="640" height="128"/);
		expectAccessible(chart);
	});

	it("of a bar chart are shortened past three lines, the whole label kept in the SVG's text and the table", () => {
		const chart = barChart({ lang: 'sv', measure: 'count', n: 2, bars: [{ label: tooLong, count: 2 }] });
		const lines = labelLines(chart, 'end');
		expect(lines).toHaveLength(3);
		expect(lines[2]).toMatch(/…$/);
		expect(chart.svg).toContain(`<title>Stapeldiagram: ${tooLong} 2, n = 2</title>`);
		expect(chart.svg).toContain(`aria-label="Stapeldiagram: ${tooLong} 2, n = 2"`);
		expect(chart.table.rows[0]?.[0]).toBe(tooLong);
		expectAccessible(chart);
	});

	it('of a grouped bar chart come out whole, all inside the chart', () => {
		const chart = groupedBarChart({
			lang: 'sv',
			categories: ['Ja', seedLabel],
			groups: [
				{ name: '2020', counts: [3, 2], n: 5 },
				{ name: '2024', counts: [4, 1], n: 5 }
			]
		});
		expect(labelLines(chart, 'end')).toEqual(['Ja', 'Förväntningar från medborgare och', 'samhälle']);
		expect(chart.svg).not.toMatch(/…|\.\.\./);
		expectAccessible(chart);
		const shortened = groupedBarChart({
			lang: 'sv',
			categories: [tooLong],
			groups: [{ name: '2020', counts: [1], n: 2 }]
		});
		expect(labelLines(shortened, 'end')[2]).toMatch(/…$/);
		expect(shortened.alt).toContain(tooLong);
		expect(shortened.table.rows[0]?.[0]).toBe(tooLong);
		expectAccessible(shortened);
	});

	it("of a radar chart (the template's dimensions) come out whole around the circle, all inside the chart", () => {
		const values = [60, 40, 50, 30, 80, 45, 25];
		const sv = radarChart({
			lang: 'sv',
			dimensions: [
				'Strategi',
				'Medborgarfokus',
				'Ledning och beslutskapacitet',
				'Digitalt arv',
				'Omvärldsbevakning',
				'Kultur',
				'Kompetens'
			],
			series: [{ name: 'Region Norrbotten', values }]
		});
		expect(drawnLines(sv.svg).map((l) => l.text)).toEqual(
			expect.arrayContaining(['Ledning och', 'beslutskapacitet', 'Omvärldsbevakning'])
		);
		expect(sv.svg).not.toMatch(/…|\.\.\./);
		expectAccessible(sv);
		const en = radarChart({
			lang: 'en',
			dimensions: [
				'Strategy',
				'Citizen focus',
				'Leadership and capacity to decide',
				'Digital legacy',
				'Environmental scanning',
				'Culture',
				'Competence'
			],
			series: [{ name: 'Region Norrbotten', values }]
		});
		expect(drawnLines(en.svg).map((l) => l.text)).toEqual(
			expect.arrayContaining(['Leadership and', 'capacity to decide', 'Environmental', 'scanning'])
		);
		expect(en.svg).not.toMatch(/…|\.\.\./);
		expectAccessible(en);
	});

	it("of a radar chart are shortened past three lines, the whole name kept in the SVG's text and the table", () => {
		const chart = radarChart({
			lang: 'sv',
			dimensions: ['Strategi', tooLong, 'Kultur', 'Kompetens'],
			series: [{ name: 'Regionen', values: [50, 60, 70, 80] }]
		});
		expect(drawnLines(chart.svg).filter((l) => l.text.endsWith('…'))).toHaveLength(1);
		expect(chart.svg).toContain(`<title>Radardiagram: Strategi: Regionen 50; ${tooLong}: Regionen 60;`);
		expect(chart.table.rows[1]?.[0]).toBe(tooLong);
		expectAccessible(chart);
	});
});

describe('labels from user data', () => {
	it('come out as text in every kind of chart, never as markup', () => {
		const charts = [
			pieChart({ lang: 'sv', slices: [{ label: hostile, count: 2 }], n: 2 }),
			barChart({ lang: 'sv', measure: 'count', n: 2, bars: [{ label: hostile, count: 2 }] }),
			groupedBarChart({ lang: 'sv', categories: [hostile], groups: [{ name: hostile, counts: [1], n: 2 }] }),
			radarChart({
				lang: 'sv',
				dimensions: [hostile, 'B', 'C'],
				series: [{ name: hostile, values: [1, 2, 3] }]
			}),
			scatterChart({ lang: 'sv', xLabel: hostile, yLabel: 'y', points: [{ label: hostile, x: 1, y: 2 }] })
		];
		for (const chart of charts) {
			expectAccessible(chart);
			expect(chart.svg).not.toMatch(/<script|<img|"x"/);
			expect(chart.svg).toContain(
				'&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &lt;img src=x onerror=alert(1)&gt;'
			);
			expect(chart.alt).toContain(hostile);
		}
	});
});
