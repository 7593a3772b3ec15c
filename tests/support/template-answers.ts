/**
 * Complete answers to the built-in questionnaire as the form fields of each page an invited respondent
 * sees, in order. Variation by `seed` keeps the data realistic without randomness.
 */
export function templatePages(seed = 0): Array<{ section: string; fields: Array<[string, string]> }> {
	const jnv = ['ja', 'nej', 'vet_ej'];
	const pick = (offset: number) => jnv[(seed + offset) % 3] ?? 'ja';
	const beslut = pick(2);
	const itArv = pick(3);
	const kultur = pick(4);
	const pages: Array<{ section: string; fields: Array<[string, string]> }> = [
		{
			section: 'behov',
			fields: [
				['q.behov', String(1 + ((seed * 7) % 10))],
				['q.behov_kommentar', `Kommentar ${seed}: <script>alert(1)</script> & "citat"`],
				['q.ledning_delar', pick(0)]
			]
		},
		{
			section: 'vision',
			fields: [
				['q.vision', pick(1)],
				['q.vision_kommentar', 'Vi arbetar med en handlingsplan.'],
				['q.medborgarbild', pick(5)],
				['q.beslutskapacitet', beslut],
				...(beslut === 'ja'
					? []
					: ([['q.beslutskapacitet_varfor', 'Resurser saknas.']] as Array<[string, string]>))
			]
		},
		{
			section: 'formaga',
			fields: [
				['q.it_arv', itArv],
				...(itArv === 'ja'
					? ([['q.it_arv_kommentar', 'Många olika system.']] as Array<[string, string]>)
					: [])
			]
		},
		{
			section: 'omvarld',
			fields: [
				['q.omvarld', pick(6)],
				['q.drivande', 'it'],
				['q.drivande', seed % 2 === 0 ? 'ledning' : 'politiker'],
				['q.drivkrafter', 'Ansträngd ekonomi och krav från medborgarna.']
			]
		},
		{
			section: 'kultur',
			fields: [
				['q.kultur', kultur],
				...(kultur === 'nej'
					? ([['q.kultur_varfor', 'Ovana vid förändring.']] as Array<[string, string]>)
					: []),
				['q.kultur_atgarder', 'Utbildning och goda exempel.'],
				['q.kompetens', pick(7)]
			]
		},
		{ section: 'stod', fields: [['q.stod', 'Samordning av insatser i länet.']] }
	];
	return pages;
}
