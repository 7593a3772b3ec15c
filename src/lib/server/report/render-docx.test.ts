import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileTexts, longAnswer } from '../../core/testing/report-fixture.ts';
import { fixtureReport, fixtureReportWithDistribution } from '../testing/report-documents.ts';
import { renderReportDocx } from './render-docx.ts';

// The Word file is unzipped and its XML read as Word would: text from <w:t> runs, styles by their ids.

let parts: Record<string, Uint8Array>;
let documentXml: string;

const part = (name: string): string => {
	const data = parts[name];
	if (!data) throw new Error(`The Word file has no ${name}.`);
	return strFromU8(data);
};

const decode = (xml: string) =>
	xml
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** Each paragraph's style and text (its runs' text joined, breaks as line breaks). */
function paragraphs(xml: string): Array<{ style: string | null; text: string }> {
	return [...xml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p [^>]*>(.*?)<\/w:p>/g)].map((match) => {
		const body = match[1] ?? match[2] ?? '';
		const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? null;
		const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
			.map((t) => (t[0] === '<w:br/>' ? '\n' : decode(t[1] ?? '')))
			.join('');
		return { style, text };
	});
}

beforeAll(async () => {
	const docx = await renderReportDocx(fixtureReport());
	parts = unzipSync(docx);
	documentXml = part('word/document.xml');
});

describe('renderReportDocx', () => {
	it('writes every text literally, markup of every kind escaped as XML text', () => {
		const text = paragraphs(documentXml)
			.map((p) => p.text)
			.join('\n');
		for (const literal of Object.values(hostileTexts)) expect(text).toContain(literal);
		expect(text).toContain(longAnswer());
		expect(text).toContain('80 % av respondenterna anser att behovet av digitalisering är stort');
		// The markup is text: escaped once, never opened as elements.
		expect(documentXml).toContain('&lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;inskjuten&lt;/w:t&gt;');
		expect(documentXml).toContain('R&amp;amp;D &amp;lt; 5');
		expect(documentXml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
		expect(documentXml).not.toContain('<w:t>inskjuten</w:t>');
		expect(documentXml).not.toContain('<script>');
	});

	it('uses Word heading styles for the numbered sections and a table of contents field over them', () => {
		const all = paragraphs(documentXml);
		const headings = (style: string) =>
			all.filter((p) => p.style === style).map((p) => p.text.replace('\u2003', ' '));
		expect(headings('Heading1')).toEqual([
			'1 Inledning och bakgrund till enkäten',
			'2 Syfte',
			'3 Data och metod',
			'4 Kort sammanställning av läget',
			'5 Svar och kommentarer',
			'6 Sammanfattning',
			'7 Slutsats'
		]);
		expect(headings('Heading2')).toEqual([
			'5.1 Behovet av digitalisering',
			'5.2 Digital vision eller handlingsplan'
		]);
		expect(headings('Title')).toEqual(['Digital mognad i Norrbottens kommuner']);
		// A heading inside the narrative keeps out of the table of contents.
		expect(headings('Subheading')).toEqual(['Bakgrund']);
		expect(documentXml).toContain(
			'<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>'
		);
		expect(part('word/styles.xml')).toMatch(/<w:style [^>]*w:styleId="Heading1"/);
	});

	it('keeps the Markdown structure: bold, italic, links, numbered and bulleted lists, quotes', () => {
		expect(documentXml).toMatch(
			/<w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">digitala<\/w:t>/
		);
		expect(documentXml).toMatch(
			/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">lättare<\/w:t>/
		);
		const link = /<w:hyperlink [^>]*r:id="([^"]+)"[^>]*>.*?regeringens webbplats.*?<\/w:hyperlink>/.exec(
			documentXml
		);
		expect(link).not.toBeNull();
		expect(part('word/_rels/document.xml.rels')).toMatch(
			new RegExp(`Id="${link?.[1]}"[^>]*Target="https://www.regeringen.se"[^>]*TargetMode="External"`)
		);
		const all = paragraphs(documentXml);
		const listed = all.filter((p) => p.style === 'ListParagraph').map((p) => p.text);
		expect(listed).toEqual([
			'en enkät till chefer i kommunerna,',
			'fritextsvar som tematiserats.',
			'80 % av respondenterna anser att behovet av digitalisering är stort',
			'47 % menar att hela kommunledningen delar denna uppfattning',
			'70 % av respondenterna säger att man har en digital vision, handlingsplan eller strategi',
			'Stärk kompetensen',
			'Samverka i länet'
		]);
		const quotes = all.filter((p) => p.style === 'Quote').map((p) => p.text);
		expect(quotes).toContain('Ett citat ur svaren i Markdown.');
		expect(quotes).toContain(`Vi har precis börjat. ${hostileTexts.emoji}`);
		expect(all.filter((p) => p.style === 'Notice').map((p) => p.text)).toEqual([
			'För få svar för att visa siffror (färre än 5).'
		]);
	});

	it('marks Arabic and Hebrew runs right-to-left inside the Swedish text', () => {
		expect(documentXml).toMatch(
			/<w:r><w:rPr><w:rtl\/><\/w:rPr><w:t xml:space="preserve">مرحبا بالعالم ?<\/w:t>/
		);
		expect(documentXml).toMatch(/<w:r><w:rPr><w:rtl\/><\/w:rPr><w:t xml:space="preserve">שלום עולם<\/w:t>/);
		expect(documentXml).toMatch(/<w:t xml:space="preserve"> ?och <\/w:t>/);
	});

	it('sets Swedish as the document language and turns on hyphenation', () => {
		expect(part('word/styles.xml')).toMatch(
			/<w:docDefaults>.*<w:lang w:val="sv-SE"[^>]*\/>.*<\/w:docDefaults>/
		);
		expect(part('word/settings.xml')).toContain('<w:autoHyphenation/>');
	});

	it('repeats "Sida X (Y)" from PAGE and NUMPAGES fields and the particulars in the header, the title in the footer', () => {
		const headers = Object.keys(parts).filter((name) => /^word\/header\d+\.xml$/.test(name));
		const footers = Object.keys(parts).filter((name) => /^word\/footer\d+\.xml$/.test(name));
		expect(headers.length).toBeGreaterThan(0);
		expect(footers.length).toBeGreaterThan(0);
		const header = part(headers[0] ?? '');
		const headerText = paragraphs(header)
			.map((p) => p.text)
			.join('\n');
		for (const value of [
			'Gäller för verksamhet',
			'Region Norrbotten',
			'Dokument-ID',
			'ARBGRP460-656132773-273',
			'Version',
			'3.0',
			'Publiceringsdatum',
			'2024-01-31',
			'Ansvarig',
			'Anna Lindberg',
			'Upprättad av',
			'Staffan Lundberg',
			'Sida '
		])
			expect(headerText).toContain(value);
		expect(header).toMatch(
			/<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/
		);
		expect(header).toMatch(/Sida <\/w:t>.*PAGE.*> \(<\/w:t>.*NUMPAGES.*>\)<\/w:t>/);
		// The page number once per page (the header); the footer carries the title.
		const footer = part(footers[0] ?? '');
		expect(footer).not.toContain('PAGE');
		expect(paragraphs(footer).map((p) => p.text)).toEqual([expect.stringContaining('Digital mognad')]);
	});

	it('embeds the chart as a PNG picture with the chart text alternative as its description', () => {
		const media = Object.keys(parts).filter((name) => name.startsWith('word/media/'));
		expect(media).toHaveLength(1);
		const png = parts[media[0] ?? ''] ?? new Uint8Array();
		expect(strFromU8(png.subarray(1, 4))).toBe('PNG');
		// Drawn at twice the chart's 480 × 300 pixels, shown at 480 × 300 (12,7 cm wide).
		const view = new DataView(png.buffer, png.byteOffset);
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([960, 600]);
		const figure = fixtureReport()
			.sections.flatMap((s) => s.sections)
			.flatMap((s) => s.blocks)
			.find((b) => b.kind === 'figure');
		expect(figure?.kind === 'figure' && figure.alt).toBe(
			'Cirkeldiagram: Ja 80\u00a0% (16), Nej 15\u00a0% (3), Vet ej 5\u00a0% (1), n = 20'
		);
		expect(documentXml).toContain(
			'descr="Cirkeldiagram: Ja 80\u00a0% (16), Nej 15\u00a0% (3), Vet ej 5\u00a0% (1), n = 20" title="Är behovet av digitalisering stort i er kommun?"'
		);
		// 490 × 306 pixels (9 525 EMU each): 13 cm, 80 % of the text width as in the PDF, the chart's proportions.
		expect(documentXml).toContain('<wp:extent cx="4667250" cy="2914650"/>');
		expect(part('[Content_Types].xml')).toContain('Extension="png"');
	});

	it('captions the figure and the tables and sets numeric columns flush right', () => {
		const captions = paragraphs(documentXml)
			.filter((p) => p.style === 'Caption')
			.map((p) => p.text);
		expect(captions).toEqual([
			'Tabell 1: Respondenternas befattningar',
			'Figur 1: Är behovet av digitalisering stort i er kommun?',
			'Tabell 2: Är behovet av digitalisering stort i er kommun?'
		]);
		expect(documentXml).toMatch(/<w:jc w:val="right"\/><\/w:pPr><w:r><w:t xml:space="preserve">20 %<\/w:t>/);
		expect(documentXml).toMatch(
			/<w:jc w:val="left"\/><\/w:pPr><w:r><w:t xml:space="preserve">IT-chef<\/w:t>/
		);
	});

	it("prints one table per chart: the question's distribution, not the chart's data again", async () => {
		const xml = strFromU8(
			unzipSync(await renderReportDocx(fixtureReportWithDistribution()))['word/document.xml'] ??
				new Uint8Array()
		);
		expect(
			paragraphs(xml)
				.filter((p) => p.style === 'Caption')
				.map((p) => p.text)
		).toEqual([
			'Tabell 1: Respondenternas befattningar',
			'Figur 1: Är behovet av digitalisering stort i er kommun?',
			'Tabell 2: Svarsfördelning: Är behovet av digitalisering stort i er kommun?'
		]);
		expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
	});

	it('renders the same published document to the same bytes, dated from its publication', async () => {
		const first = await renderReportDocx(fixtureReport());
		const second = await renderReportDocx(fixtureReport());
		expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
		expect(part('docProps/core.xml')).toContain(
			'<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-31T00:00:00Z<'
		);
		expect(Object.keys(parts)[0]).toBe('[Content_Types].xml');
		// Every relationship the document refers to exists.
		const rels = part('word/_rels/document.xml.rels');
		for (const [, id] of documentXml.matchAll(/r:(?:id|embed)="([^"]+)"/g))
			expect(rels).toContain(`Id="${id}"`);
	});
});
