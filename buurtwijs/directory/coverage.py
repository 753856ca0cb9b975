"""Reads for the coverage page: where the network has initiatives and where not."""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from buurtwijs.core.models import Municipality
from buurtwijs.core.urbanity import Urbanity, urbanity
from buurtwijs.directory.models import Initiative


@dataclass
class AreaCoverage:
    """Figures for one province, or for the whole country."""

    name: str
    code: str = ""
    initiatives: int = 0
    municipalities: int = 0
    urban: int = 0
    urban_without: int = 0
    rural: int = 0
    rural_without: int = 0
    without: int = 0
    cases: int = 0

    @property
    def share_without(self) -> float | None:
        """Share (0–100) of the municipalities without a published initiative."""
        return _percentage(self.without, self.municipalities)

    @property
    def urban_share_without(self) -> float | None:
        return _percentage(self.urban_without, self.urban)

    @property
    def rural_share_without(self) -> float | None:
        return _percentage(self.rural_without, self.rural)

    def add(self, *, initiatives: int, character: Urbanity) -> None:
        self.initiatives += initiatives
        self.municipalities += 1
        empty = initiatives == 0
        self.without += empty
        if character is Urbanity.URBAN:
            self.urban += 1
            self.urban_without += empty
        elif character is Urbanity.RURAL:
            self.rural += 1
            self.rural_without += empty


def _percentage(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


@dataclass(frozen=True)
class Coverage:
    """Coverage per province (in Dutch name order) and for the Netherlands."""

    provinces: list[AreaCoverage]
    total: AreaCoverage
    # Cases with neither a municipality nor an initiative: in the total only.
    cases_without_place: int = 0


def _cases_per_province() -> dict[str | None, int]:
    """Live public cases per province code: their municipality's province, else
    that of their initiative's municipality; None for cases with neither.

    Two queries (Wagtail's view restrictions, then the counts). The model is
    looked up by name: knowledge builds on the directory, not the other way round.
    """
    case_model = apps.get_model("knowledge", "CasePage")
    rows = (
        case_model.objects.live()
        .public()
        .annotate(
            province_code=Coalesce(
                "municipality__province__code",
                "initiative__municipality__province__code",
            )
        )
        .order_by()
        .values("province_code")
        .annotate(count=Count("id"))
    )
    return {row["province_code"]: row["count"] for row in rows}


def coverage_by_province() -> Coverage:
    """Published initiatives, live cases and municipalities without an initiative,
    per province.

    Three queries: every municipality with its number of published initiatives,
    and the cases per province. Urban and rural follow ``buurtwijs.core.urbanity``.
    """
    municipalities = (
        Municipality.objects.select_related("province")
        .annotate(
            published=Count(
                "initiatives",
                filter=Q(initiatives__status=Initiative.Status.PUBLISHED),
            )
        )
        .order_by("province__name", "sort_name")
    )
    provinces: dict[str, AreaCoverage] = {}
    total = AreaCoverage(name="Nederland")
    for municipality in municipalities:
        province = municipality.province
        area = provinces.setdefault(
            province.code, AreaCoverage(name=province.name, code=province.code)
        )
        character = urbanity(
            population=municipality.population, area_km2=municipality.area_km2
        )
        area.add(initiatives=municipality.published, character=character)
        total.add(initiatives=municipality.published, character=character)
    cases = _cases_per_province()
    for code, area in provinces.items():
        area.cases = cases.get(code, 0)
    total.cases = sum(cases.values())
    return Coverage(
        provinces=list(provinces.values()),
        total=total,
        cases_without_place=cases.get(None, 0),
    )
