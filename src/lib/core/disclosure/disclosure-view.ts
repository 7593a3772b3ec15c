import type { TDisclosureCell } from './disclosure-blocks.ts';

/** A group of a breakdown, as the results engine keys it. */
export type TViewGroup =
	/** A unit directly below the wave's owner (a municipality) with its units; key null: none of them. */
	| { by: 'organisation'; key: string | null }
	/** Respondents of exactly one unit (key null: unit not known). */
	| { by: 'department'; key: string | null }
	/** One role group (key null: not known). */
	| { by: 'role'; key: string | null };

/** What a user can ask for: filters, and perhaps one group of a breakdown. */
export interface TDisclosureView {
	/** The units of an organisation subtree; unset = every unit. */
	organisationIds?: ReadonlySet<string>;
	roleGroup?: string;
	group?: TViewGroup;
}

/**
 * Whether a cell's respondents belong to a view. `topOf` maps each unit to its unit directly below the
 * wave's owner (for the breakdown by organisation; a unit outside the owner's tree has none).
 */
export function inDisclosureView(
	view: TDisclosureView,
	topOf: ReadonlyMap<string, string>
): (cell: TDisclosureCell) => boolean {
	return (cell) => {
		if (view.organisationIds && (cell.unit === null || !view.organisationIds.has(cell.unit))) return false;
		if (view.roleGroup !== undefined && cell.role !== view.roleGroup) return false;
		const group = view.group;
		if (!group) return true;
		switch (group.by) {
			case 'organisation':
				return (cell.unit === null ? null : (topOf.get(cell.unit) ?? null)) === group.key;
			case 'department':
				return cell.unit === group.key;
			case 'role':
				return cell.role === group.key;
		}
	};
}
