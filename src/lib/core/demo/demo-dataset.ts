import type { TAnswer, TAnswerMap } from '../questionnaire/answer.ts';

// The demo wave: Region Norrbotten's survey of its 14 municipalities in spring 2020, as reported in the
// seed report. The answers are made up, but chosen so that the results engine gives exactly the report's
// figures (n = 20):
//   behov mean 8,5 and 80 % in 7–10 · ledning_delar 47,1 % ja (8 of 17: the report's 47 % is not a whole
//   share of 20, so 3 respondents left the question blank, as in the other tool the region used) ·
//   vision 70/25/5 · medborgarbild 45 % nej · beslutskapacitet 40 % nej · it_arv 45 % ja · omvarld 80 % ja ·
//   drivande IT-avdelningen most often (12 of 20) · kultur 9 ja, 9 nej · kompetens 25/55/20.
// Free-text answers paraphrase the views the report describes; no personal data (titles only, no names).

/** Wave settings of the demo. */
export const DEMO_WAVE = {
	slug: 'norrbotten-2020',
	name: 'Digital mognad i Norrbottens kommuner 2020',
	period: '2020',
	questionnaireCode: 'digital-mognad-i-kommuner',
	ownerCode: '25',
	minGroupSize: 5,
	senderName: 'Region Norrbotten',
	deadline: '2020-05-31',
	openedOn: '2020-04-14',
	closedOn: '2020-05-31'
} as const;

/** Theme labels per free-text question, in the order the report lists them. */
export const DEMO_THEMES = {
	drivkrafter: [
		'Ansträngd ekonomi och resursbrist',
		'Effektiviseringsbehov inkl. personalbrist',
		'Förväntningar från medborgare och samhälle',
		'Förändringar i samhälle'
	],
	stod: [
		'Strategiskt och taktiskt stöd',
		'Regionalt/nationellt stöd',
		'Samordning av insatser',
		'Visa på goda exempel'
	]
} as const;

export type TDemoThemeQuestion = keyof typeof DEMO_THEMES;

export interface TDemoRespondent {
	/** Stable key: the response's import key, so that the demo is found again. */
	key: string;
	organisationCode: string;
	title: string;
	/** ISO date the answers came in. */
	submittedOn: string;
	answers: TAnswerMap;
	/** Theme labels given to this respondent's free-text answers, by question. */
	themes: Partial<Record<TDemoThemeQuestion, string[]>>;
	/** Free-text questions whose answer the analyst marked as quotable. */
	quotable: string[];
}

export interface TDemoInvitee {
	organisationCode: string;
	title: string;
	/** The respondent this invitee is; absent for those who never answered. */
	respondentKey?: string;
}

export interface TDemoDataset {
	wave: typeof DEMO_WAVE;
	invitees: TDemoInvitee[];
	respondents: TDemoRespondent[];
	themes: typeof DEMO_THEMES;
}

type TJnv = 'J' | 'N' | 'V' | '-';
const JNV: Record<Exclude<TJnv, '-'>, string> = { J: 'ja', N: 'nej', V: 'vet_ej' };

// The four invited municipalities that did not answer (the report: all 14 asked, 10 answered); two managers
// were asked in each.
const NOT_ANSWERING = ['2506', '2513', '2518', '2521'];
const NOT_ANSWERING_TITLES = ['Kommunchef', 'IT-chef'];

type TRow = {
	unit: string;
	title: string;
	behov: number;
	/** ledning_delar, vision, medborgarbild, beslutskapacitet, it_arv, omvarld, kultur, kompetens */
	jnv: `${TJnv}${TJnv}${TJnv}${TJnv}${TJnv}${TJnv}${TJnv}${TJnv}`;
	drivande: string[];
	annat?: string;
	text?: Partial<Record<TextCode, string>>;
	themes?: Partial<Record<TDemoThemeQuestion, string[]>>;
	quotable?: TextCode[];
};

type TextCode =
	| 'behov_kommentar'
	| 'vision_kommentar'
	| 'beslutskapacitet_varfor'
	| 'it_arv_kommentar'
	| 'drivkrafter'
	| 'kultur_varfor'
	| 'kultur_atgarder'
	| 'stod';

const [E, F, M, S] = DEMO_THEMES.drivkrafter;
const [ST, RN, SA, GE] = DEMO_THEMES.stod;

//                 ledning_delar, vision, medborgarbild, beslutskapacitet, it_arv, omvarld, kultur, kompetens
const rows: TRow[] = [
	{
		unit: '2580',
		title: 'Kommundirektör',
		behov: 10,
		jnv: 'JJJJNJJJ',
		drivande: ['politiker', 'ledning', 'it'],
		text: {
			vision_kommentar:
				'Vi arbetar efter en digitaliseringsstrategi som följs upp i ledningsgruppen varje år.',
			drivkrafter: 'Ansträngd ekonomi och svårigheter att rekrytera personal.',
			kultur_atgarder: 'Ökad delaktighet för medarbetarna i utvecklingsarbetet.',
			stod: 'En gemensam digitaliseringsstrategi eller agenda för länet som vi kan arbeta efter.'
		},
		themes: { drivkrafter: [E, F], stod: [ST] }
	},
	{
		unit: '2580',
		title: 'IT-chef',
		behov: 9,
		jnv: 'NJNNJJNN',
		drivande: ['it'],
		text: {
			beslutskapacitet_varfor:
				'Det saknas både resurser och ekonomiska medel för att arbeta proaktivt med frågan.',
			it_arv_kommentar:
				'Vi har köpt in många olika system i stället för att utveckla och nyttja ett gemensamt.',
			drivkrafter: 'Den ansträngda ekonomin tvingar fram nya arbetssätt.',
			kultur_varfor:
				'Politiken behöver lyfta och prioritera frågan så att det smittar av sig på medarbetarna.',
			kultur_atgarder: 'Lyhörda beslutsfattare som visar att frågan är viktig.',
			stod: 'Hjälp att bevaka, kravställa och införa de regionala och nationella tjänster som kommer, så att vi inte startar egna projekt för samma sak.'
		},
		themes: { drivkrafter: [E], stod: [RN, SA] }
	},
	{
		unit: '2580',
		title: 'Chef Digital utveckling',
		behov: 10,
		jnv: 'JJJJJJJN',
		drivande: ['it', 'tjansteman'],
		text: {
			behov_kommentar:
				'Den digitala mognaden skiljer sig mycket mellan förvaltningarna. Vissa hoppas på snabba lösningar, andra ser de långsiktiga vinsterna med att förändra processerna.',
			vision_kommentar: 'Handlingsplanen finns och arbetet pågår i flera förvaltningar.',
			drivkrafter: 'Medborgarna förväntar sig samma digitala service av kommunen som av banker och handel.',
			stod: 'Varför ska 290 kommuner med samma uppdrag uppfinna hjulet var och en för sig? Hjälp oss att standardisera de digitala tjänsterna.'
		},
		themes: { drivkrafter: [M], stod: [SA] },
		quotable: ['stod']
	},
	{
		unit: '2580',
		title: 'Näringslivschef',
		behov: 8,
		jnv: 'VJNVNJJN',
		drivande: ['naringsliv', 'tjansteman'],
		text: {
			beslutskapacitet_varfor: 'Svårt att bedöma; det beror på vilka resurser som avsätts.',
			drivkrafter: 'Näringslivet och samhället i stort förändras snabbt och vi måste följa med.'
		},
		themes: { drivkrafter: [S] }
	},
	{
		unit: '2581',
		title: 'IT-strateg',
		behov: 10,
		jnv: 'NJNNJJNN',
		drivande: ['it'],
		text: {
			behov_kommentar: 'Delar av ledningen saknar insikt om vilka möjligheter digitaliseringen ger.',
			beslutskapacitet_varfor:
				'En sådan förflyttning är ett stort åtagande som kräver långsiktigt och uthålligt arbete från den politiska ledningen.',
			it_arv_kommentar: 'Äldre system som inte kan utbyta information med varandra låser in oss.',
			drivkrafter: 'Brist på resurser och ett tydligt behov av att effektivisera.',
			stod: 'Gemensamma upphandlingar; mindre kommuner har inte resurser att göra egna.'
		},
		themes: { drivkrafter: [E, F], stod: [SA] }
	},
	{
		unit: '2581',
		title: 'Verksamhetsutvecklare Socialtjänsten',
		behov: 9,
		jnv: '-NNNJJNV',
		drivande: ['tjansteman', 'it'],
		text: {
			vision_kommentar: 'Frågan har inte varit prioriterad hos oss.',
			beslutskapacitet_varfor: 'Personalen räcker inte till för utvecklingsarbete vid sidan av driften.',
			drivkrafter: 'Personalbristen inom socialtjänsten och äldreomsorgen.',
			kultur_varfor: 'Det finns en inarbetad kultur som måste överbryggas, och det tar tid.',
			kultur_atgarder: 'Kompetensutveckling för personalen och dialog med medborgarna.',
			stod: 'Stöd i själva implementeringen av system och samordnade utbildningsinsatser.'
		},
		themes: { drivkrafter: [F], stod: [ST, SA] }
	},
	{
		unit: '2581',
		title: 'Trafikingenjör',
		behov: 6,
		jnv: 'VNVVVNVV',
		drivande: ['it']
	},
	{
		unit: '2582',
		title: 'Kommunchef',
		behov: 10,
		jnv: 'JJJJNJJJ',
		drivande: ['ledning', 'tjansteman'],
		text: {
			drivkrafter: 'Ekonomin, och invånarnas förväntningar på service som är tillgänglig dygnet runt.',
			stod: 'Strategiskt och taktiskt stöd till kommunledningen.'
		},
		themes: { drivkrafter: [E, M], stod: [ST] },
		quotable: ['drivkrafter']
	},
	{
		unit: '2582',
		title: 'IT-chef',
		behov: 9,
		jnv: 'NJNNJJNN',
		drivande: ['it', 'ledning'],
		text: {
			vision_kommentar: 'Strategin finns, men jag är inte insatt i hur arbetet går framåt.',
			beslutskapacitet_varfor: 'Varken personal eller budget räcker till.',
			it_arv_kommentar:
				'Mer borde göras gemensamt i regionen eller nationellt. Det är slöseri att varje kommun ska uppfinna hjulet själv.',
			drivkrafter: 'Stora pensionsavgångar de kommande åren.',
			kultur_varfor:
				'Vi har börjat resan. Delar av organisationen uppmuntrar förändring, men mycket återstår.',
			kultur_atgarder: 'Skapa bättre organisatoriska förutsättningar för digitaliseringsarbetet.',
			stod: 'Visa exempel på kommuner som har lyckats, och hur de gjorde.'
		},
		themes: { drivkrafter: [F], stod: [GE] },
		quotable: ['kultur_varfor']
	},
	{
		unit: '2584',
		title: 'E-samordnare',
		behov: 10,
		jnv: 'JJJJNJJN',
		drivande: ['it', 'tjansteman'],
		text: {
			behov_kommentar: 'Vi måste digitalisera för att klara välfärden med färre medarbetare.',
			drivkrafter: 'Att vara en attraktiv arbetsgivare som lockar yngre till kommunen.',
			stod: 'Stöd som fungerar både i städerna och i små kommuner med extrem glesbygd.'
		},
		themes: { drivkrafter: [S], stod: [RN] }
	},
	{
		unit: '2584',
		title: 'Näringslivsstrateg',
		behov: 8,
		jnv: '-JVVNJJJ',
		drivande: ['naringsliv', 'ledning']
	},
	{
		unit: '2523',
		title: 'IT-Verksamhetsarkitekt',
		behov: 10,
		jnv: 'NJNNJJNN',
		drivande: ['it'],
		text: {
			vision_kommentar: 'Det är svårt att följa hur arbetet med strategin fortskrider.',
			beslutskapacitet_varfor:
				'De samordnade tjänster som medborgarna förväntar sig kan ingen enskild kommun bygga själv.',
			it_arv_kommentar:
				'Med för lite resurser måste vi leva med gammal teknik längre, och det gör det svårare att hålla nivån på informationssäkerheten.',
			drivkrafter: 'Kostnadstrycket och behovet av att göra mer med mindre.',
			kultur_atgarder: 'Ett tydligt mandat och uppdrag från ledningen.',
			stod: 'Tillgång till expertkompetens och nätverk mellan kommunerna.'
		},
		themes: { drivkrafter: [E, F], stod: [ST] },
		quotable: ['it_arv_kommentar', 'beslutskapacitet_varfor']
	},
	{
		unit: '2523',
		title: 'Sektorchef vård och omsorg',
		behov: 3,
		jnv: 'NNNNJNNN',
		drivande: ['ledning'],
		text: {
			behov_kommentar: 'Behovet finns säkert, men kunskapen om vad digitaliseringen kan ge saknas hos oss.',
			vision_kommentar: 'En plan är framtagen men ännu inte antagen.',
			beslutskapacitet_varfor: 'Ekonomin är ansträngd och andra frågor går före.',
			it_arv_kommentar: 'Verksamhetssystemen är gamla och dyra att byta ut.',
			drivkrafter: 'Minskade resurser.',
			kultur_varfor: 'Förändringsarbete prioriteras inte när vardagen är pressad.',
			stod: 'Visa goda exempel från kommuner som liknar vår.'
		},
		themes: { drivkrafter: [E], stod: [GE] }
	},
	{
		unit: '2514',
		title: 'Kommunalråd, vice KSO',
		behov: 10,
		jnv: 'JJJJNJJJ',
		drivande: ['politiker', 'ledning'],
		text: {
			drivkrafter: 'Invånarnas och företagens krav på enklare kontakter med kommunen.',
			stod: 'En tydligare koppling mellan den regionala utvecklingsstrategin och konkret stöd till kommunerna.'
		},
		themes: { drivkrafter: [M], stod: [RN, ST] }
	},
	{
		unit: '2514',
		title: 'Kvalificerad handläggare',
		behov: 6,
		jnv: '-NVVVVVV',
		drivande: ['tjansteman']
	},
	{
		unit: '2560',
		title: 'IT utvecklare',
		behov: 9,
		jnv: 'NJNJJJNN',
		drivande: ['it', 'tjansteman'],
		text: {
			it_arv_kommentar: 'Investeringar i olika system över åren gör det svårt att ta vara på synergier.',
			drivkrafter: 'Effektiviseringskrav och förväntningar från medborgarna.',
			kultur_atgarder: 'Lyfta fram goda exempel inom organisationen.',
			stod: 'Samordning av utvecklingsinsatser mellan nationell, regional och lokal nivå.'
		},
		themes: { drivkrafter: [F, M], stod: [SA] }
	},
	{
		unit: '2560',
		title: 'Utvecklingsledare - Verksamhetsutveckling och digitalisering',
		behov: 10,
		jnv: 'JJJNNJJN',
		drivande: ['tjansteman', 'it', 'medborgare'],
		text: {
			behov_kommentar:
				'Stor skillnad mellan förvaltningarna, från övertro på snabbfixar till förståelse för hela processen.',
			beslutskapacitet_varfor: 'Beslut fattas, men det saknas kapacitet att genomföra dem.',
			drivkrafter: 'Pandemin har visat att samhället kan ställa om snabbt.',
			kultur_atgarder: 'Ge medarbetarna tid att utbilda sig och pröva nytt.',
			stod: 'Lyft fram lyckade projekt så att fler kan ta efter.'
		},
		themes: { drivkrafter: [S], stod: [GE] },
		quotable: ['behov_kommentar']
	},
	{
		unit: '2583',
		title: 'Näringsliv/landsbygdsutvecklare',
		behov: 8,
		jnv: 'VVNJVJNV',
		drivande: ['naringsliv', 'annat'],
		annat: 'Regionala utvecklingsprojekt',
		text: {
			drivkrafter: 'Landsbygdens behov av service på distans.',
			kultur_varfor: 'Få i organisationen har tid att engagera sig i frågan.',
			stod: 'Fortsatt utbyggnad av bredband i kommunens perifera delar.'
		},
		themes: { drivkrafter: [M, S], stod: [RN] }
	},
	{
		unit: '2505',
		title: 'Samordnare',
		behov: 6,
		jnv: 'JNJNNNNN',
		drivande: ['tjansteman', 'medborgare'],
		text: {
			vision_kommentar: 'Det har inte funnits resurser att ta fram en strategi.',
			beslutskapacitet_varfor: 'Vi är en liten organisation och resurserna går till den dagliga driften.',
			kultur_varfor: 'Det saknas tid och utrymme för att pröva nya arbetssätt.'
		}
	},
	{
		unit: '2510',
		title: 'IT-chef',
		behov: 9,
		jnv: 'JJJJJJJJ',
		drivande: ['it', 'ledning'],
		text: {
			it_arv_kommentar:
				'Vi behöver bli bättre på nya finansieringsformer och affärsmodeller när gamla och nya system ska leva sida vid sida.',
			drivkrafter: 'Ekonomin: vi måste klara uppdraget med mindre resurser.',
			stod: 'Rådgivning om nya finansieringsformer och affärsmodeller.'
		},
		themes: { drivkrafter: [E], stod: [ST] }
	}
];

const JNV_CODES = [
	'ledning_delar',
	'vision',
	'medborgarbild',
	'beslutskapacitet',
	'it_arv',
	'omvarld',
	'kultur',
	'kompetens'
] as const;

function toRespondent(row: TRow, index: number): TDemoRespondent {
	const answers: TAnswerMap = { behov: { kind: 'scale', value: row.behov } };
	JNV_CODES.forEach((code, i) => {
		const letter = row.jnv[i] as TJnv;
		if (letter !== '-') answers[code] = { kind: 'single', option: JNV[letter] };
	});
	const drivande: TAnswer = { kind: 'multi', options: [...row.drivande].sort() };
	if (row.annat) drivande.other = row.annat;
	answers.drivande = drivande;
	for (const [code, value] of Object.entries(row.text ?? {})) answers[code] = { kind: 'text', value };
	const number = String(index + 1).padStart(2, '0');
	// Answers came in over three weeks of April and May 2020.
	const day = new Date(Date.UTC(2020, 3, 14 + index * 2));
	return {
		key: `norrbotten-2020-${number}`,
		organisationCode: row.unit,
		title: row.title,
		submittedOn: day.toISOString().slice(0, 10),
		answers,
		themes: row.themes ?? {},
		quotable: row.quotable ?? []
	};
}

/** The demo wave's invitees, respondents, answers, themes and quotable answers; the same on every call. */
export function demoDataset(): TDemoDataset {
	const respondents = rows.map(toRespondent);
	const invitees: TDemoInvitee[] = [
		...respondents.map((r) => ({
			organisationCode: r.organisationCode,
			title: r.title,
			respondentKey: r.key
		})),
		...NOT_ANSWERING.flatMap((unit) =>
			NOT_ANSWERING_TITLES.map((title) => ({ organisationCode: unit, title }))
		)
	];
	return { wave: DEMO_WAVE, invitees, respondents, themes: DEMO_THEMES };
}
