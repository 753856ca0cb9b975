"""The full-text index beside SearchEntry, in the form each database does best."""

from django.db import migrations


def create_index(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "ALTER TABLE search_searchentry ADD COLUMN document tsvector"
            )
            cursor.execute(
                "CREATE INDEX search_entry_document ON search_searchentry "
                "USING gin (document)"
            )
        elif connection.vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE search_fts USING fts5("
                "title, body, tokenize='unicode61 remove_diacritics 2')"
            )


def drop_index(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("DROP INDEX IF EXISTS search_entry_document")
            cursor.execute(
                "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS document"
            )
        elif connection.vendor == "sqlite":
            cursor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
