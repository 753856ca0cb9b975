"""Replace Wagtail's welcome page with the Buurtwijs home page and its sections."""

from django.db import migrations

from buurtwijs.cms.statements import ACCESSIBILITY_STATEMENT, PRIVACY_STATEMENT

HOME_INTRO = (
    "Het kennis- en leernetwerk voor buurtontwikkeling: bewonerscollectieven, "
    "buurtmakers, wijkprofessionals, beleidsmakers en onderzoekers vinden elkaar, "
    "delen wat werkt en maken samen een leeragenda."
)


def _add_child(apps, parent, model_name, **fields):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Model = apps.get_model("cms", model_name)
    content_type, _ = ContentType.objects.get_or_create(
        app_label="cms", model=model_name.lower()
    )
    page = Model.objects.create(
        content_type=content_type,
        path=f"{parent.path}{parent.numchild + 1:04d}",
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{fields['slug']}/",
        locale_id=parent.locale_id,
        live=True,
        draft_title=fields["title"],
        **fields,
    )
    parent.numchild += 1
    parent.save(update_fields=["numchild"])
    return page


def create_structure(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    # Buurtwijs has its own roles (member, editor, administrator).
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")

    locale, _ = Locale.objects.get_or_create(language_code="nl")
    Site.objects.all().delete()
    Page.objects.filter(depth=2).delete()
    root = Page.objects.get(depth=1)
    root.numchild = 0
    root.locale_id = locale.pk
    root.save(update_fields=["numchild", "locale_id"])

    home = _add_child(apps, root, "HomePage", title="Buurtwijs", slug="home",
                      intro=HOME_INTRO)
    home.url_path = "/home/"
    home.save(update_fields=["url_path"])
    _add_child(apps, home, "IndexPage", title="Publicaties", slug="publicaties",
               intro="<p>Boeken, rapporten en verkenningen uit het netwerk.</p>")
    _add_child(apps, home, "IndexPage", title="Agenda", slug="agenda",
               intro="<p>Congressen, bijeenkomsten en leersessies.</p>")
    _add_child(apps, home, "ContentPage", title="Privacyverklaring", slug="privacy",
               intro="Welke gegevens Buurtwijs bewaart, waarom, en wat je rechten zijn.",
               body=PRIVACY_STATEMENT, show_in_menus=False)
    _add_child(apps, home, "ContentPage", title="Toegankelijkheidsverklaring",
               slug="toegankelijkheid",
               intro="Buurtwijs wil voor iedereen bruikbaar zijn.",
               body=ACCESSIBILITY_STATEMENT, show_in_menus=False)
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.pk,
                        is_default_site=True, site_name="Buurtwijs")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_structure, migrations.RunPython.noop)]
