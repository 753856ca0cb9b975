"""Reference data every domain uses: provinces, municipalities and themes."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Province(models.Model):
    """A Dutch province with its CBS code (PV20 … PV31)."""

    code = models.CharField(_("CBS code"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    """A current Dutch municipality (gemeente) with its CBS code (GM0363)."""

    code = models.CharField(_("CBS code"), max_length=6, unique=True)
    name = models.CharField(_("official name"), max_length=100)
    display_name = models.CharField(_("name"), max_length=100)
    sort_name = models.CharField(max_length=100, db_index=True, editable=False)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="municipalities",
        verbose_name=_("province"),
    )
    population = models.PositiveIntegerField(_("residents (approx.)"), null=True)
    area_km2 = models.DecimalField(
        _("land area (km²)"), max_digits=8, decimal_places=2, null=True
    )
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        ordering = ["sort_name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.display_name


class Theme(models.Model):
    """A theme of the Buurtwijs taxonomy; the slug is fixed, the labels editable."""

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    keywords = models.TextField(
        _("covers"), blank=True, help_text=_("Comma-separated words the theme covers.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The label in the active language, Dutch when no English one is set."""
        if (get_language() or "nl").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]
