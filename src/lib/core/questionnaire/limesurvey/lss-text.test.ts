import { describe, expect, it } from 'vitest';
import { lssToPlainText } from './lss-text.ts';

describe('a LimeSurvey text as plain text', () => {
	it('drops tags and decodes entities', () => {
		expect(lssToPlainText('<p><strong>Hur &auml;r l&auml;get?</strong> &amp; sedan&#8230;</p>')).toBe(
			'Hur är läget? & sedan…'
		);
		expect(lssToPlainText('A &#x41; &unknown; &lt;b&gt;')).toBe('A A &unknown; <b>');
	});

	it('turns line breaks and paragraphs into lines and collapses other whitespace', () => {
		expect(lssToPlainText('<p>Första\n   stycket</p>\n<p>Andra<br />rad</p>')).toBe(
			'Första stycket\n\nAndra\nrad'
		);
		expect(lssToPlainText('  a&nbsp;&nbsp;b\t c ')).toBe('a b c');
	});

	it("drops a script's and a style's content, and event handlers and javascript: links with their tags", () => {
		expect(lssToPlainText("Question:<script>alert('question');</script>")).toBe('Question:');
		expect(lssToPlainText('<STYLE>p{color:red}</STYLE>Text<script src=x>')).toBe('Text');
		expect(lssToPlainText('<img src=x onerror="alert(1)">Bild <a href="javascript:alert(1)">länk</a>')).toBe(
			'Bild länk'
		);
		expect(
			lssToPlainText('<!-- <script>alert(1)</script> -->kvar<svg onload=alert(1)><text>x</text></svg>')
		).toBe('kvar');
	});

	it('keeps escaped markup as the literal text it shows, which every output escapes again', () => {
		expect(lssToPlainText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
	});

	it('gives an empty text for markup without words', () => {
		expect(lssToPlainText('<p>&nbsp;</p><br/>')).toBe('');
	});
});
