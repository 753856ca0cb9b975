"""Dutch first: every interface string has a Dutch translation."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[1] / "locale"


def test_dutch_catalogue_translates_every_string_and_has_nothing_fuzzy() -> None:
    catalogue = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert len(catalogue.translated_entries()) > 100
    assert untranslated == []
    assert fuzzy == []


def test_dutch_translations_keep_their_placeholders() -> None:
    catalogue = polib.pofile(str(LOCALE / "nl" / "LC_MESSAGES" / "django.po"))
    for entry in catalogue.translated_entries():
        for placeholder in ("%(counter)s", "%(number)s", "%(total)s", "%(name)s"):
            if placeholder in entry.msgid:
                translations = [entry.msgstr, *entry.msgstr_plural.values()]
                assert all(placeholder in t for t in translations if t), entry.msgid
