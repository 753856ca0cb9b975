"""API: theme scores for learning questions, from the analysis engine."""

import hashlib
from typing import Annotated, Any

from django.core.cache import cache
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from buurtwijs.analysis.themes import score_texts
from buurtwijs.core.api import ErrorOut

MAX_TEXTS = 100
MAX_TEXT_LENGTH = 5_000
# Anonymous callers get this many requests per window and address; members none.
ANONYMOUS_LIMIT = 60
LIMIT_WINDOW_SECONDS = 60


class ThemesIn(Schema):
    texts: list[Annotated[str, Field(max_length=MAX_TEXT_LENGTH)]] = Field(
        max_length=MAX_TEXTS,
        description=f"At most {MAX_TEXTS} texts of at most {MAX_TEXT_LENGTH:,} "
        "characters each.",
    )


class ThemeScoreOut(Schema):
    slug: str
    label: str = Field(description="The theme's Dutch name.")
    score: float = Field(description="0 (not about it) … 1 (clearly about it).")


class ThemeResultOut(Schema):
    themes: list[ThemeScoreOut] = Field(
        description="All 14 themes, highest score first."
    )


class ThemesOut(Schema):
    results: list[ThemeResultOut] = Field(description="One result per text, in order.")


router = Router(tags=["analysis"])


def _over_limit(request: HttpRequest) -> bool:
    """Count an anonymous request from this address; True past the limit."""
    if request.user.is_authenticated:
        return False
    address = request.META.get("REMOTE_ADDR", "")
    key = "analysis-themes:" + hashlib.sha256(address.encode()).hexdigest()
    # add() starts the window; incr() counts within it (atomic on Redis/Memcached).
    if cache.add(key, 1, timeout=LIMIT_WINDOW_SECONDS):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.add(key, 1, timeout=LIMIT_WINDOW_SECONDS)
        return False
    return count > ANONYMOUS_LIMIT


@router.post(
    "/analysis/themes",
    response={200: ThemesOut, 422: Any, 429: ErrorOut},
    summary="Theme scores for texts",
    description="Scores each text on the 14 themes of the network (0 … 1, several "
    "can be high), highest first, one result per text in the order given. At most "
    f"{MAX_TEXTS} texts of at most {MAX_TEXT_LENGTH:,} characters; more answers 422 "
    "naming the field. Without an account at most "
    f"{ANONYMOUS_LIMIT} requests a minute per address (429 past that).",
)
def analysis_themes(request: HttpRequest, payload: ThemesIn) -> dict[str, Any]:
    if _over_limit(request):
        raise HttpError(
            429,
            f"Too many requests: at most {ANONYMOUS_LIMIT} a minute without an "
            "account. Try again in a minute.",
        )
    results = score_texts(payload.texts)
    return {
        "results": [
            {
                "themes": [
                    {"slug": item.slug, "label": item.label, "score": item.score}
                    for item in scores
                ]
            }
            for scores in results
        ]
    }
