/** A title as `title_mappings` keys it: trimmed, lower case, single spaces. */
export const normaliseTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
