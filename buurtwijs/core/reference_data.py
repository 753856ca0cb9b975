"""Load the shipped reference data (provinces, municipalities, themes) idempotently."""

import csv
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from buurtwijs.core.text import dutch_sort_key

DATA_DIR = Path(__file__).resolve().parent / "data"
MUNICIPALITIES_CSV = DATA_DIR / "municipalities.csv"
THEMES_JSON = DATA_DIR / "themes.json"


def read_municipalities() -> list[dict[str, str]]:
    """Rows of the shipped municipality file."""
    with MUNICIPALITIES_CSV.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_themes() -> list[dict[str, Any]]:
    """The 14 themes of the taxonomy, in their fixed order."""
    return json.loads(THEMES_JSON.read_text(encoding="utf-8"))


def load_reference_data(
    province_model: Any, municipality_model: Any, theme_model: Any
) -> None:
    """Create or update provinces, municipalities and themes from the shipped files.

    Takes the model classes as arguments so data migrations can pass historical models.
    Existing rows keep their primary keys; theme labels edited by editors are kept.
    """
    rows = read_municipalities()
    provinces = {}
    for row in rows:
        code = row["province_code"]
        if code not in provinces:
            provinces[code], _ = province_model.objects.update_or_create(
                code=code, defaults={"name": row["province"]}
            )
    for row in rows:
        municipality_model.objects.update_or_create(
            code=row["gm_code"],
            defaults={
                "name": row["name"],
                "display_name": row["display_name"],
                "sort_name": dutch_sort_key(row["display_name"]),
                "province": provinces[row["province_code"]],
                "population": int(row["population"]) if row["population"] else None,
                "area_km2": Decimal(row["area_km2"]) if row["area_km2"] else None,
                "latitude": float(row["lat"]),
                "longitude": float(row["lon"]),
            },
        )
    for theme in read_themes():
        theme_model.objects.get_or_create(
            slug=theme["slug"],
            defaults={
                "name": theme["name"],
                "name_en": theme["name_en"],
                "keywords": ", ".join(theme["keywords"]),
                "position": theme["position"],
            },
        )
