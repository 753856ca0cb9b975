"""A small SVG map of the Netherlands for figures per province.

The country is drawn from the municipalities of the reference data (one dot per
municipality at its centre), so no map data or tiles are needed; each province gets
a circle at the centre of its municipalities whose area follows its figure.
"""

import math
from dataclasses import dataclass
from functools import lru_cache

from buurtwijs.core.models import Municipality

WIDTH = 420
MARGIN = 24
MAX_RADIUS = 34.0
MIN_RADIUS = 3.0
# Longitude degrees are shorter than latitude degrees at the Netherlands' latitude.
LATITUDE_SCALE = 1 / math.cos(math.radians(52.2))


@dataclass(frozen=True)
class MapDot:
    x: float
    y: float


@dataclass(frozen=True)
class ProvinceSymbol:
    name: str
    value: int
    x: float
    y: float
    radius: float
    label_y: float


@dataclass(frozen=True)
class ProvinceMap:
    width: int
    height: int
    dots: tuple[MapDot, ...]
    symbols: tuple[ProvinceSymbol, ...]


@dataclass(frozen=True)
class _Geometry:
    height: int
    dots: tuple[MapDot, ...]
    centres: dict[str, tuple[float, float]]


@lru_cache(maxsize=1)
def _geometry() -> _Geometry:
    rows = list(
        Municipality.objects.values_list("latitude", "longitude", "province__name")
    )
    if not rows:
        return _Geometry(height=WIDTH, dots=(), centres={})
    west = min(lon for _lat, lon, _p in rows)
    east = max(lon for _lat, lon, _p in rows)
    south = min(lat for lat, _lon, _p in rows)
    north = max(lat for lat, _lon, _p in rows)
    scale = (WIDTH - 2 * MARGIN) / max(east - west, 1e-6)
    height = round((north - south) * LATITUDE_SCALE * scale + 2 * MARGIN)

    def place(lat: float, lon: float) -> tuple[float, float]:
        x = MARGIN + (lon - west) * scale
        y = MARGIN + (north - lat) * LATITUDE_SCALE * scale
        return round(x, 1), round(y, 1)

    sums: dict[str, list[float]] = {}
    for lat, lon, province in rows:
        total = sums.setdefault(province, [0.0, 0.0, 0.0])
        total[0] += lat
        total[1] += lon
        total[2] += 1
    return _Geometry(
        height=height,
        dots=tuple(MapDot(*place(lat, lon)) for lat, lon, _p in rows),
        centres={name: place(lat / n, lon / n) for name, (lat, lon, n) in sums.items()},
    )


def province_map(values: dict[str, int]) -> ProvinceMap:
    """Circles per province, their area proportional to the province's value."""
    geometry = _geometry()
    largest = max(values.values(), default=0)
    symbols = []
    for name, value in sorted(values.items(), key=lambda item: -item[1]):
        if name not in geometry.centres:
            continue
        x, y = geometry.centres[name]
        radius = (
            max(MIN_RADIUS, MAX_RADIUS * math.sqrt(value / largest))
            if value and largest
            else 0.0
        )
        symbols.append(
            ProvinceSymbol(
                name=name,
                value=value,
                x=x,
                y=y,
                radius=round(radius, 1),
                label_y=round(y + 4, 1),
            )
        )
    return ProvinceMap(
        width=WIDTH,
        height=geometry.height,
        dots=geometry.dots,
        symbols=tuple(symbols),
    )
