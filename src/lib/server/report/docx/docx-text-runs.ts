import { ExternalHyperlink, type ParagraphChild, TextRun } from 'docx';
import type { TInline } from '../../../core/report/parse-markdown.ts';
import { printableText, RTL_CHARS } from '../../../core/report/printable-text.ts';

export type TRunStyle = { bold?: boolean; italics?: boolean; style?: string };

/**
 * Runs for a piece of literal text: line breaks become breaks, and stretches of Hebrew or Arabic are marked
 * right-to-left so Word orders and shapes them as such inside a Swedish paragraph.
 */
export function textRuns(text: string, style: TRunStyle = {}): TextRun[] {
	const runs: TextRun[] = [];
	printableText(text)
		.split('\n')
		.forEach((line, index) => {
			const parts = line.split(
				/([\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff][\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\s\d.,!?'"-]*)/u
			);
			parts.forEach((part, partIndex) => {
				if (part === '' && !(partIndex === 0 && index > 0)) return;
				runs.push(
					new TextRun({
						...style,
						text: part,
						break: partIndex === 0 && index > 0 ? 1 : undefined,
						rightToLeft: RTL_CHARS.test(part) || undefined
					})
				);
			});
		});
	return runs;
}

export function inlineRuns(nodes: TInline[], style: TRunStyle = {}): ParagraphChild[] {
	return nodes.flatMap((node) => inlineRun(node, style));
}

function inlineRun(node: TInline, style: TRunStyle): ParagraphChild[] {
	switch (node.kind) {
		case 'text':
			return textRuns(node.text, style);
		case 'strong':
			return inlineRuns(node.children, { ...style, bold: true });
		case 'emphasis':
			return inlineRuns(node.children, { ...style, italics: true });
		case 'link':
			return [
				new ExternalHyperlink({
					link: node.url,
					children: inlineRuns(node.children, { ...style, style: 'Hyperlink' }) as TextRun[]
				})
			];
		case 'break':
			return [new TextRun({ ...style, break: 1 })];
	}
}
