/**
 * Answers written for tests to "Vad driver på den digitala utvecklingen inom er kommun?", in the spirit of
 * the seed report's four themes, each with the theme it was written for.
 */
export const drivkrafterAnswers: ReadonlyArray<{ id: string; theme: string; text: string }> = [
	{ id: 'e1', theme: 'ekonomi', text: 'Ansträngd ekonomi och brist på resurser tvingar oss att tänka nytt.' },
	{
		id: 'p1',
		theme: 'personal',
		text: 'Behov av att effektivisera när det blir svårt att rekrytera personal.'
	},
	{ id: 'm1', theme: 'medborgare', text: 'Förväntningar från medborgarna på e-tjänster.' },
	{ id: 's1', theme: 'samhalle', text: 'Samhället förändras snabbt och tekniken utvecklas.' },
	{ id: 'e2', theme: 'ekonomi', text: 'Ekonomin är ansträngd, vi måste klara mer med mindre resurser.' },
	{
		id: 'p2',
		theme: 'personal',
		text: 'Personalbrist och stora pensionsavgångar gör att vi måste effektivisera.'
	},
	{
		id: 'm2',
		theme: 'medborgare',
		text: 'Medborgarna förväntar sig att kunna sköta sina ärenden via e-tjänster dygnet runt.'
	},
	{
		id: 's2',
		theme: 'samhalle',
		text: 'Förändringar i samhället, pandemin visade vad som går att göra på distans.'
	},
	{ id: 'e3', theme: 'ekonomi', text: 'Resursbrist och en ansträngd ekonomi.' },
	{ id: 'p3', theme: 'personal', text: 'Effektiviseringsbehov, vi hittar inte personal med rätt kompetens.' },
	{ id: 'm3', theme: 'medborgare', text: 'Invånarnas och medborgarnas förväntningar på enkel service.' },
	{ id: 's3', theme: 'samhalle', text: 'Teknikutvecklingen och förändringar i samhället i stort.' },
	{ id: 'e4', theme: 'ekonomi', text: 'Besparingskrav i budgeten och brist på ekonomiska resurser.' },
	{
		id: 'p4',
		theme: 'personal',
		text: 'Svårt att rekrytera personal inom vård och omsorg, så arbetet måste effektiviseras.'
	},
	{ id: 'm4', theme: 'medborgare', text: 'Krav från medborgare och företag på tillgängliga e-tjänster.' },
	{ id: 's4', theme: 'samhalle', text: 'Omvärlden förändras och samhället med den.' },
	{ id: 'e5', theme: 'ekonomi', text: 'Minskade resurser och en ekonomi i obalans, budgeten räcker inte.' },
	{
		id: 'p5',
		theme: 'personal',
		text: 'Brist på personal när fler blir äldre, vi måste effektivisera arbetssätten.'
	},
	{ id: 'm5', theme: 'medborgare', text: 'Medborgarnas förväntningar på service och e-tjänster ökar.' },
	{ id: 's5', theme: 'samhalle', text: 'Snabba förändringar i omvärlden och ny teknik i samhället.' },
	{
		id: 'e6',
		theme: 'ekonomi',
		text: 'Den ansträngda ekonomin, budgeten räcker inte till alla resurser som behövs.'
	},
	{
		id: 'p6',
		theme: 'personal',
		text: 'Vi behöver effektivisera verksamheten för att klara personalbristen.'
	},
	{ id: 'm6', theme: 'medborgare', text: 'Ökade förväntningar från medborgare och näringsliv.' },
	{ id: 's6', theme: 'samhalle', text: 'Pandemin och distansarbete förändrade samhället.' },
	{ id: 'x1', theme: 'tom', text: 'Vet ej.' }
];
