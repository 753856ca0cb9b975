"""Dutch word lists for the generated demo network.

Everything here is fixed data, so the same seed always produces the same network.
The theme keywords come from the shipped `themes.json` (not from the database, where
editors may relabel them); the phrases below add what a theme is about in practice.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemeVocab:
    """Phrases about one theme: activities, problems, and subjects for documents."""

    topics: tuple[str, ...]
    challenges: tuple[str, ...]
    subjects: tuple[str, ...]


THEMES: dict[str, ThemeVocab] = {
    "armoede-en-schulden": ThemeVocab(
        topics=(
            "een buurtkledingbank",
            "schuldhulpmaatjes die aanschuiven aan de keukentafel",
            "een gratis ontbijt voor schoolkinderen",
            "energiecoaches die huishoudens helpen besparen",
            "een weggeefwinkel",
            "een spreekuur over geldzaken",
            "gezamenlijke maaltijden voor een kleine prijs",
        ),
        challenges=(
            "veel gezinnen moeite hebben om rond te komen",
            "schulden vaak pas laat op tafel komen",
            "de energierekening voor veel huurders onbetaalbaar werd",
            "kinderen zonder ontbijt naar school gingen",
        ),
        subjects=(
            "schuldhulp aan de keukentafel",
            "energiearmoede",
            "buurtkledingbanken",
            "kinderarmoede",
            "vroegsignalering van schulden",
            "weggeefwinkels",
        ),
    ),
    "werk-en-economie": ThemeVocab(
        topics=(
            "werkervaringsplekken voor buurtbewoners",
            "een buurtwerkplaats waar reparaties worden gedaan",
            "dagbesteding in de wijk",
            "pop-upwinkels in leegstaande panden",
            "een sociale onderneming die klussen in de buurt uitvoert",
            "samenwerking met lokale ondernemers",
        ),
        challenges=(
            "steeds meer winkels in de straat leeg kwamen te staan",
            "veel jongeren moeilijk aan werk kwamen",
            "talenten van buurtbewoners onbenut bleven",
        ),
        subjects=(
            "wijkeconomie",
            "winkelleegstand",
            "sociale ondernemingen in de wijk",
            "werkervaringsplekken",
            "buurtwerkplaatsen",
            "dagbesteding",
        ),
    ),
    "wonen": ThemeVocab(
        topics=(
            "het beheer van het buurthuis door bewoners",
            "een huurdersvereniging die meepraat over renovatie",
            "woningdelen voor jongeren en ouderen",
            "het opknappen van een leegstaand schoolgebouw",
            "een bewonerscommissie die de corporatie scherp houdt",
        ),
        challenges=(
            "het buurthuis dreigde te sluiten",
            "huurders weinig te zeggen hadden over de renovatie",
            "jongeren geen betaalbare woning in het dorp vonden",
            "een oud schoolgebouw al jaren leegstond",
        ),
        subjects=(
            "maatschappelijk vastgoed",
            "buurthuizen in bewonersbeheer",
            "huurdersparticipatie",
            "woningdelen",
            "herbestemming van schoolgebouwen",
        ),
    ),
    "zorg-en-gezondheid": ThemeVocab(
        topics=(
            "hulp bij boodschappen en vervoer naar de huisarts",
            "ondersteuning van mantelzorgers",
            "een wandelgroep en gezonde kookworkshops",
            "een buurtsteunpunt met de wijkverpleging",
            "een inloop voor mensen met psychische kwetsbaarheid",
        ),
        challenges=(
            "mantelzorgers overbelast raakten",
            "zorg in de wijk versnipperd en onoverzichtelijk was",
            "mensen met psychische klachten nergens terecht konden voor een kop koffie",
        ),
        subjects=(
            "zorg in de wijk",
            "mantelzorgondersteuning",
            "zorgcoöperaties",
            "gezonde leefstijl",
            "wijkverpleging en vrijwilligers",
        ),
    ),
    "ouder-worden": ThemeVocab(
        topics=(
            "huisbezoeken bij ouderen die alleen wonen",
            "een maaltijdservice voor ouderen",
            "een ontmoetingsochtend voor mensen met dementie en hun naasten",
            "klussenhulp zodat ouderen langer thuis kunnen wonen",
        ),
        challenges=(
            "steeds meer ouderen alleen thuis zaten",
            "ouderen het dorp moesten verlaten omdat er geen passende woning was",
            "mensen met dementie en hun naasten zich alleen voelden staan",
        ),
        subjects=(
            "langer thuis wonen",
            "dementievriendelijke buurten",
            "seniorenwoningen in de kern",
            "maaltijdservice voor ouderen",
        ),
    ),
    "jeugd-en-opvoeden": ThemeVocab(
        topics=(
            "huiswerkbegeleiding",
            "opvoedcafés waar ouders ervaringen delen",
            "een jongerenraad die meebeslist over het buurtbudget",
            "sport en spel op het schoolplein na schooltijd",
            "een moedergroep voor nieuwe ouders",
        ),
        challenges=(
            "jongeren nergens terecht konden in de wijk",
            "ouders met opvoedvragen niet wisten waar ze heen moesten",
            "kinderen na schooltijd weinig te doen hadden",
        ),
        subjects=(
            "jongerenparticipatie",
            "opvoedondersteuning",
            "huiswerkbegeleiding",
            "speelplekken",
            "samenwerking tussen school en buurt",
        ),
    ),
    "veiligheid": ThemeVocab(
        topics=(
            "een buurtpreventieteam",
            "een buurt-app voor digitale buurtpreventie",
            "schouwrondes met de wijkagent",
            "afspraken met jongeren over overlast",
        ),
        challenges=(
            "bewoners zich 's avonds niet veilig voelden",
            "drugsoverlast rond het winkelcentrum toenam",
            "inbraken in de buurt opliepen",
        ),
        subjects=(
            "buurtpreventie",
            "digitale buurtpreventie",
            "ondermijning in de wijk",
            "overlast en leefbaarheid",
        ),
    ),
    "duurzaamheid-en-energie": ThemeVocab(
        topics=(
            "zonnepanelen op het dak van de sporthal",
            "collectieve inkoop van isolatie",
            "energiecoaches die keukentafelgesprekken voeren",
            "een repaircafé",
            "het vergroenen van tuinen tegen hittestress",
            "een buurtwarmtenet",
        ),
        challenges=(
            "de energietransitie voor veel bewoners ver weg voelde",
            "oude woningen slecht geïsoleerd waren",
            "spullen te snel werden weggegooid",
            "de wijk bij hevige buien onder water liep",
        ),
        subjects=(
            "energietransitie in de wijk",
            "collectieve zonnepanelen",
            "isolatie van huurwoningen",
            "repaircafés",
            "klimaatadaptatie",
            "circulaire economie",
        ),
    ),
    "ontmoeting-en-eenzaamheid": ThemeVocab(
        topics=(
            "een wekelijkse buurtmaaltijd",
            "een huiskamer waar iedereen kan binnenlopen",
            "een taal- en koffietafel",
            "buurtfeesten en straatbarbecues",
            "een maatjesproject tegen eenzaamheid",
        ),
        challenges=(
            "buren elkaar nauwelijks meer kenden",
            "eenzaamheid in de wijk toenam",
            "er geen plek was om elkaar te ontmoeten",
        ),
        subjects=(
            "eenzaamheid",
            "ontmoetingsplekken",
            "buurtmaaltijden",
            "sociale cohesie",
            "huiskamers in de wijk",
        ),
    ),
    "integratie-en-inclusie": ThemeVocab(
        topics=(
            "taalmaatjes voor nieuwkomers",
            "een taalcafé",
            "begeleiding van statushouders in de eerste jaren",
            "een spreekuur voor laaggeletterden",
            "activiteiten die buurtgenoten met verschillende achtergronden verbinden",
        ),
        challenges=(
            "nieuwkomers weinig contact hadden met buurtgenoten",
            "laaggeletterdheid in de wijk onzichtbaar bleef",
            "groepen in de buurt langs elkaar heen leefden",
        ),
        subjects=(
            "taalmaatjes",
            "statushouders in de buurt",
            "laaggeletterdheid",
            "diversiteit en inclusie",
        ),
    ),
    "openbare-ruimte": ThemeVocab(
        topics=(
            "een buurtmoestuin",
            "het herinrichten van het plein samen met bewoners",
            "geveltuinen en groene straten",
            "een natuurspeeltuin",
            "het adopteren van plantsoenen",
            "een voedselbos",
        ),
        challenges=(
            "het plein verloederd was",
            "er weinig groen en schaduw was in de wijk",
            "kinderen op straat te weinig ruimte hadden om te spelen",
        ),
        subjects=(
            "voedseltuinen",
            "herinrichting van pleinen",
            "groen in de wijk",
            "natuurspeeltuinen",
            "gebiedsontwikkeling met bewoners",
        ),
    ),
    "participatie-en-samenwerking": ThemeVocab(
        topics=(
            "een buurtbudget waarover bewoners zelf beslissen",
            "het right to challenge voor het groenonderhoud",
            "een wijkraad die met de gemeente aan tafel zit",
            "co-creatie met professionals",
            "een wijkagenda die bewoners zelf opstellen",
        ),
        challenges=(
            "bewoners zich niet gehoord voelden door de gemeente",
            "plannen over de buurt werden gemaakt zonder de buurt",
            "professionals en bewoners langs elkaar heen werkten",
        ),
        subjects=(
            "right to challenge",
            "buurtbudgetten",
            "samenwerken met de gemeente",
            "zeggenschap van bewoners",
            "wijkagenda's",
        ),
    ),
    "organiseren-en-financieren": ThemeVocab(
        topics=(
            "het werven van vrijwilligers en bestuursleden",
            "crowdfunding voor een eigen gebouw",
            "een ledenadministratie en contributie",
            "aanvragen bij fondsen",
            "een verdienmodel naast subsidie",
        ),
        challenges=(
            "de subsidie na drie jaar afliep",
            "het bestuur al jaren uit dezelfde mensen bestond",
            "er te weinig vrijwilligers waren voor alle plannen",
        ),
        subjects=(
            "buurtcoöperaties",
            "crowdfunding",
            "fondsenwerving",
            "vrijwilligerswerving",
            "bestuur en continuïteit",
            "verdienmodellen",
        ),
    ),
    "kennis-en-leren": ThemeVocab(
        topics=(
            "intervisie met andere initiatieven",
            "een leernetwerk voor buurtmakers",
            "samen met studenten de impact meten",
            "werkbezoeken bij initiatieven elders",
            "een community of practice met professionals",
        ),
        challenges=(
            "initiatieven steeds opnieuw het wiel uitvonden",
            "niemand wist wat de activiteiten precies opleverden",
            "kennis uit de praktijk verloren ging als vrijwilligers stopten",
        ),
        subjects=(
            "impactmeting",
            "leernetwerken",
            "intervisie",
            "praktijkgericht onderzoek",
            "kennisdeling tussen initiatieven",
        ),
    ),
}

# Which themes fit which kind of initiative: the first is always chosen, others may be.
KIND_THEMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "buurtcooperatie": (
        ("participatie-en-samenwerking",),
        (
            "werk-en-economie",
            "zorg-en-gezondheid",
            "ontmoeting-en-eenzaamheid",
            "organiseren-en-financieren",
            "ouder-worden",
        ),
    ),
    "bewonersinitiatief": (
        (),
        (
            "ontmoeting-en-eenzaamheid",
            "openbare-ruimte",
            "veiligheid",
            "jeugd-en-opvoeden",
            "integratie-en-inclusie",
            "armoede-en-schulden",
            "duurzaamheid-en-energie",
            "participatie-en-samenwerking",
        ),
    ),
    "dorpshuis": (
        ("ontmoeting-en-eenzaamheid",),
        ("wonen", "organiseren-en-financieren", "ouder-worden", "jeugd-en-opvoeden"),
    ),
    "wijkcentrum": (
        ("ontmoeting-en-eenzaamheid",),
        (
            "wonen",
            "integratie-en-inclusie",
            "jeugd-en-opvoeden",
            "armoede-en-schulden",
            "organiseren-en-financieren",
        ),
    ),
    "stadscooperatie": (
        ("participatie-en-samenwerking",),
        ("organiseren-en-financieren", "kennis-en-leren", "werk-en-economie"),
    ),
    "zorgcooperatie": (
        ("zorg-en-gezondheid",),
        ("ouder-worden", "ontmoeting-en-eenzaamheid", "organiseren-en-financieren"),
    ),
    "energiecooperatie": (
        ("duurzaamheid-en-energie",),
        (
            "armoede-en-schulden",
            "organiseren-en-financieren",
            "participatie-en-samenwerking",
        ),
    ),
    "voedseltuin": (
        ("openbare-ruimte",),
        (
            "armoede-en-schulden",
            "duurzaamheid-en-energie",
            "werk-en-economie",
            "ontmoeting-en-eenzaamheid",
        ),
    ),
    "netwerk": (
        ("kennis-en-leren",),
        (
            "participatie-en-samenwerking",
            "zorg-en-gezondheid",
            "jeugd-en-opvoeden",
            "duurzaamheid-en-energie",
            "organiseren-en-financieren",
        ),
    ),
    "anders": (
        (),
        tuple(THEMES),
    ),
}

# How often each kind occurs among generated initiatives.
KIND_WEIGHTS: dict[str, int] = {
    "bewonersinitiatief": 30,
    "buurtcooperatie": 12,
    "dorpshuis": 12,
    "wijkcentrum": 10,
    "energiecooperatie": 9,
    "voedseltuin": 7,
    "zorgcooperatie": 7,
    "netwerk": 5,
    "stadscooperatie": 2,
    "anders": 6,
}

KIND_LABELS: dict[str, str] = {
    "buurtcooperatie": "buurtcoöperatie",
    "bewonersinitiatief": "bewonersinitiatief",
    "dorpshuis": "dorpshuis",
    "wijkcentrum": "wijkcentrum",
    "stadscooperatie": "stadscoöperatie",
    "zorgcooperatie": "zorgcoöperatie",
    "energiecooperatie": "energiecoöperatie",
    "voedseltuin": "voedseltuin",
    "netwerk": "netwerk",
    "anders": "initiatief",
}

# Founding years per kind: (earliest, latest).
KIND_YEARS: dict[str, tuple[int, int]] = {
    "buurtcooperatie": (2011, 2024),
    "bewonersinitiatief": (2000, 2025),
    "dorpshuis": (1962, 2020),
    "wijkcentrum": (1968, 2021),
    "stadscooperatie": (2014, 2023),
    "zorgcooperatie": (2006, 2024),
    "energiecooperatie": (2009, 2024),
    "voedseltuin": (2009, 2024),
    "netwerk": (2005, 2024),
    "anders": (1995, 2025),
}

# Name patterns. {wijk} a neighbourhood, {plaats} the municipality, {vogel}, {boom}
# and {huis} fixed words, {provincie} the province.
KIND_NAMES: dict[str, tuple[str, ...]] = {
    "buurtcooperatie": (
        "Buurtcoöperatie De {vogel}",
        "Buurtcoöperatie {wijk}",
        "Wijkcoöperatie {wijk}",
        "Coöperatie {wijk} Vooruit",
        "Buurtcoöperatie {wijk} Samen",
    ),
    "dorpshuis": (
        "Dorpshuis {huis}",
        "Dorpshuis {huis}",
        "Dorpshuis De {boom}",
        "Multifunctioneel Centrum {huis}",
    ),
    "wijkcentrum": (
        "Wijkcentrum {huis}",
        "Buurthuis De {boom}",
        "Wijkcentrum {wijk}",
        "Huis van de Wijk {wijk}",
        "Buurtcentrum {huis}",
    ),
    "stadscooperatie": (
        "Stadscoöperatie {plaats}",
        "{plaats} Samen",
        "Coöperatie {plaats} Doet",
    ),
    "zorgcooperatie": (
        "Zorgcoöperatie {wijk}",
        "Zorg om Elkaar {plaats}",
        "Samen Zorgen {wijk}",
        "Zorgcoöperatie Hand in Hand",
        "Zorgcoöperatie De {boom}",
    ),
    "energiecooperatie": (
        "Energiecoöperatie Zonnig {plaats}",
        "{plaats} Energie",
        "Buurtstroom {wijk}",
        "Energiecoöperatie {wijk} Duurzaam",
        "Zon op {wijk}",
        "Windcoöperatie {plaats}",
    ),
    "voedseltuin": (
        "Voedseltuin {wijk}",
        "Buurtmoestuin {wijk}",
        "Stadsboerderij De {boom}",
        "Pluktuin {wijk}",
        "Moestuin De {vogel}",
    ),
    "netwerk": (
        "Netwerk Buurtmakers {plaats}",
        "Leernetwerk Wijkgericht Werken {provincie}",
        "Platform {plaats} Verbindt",
        "Buurtnetwerk {wijk}",
        "Kennisnetwerk Bewonersinitiatieven {provincie}",
    ),
}

# Residents' initiatives and other initiatives are named after what they do.
THEME_NAMES: dict[str, tuple[str, ...]] = {
    "armoede-en-schulden": (
        "Weggeefwinkel {wijk}",
        "Kledingbank {wijk}",
        "Schuldhulpmaatjes {plaats}",
    ),
    "werk-en-economie": (
        "Buurtwerkplaats {wijk}",
        "Klussendienst {wijk}",
        "Ondernemend {wijk}",
    ),
    "wonen": (
        "Huurdersvereniging {wijk}",
        "Bewonerscommissie {wijk}",
        "Woongroep De {vogel}",
    ),
    "zorg-en-gezondheid": (
        "Buurtsteunpunt {wijk}",
        "Gezond {wijk}",
        "Mantelzorgcafé {plaats}",
    ),
    "ouder-worden": (
        "Ouderen in {wijk}",
        "Alzheimer Café {plaats}",
        "Langer Thuis {wijk}",
    ),
    "jeugd-en-opvoeden": (
        "Speeltuinvereniging {wijk}",
        "Huiswerkklas {wijk}",
        "Jongerenraad {plaats}",
        "Opvoedcafé {wijk}",
    ),
    "veiligheid": ("Buurtpreventie {wijk}", "Buurtwacht {wijk}", "Veilig {wijk}"),
    "duurzaamheid-en-energie": (
        "Repair Café {wijk}",
        "Groen Licht {wijk}",
        "Energieke Buurt {wijk}",
    ),
    "ontmoeting-en-eenzaamheid": (
        "Buurtkamer {wijk}",
        "Samen Eten {wijk}",
        "Huiskamer {wijk}",
        "Buurtkoffie {huis}",
    ),
    "integratie-en-inclusie": (
        "Taalcafé {wijk}",
        "Taalmaatjes {plaats}",
        "Wereldkeuken {wijk}",
    ),
    "openbare-ruimte": (
        "Groene Straten {wijk}",
        "Geveltuinen {wijk}",
        "Pleinteam {wijk}",
        "Voedselbos {wijk}",
    ),
    "participatie-en-samenwerking": (
        "Bewonersinitiatief {wijk}",
        "{wijk} Doet Mee",
        "Wijkraad {wijk}",
        "Buurtbudget {wijk}",
    ),
    "organiseren-en-financieren": (
        "Stichting Buurtkracht {wijk}",
        "Vrienden van {wijk}",
    ),
    "kennis-en-leren": ("Buurtacademie {plaats}", "Leerkring {wijk}"),
}
