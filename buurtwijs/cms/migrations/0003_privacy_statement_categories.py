"""Bring the privacy statement made by 0002 up to date: every category of data.

Only text still exactly as 0002 wrote it is replaced; a statement an editor has
rewritten is left alone (the test of the register then names what it lacks).
"""

from django.db import migrations

OLD_SECTION = "<h2>Welke gegevens wij bewaren</h2>\n<ul>\n<li>Je e-mailadres en wachtwoord (versleuteld) om in te loggen. Je e-mailadres tonen\nwij nooit aan anderen.</li>\n<li>Het profiel dat je zelf invult: naam, organisatie, gemeente, rol, waar je mee bezig\nbent en je thema's. Je profiel is privé tot je het zelf openbaar maakt, en je kiest per\nonderdeel wat anderen zien.</li>\n<li>Je toestemming: de tekst waarmee je akkoord ging en het tijdstip.</li>\n<li>Wat je deelt: initiatieven, documenten en reacties, zolang je die deelt.</li>\n</ul>\n"
OLD_RETENTION = '<h2>Bewaartermijnen</h2>\n<p>Je account en profiel bewaren wij tot je ze verwijdert. Na verwijdering zijn ze\ndirect uit de database weg; back-ups worden na uiterlijk dertig dagen overschreven.</p>'


def _between(text, start, end):
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


def update_statement(apps, schema_editor):
    from buurtwijs.cms.statements import PRIVACY_STATEMENT

    ContentPage = apps.get_model("cms", "ContentPage")
    new_section = _between(PRIVACY_STATEMENT, "<h2>Welke gegevens", "<h2>Waarvoor")
    new_retention = _between(PRIVACY_STATEMENT, "<h2>Bewaartermijnen", "\n<h2>Cookies")
    for page in ContentPage.objects.filter(slug="privacy"):
        body = page.body.replace(OLD_SECTION, new_section).replace(
            OLD_RETENTION, new_retention.rstrip("\n")
        )
        if body != page.body:
            page.body = body
            page.save(update_fields=["body"])


class Migration(migrations.Migration):
    dependencies = [("cms", "0002_create_site_structure")]

    operations = [migrations.RunPython(update_statement, migrations.RunPython.noop)]
