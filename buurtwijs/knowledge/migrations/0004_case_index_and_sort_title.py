"""A stored Dutch sort key for case titles, and the one case list under the home page."""

from django.db import migrations, models

INDEX_SLUG = "praktijkvoorbeelden"
INDEX_INTRO = (
    "Wat gebeurt er als bewoners, ondernemers, instellingen en gemeenten samen een "
    "vraagstuk in hun buurt oppakken? Lees wat partijen dreef, wat ervan terechtkwam, "
    "waar ze vastliepen en wat ze leerden, en zet voorbeelden naast elkaar."
)
# treebeard's path alphabet: each level of the tree is four base-36 digits.
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number):
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(4, "0")


def create_case_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("cms", "HomePage")
    CaseIndexPage = apps.get_model("knowledge", "CaseIndexPage")

    home = HomePage.objects.first()
    if home is None or CaseIndexPage.objects.exists():
        return
    children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    if children.filter(slug=INDEX_SLUG).exists():
        return
    last = children.order_by("-path").values_list("path", flat=True).first()
    position = int(last[-4:], 36) + 1 if last else 1
    content_type, _ = ContentType.objects.get_or_create(
        app_label="knowledge", model="caseindexpage"
    )
    CaseIndexPage.objects.create(
        content_type=content_type,
        title="Praktijkvoorbeelden",
        draft_title="Praktijkvoorbeelden",
        slug=INDEX_SLUG,
        intro=INDEX_INTRO,
        path=home.path + _step(position),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}{INDEX_SLUG}/",
        locale_id=home.locale_id,
        live=True,
        show_in_menus=True,
    )
    Page.objects.filter(pk=home.pk).update(numchild=children.count())


def remove_case_index(apps, schema_editor):
    CaseIndexPage = apps.get_model("knowledge", "CaseIndexPage")
    Page = apps.get_model("wagtailcore", "Page")
    for index in CaseIndexPage.objects.filter(slug=INDEX_SLUG, numchild=0):
        parent_path = index.path[:-4]
        index.delete()
        parent = Page.objects.filter(path=parent_path).first()
        if parent is not None:
            Page.objects.filter(pk=parent.pk).update(
                numchild=Page.objects.filter(
                    path__startswith=parent_path, depth=parent.depth + 1
                ).count()
            )


class Migration(migrations.Migration):

    dependencies = [
        ("cms", "0002_create_site_structure"),
        ("knowledge", "0003_cases_documents"),
    ]

    operations = [
        migrations.AddField(
            model_name="casepage",
            name="sort_title",
            field=models.CharField(
                db_default="", db_index=True, editable=False, max_length=255
            ),
        ),
        migrations.RunPython(create_case_index, remove_case_index),
    ]
