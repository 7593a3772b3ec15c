import { describe, expect, it } from 'vitest';
import { builtInTemplate, definition, page, questionnaireFrom, yesNo } from '../testing/questionnaires.ts';
import { questionnaireTexts } from './questionnaire-texts.ts';
import { explainXliffRefusal, readTranslationXliff, writeTranslationXliff } from './translation-xliff.ts';

const small = () =>
	questionnaireFrom(
		definition([page('a', yesNo('klar', { text: { sv: 'Är <b> & "vi" klara?', fi: 'Valmis?' } }))], {
			title: { sv: 'Enkät' },
			languages: ['sv', 'en', 'fi']
		})
	);

const xliff = (body: string, attributes = 'version="2.0" srcLang="sv" trgLang="fi"') =>
	`<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" ${attributes}><file id="f">${body}</file></xliff>`;

describe('writeTranslationXliff', () => {
	it('writes XLIFF 2.0: a unit a text with its Swedish, the translation so far and where it is', () => {
		const file = writeTranslationXliff(small(), 'fi');
		expect(file).toContain(
			'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="sv" trgLang="fi">'
		);
		expect(file).toContain('<file id="test-1">');
		expect(file).toContain(
			[
				'<unit id="question.klar.text">',
				'      <notes>',
				'        <note>Sida a, fråga klar: text</note>',
				'      </notes>',
				'      <segment>',
				'        <source>Är &lt;b&gt; &amp; &quot;vi&quot; klara?</source>',
				'        <target>Valmis?</target>',
				'      </segment>',
				'    </unit>'
			].join('\n')
		);
		// An untranslated text has no target.
		expect(file).toMatch(
			/<unit id="title">\s*<notes>\s*<note>Enkäten: title<\/note>\s*<\/notes>\s*<segment>\s*<source>Enkät<\/source>\s*<\/segment>/
		);
	});

	it('reads its own file back: every text of the built-in questionnaire, by name, with its English', () => {
		const q = builtInTemplate();
		const read = readTranslationXliff(writeTranslationXliff(q, 'en'));
		if (!read.ok) throw new Error(read.reason);
		expect(read.lang).toBe('en');
		expect(read.units).toEqual(
			questionnaireTexts(q).map(({ id, text }) => ({ id, source: text.sv, target: text.en ?? '' }))
		);
	});

	it('leaves out characters XML cannot carry', () => {
		const q = small();
		q.title = { sv: 'Enk\u0001ät' };
		expect(writeTranslationXliff(q, 'fi')).toContain('<source>Enkät</source>');
	});
});

describe('readTranslationXliff', () => {
	it('takes a translator tool’s file: groups, split segments, a regional target language', () => {
		const read = readTranslationXliff(
			xliff(
				'<group id="g"><unit id="title"><segment><source>Enkät</source><target>Kysely</target></segment></unit></group>' +
					'<unit id="page.a.title"><segment><source>Sida </source><target>Sivu </target></segment><segment><source>a</source><target>a</target></segment></unit>' +
					'<unit id="question.klar.text"><segment><source>Klar?</source><target>On <pc id="1">valmis</pc>?</target></segment></unit>',
				'version="2.1" srcLang="sv-SE" trgLang="fi-FI"'
			)
		);
		expect(read).toEqual({
			ok: true,
			lang: 'fi',
			units: [
				{ id: 'title', source: 'Enkät', target: 'Kysely' },
				{ id: 'page.a.title', source: 'Sida a', target: 'Sivu a' }
			],
			withMarkup: ['question.klar.text']
		});
	});

	it('refuses what is not a translation of a questionnaire, saying why in the user’s language', () => {
		const refusal = (xml: string) => {
			const read = readTranslationXliff(xml);
			if (read.ok) throw new Error('read');
			return [read.reason, explainXliffRefusal(read, 'sv')];
		};
		expect(refusal('<xliff><file></xliff>')).toEqual([
			'notXml',
			"Filen är inte giltig XML (rad 1, kolumn 14): Expected closing tag 'file' (opened in line 1, col 8) instead of closing tag 'xliff'."
		]);
		expect(
			refusal('<!DOCTYPE x [<!ENTITY a "aaaa">]><xliff version="2.0" srcLang="sv" trgLang="fi"/>')
		).toEqual(['notXml', 'Filen har en DOCTYPE-deklaration, som en översättningsfil inte ska ha.']);
		expect(refusal('<xliff version="2.0" srcLang="sv" trgLang="fi"><file>')).toEqual([
			'notXml',
			'Filen tar slut innan dess XML är avslutad; den är troligen avkortad.'
		]);
		expect(refusal('<html><body>hej</body></html>')).toEqual([
			'notXliff',
			'Filen är ingen XLIFF-fil: den börjar inte med <xliff>.'
		]);
		expect(refusal(xliff('', 'version="1.2" srcLang="sv" trgLang="fi"'))[0]).toBe('version');
		expect(refusal(xliff('', 'version="2.0" srcLang="en" trgLang="fi"'))).toEqual([
			'sourceLanguage',
			'Filens källspråk är ”en”; det ska vara svenska (sv), som i enkätens export.'
		]);
		expect(refusal(xliff('', 'version="2.0" srcLang="sv" trgLang="suomi"'))[0]).toBe('targetLanguage');
		expect(refusal(xliff('', 'version="2.0" srcLang="sv"'))[0]).toBe('targetLanguage');
		expect(refusal(xliff(''))).toEqual(['empty', 'Filen innehåller inga texter.']);
		expect(explainXliffRefusal({ reason: 'empty' }, 'en')).toBe('The file contains no texts.');
	});
});
