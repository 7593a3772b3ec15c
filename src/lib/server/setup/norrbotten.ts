/** Region Norrbotten and its 14 municipalities with their official codes (county code 25). */
export const norrbotten = {
	region: { code: '25', name: 'Region Norrbotten' },
	municipalities: [
		{ code: '2505', name: 'Arvidsjaur' },
		{ code: '2506', name: 'Arjeplog' },
		{ code: '2510', name: 'Jokkmokk' },
		{ code: '2513', name: 'Överkalix' },
		{ code: '2514', name: 'Kalix' },
		{ code: '2518', name: 'Övertorneå' },
		{ code: '2521', name: 'Pajala' },
		{ code: '2523', name: 'Gällivare' },
		{ code: '2560', name: 'Älvsbyn' },
		{ code: '2580', name: 'Luleå' },
		{ code: '2581', name: 'Piteå' },
		{ code: '2582', name: 'Boden' },
		{ code: '2583', name: 'Haparanda' },
		{ code: '2584', name: 'Kiruna' }
	]
} as const;
