/** A URL slug from a wave name: "Våren 2020" → "varen-2020". */
export function slugify(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 63)
		.replace(/-+$/, '');
	return slug.length >= 2 ? slug : `w-${slug || 'wave'}`;
}
