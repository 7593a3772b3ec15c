import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './parse-markdown.ts';

describe('parseMarkdown', () => {
	it('keeps paragraphs, emphasis, lists, headings, quotes and web links', () => {
		expect(
			parseMarkdown(
				'# Rubrik\n\nEtt **viktigt** och *lugnt* [stycke](https://example.se).\n\n- ett\n- två\n\n> citat'
			)
		).toEqual([
			{ kind: 'heading', depth: 1, children: [{ kind: 'text', text: 'Rubrik' }] },
			{
				kind: 'paragraph',
				children: [
					{ kind: 'text', text: 'Ett ' },
					{ kind: 'strong', children: [{ kind: 'text', text: 'viktigt' }] },
					{ kind: 'text', text: ' och ' },
					{ kind: 'emphasis', children: [{ kind: 'text', text: 'lugnt' }] },
					{ kind: 'text', text: ' ' },
					{ kind: 'link', url: 'https://example.se', children: [{ kind: 'text', text: 'stycke' }] },
					{ kind: 'text', text: '.' }
				]
			},
			{
				kind: 'list',
				ordered: false,
				items: [[{ kind: 'text', text: 'ett' }], [{ kind: 'text', text: 'två' }]]
			},
			{ kind: 'quote', children: [{ kind: 'text', text: 'citat' }] }
		]);
	});

	it('turns raw HTML, code, images and unsafe links into literal text', () => {
		expect(
			parseMarkdown(
				'<script>alert(1)</script>\n\nSe `#set page()` och [x](javascript:alert(1)) ![bild](a.png)'
			)
		).toEqual([
			{ kind: 'paragraph', children: [{ kind: 'text', text: '<script>alert(1)</script>' }] },
			{
				kind: 'paragraph',
				children: [{ kind: 'text', text: 'Se #set page() och x bild' }]
			}
		]);
	});

	it('gives nothing for empty text', () => {
		expect(parseMarkdown('')).toEqual([]);
		expect(parseMarkdown('---')).toEqual([]);
	});
});
