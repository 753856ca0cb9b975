"""Urban or rural: a municipality's character from its population density.

CBS classifies municipalities by *stedelijkheid* from the density of addresses
(omgevingsadressendichtheid) in five classes. Buurtwijs holds each municipality's
population and land area instead, so it uses population density with the same
spirit: from 1,000 inhabitants per km² a municipality counts as urban ("stedelijk"),
below it as rural ("landelijk"). A municipality without population or area has an
unknown character and is left out of both groups rather than guessed.
"""

from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

# Inhabitants per km² from which a municipality counts as urban.
URBAN_DENSITY_THRESHOLD = 1000


class Urbanity(StrEnum):
    URBAN = "urban"
    RURAL = "rural"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return str(_URBANITY_LABELS[self])


_URBANITY_LABELS = {
    Urbanity.URBAN: _("urban"),
    Urbanity.RURAL: _("rural"),
    Urbanity.UNKNOWN: _("unknown"),
}


def population_density(
    population: int | None, area_km2: Decimal | float | None
) -> float | None:
    """Inhabitants per km², or None when either figure is missing or the area is 0."""
    if population is None or area_km2 is None or area_km2 <= 0:
        return None
    return population / float(area_km2)


def urbanity(*, population: int | None, area_km2: Decimal | float | None) -> Urbanity:
    """Urban from URBAN_DENSITY_THRESHOLD inhabitants per km², else rural.

    Unknown when the population or the land area is missing.
    """
    density = population_density(population, area_km2)
    if density is None:
        return Urbanity.UNKNOWN
    return Urbanity.URBAN if density >= URBAN_DENSITY_THRESHOLD else Urbanity.RURAL
