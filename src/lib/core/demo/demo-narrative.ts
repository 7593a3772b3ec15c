// The demo report's narrative: the analyst's texts of Region Norrbotten's 2020 report on its
// municipalities' digital maturity, paraphrased and shortened, in the seed's structure. The figures are
// not written here: the report generates them from the demo wave's data. People appear as roles only.

/** Header and footer fields of the demo report. */
export const DEMO_REPORT_META = {
	title: 'Digital mognad i Norrbottens kommuner',
	subtitle: 'Resultat av enkätundersökningen våren 2020',
	organisation: 'Region Norrbotten',
	documentId: 'RN-DEMO-2020-001',
	responsible: 'Avdelningschef, Regional utveckling',
	author: 'Analytiker, Regional utveckling'
} as const;

/** The date the demo report's first version is published (autumn 2020, after the spring survey). */
export const DEMO_REPORT_PUBLISHED_ON = '2020-10-15';

/** Narrative per default section id (see the report's default sections). */
export const DEMO_SECTION_NARRATIVE: Record<string, string> = {
	inledning: `Under 1800-talet flyttade många från landsbygden till städernas nya industrier. Nu befinner vi oss mitt i en ny revolution, den digitala, som i stället kan göra det lättare att bo och verka på landsbygden och bromsa den utflyttning som länge har dränerat många av länets kommuner.

Regeringens mål är att offentlig sektor ska vara ledande i världen på att ta vara på digitaliseringens möjligheter: för effektivare förvaltningar och en enklare vardag för privatpersoner och företag, oavsett om man bor i stad eller på landsbygd. Lika villkor mellan stad och land är också en demokratifråga.

Därför är det viktigt att Norrbottens kommuner inte halkar efter. För landsbygdskommunerna är digitaliseringen en ödesfråga. Förändring kräver att ledningen är med, men också att verksamheterna ser digitaliseringen som en möjlighet.

Rapporten ingår i analysplanen och redovisar den enkät om kommunernas digitala mognad som Region Norrbotten genomförde våren 2020. Under hösten följer en genomlysning av *medborgarnas* digitala mognad, i samverkan med Luleå tekniska universitet.`,
	syfte: `Syftet var att få en nulägesbild av kommunernas organisatoriska mognad när det gäller digitalisering, och av deras förutsättningar att underlätta och driva på en digital transformation.

Enkäten riktades till kommunerna eftersom de har ett stort ansvar för att vara katalysatorer i digitala förändringsprocesser och för att styra och leda dem i sina kommuner.`,
	'data-och-metod':
		'Rapporten bygger på en webbenkät till chefer i samtliga fjorton kommuner i Norrbotten. Hur många kommuner och personer som svarade, och vilka befattningar de har, framgår nedan. Fritextsvaren har grupperats i teman; citat återges bara när de inte kan knytas till en person.',
	lage: 'De viktigaste resultaten i korthet:',
	svar: 'Varje fråga redovisas med diagram, antal svar (n) och en sammanfattning av kommentarerna. Andelarna avser dem som besvarade frågan.',
	sammanfattning: `Majoriteten av respondenterna anser att behovet av digitalisering i deras kommuner är stort. Några ser inte behovet, vilket man tror beror på okunskap. De flesta kommuner har någon form av digital handlingsplan eller vision, men flera menar att den inte räcker och att frågan inte får tillräckligt fokus, delvis på grund av brist på ekonomiska och personella resurser.

Flera kommuner saknar en gemensam bild av vad invånarna förväntar sig, och beslutsmässighet och kapacitet att röra sig mot den. Det hänger samman med bristande resurser, både för att införa digitala lösningar och för att utbilda medarbetare och invånare. Några menar att insatserna ligger på antingen för hög strategisk eller för låg operativ nivå, och att samordningen mellan nationell, regional och lokal nivå nästan helt saknas.

Tidigare gjorda, fragmenterade IT-investeringar ger inlåsningseffekter. Glädjande nog har de flesta en god omvärldsbevakning. Som drivkrafter nämns främst en ansträngd ekonomi och personalbrist, invånarnas ökade krav, behovet av effektivisering och att vara en attraktiv arbetsgivare.

När det gäller förändringskulturen är det ungefär lika många som anser att den är god som att den saknas. En majoritet anser att kompetensen inte räcker för att driva digitaliseringen effektivt; framför allt behöver förvaltningarnas ledningar stärkas, och det behövs en brygga mellan teknik och användare.

Av regionen och dess samarbetsparter efterfrågas strategiskt och taktiskt stöd, regionalt och nationellt stöd, samordning av insatser och goda exempel, liksom en gemensam digital agenda för länet och samordnade upphandlingar.`,
	slutsats: `Flera kommuner har enligt respondenterna låg eller medelhög digital förmåga och ett betungande digitalt arv. Brister i både kunskap och förmåga (resurser och medel) gör att digitaliseringsinitiativ riskerar att suboptimeras eller utebli, eller fastna redan på idéstadiet.

För att öka den digitala mognaden behövs ett parallellt arbete: att stärka den digitala kompetensen, genom rekrytering och vidareutbildning, och att successivt modernisera det digitala arvet. Andra frågor som lyfts är en gemensam digital agenda och fortsatt bredbandsutbyggnad, främst i kommunernas perifera delar.`
};

/** Further free sections of the seed report (its two reflections), in order. */
export const DEMO_EXTRA_SECTIONS: ReadonlyArray<{ title: string; markdown: string }> = [
	{
		title: 'Reflektion 1: Digitalisering i spåren av covid-19',
		markdown: `Pandemin har gett digitaliseringen ett stort språng: resor och fysiska möten har ersatts av digitala. Det har inte skett utan problem. Det vanligaste är frustration över digitala verktyg som inte fungerar, och mest problem har de organisationer som bara tagit det första steget, att göra det analoga digitalt, utan att ändra arbetssätten.`
	},
	{
		title: 'Reflektion 2: Utbyggnad av digital infrastruktur',
		markdown: `När undervisning, arbete och fritid ska kunna ske hemifrån är fungerande bredband en förutsättning. Bygder utan bra uppkoppling får inte samma möjligheter att utvecklas, och utbyggnaden måste fortsätta för att förhindra ett digitalt utanförskap.

Åtta av tio hushåll i Sverige har tillgång till fiber eller snabbt bredband, men Norrbotten ligger enligt Post- och telestyrelsens statistik klart sämre till än resten av landet. Den digitala infrastrukturen avgör vilka digitala tjänster som är möjliga, och fortsatt fiberutbyggnad är därför avgörande för länets landsbygd.`
	}
];

/** Narrative per question code in section 5 ("Svar och kommentarer"). */
export const DEMO_QUESTION_NARRATIVE: Record<string, string> = {
	behov:
		'Merparten bedömer att behovet av digitalisering är stort i den egna kommunen. Flera menar att mognaden varierar mycket mellan förvaltningarna, från en övertro på snabba lösningar till förståelse för processerna och de långsiktiga vinsterna. Flera saknar också insikt om digitaliseringens möjligheter.',
	ledning_delar: 'Svaren på om hela kommunledningen delar uppfattningen om behovet fördelar sig så här:',
	vision:
		'Bland dem som har en vision eller strategi arbetar flera kommuner enligt den, men en del respondenter är inte insatta i arbetet eller har svårt att följa hur det fortskrider. Bland dem som saknar en strategi menar några att frågan inte har prioriterats, eller att en plan finns men ännu inte är antagen.',
	medborgarbild:
		'Digitaliseringen sätter individen i centrum på ett nytt sätt, och invånarna förväntar sig tjänster som passar just dem. Det förutsätter kunskap om vad invånarna behöver. Svaren tyder på att samverkan med kommunens invånare kan utvecklas.',
	beslutskapacitet:
		'De flesta som svarade nej eller vet ej menar att både resurser och ekonomiska medel saknas för att arbeta proaktivt. En sådan förflyttning kräver långsiktigt och uthålligt arbete från den politiska ledningen, och de samordnade tjänster invånarna förväntar sig kan ingen enskild kommun förverkliga ensam.',
	it_arv:
		'Några menar att man har investerat i många olika system i stället för att utveckla och nyttja ett gemensamt. Att göra mer gemensamt, regionalt eller nationellt, skulle avlasta varje kommun: det är resursslöseri att alla uppfinner hjulet själva.',
	omvarld:
		'Glädjande nog visar enkäten att respondenterna bevakar omvärlden för att ta vara på möjligheter att utveckla verksamheten.',
	drivande:
		'Här kunde man välja ett eller flera alternativ. Hos merparten av kommunerna är det IT-avdelningen som driver utvecklingen.',
	drivkrafter: 'Frågan besvarades med fritext. Merparten av svaren kan grupperas i fyra teman:',
	kultur:
		'De som svarade nej fick utveckla sitt svar. Där framkommer bland annat att politiken behöver lyfta och prioritera frågan, att en inarbetad kultur tar tid att överbrygga, och att resan har börjat men att mycket återstår.',
	kultur_atgarder:
		'Som sätt att påverka en kulturell förändring nämns ökad delaktighet för medarbetarna, lyhörda beslutsfattare, kompetensutveckling och dialog med invånarna, och bättre organisatoriska förutsättningar för digitaliseringsarbetet.',
	kompetens:
		'En majoritet anser att kompetensen inom digitaliseringsområdet inte räcker. Framför allt behöver förvaltningarnas ledningar stärkas: veta vad tekniken erbjuder och hur verksamheten kan utvecklas för att ta vara på det. Störst är behoven inom verksamhetsutveckling. Man ser också möjligheter till samverkan med andra kommuner och aktörer.',
	stod: 'Många menar att antalet regionala och nationella tjänster ökar, men att kommunerna inte hinner bevaka, kravställa och införa dem. Man behöver hjälp att inte starta egna projekt för sådant som redan pågår, och att standardisera digitala tjänster. En vägledande digitaliseringsstrategi för länet efterfrågas, som fungerar även för små kommuner i extrem glesbygd.'
};
