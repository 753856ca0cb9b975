"""The first text of the privacy and accessibility statements; editors change it."""

PRIVACY_STATEMENT = """
<h2>Wie is verantwoordelijk</h2>
<p>Buurtwijs is het kennis- en leernetwerk voor buurtontwikkeling. De organisatie die
dit netwerk beheert is verwerkingsverantwoordelijke in de zin van de Algemene
verordening gegevensbescherming (AVG).</p>
<h2>Welke gegevens wij bewaren</h2>
<ul>
<li>Je e-mailadres en wachtwoord (versleuteld) om in te loggen. Je e-mailadres tonen
wij nooit aan anderen.</li>
<li>Het profiel dat je zelf invult: naam, organisatie, gemeente, rol, waar je mee bezig
bent en je thema's. Je profiel is privé tot je het zelf openbaar maakt, en je kiest per
onderdeel wat anderen zien.</li>
<li>Je toestemming: de tekst waarmee je akkoord ging en het tijdstip.</li>
<li>Wat je deelt: initiatieven, documenten en reacties, zolang je die deelt.</li>
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
<p>Je account en profiel bewaren wij tot je ze verwijdert. Na verwijdering zijn ze
direct uit de database weg; back-ups worden na uiterlijk dertig dagen overschreven.</p>
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
