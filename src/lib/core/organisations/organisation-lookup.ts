export interface TLookupUnit {
	id: string;
	code: string | null;
	name: string;
}

export type TLookupResult = { found: TLookupUnit } | { found: null; reason: 'unknown' | 'ambiguous' };

export interface TOrganisationLookup {
	/** A unit by its id, its official code or, failing that, its name. */
	find: (codeOrName: string) => TLookupResult;
	/** Makes a unit findable (e.g. one created earlier in the same import). */
	add: (unit: TLookupUnit) => void;
}

/**
 * Finds units by official code or, failing that, name (both without regard to case or surrounding space).
 * A name that several units share is ambiguous: the user is asked for the code instead.
 */
export function organisationLookup(units: TLookupUnit[]): TOrganisationLookup {
	const key = (s: string) => s.trim().toLocaleLowerCase('sv');
	const byId = new Map<string, TLookupUnit>();
	const byCode = new Map<string, TLookupUnit>();
	const byName = new Map<string, TLookupUnit[]>();
	const add = (unit: TLookupUnit) => {
		byId.set(unit.id, unit);
		if (unit.code) byCode.set(key(unit.code), unit);
		const named = byName.get(key(unit.name)) ?? [];
		named.push(unit);
		byName.set(key(unit.name), named);
	};
	for (const unit of units) add(unit);
	return {
		add,
		find: (codeOrName) => {
			const k = key(codeOrName);
			const identified = byId.get(codeOrName);
			if (identified) return { found: identified };
			const coded = byCode.get(k);
			if (coded) return { found: coded };
			const named = byName.get(k) ?? [];
			if (named.length === 1 && named[0]) return { found: named[0] };
			return { found: null, reason: named.length > 1 ? 'ambiguous' : 'unknown' };
		}
	};
}
