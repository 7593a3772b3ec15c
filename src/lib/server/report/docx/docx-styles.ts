import {
	AlignmentType,
	BorderStyle,
	type IStylesOptions,
	LevelFormat,
	LineRuleType,
	ShadingType
} from 'docx';

// The Word file's look: Word's own styles (Heading 1–3, Title, Caption, Quote, List Paragraph) and a few
// of ours, the two list numberings and the A4 page. Every line spacing names its rule (auto: a multiple of
// single spacing): without one LibreOffice reads the value as an exact height, which cuts pictures down to
// a line and makes the two title lines overlap. The headings carry their outline level, which LibreOffice
// builds its table of contents from.

export const ACCENT = '1F4E79';
export const MUTED = '595959';
const HEADING_FONT = 'Arial';
const BODY_FONT = 'Cambria';
/** A4 with 2.4 cm side margins: the text width in twentieths of a point. */
export const TEXT_WIDTH = 11906 - 2 * 1361;

/** The document's styles, the body text marked as the report's language (right-to-left runs as Arabic). */
export function docxStyles(lang: 'sv' | 'en'): IStylesOptions {
	const language = { value: lang === 'sv' ? 'sv-SE' : 'en-GB', bidirectional: 'ar-SA' };
	const heading = (size: number, outlineLevel: number) => ({
		run: { font: HEADING_FONT, size, bold: true, color: ACCENT },
		paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true, outlineLevel }
	});
	return {
		default: {
			document: {
				run: { font: BODY_FONT, size: 22, language },
				paragraph: { spacing: { after: 160, line: 276, lineRule: LineRuleType.AUTO } }
			},
			title: { run: { font: HEADING_FONT, size: 52, bold: true, color: ACCENT } },
			heading1: heading(32, 0),
			heading2: heading(26, 1),
			heading3: heading(23, 2),
			hyperlink: { run: { color: ACCENT, underline: {} } },
			listParagraph: { paragraph: { spacing: { after: 80 } } }
		},
		paragraphStyles: [
			{
				id: 'Subtitle',
				name: 'Subtitle',
				basedOn: 'Normal',
				next: 'Normal',
				run: { font: HEADING_FONT, size: 30, color: MUTED }
			},
			{
				id: 'Organisation',
				name: 'Organisation',
				basedOn: 'Normal',
				run: { font: HEADING_FONT, size: 26, bold: true, color: ACCENT },
				paragraph: { border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: ACCENT, space: 6 } } }
			},
			{
				id: 'Subheading',
				name: 'Subheading',
				basedOn: 'Normal',
				next: 'Normal',
				quickFormat: true,
				run: { font: HEADING_FONT, bold: true, color: ACCENT },
				paragraph: { spacing: { before: 200, after: 80 }, keepNext: true }
			},
			{
				id: 'Quote',
				name: 'Quote',
				basedOn: 'Normal',
				next: 'Normal',
				quickFormat: true,
				run: { italics: true, color: '404040' },
				paragraph: {
					indent: { left: 567, right: 567 },
					border: { left: { style: BorderStyle.SINGLE, size: 18, color: '8FAADC', space: 8 } }
				}
			},
			{
				id: 'Notice',
				name: 'Notice',
				basedOn: 'Normal',
				next: 'Normal',
				run: { bold: true },
				paragraph: {
					shading: { type: ShadingType.CLEAR, fill: 'FFF4D6', color: 'auto' },
					border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B8860B', space: 6 } },
					indent: { left: 170 }
				}
			},
			{
				id: 'Caption',
				name: 'Caption',
				basedOn: 'Normal',
				next: 'Normal',
				run: { font: HEADING_FONT, size: 18, color: MUTED },
				paragraph: { spacing: { before: 120, after: 120 } }
			},
			{
				id: 'TableText',
				name: 'Table Text',
				basedOn: 'Normal',
				run: { font: HEADING_FONT, size: 18 },
				paragraph: { spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } }
			},
			{
				id: 'HeaderLabel',
				name: 'Header Label',
				basedOn: 'Normal',
				run: { font: HEADING_FONT, size: 12, color: MUTED, allCaps: true, characterSpacing: 6 },
				paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } }
			},
			{
				id: 'HeaderText',
				name: 'Header Text',
				basedOn: 'Normal',
				run: { font: HEADING_FONT, size: 16 },
				paragraph: { spacing: { after: 40, line: 240, lineRule: LineRuleType.AUTO } }
			},
			{
				id: 'TOCHeading',
				name: 'TOC Heading',
				basedOn: 'Normal',
				next: 'Normal',
				run: { font: HEADING_FONT, size: 32, bold: true, color: ACCENT },
				paragraph: { spacing: { after: 240 } }
			}
		]
	};
}

/** The bulleted and the numbered list ("1."). */
export const DOCX_NUMBERING = {
	config: [
		{
			reference: 'bullets',
			levels: [
				{
					level: 0,
					format: LevelFormat.BULLET,
					text: '\u2022',
					alignment: AlignmentType.LEFT,
					style: { paragraph: { indent: { left: 567, hanging: 283 } } }
				}
			]
		},
		{
			reference: 'ordered',
			levels: [
				{
					level: 0,
					format: LevelFormat.DECIMAL,
					text: '%1.',
					alignment: AlignmentType.LEFT,
					style: { paragraph: { indent: { left: 567, hanging: 340 } } }
				}
			]
		}
	]
};

/** A4 with its margins (in twentieths of a point), room for the header and footer. */
export const DOCX_PAGE = {
	size: { width: 11906, height: 16838 },
	margin: { top: 2098, bottom: 1588, left: 1361, right: 1361, header: 567, footer: 567 }
};
