import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';

// The Markdown the analyst may write in a report's narrative, reduced to what all three renderers (HTML,
// Typst, DOCX) draw the same way. Anything else (raw HTML, images, code, tables) becomes literal text:
// the renderers escape every `text`, so no markup of any format passes through.

export type TInline =
	| { kind: 'text'; text: string }
	| { kind: 'strong'; children: TInline[] }
	| { kind: 'emphasis'; children: TInline[] }
	| { kind: 'link'; url: string; children: TInline[] }
	| { kind: 'break' };

export type TMarkdownBlock =
	| { kind: 'paragraph'; children: TInline[] }
	/** A heading inside narrative text; depth 1–3 relative to the section it is in. */
	| { kind: 'heading'; depth: 1 | 2 | 3; children: TInline[] }
	| { kind: 'list'; ordered: boolean; items: TInline[][] }
	| { kind: 'quote'; children: TInline[] };

/** Only web and mail links stay links; anything else (javascript:, data:, relative) is shown as text. */
const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function literal(node: Nodes): string {
	if ('value' in node && typeof node.value === 'string') return node.value;
	if ('children' in node) return (node.children as Nodes[]).map(literal).join('');
	return '';
}

function inline(nodes: PhrasingContent[]): TInline[] {
	const out: TInline[] = [];
	const push = (item: TInline) => {
		const last = out.at(-1);
		if (item.kind === 'text' && last?.kind === 'text') last.text += item.text;
		else out.push(item);
	};
	for (const node of nodes) {
		switch (node.type) {
			case 'text':
				push({ kind: 'text', text: node.value });
				break;
			case 'strong':
				push({ kind: 'strong', children: inline(node.children) });
				break;
			case 'emphasis':
				push({ kind: 'emphasis', children: inline(node.children) });
				break;
			case 'break':
				push({ kind: 'break' });
				break;
			case 'link':
				if (SAFE_URL.test(node.url)) push({ kind: 'link', url: node.url, children: inline(node.children) });
				else push({ kind: 'text', text: literal(node) });
				break;
			case 'image':
				push({ kind: 'text', text: node.alt ?? '' });
				break;
			case 'inlineCode':
			case 'html':
				push({ kind: 'text', text: node.value });
				break;
			default:
				push({ kind: 'text', text: literal(node) });
		}
	}
	return out;
}

/** Paragraph-like content of a list item or block quote, flattened to one line of inlines. */
function flatten(nodes: RootContent[]): TInline[] {
	const parts: TInline[][] = nodes.map((node) =>
		node.type === 'paragraph' || node.type === 'heading'
			? inline(node.children)
			: [{ kind: 'text', text: literal(node) }]
	);
	return parts.flatMap((part, i) => (i === 0 ? part : [{ kind: 'break' } as TInline, ...part]));
}

function block(node: RootContent): TMarkdownBlock | null {
	switch (node.type) {
		case 'paragraph':
			return { kind: 'paragraph', children: inline(node.children) };
		case 'heading':
			return {
				kind: 'heading',
				depth: Math.min(node.depth, 3) as 1 | 2 | 3,
				children: inline(node.children)
			};
		case 'list':
			return {
				kind: 'list',
				ordered: node.ordered === true,
				items: node.children.map((item) => flatten(item.children))
			};
		case 'blockquote':
			return { kind: 'quote', children: flatten(node.children) };
		case 'thematicBreak':
			return null;
		default: {
			const text = literal(node);
			return text === '' ? null : { kind: 'paragraph', children: [{ kind: 'text', text }] };
		}
	}
}

/** Parse the analyst's Markdown into the blocks every renderer supports. */
export function parseMarkdown(markdown: string): TMarkdownBlock[] {
	const root = fromMarkdown(markdown);
	return root.children.map(block).filter((b): b is TMarkdownBlock => b !== null);
}
