"""Load all current Dutch municipalities, their provinces and the 14 themes."""

from django.db import migrations

from buurtwijs.core.reference_data import load_reference_data


def load(apps, schema_editor):
    load_reference_data(
        apps.get_model("core", "Province"),
        apps.get_model("core", "Municipality"),
        apps.get_model("core", "Theme"),
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
