"""The default bedrijfsscan and vervolgscan as specs (see definition_io), in our own words.

Based on the v1 proposal (scan_v1.json): same domain and question slugs, so results of the two
stay comparable, with reworded questions and labels, clearer help texts and advice per band."""

NVT = ["nvt", "Niet van toepassing", None]
WEET_NIET = ["weet_niet", "Weet ik niet", None]
EENS = [
    ["1", "Helemaal mee oneens", 1],
    ["2", "Mee oneens", 2],
    ["3", "Neutraal", 3],
    ["4", "Mee eens", 4],
    ["5", "Helemaal mee eens", 5],
    NVT,
]
STAND = [
    ["1", "Nog niets geregeld", 1],
    ["2", "Er is een begin", 2],
    ["3", "Half op orde", 3],
    ["4", "Grotendeels op orde", 4],
    ["5", "Helemaal op orde", 5],
    NVT,
]
BELANG = [
    ["1", "Geen prioriteit", 1],
    ["2", "Lage prioriteit", 2],
    ["3", "Gemiddelde prioriteit", 3],
    ["4", "Hoge prioriteit", 4],
    ["5", "Hoogste prioriteit", 5],
]
JA_NEE = [["ja", "Ja", 5], ["nee", "Nee", 1], NVT]


def scale(slug, text, options=EENS, horizon="nu", help="", **kw):
    return {
        "slug": slug,
        "text": text,
        "kind": "scale",
        "horizon": horizon,
        "options": options,
        "help": help,
        **kw,
    }


def choice(slug, text, options, horizon="nu", help="", **kw):
    return {
        "slug": slug,
        "text": text,
        "kind": "single",
        "horizon": horizon,
        "options": options,
        "help": help,
        **kw,
    }


def yes_no(slug, text, options=JA_NEE, help="", **kw):
    return {
        "slug": slug,
        "text": text,
        "kind": "yes_no",
        "horizon": "nu",
        "options": options,
        "help": help,
        **kw,
    }


def ambition(slug, subject):
    return scale(
        slug,
        f"Hoeveel prioriteit geeft u de komende drie jaar aan {subject}?",
        BELANG,
        horizon="toekomst",
        help="Dit is uw ambitie. Het verschil met hoe het nu gaat, bepaalt uw aandachtspunten.",
    )


def advice(attention, on_way, strong):
    return {"attention": attention, "on_way": on_way, "strong": strong}


DOMAINS = [
    {
        "slug": "strategie-en-toekomst",
        "title": "Koers en toekomst",
        "theme": "ondernemerschap",
        "intro": "Waar staat uw bedrijf over drie jaar, en verdient u dan nog op dezelfde manier?",
        "questions": [
            scale(
                "strategie-koers",
                "Ik heb een duidelijk beeld van waar mijn bedrijf over drie jaar staat.",
            ),
            choice(
                "strategie-plan",
                "Waar staan uw plannen voor het bedrijf?",
                [
                    ["1", "Nergens, het werk van vandaag gaat voor", 1],
                    ["2", "Alleen in mijn hoofd", 2],
                    ["3", "In grote lijnen op papier", 3],
                    ["4", "In een plan met concrete doelen", 4],
                    ["5", "In een plan dat ik elk jaar herzie", 5],
                    NVT,
                ],
            ),
            scale(
                "strategie-verdienmodel",
                "Ik verwacht dat mijn bedrijf over drie jaar nog op dezelfde manier zijn geld verdient.",
                help="Denk aan klanten die iets anders willen, nieuwe concurrenten, stijgende kosten of nieuwe regels.",
            ),
            choice(
                "strategie-groeiambitie",
                "Wat wilt u de komende drie jaar met de omvang van uw bedrijf?",
                [
                    ["afbouwen", "Kleiner worden of afbouwen", 1],
                    ["gelijk_blijven", "Ongeveer zo blijven", 2],
                    ["licht_groeien", "Geleidelijk groeien", 3],
                    ["flink_groeien", "Fors groeien", 4],
                    ["snel_opschalen", "Snel opschalen, ook buiten Flevoland of Nederland", 5],
                ],
                horizon="toekomst",
            ),
            ambition("strategie-belang", "het (opnieuw) uitzetten van de koers van uw bedrijf"),
        ],
        "advice": advice(
            "Zet op één A4 waar u over drie jaar wilt staan en wat daarvoor nodig is. Een adviseur van het schakelteam denkt graag mee.",
            "U heeft een richting; maak die concreet met twee of drie doelen per jaar en kijk elk kwartaal of u op koers ligt.",
            "Uw koers staat. Blijf uw verdienmodel toetsen aan wat klanten en markt doen.",
        ),
    },
    {
        "slug": "financien",
        "title": "Geld en financiering",
        "theme": "financiering",
        "intro": "Zicht op uw cijfers, een buffer voor tegenvallers en de weg naar financiering.",
        "questions": [
            scale(
                "fin-overzicht",
                "Hoe goed heeft u zicht op omzet, kosten en de stand van uw kas?",
                STAND,
            ),
            choice(
                "fin-buffer",
                "Hoe lang kunt u uw vaste lasten blijven betalen als er een tijd geen omzet binnenkomt?",
                [
                    ["1", "Minder dan een maand", 1],
                    ["2", "Eén tot drie maanden", 2],
                    ["3", "Drie tot zes maanden", 3],
                    ["4", "Zes tot twaalf maanden", 4],
                    ["5", "Meer dan een jaar", 5],
                    WEET_NIET,
                ],
            ),
            scale(
                "fin-regelingen",
                "Ik weet welke subsidies, leningen en andere regelingen er voor mijn bedrijf zijn.",
            ),
            choice(
                "fin-behoefte",
                "Denkt u de komende twee jaar geld van buiten nodig te hebben?",
                [
                    ["nee", "Nee", None],
                    [
                        "werkkapitaal",
                        "Ja, voor voorraad of om rekeningen te kunnen voorschieten",
                        None,
                    ],
                    ["investering", "Ja, voor een investering of om te groeien", None],
                    ["herfinanciering", "Ja, om bestaande schulden anders te regelen", None],
                    WEET_NIET,
                ],
                horizon="toekomst",
                weight=0,
                help="Telt niet mee in de score; het helpt ons passende financiering te zoeken.",
            ),
            ambition("fin-belang", "een sterkere financiële positie"),
        ],
        "advice": advice(
            "Begin met een eenvoudig maandoverzicht van inkomsten, uitgaven en kas. Bij geldzorgen kunt u vroeg en vertrouwelijk hulp krijgen.",
            "Bouw een buffer op van minstens drie maanden vaste lasten en bekijk welke regelingen uw plannen goedkoper maken.",
            "Uw financiële basis is sterk. Gebruik die ruimte bewust voor investeringen die uw bedrijf verder brengen.",
        ),
    },
    {
        "slug": "personeel",
        "title": "Personeel en vakmanschap",
        "theme": "menselijk-kapitaal",
        "intro": "Goede mensen vinden, laten groeien en vasthouden.",
        "size_classes": ["2-4", "5-10", "11-50", "51-250", "250+"],
        "questions": [
            scale("pers-bezetting", "Openstaande en verwachte vacatures kan ik op tijd invullen."),
            choice(
                "pers-ontwikkeling",
                "Hoe werken uw medewerkers aan hun kennis en vaardigheden?",
                [
                    ["1", "Daar komen we niet aan toe", 1],
                    ["2", "Alleen als het moet, bijvoorbeeld voor een certificaat", 2],
                    ["3", "Af en toe een cursus of training", 3],
                    ["4", "Leren hoort vast bij het werk", 4],
                    ["5", "Iedereen heeft een eigen leerplan of budget", 5],
                    NVT,
                ],
            ),
            yes_no(
                "pers-onderwijs",
                "Werkt u samen met scholen, bijvoorbeeld met stagiairs, leerwerkplekken (bbl) of opdrachten voor studenten?",
            ),
            scale(
                "pers-wendbaar",
                "Als het werk verandert, kunnen mijn medewerkers ook andere taken aan.",
            ),
            ambition("pers-belang", "het vinden, ontwikkelen en behouden van personeel"),
        ],
        "advice": advice(
            "Personeel vraagt nu de meeste aandacht. Kijk samen met het onderwijs en het werkgeversservicepunt naar stages, leerbanen en zij-instromers.",
            "Maak van leren een vast onderdeel van het werk, bijvoorbeeld met een kort ontwikkelgesprek per medewerker per jaar.",
            "U heeft uw personeelsbeleid goed staan. Deel uw aanpak eens met andere ondernemers in de regio.",
        ),
    },
    {
        "slug": "digitalisering",
        "title": "Digitalisering en online veiligheid",
        "theme": "digitalisering",
        "intro": "Slim gebruik van software en gegevens, en uw bedrijf beschermen tegen digitale risico's.",
        "questions": [
            scale(
                "dig-automatisering",
                "In hoeverre is terugkerend werk, zoals facturen, planning en voorraad, geautomatiseerd?",
                STAND,
            ),
            choice(
                "dig-data",
                "Hoe gebruikt u cijfers uit uw bedrijf (verkoop, klanten, machines) bij beslissingen?",
                [
                    ["1", "Niet", 1],
                    ["2", "Soms, meestal beslis ik op gevoel", 2],
                    ["3", "Met vaste overzichten", 3],
                    ["4", "Met dashboards of analyses", 4],
                    ["5", "Gegevens sturen onze keuzes en werkprocessen", 5],
                    NVT,
                ],
            ),
            scale(
                "dig-veiligheid",
                "Hoe goed zijn back-ups, updates, sterke wachtwoorden en alertheid op nepmails geregeld?",
                STAND,
                help="Een goede back-up staat los van uw eigen systemen, zodat gijzelsoftware er niet bij kan.",
            ),
            scale(
                "dig-vaardigheden",
                "Ik en mijn mensen kunnen goed overweg met de digitale middelen die ons werk vraagt.",
            ),
            ambition("dig-belang", "verdere digitalisering van uw bedrijf"),
        ],
        "advice": advice(
            "Begin bij de basis: regel back-ups, updates en tweestapsverificatie, en kies één tijdrovend klusje om te automatiseren.",
            "Kijk welke gegevens u al heeft en hoe een eenvoudig overzicht of dashboard u kan helpen sneller te beslissen.",
            "U bent digitaal goed op weg. Verken nieuwe toepassingen, zoals slimme planning of AI, met een praktijkgerichte partner.",
        ),
    },
    {
        "slug": "marketing-en-verkoop",
        "title": "Klanten, marketing en verkoop",
        "theme": "ondernemerschap",
        "intro": "Weten wie uw klanten zijn, online gevonden worden en niet te leunen op één klant.",
        "questions": [
            scale(
                "mv-klantbeeld", "Ik weet goed wie mijn klanten zijn en waarom ze voor mij kiezen."
            ),
            scale(
                "mv-online",
                "Hoe goed wordt uw bedrijf online gevonden (website, sociale media, webwinkel of platforms)?",
                [
                    ["1", "Niet", 1],
                    ["2", "Matig", 2],
                    ["3", "Redelijk", 3],
                    ["4", "Goed", 4],
                    ["5", "Uitstekend", 5],
                    NVT,
                ],
            ),
            choice(
                "mv-afhankelijkheid",
                "Welk deel van uw omzet komt van uw grootste klant?",
                [
                    ["1", "Meer dan de helft", 1],
                    ["2", "30 tot 50 procent", 2],
                    ["3", "15 tot 30 procent", 3],
                    ["4", "5 tot 15 procent", 4],
                    ["5", "Minder dan 5 procent", 5],
                    WEET_NIET,
                    NVT,
                ],
            ),
            ambition("mv-belang", "nieuwe klanten, markten of verkoopkanalen"),
        ],
        "advice": advice(
            "Zet op een rij wie uw beste klanten zijn en waarom. Zorg dat u online minstens goed vindbaar bent met actuele gegevens.",
            "Spreid uw omzet over meer klanten of kanalen en meet welke marketing echt klanten oplevert.",
            "U kent uw markt goed. Onderzoek of een nieuwe doelgroep of een ander kanaal groei kan brengen.",
        ),
    },
    {
        "slug": "innovatie",
        "title": "Innovatie en vernieuwing",
        "theme": "innovatie",
        "intro": "Nieuwe producten, diensten of werkwijzen, en samenwerken met kennispartners.",
        "questions": [
            choice(
                "inn-vernieuwing",
                "Wanneer bracht u voor het laatst een nieuw of duidelijk verbeterd product, dienst of werkproces in gebruik?",
                [
                    ["1", "Nooit, of meer dan vijf jaar geleden", 1],
                    ["2", "Drie tot vijf jaar geleden", 2],
                    ["3", "Eén tot drie jaar geleden", 3],
                    ["4", "Het afgelopen jaar", 4],
                    ["5", "We vernieuwen voortdurend", 5],
                    NVT,
                ],
            ),
            yes_no(
                "inn-kennispartners",
                "Werkt u bij vernieuwing samen met kennispartners, zoals een hogeschool, mbo-school, fieldlab of andere bedrijven?",
            ),
            scale(
                "inn-plannen",
                "Ik heb concrete ideeën voor vernieuwing die ik de komende twee jaar wil uitwerken.",
                horizon="toekomst",
            ),
            ambition("inn-belang", "vernieuwing van uw producten, diensten of werkwijze"),
        ],
        "advice": advice(
            "Kies één idee en test het klein. Studenten of een fieldlab kunnen helpen om snel en goedkoop te proberen.",
            "Leg uw ideeën vast en kijk welke innovatieregeling of kennispartner het uitwerken versnelt.",
            "Vernieuwen zit in uw bedrijf. Overweeg grotere projecten met partners of een innovatiekrediet.",
        ),
    },
    {
        "slug": "duurzaamheid",
        "title": "Verduurzaming",
        "theme": "duurzaamheid",
        "intro": "Energie, grondstoffen en de kansen van een duurzame, circulaire economie.",
        "questions": [
            scale(
                "duu-energie",
                "Kent u uw energieverbruik en heeft u maatregelen genomen om te besparen?",
                STAND,
            ),
            scale(
                "duu-circulair",
                "In hoeverre voorkomt u afval en gebruikt u materialen of producten opnieuw?",
                STAND,
            ),
            scale(
                "duu-kansen",
                "Ik zie verduurzaming als kans op nieuwe omzet of lagere kosten.",
                horizon="toekomst",
            ),
            ambition("duu-belang", "verduurzaming van uw bedrijf"),
        ],
        "advice": advice(
            "Begin met inzicht: een energiescan laat zien waar u het snelst bespaart. Vaak verdient een maatregel zich binnen enkele jaren terug.",
            "Zoek naar kansen in uw materialen en afval, en kijk welke duurzaamheidsregelingen uw investering verlichten.",
            "U loopt voorop. Laat het zien aan klanten en onderzoek of duurzaamheid een verkoopargument of nieuw product wordt.",
        ),
    },
    {
        "slug": "internationalisering",
        "title": "Zakendoen over de grens",
        "theme": "internationalisering",
        "intro": "In- en verkoop in het buitenland, en wat daarbij komt kijken.",
        "questions": [
            choice(
                "int-actief",
                "Doet u zaken met klanten of leveranciers in het buitenland?",
                [
                    ["1", "Nee, maar ik ben er wel benieuwd naar", 1],
                    ["2", "Af en toe", 2],
                    ["3", "Geregeld, minder dan een kwart van mijn omzet", 3],
                    ["4", "Geregeld, een kwart van mijn omzet of meer", 4],
                    ["5", "Ja, en we hebben ook een vestiging over de grens", 5],
                    ["nvt", "Nee, en dat past niet bij mijn bedrijf", None],
                ],
            ),
            scale(
                "int-kennis",
                "Hoe goed kent u de regels en risico's van zakendoen over de grens, zoals douane, btw en betalingszekerheid?",
                [
                    ["1", "Niet", 1],
                    ["2", "Nauwelijks", 2],
                    ["3", "Redelijk", 3],
                    ["4", "Goed", 4],
                    ["5", "Zeer goed", 5],
                    NVT,
                ],
            ),
            scale(
                "int-ambitie",
                "Ik wil de komende drie jaar (meer) omzet halen in het buitenland.",
                horizon="toekomst",
            ),
            ambition("int-belang", "internationaal ondernemen"),
        ],
        "advice": advice(
            "Oriënteer u eerst: welk land past bij uw product, en wat zijn de regels daar? Er is gratis begeleiding voor starters met export.",
            "Maak uw buitenlandse verkoop minder risicovol met goede betalingsafspraken en kijk naar regelingen voor beurzen en handelsmissies.",
            "U bent internationaal actief. Onderzoek of een nieuwe markt of een partner ter plaatse de volgende stap is.",
        ),
    },
    {
        "slug": "regelgeving-en-administratie",
        "title": "Regels en administratie",
        "theme": "regeldruk",
        "intro": "Weten welke regels gelden, en hoeveel tijd ze kosten.",
        "questions": [
            scale(
                "reg-overzicht",
                "Ik weet welke regels, vergunningen en verplichtingen voor mijn bedrijf gelden.",
            ),
            choice(
                "reg-tijd",
                "Hoeveel tijd kosten regels en administratie u per week?",
                [
                    ["1", "Meer dan een dag", 1],
                    ["2", "Een halve tot een hele dag", 2],
                    ["3", "Twee tot vier uur", 3],
                    ["4", "Een tot twee uur", 4],
                    ["5", "Minder dan een uur", 5],
                    WEET_NIET,
                ],
            ),
            scale(
                "reg-verplichtingen",
                "Hoe goed zijn verplichte zaken geregeld, zoals privacy (AVG) en, als u personeel heeft, de risico-inventarisatie (RI&E)?",
                STAND,
            ),
            yes_no(
                "reg-knelpunt",
                "Is er een regel die uw bedrijf of een vernieuwing onnodig in de weg zit?",
                options=[["ja", "Ja", 1], ["nee", "Nee", 5], NVT],
            ),
            {
                "slug": "reg-knelpunt-welke",
                "text": "Om welke regel gaat het, en wat houdt die tegen?",
                "kind": "text",
                "weight": 0,
                "required": False,
                "condition": ["reg-knelpunt", ["ja"]],
                "help": "Het schakelteam verzamelt zulke knelpunten en legt ze voor aan de overheid. Noem geen namen.",
            },
            ambition("reg-belang", "minder tijd kwijt zijn aan regels en administratie"),
        ],
        "advice": advice(
            "Maak een lijstje van de regels die voor u gelden. Het Ondernemersplein en uw branchevereniging helpen bij de basis.",
            "Kijk of software of uw boekhouder terugkerend papierwerk kan overnemen. Meld een knellende regel bij het schakelteam.",
            "U heeft regels en administratie goed onder controle. Houd wijzigingen bij via uw branche.",
        ),
    },
    {
        "slug": "bedrijfsvoering-en-organisatie",
        "title": "Organisatie en werkwijze",
        "theme": "ondernemerschap",
        "intro": "Hoe het werk loopt, waar tijd verloren gaat, en uw netwerk.",
        "questions": [
            scale(
                "org-processen",
                "Zijn de belangrijkste werkprocessen zo vastgelegd en verdeeld dat het werk doorgaat als iemand uitvalt?",
                STAND,
            ),
            scale(
                "org-productiviteit",
                "Ik weet waar in mijn bedrijf tijd of geld weglekt, en ik pak dat aan.",
            ),
            yes_no(
                "org-netwerk",
                "Werkt u samen met andere ondernemers, of bent u lid van een ondernemersvereniging of bedrijvenkring?",
            ),
            scale("org-loket", "Ik weet bij wie ik terechtkan met een vraag over mijn bedrijf."),
            ambition("org-belang", "het verbeteren van uw organisatie en werkwijze"),
        ],
        "advice": advice(
            "Schrijf de drie belangrijkste werkprocessen kort op, zodat anderen het werk kunnen overnemen. Het schakelteam is uw vaste loket voor vragen.",
            "Zoek één plek waar tijd verloren gaat en verbeter die stap voor stap. Collega-ondernemers zijn een goede bron van ideeën.",
            "Uw organisatie is op orde. Een bedrijvenkring of ondernemerspoule kan andere ondernemers van uw ervaring laten leren.",
        ),
    },
    {
        "slug": "ondernemer-en-opvolging",
        "title": "U als ondernemer",
        "theme": "ondernemerschap",
        "intro": "Uw energie, mensen om mee te sparren, en uw plannen met het bedrijf, ook als u wilt stoppen of overdragen.",
        "questions": [
            scale("ond-energie", "Ik heb genoeg energie en plezier in het ondernemen."),
            scale(
                "ond-sparren",
                "Ik heb mensen om me heen met wie ik over mijn bedrijf kan sparren, zoals collega-ondernemers of een adviseur.",
            ),
            choice(
                "ond-plannen",
                "Wat zijn uw eigen plannen met het bedrijf voor de komende vijf jaar?",
                [
                    ["uitbouwen", "Doorgaan en uitbouwen", None],
                    ["doorgaan", "Doorgaan zoals nu", None],
                    ["overdragen", "Overdragen aan familie of een medewerker", None],
                    ["verkopen", "Verkopen", None],
                    ["stoppen", "Stoppen en iets anders gaan doen", None],
                    WEET_NIET,
                ],
                horizon="toekomst",
                weight=0,
            ),
            choice(
                "ond-opvolging",
                "Hoe ver bent u met het regelen van de overdracht, verkoop of het stoppen?",
                [
                    ["1", "Ik heb er nog niet over nagedacht", 1],
                    ["2", "Ik ben me aan het oriënteren", 2],
                    ["3", "Ik heb een plan in grote lijnen", 3],
                    ["4", "Het plan is klaar, een opvolger of koper nog niet", 4],
                    ["5", "Het plan is klaar en er is een opvolger of koper", 5],
                    NVT,
                ],
                condition=["ond-plannen", ["overdragen", "verkopen", "stoppen"]],
            ),
            ambition("ond-belang", "uw eigen ontwikkeling, vitaliteit of opvolging"),
        ],
        "advice": advice(
            "Neem uw eigen energie serieus: praat eens met een ervaren ondernemer of coach. Denkt u aan stoppen of overdragen, begin dan op tijd; het kost vaak jaren.",
            "Zorg voor vaste sparringpartners, bijvoorbeeld in een bedrijvenkring of bij de ondernemerspoule.",
            "U staat er goed voor als ondernemer. Uw ervaring kan andere ondernemers helpen, bijvoorbeeld als mentor.",
        ),
    },
    {
        "slug": "crisisbestendigheid",
        "title": "Weerbaarheid bij tegenvallers",
        "theme": "ondernemerschap",
        "intro": "Hoe hard raakt een tegenvaller uw bedrijf, en hoe snel kunt u omschakelen?",
        "questions": [
            choice(
                "cri-impact",
                "Hoe hard raakte een crisis of grote verandering uw bedrijf het afgelopen jaar?",
                [
                    ["1", "Zeer hard", 1],
                    ["2", "Hard", 2],
                    ["3", "Merkbaar", 3],
                    ["4", "Een beetje", 4],
                    ["5", "Niet", 5],
                    NVT,
                ],
            ),
            scale(
                "cri-scenario",
                "Ik weet wat ik doe als mijn belangrijkste klant, leverancier of medewerker wegvalt.",
            ),
            scale(
                "cri-omschakelen",
                "Mijn bedrijf kan snel omschakelen, bijvoorbeeld naar online verkoop of een ander aanbod.",
            ),
            choice(
                "cri-omvormen",
                "Overweegt u uw bedrijf ingrijpend te veranderen, met een ander aanbod, een andere markt of een ander verdienmodel?",
                [["nee", "Nee", None], ["misschien", "Misschien", None], ["ja", "Ja", None]],
                horizon="toekomst",
                weight=0,
            ),
            ambition("cri-belang", "uw bedrijf weerbaarder maken tegen tegenvallers"),
        ],
        "advice": advice(
            "Bedenk voor de twee grootste risico's wat u doet als ze zich voordoen. Bij acute problemen kunt u vertrouwelijk hulp krijgen.",
            "Werk een eenvoudig noodplan uit en spreid uw afhankelijkheden van klanten en leveranciers.",
            "Uw bedrijf is weerbaar. Houd uw noodplan actueel en bekijk het jaarlijks opnieuw.",
        ),
    },
    {
        "slug": "tot-slot",
        "title": "Tot slot",
        "theme": "",
        "scored": False,
        "intro": "Nog één vraag voor het gesprek met het schakelteam. U mag hem overslaan.",
        "questions": [
            {
                "slug": "slot-gespreksonderwerp",
                "text": "Welke vraag wilt u in een gesprek met het schakelteam in elk geval bespreken?",
                "kind": "text",
                "weight": 0,
                "required": False,
                "help": "Schrijf geen namen of andere persoonsgegevens op.",
            }
        ],
    },
]

RULES = [
    {
        "direction": "stoppen",
        "condition": {
            "any": [
                {
                    "field": "answer.ond-plannen",
                    "op": "in",
                    "value": ["overdragen", "verkopen", "stoppen"],
                },
                {"field": "answer.strategie-groeiambitie", "op": "==", "value": "afbouwen"},
            ]
        },
        "reason": "U wilt uw bedrijf de komende jaren afbouwen, overdragen, verkopen of beëindigen.",
        "description": "Een goede voorbereiding maakt het verschil: voor de waarde van uw bedrijf, voor een opvolger en voor uzelf.",
        "themes": ["ondernemerschap", "financiering"],
    },
    {
        "direction": "hervormen",
        "condition": {
            "any": [
                {
                    "all": [
                        {"field": "answer.cri-impact", "op": "in", "value": ["1", "2"]},
                        {"field": "answer.cri-omvormen", "op": "in", "value": ["ja", "misschien"]},
                    ]
                },
                {"field": "score.total_now", "op": "<=", "value": 39},
                {"field": "answer.strategie-verdienmodel", "op": "in", "value": ["1", "2"]},
            ]
        },
        "reason": "Uw bedrijf is hard geraakt en u denkt aan ingrijpende verandering, uw totaalscore is laag, of u twijfelt of uw manier van geld verdienen stand houdt.",
        "description": "Het loont om samen met een adviseur te kijken naar een ander aanbod, een andere markt of een andere werkwijze.",
        "themes": ["ondernemerschap", "financiering"],
    },
    {
        "direction": "versnellen",
        "condition": {
            "all": [
                {"field": "score.total_now", "op": ">=", "value": 60},
                {
                    "field": "answer.strategie-groeiambitie",
                    "op": "in",
                    "value": ["flink_groeien", "snel_opschalen"],
                },
            ]
        },
        "reason": "Uw bedrijf staat er nu sterk voor en u wilt fors groeien.",
        "description": "Financiering, goede mensen en nieuwe markten helpen om die groei waar te maken.",
        "themes": ["financiering", "innovatie", "internationalisering", "menselijk-kapitaal"],
    },
    {
        "direction": "vernieuwen",
        "condition": {
            "any": [
                {
                    "field": "need_max",
                    "domains": [
                        "innovatie",
                        "digitalisering",
                        "duurzaamheid",
                        "marketing-en-verkoop",
                    ],
                    "op": ">=",
                    "value": 25,
                },
                {"field": "answer.inn-plannen", "op": "in", "value": ["4", "5"]},
            ]
        },
        "reason": "Bij innovatie, digitalisering, verduurzaming of klanten en verkoop ligt uw ambitie minstens 25 punten boven hoe het nu gaat, of u heeft concrete plannen om te vernieuwen.",
        "description": "Met digitalisering, innovatie of verduurzaming houdt u uw bedrijf bij de tijd.",
        "themes": ["innovatie", "digitalisering", "duurzaamheid"],
    },
    {
        "direction": "groeien",
        "condition": {
            "field": "answer.strategie-groeiambitie",
            "op": "in",
            "value": ["licht_groeien", "flink_groeien", "snel_opschalen"],
        },
        "reason": "U wilt groeien, en uw bedrijf heeft daar een goede basis voor.",
        "description": "Stap voor stap groeien in klanten, omzet of medewerkers, op een gezonde basis.",
        "themes": ["financiering", "menselijk-kapitaal", "ondernemerschap"],
    },
    {
        "direction": "vernieuwen",
        "condition": {},
        "reason": "U wilt uw bedrijf op het huidige niveau houden. Daarvoor is bijblijven nodig: wie stilstaat, raakt achter.",
        "description": "Kleine verbeteringen in werkwijze en aanbod houden uw bedrijf sterk.",
        "themes": ["innovatie", "digitalisering"],
    },
]

BEDRIJFSSCAN = {
    "name": "Bedrijfsscan 2026.1",
    "kind": "bedrijfsscan",
    "intro": "",
    "domains": DOMAINS,
    "rules": RULES,
}

# The follow-up repeats per domain the two most telling 'now' questions and the ambition.
VERVOLG_PICK = {
    "strategie-en-toekomst": ["strategie-koers", "strategie-plan", "strategie-belang"],
    "financien": ["fin-overzicht", "fin-buffer", "fin-belang"],
    "personeel": ["pers-bezetting", "pers-ontwikkeling", "pers-belang"],
    "digitalisering": ["dig-automatisering", "dig-veiligheid", "dig-belang"],
    "marketing-en-verkoop": ["mv-klantbeeld", "mv-online", "mv-belang"],
    "innovatie": ["inn-vernieuwing", "inn-kennispartners", "inn-belang"],
    "duurzaamheid": ["duu-energie", "duu-circulair", "duu-belang"],
    "internationalisering": ["int-actief", "int-kennis", "int-belang"],
    "regelgeving-en-administratie": ["reg-overzicht", "reg-tijd", "reg-belang"],
    "bedrijfsvoering-en-organisatie": ["org-processen", "org-productiviteit", "org-belang"],
    "ondernemer-en-opvolging": ["ond-energie", "ond-sparren", "ond-belang"],
    "crisisbestendigheid": ["cri-scenario", "cri-omschakelen", "cri-belang"],
}


def _vervolg_domains() -> list[dict]:
    out = []
    for d in DOMAINS:
        picks = VERVOLG_PICK.get(d["slug"])
        if not picks:
            continue
        out.append({**d, "questions": [q for q in d["questions"] if q["slug"] in picks]})
    return out


VERVOLGSCAN = {
    "name": "Vervolgscan 2026.1",
    "kind": "vervolgscan",
    "intro": "Een korte scan om te zien wat er sinds uw vorige scan is veranderd.",
    "domains": _vervolg_domains(),
    "rules": [r for r in RULES if r["direction"] != "versnellen"],
}
