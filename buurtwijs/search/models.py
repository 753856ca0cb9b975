"""One row per searchable record, whatever its kind, in one ranked index."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    INITIATIVE = "initiative", _("Initiative")
    PERSON = "person", _("Person")
    CASE = "case", _("Case")
    DOCUMENT = "document", _("Document")
    PUBLICATION = "publication", _("Publication")
    ARTICLE = "article", _("Article")
    EVENT = "event", _("Event")
    QUESTION = "question", _("Learning question")


class SearchEntry(models.Model):
    """A public record as search shows it: title, text for snippets, filters, link.

    The full-text index itself lives beside this table: a ``tsvector`` column with a
    GIN index on PostgreSQL, an FTS5 table ``search_fts`` keyed by this id on SQLite
    (both made by migration 0002, both written by ``search.backends``). The row is
    kept narrow, because a search reads every matching row: the text a snippet is
    cut from lives in ``SearchText``, read only for the hits shown.
    """

    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    object_id = models.CharField(max_length=64)
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(max_length=500)
    # Theme slugs between spaces (" armoede zorg "), so a filter is one LIKE.
    themes = models.CharField(max_length=500, blank=True)
    municipality_code = models.CharField(max_length=8, blank=True)
    province_code = models.CharField(max_length=8, blank=True)
    date = models.DateTimeField(null=True, blank=True)
    boost = models.FloatField(default=1.0)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id"], name="search_entry_unique_object"
            )
        ]
        indexes = [models.Index(fields=["municipality_code"])]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"


class SearchText(models.Model):
    """The text a search entry's snippet is cut from."""

    entry = models.OneToOneField(
        SearchEntry, on_delete=models.CASCADE, primary_key=True, related_name="text"
    )
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search text")
        verbose_name_plural = _("search texts")

    def __str__(self) -> str:
        return str(self.entry_id)
