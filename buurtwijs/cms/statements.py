"""The first text of the privacy and accessibility statements; editors change it."""

PRIVACY_STATEMENT = """
<h2>Wie is verantwoordelijk</h2>
<p>Buurtwijs is het kennis- en leernetwerk voor buurtontwikkeling. De organisatie die
dit netwerk beheert is verwerkingsverantwoordelijke in de zin van de Algemene
verordening gegevensbescherming (AVG).</p>
<h2>Welke gegevens wij bewaren</h2>
<p>Dit zijn alle soorten persoonsgegevens die Buurtwijs bewaart. Op
<a href="/mijn-profiel/">Mijn profiel</a> download je ze allemaal (JSON of CSV) en
verwijder je je account.</p>
<ul>
<li><strong>Account</strong>: je e-mailadres, wachtwoord (versleuteld), taal voor
e-mail, rollen en wanneer je lid werd en voor het laatst inlogde, om in te loggen en je
de mail te sturen die bij je account hoort. Je e-mailadres tonen wij nooit aan
anderen.</li>
<li><strong>Profiel</strong>: wat je zelf invult (naam, organisatie, gemeente, rol, waar
je mee bezig bent, thema's). Privé tot je het openbaar maakt; je kiest per onderdeel
wat anderen zien.</li>
<li><strong>Toestemmingen</strong>: de tekst waarmee je akkoord ging en het
tijdstip.</li>
<li><strong>Leervragen en stemmen</strong>: de leervragen die je plaatste en bij welke
vragen je &ldquo;ook mijn vraag&rdquo; koos.</li>
<li><strong>Reacties op oproepen</strong>: je antwoorden, gemeente en rol, zonder
account en zonder e-mailadres (een adres voor een kopie gebruiken wij één keer en
bewaren wij niet).</li>
<li><strong>Aanmeldingen evenementen</strong>: je naam, e-mailadres, taal en status per
evenement, om je plek te bewaren en je erover te mailen.</li>
<li><strong>Reacties op artikelen</strong>: je reacties met de naam die je opgaf, bij
reacties zonder account het e-mailadres om ze te bevestigen (nooit getoond), en je
meldingen van reacties.</li>
<li><strong>Leernetwerken</strong>: je lidmaatschappen, e-mailinstellingen, de
gesprekken en reacties die je schreef en welke overzichtsmails je kreeg.</li>
<li><strong>Abonnement op de nieuwsbrief</strong>: je e-mailadres, naam, taal en
thema's, je toestemming en welke nieuwsbrieven je kreeg.</li>
<li><strong>Contactverzoeken tussen mensen</strong>: berichten die je via Buurtwijs aan
iemand stuurde of kreeg, met naam en e-mailadres van de afzender (niet getoond), om
misbruik te beperken.</li>
<li><strong>Initiatieven en claims</strong>: de initiatieven die je aanmeldde of
beheert, een contactadres dat van jou is (nooit getoond) en je claims op een
initiatief.</li>
<li><strong>Berichten aan initiatieven</strong>: je naam, e-mailadres en bericht aan
een initiatief, om misbruik te beperken.</li>
<li><strong>Documenten die je deelde</strong>: welke documenten jij uploadde.</li>
<li><strong>Redactiewerk aan de leeragenda</strong>: voor redacteuren, welke analyses
en keuzes je maakte.</li>
</ul>
<h2>Waarvoor</h2>
<p>Alleen om het netwerk te laten werken: inloggen, je profiel tonen zoals jij dat
kiest, en je berichten sturen die bij je account horen. Wij verkopen niets, plaatsen
geen advertenties en gebruiken geen trackers of scripts van derden.</p>
<h2>Je rechten</h2>
<p>Op de pagina <a href="/mijn-profiel/">Mijn profiel</a> download je al je gegevens
(inzage en overdraagbaarheid), pas je ze aan (rectificatie) en verwijder je je
account met je profiel (vergetelheid). Vragen of een klacht? Neem contact op met de
beheerders van het netwerk; je kunt ook een klacht indienen bij de Autoriteit
Persoonsgegevens.</p>
<h2>Bewaartermijnen</h2>
<p>Je account en profiel bewaren wij tot je ze verwijdert. Verwijder je je account, dan
verwijderen wij direct alles wat alleen over jou gaat: profiel, toestemmingen,
aanmeldingen, abonnement, berichten en lidmaatschappen, ook wat je zonder in te loggen
met hetzelfde e-mailadres deed. Wat je met het netwerk deelde (gesprekken, reacties,
gepubliceerde reacties op artikelen, leervragen, initiatieven en documenten) blijft
staan als van een &ldquo;oud-lid&rdquo;, zonder je naam of adres. Back-ups worden na
uiterlijk dertig dagen overschreven.</p>
<p>Reacties op oproepen bewaren wij zo lang als bij de oproep staat. Daarna
verwijderen wij de open antwoorden; gemeente, rol, gekozen antwoorden en de leervragen
blijven voor de tellingen.</p>
<h2>Cookies</h2>
<p>Buurtwijs gebruikt alleen functionele cookies: één om je ingelogd te houden, één
tegen vervalste formulieren en één die je taalkeuze onthoudt.</p>
"""

ACCESSIBILITY_STATEMENT = """
<h2>Ons doel</h2>
<p>Buurtwijs moet bruikbaar zijn voor iedereen: ook met een schermlezer, alleen met het
toetsenbord, met vergroting of zonder JavaScript. Wij volgen de Web Content
Accessibility Guidelines (WCAG) 2.2 op niveau AA en bouwen met de componenten van het
NL Design System.</p>
<h2>Hoe wij dit bewaken</h2>
<ul>
<li>Elke pagina is opgebouwd uit semantische HTML met koppen, oriëntatiepunten en
labels bij elk formulierveld.</li>
<li>Een link &ldquo;Direct naar de inhoud&rdquo; staat bovenaan elke pagina; de focus is
altijd zichtbaar.</li>
<li>Bij elke wijziging controleren geautomatiseerde tests in een echte browser de
pagina's met axe-core op de regels van WCAG 2.2 AA.</li>
</ul>
<h2>Bekende beperkingen</h2>
<p>Documenten die leden delen (zoals PDF-bestanden) zijn niet altijd toegankelijk
gemaakt door de maker. Vraag gerust om een andere vorm.</p>
<h2>Iets gevonden?</h2>
<p>Loop je ergens tegenaan? Laat het de beheerders van het netwerk weten. Wij reageren
binnen vijf werkdagen.</p>
"""
