// Control characters (other than tab and line breaks) and lone surrogates have no glyph in any font and are
// not allowed in XML 1.0, so a PDF/A export would fail on them and a Word file would not open. They carry no
// meaning in a report; every renderer writes text through this first.

const UNPRINTABLE =
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without characters that cannot be printed or stored as XML; `\r\n` and `\r` become `\n`. */
export function printableText(text: string): string {
	return text.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '');
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms: the right-to-left scripts. */
export const RTL_CHARS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;
