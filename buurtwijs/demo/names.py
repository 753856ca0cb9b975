"""Names for the generated demo network: places, people, organisations, partners."""


def split_list(text: str) -> tuple[str, ...]:
    """The comma-separated items of a block of text."""
    return tuple(
        item.strip() for item in text.replace("\n", " ").split(",") if item.strip()
    )


def split_surname(full: str) -> tuple[str, str]:
    """('van der', 'Meer') from 'van der Meer': the tussenvoegsel is lower-case."""
    words = full.split()
    cut = 0
    while cut < len(words) - 1 and (words[cut][0].islower() or words[cut][0] == "'"):
        cut += 1
    return " ".join(words[:cut]), " ".join(words[cut:])


BIRDS = split_list(
    """
Wielewaal, Merel, Zwaluw, Kievit, Reiger, Ooievaar, Specht, Vink, Lijster, Grutto,
Kwikstaart, IJsvogel, Roodborst, Mus, Buizerd, Koekoek, Tureluur, Nachtegaal
"""
)
TREES = split_list(
    """
Linde, Eik, Kastanje, Wilg, Beuk, Es, Hazelaar, Vlier, Berk, Populier, Notenboom,
Boomgaard, Bongerd
"""
)
HOUSE_NAMES = split_list(
    """
't Anker, De Schakel, De Kern, De Brink, 't Trefpunt, De Ontmoeting, De Spil, De
Boei, De Vonk, Het Kruispunt, De Horst, De Hoeksteen, De Bron, De Verbinding, 't
Wiel, De Klinker, Het Baken, De Zwaan, 't Praothuus, De Mient, Het Dorpsplein, De
Kroon, 't Veerhuis, De Molen
"""
)
URBAN_NEIGHBOURHOODS = split_list(
    """
Vogelwijk, Bloemenbuurt, Schildersbuurt, Componistenbuurt, Rivierenbuurt,
Sterrenwijk, Bomenbuurt, Kruidenwijk, Oranjebuurt, Indische Buurt, Vruchtenbuurt,
Zeeheldenbuurt, Professorenwijk, Stationsbuurt, Havenkwartier, Binnenstad,
Westerkwartier, Oosterpark, Noorderhaven, Tuinwijk, Parkwijk, Lindenhof,
Kloosterveld, Zuiderpark, Molenwijk, Dichtersbuurt, Muziekwijk, Spoorzone,
Singelwijk, Schepenbuurt, Planetenbuurt, Hofstede
"""
)
VILLAGE_NEIGHBOURHOODS = split_list(
    """
Dorpskern, Kerkebuurt, De Brink, Het Veld, Dijkwijk, Bolwerk, De Schans, Het Zand,
Molenwijk, De Akkers, Oude Dorp, De Weiden, Polderwijk, De Esch, Havenbuurt
"""
)
FIRST_NAMES = split_list(
    """
Anna, Sanne, Lotte, Fleur, Eva, Sophie, Emma, Julia, Lisa, Iris, Femke, Marloes,
Ingrid, Marieke, Hanneke, Annemiek, Petra, Karin, Monique, Esther, Judith, Wilma,
Ria, Gerda, Anouk, Noor, Roos, Merel, Yvonne, Carla, Nicole, Saskia, Fatima,
Khadija, Samira, Aïcha, Nadia, Yasmina, Zeynep, Elif, Ayşe, Priya, Shanti, Mei,
Olga, Agnieszka, Ilse, Jan, Pieter, Kees, Henk, Willem, Gerrit, Joost, Bas, Tim,
Daan, Sem, Thijs, Ruben, Jeroen, Maarten, Erik, Marco, Bart, Rob, Frank, Hans, Ton,
Wim, Sjoerd, Wouter, Niels, Stefan, Michiel, Dirk, Hendrik, Frits, Arjen, Jelle,
Harm, Mohamed, Ahmed, Youssef, Mustafa, Hassan, Karim, Said, Mehmet, Emre, Murat,
Kofi, Rajesh, Ravi, Tomasz, Piotr, Dewi, Kevin, Rik, Luuk, Jesse, Milan, Koen, Lars
"""
)
# Surnames with their tussenvoegsel, which stays lower-case inside a full name.
SURNAMES = tuple(
    split_surname(name)
    for name in split_list(
        """
de Vries, Jansen, van Dijk, Bakker, Visser, Smit, Meijer, de Boer, Mulder, de Groot,
Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit, Dijkstra, Smits,
de Graaf, van der Meer, van der Linden, Kok, Jacobs, de Haan, Vermeulen, van den
Berg, van der Heijden, van der Veen, van den Broek, de Bruijn, de Jong, Schouten,
van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas, Verhoeven, Koster, van
Dam, van der Wal, Prins, Blom, Huisman, Peeters, de Leeuw, Kuipers, van Wijk,
Postma, Kramer, van den Heuvel, Schipper, Vink, ter Horst, ten Cate, in 't Veld, van
't Hof, Wouters, Boersma, Veenstra, Zijlstra, Mertens, Claassen, Hermans, van Rijn,
Timmermans, Groen, Gerritsen, Evers, van Dongen, El Amrani, Bouzid, El Idrissi,
Benali, Yılmaz, Kaya, Demir, Şahin, Öztürk, Ramdin, Mahabier, Soekhoe, Tjon,
Martina, Kowalski, Nowak, Nguyen, Mensah, Osei, Pinas, Wijnaldum, Lambrechts,
Kusters, Janssen, Hooghiemstra
"""
    )
)

# Universities of applied sciences, per province code: researchers and knowledge
# partners are usually found close by.
HOGESCHOLEN: dict[str, tuple[str, ...]] = {
    "PV20": ("Hanzehogeschool Groningen",),
    "PV21": ("NHL Stenden Hogeschool", "Van Hall Larenstein"),
    "PV22": ("NHL Stenden Hogeschool", "Hanzehogeschool Groningen"),
    "PV23": ("Saxion", "Hogeschool Windesheim"),
    "PV24": ("Hogeschool Windesheim", "Aeres Hogeschool"),
    "PV25": ("Hogeschool van Arnhem en Nijmegen", "Christelijke Hogeschool Ede"),
    "PV26": ("Hogeschool Utrecht",),
    "PV27": ("Hogeschool van Amsterdam", "Hogeschool Inholland"),
    "PV28": ("Hogeschool Rotterdam", "De Haagse Hogeschool", "Hogeschool Leiden"),
    "PV29": ("HZ University of Applied Sciences",),
    "PV30": ("Avans Hogeschool", "Fontys Hogescholen"),
    "PV31": ("Zuyd Hogeschool", "Fontys Hogescholen"),
}
NATIONAL_KNOWLEDGE = ("Movisie", "Platform31", "Verwey-Jonker Instituut")
LECTORATEN = (
    "Maatschappelijke Participatie",
    "Wijkgericht Werken",
    "Sociale Innovatie",
    "Armoede-interventies",
    "Burgerschap en Diversiteit",
    "Samenwerken in de Wijk",
    "Duurzame Stedelijke Ontwikkeling",
    "Sociaal Werk",
    "Langer Thuis",
    "Jeugd en Opvoeding",
    "Energietransitie in de Gebouwde Omgeving",
)
# Research groups whose subject fits a theme; others come from LECTORATEN.
THEME_LECTORATEN: dict[str, tuple[str, ...]] = {
    "armoede-en-schulden": ("Armoede-interventies", "Schulden en Incasso"),
    "werk-en-economie": ("Sociale Innovatie", "Sociaal Ondernemerschap"),
    "wonen": ("Wonen en Leefomgeving", "Krachtige Wijken"),
    "zorg-en-gezondheid": ("Zorg in de Wijk", "Gezondheid en Welzijn"),
    "ouder-worden": ("Langer Thuis", "Ouder Worden in de Wijk"),
    "jeugd-en-opvoeden": ("Jeugd en Opvoeding", "Opgroeien in de Stad"),
    "veiligheid": ("Veiligheid in de Wijk", "Ondermijning en Weerbaarheid"),
    "duurzaamheid-en-energie": (
        "Energietransitie in de Gebouwde Omgeving",
        "Duurzame Stedelijke Ontwikkeling",
    ),
    "ontmoeting-en-eenzaamheid": ("Sociale Verbinding", "Eenzaamheid en Welzijn"),
    "integratie-en-inclusie": ("Burgerschap en Diversiteit", "Inclusie en Taal"),
    "openbare-ruimte": ("Duurzame Stedelijke Ontwikkeling", "Stedelijke Vernieuwing"),
    "participatie-en-samenwerking": (
        "Maatschappelijke Participatie",
        "Samenwerken in de Wijk",
    ),
    "organiseren-en-financieren": ("Sociale Innovatie", "Burgerinitiatieven"),
    "kennis-en-leren": ("Wijkgericht Werken", "Professionalisering Sociaal Werk"),
}
PROFESSIONAL_JOBS = (
    "opbouwwerker",
    "wijkverpleegkundige",
    "jongerenwerker",
    "buurtcoach",
    "sociaal makelaar",
    "wijkagent",
    "gebiedsmakelaar",
    "community builder",
    "schuldhulpverlener",
    "ouderenadviseur",
    "wijkconsulent bij de corporatie",
    "participatiemakelaar",
)
SOCIAL_INSTITUTIONS = (
    "Welzijn {plaats}",
    "Stichting Welzijn {plaats}",
    "Wijkteam {wijk}",
    "Buurtteam {wijk}",
    "Humanitas {plaats}",
    "Voedselbank {plaats}",
    "Bibliotheek {plaats}",
    "Jongerenwerk {plaats}",
    "Buurtzorg team {wijk}",
    "Stichting Present {plaats}",
    "Basisschool De {boom}",
)
HOUSING_CORPORATIONS = (
    "Woonstichting {plaats}",
    "{plaats} Wonen",
    "Wooncorporatie {huis}",
    "Woonbedrijf {plaats}",
)
FUNDERS = (
    "Oranje Fonds",
    "VSBfonds",
    "Kansfonds",
    "Skanfonds",
    "Rabobank Coöperatiefonds",
    "Provincie {provincie}",
    "Prins Bernhard Cultuurfonds",
)
THEME_FUNDERS: dict[str, str] = {
    "ouder-worden": "Nationaal Ouderenfonds",
    "jeugd-en-opvoeden": "Jeugdfonds Sport & Cultuur",
    "duurzaamheid-en-energie": "Provincie {provincie}",
    "armoede-en-schulden": "Kansfonds",
}
ENTREPRENEURS = (
    "Ondernemersvereniging {plaats}",
    "Bakkerij {achternaam}",
    "Buurtsupermarkt {wijk}",
    "Installatiebedrijf {achternaam}",
    "Koffiebar De {boom}",
    "{achternaam} Advies",
    "Fietsenmaker {achternaam}",
    "Lokale ondernemers uit {wijk}",
)
RESIDENT_PARTNERS = (
    "Bewoners van {wijk}",
    "Bewonerscommissie {wijk}",
    "Vrijwilligers uit {wijk}",
    "Huurdersvereniging {wijk}",
    "Buurtbewoners",
)
# What a partner brings, as a noun phrase: "Wat <partner> bijdraagt: <phrase>".
CONTRIBUTIONS: dict[str, tuple[str, ...]] = {
    "residents": (
        "Vrijwillige inzet: activiteiten bedenken en uitvoeren.",
        "Het bestuur en de koers van het initiatief.",
        "Ideeën, tijd en een eigen netwerk in de buurt.",
    ),
    "entrepreneurs": (
        "Materiaal en korting op inkopen.",
        "Werkervaringsplekken voor buurtbewoners.",
        "Sponsoring van activiteiten en kennis van de wijkeconomie.",
    ),
    "social_institution": (
        "Een opbouwwerker die de vrijwilligers enkele uren per week ondersteunt.",
        "Doorverwijzing van bewoners en kennis over de wijk.",
        "Een ruimte en hulp bij de organisatie.",
    ),
    "municipality": (
        "Subsidie voor de eerste jaren en een vast aanspreekpunt.",
        "Een gebiedsmakelaar die meedenkt en helpt bij vergunningen.",
        "Grond in bruikleen.",
    ),
    "housing_corporation": (
        "Een ruimte in een van haar complexen.",
        "Een bijdrage in de huur en betrokkenheid van huurders bij renovaties.",
        "Een wijkconsulent die aanschuift bij het overleg.",
    ),
    "knowledge_institution": (
        "Studenten en onderzoekers die volgen wat het initiatief oplevert.",
        "Begeleiding van een evaluatie, en de lessen die daaruit volgen.",
        "Stagiairs en praktijkonderzoek.",
    ),
    "funder": (
        "Een bijdrage voor de opstartfase.",
        "Financiering van een project van twee jaar.",
        "Een lening voor de verbouwing van het gebouw.",
    ),
}
CLOSINGS = (
    "Nieuwe vrijwilligers zijn van harte welkom; ervaring is niet nodig.",
    "Heb je een idee of wil je meedoen? Loop gerust eens binnen.",
    "We delen onze ervaringen graag met andere initiatieven in het netwerk.",
    "Onze grootste uitdaging blijft het vinden van nieuwe bestuursleden.",
    "Structurele financiering is nog altijd onze grootste zorg.",
    "We zoeken contact met initiatieven elders die met hetzelfde bezig zijn.",
    "Wat we geleerd hebben, hebben we vastgelegd zodat anderen er iets aan hebben.",
)
LICENCES = (
    ("CC BY 4.0", 40),
    ("CC BY-SA 4.0", 20),
    ("CC BY-NC 4.0", 10),
    ("Alle rechten voorbehouden", 15),
    ("", 15),
)
