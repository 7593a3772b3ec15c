import { isViewShown, type TDisclosureBlocks, type TDisclosureCell } from './disclosure-blocks.ts';
import { inDisclosureView, type TDisclosureView } from './disclosure-view.ts';

/**
 * What the small-group rule needs to know of a wave: the blocks of its complete responses, and (when
 * partial responses are asked for) blocks of the partial responses that answered each question and of
 * those that answered anything.
 */
export interface TWaveDisclosure {
	k: number;
	/** Each unit's unit directly below the wave's owner. */
	topOf: ReadonlyMap<string, string>;
	complete: TDisclosureBlocks;
	/** Set when partial responses are counted. */
	partial?: {
		/** Partial responses with at least one answer. */
		responses: TDisclosureBlocks;
		/** Per question code, partial responses that answered it. */
		questions: ReadonlyMap<string, TDisclosureBlocks>;
	};
}

const countIn = (blocks: TDisclosureBlocks, inView: (cell: TDisclosureCell) => boolean) =>
	blocks.cells.reduce((total, c) => total + (inView(c) ? c.count : 0), 0);

/**
 * Whether a view shows figures at all: its complete responses are whole blocks (so at least k, or none),
 * and, with partial responses counted, so are its partial ones, and there is at least one complete
 * response beside them (partial responses never make a group on their own).
 */
export function isSelectionShown(disclosure: TWaveDisclosure, view: TDisclosureView): boolean {
	const inView = inDisclosureView(view, disclosure.topOf);
	if (!isViewShown(disclosure.complete, inView)) return false;
	const partial = disclosure.partial;
	if (!partial) return true;
	if (!isViewShown(partial.responses, inView)) return false;
	return countIn(partial.responses, inView) === 0 || countIn(disclosure.complete, inView) > 0;
}

/**
 * Whether one question of a shown view shows its figures. Without partial responses it always does
 * (the view has k complete respondents). With them, the question's own n must be at least k and its
 * partial answerers whole blocks, so that the view with and without partial responses cannot be
 * subtracted down to fewer than k answers.
 */
export function isQuestionShown(
	disclosure: TWaveDisclosure,
	view: TDisclosureView,
	question: string,
	n: number
): boolean {
	const partial = disclosure.partial;
	if (!partial) return true;
	if (n > 0 && n < disclosure.k) return false;
	const blocks = partial.questions.get(question);
	return !blocks || isViewShown(blocks, inDisclosureView(view, disclosure.topOf));
}
