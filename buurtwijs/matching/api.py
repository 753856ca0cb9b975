"""Open data API: who knows what, for any text."""

from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from buurtwijs.core.models import Municipality
from buurtwijs.matching.selectors import KINDS, MAX_LIMIT, match_public

KindName = Literal["person", "case", "document", "initiative"]


class MatchQuery(Schema):
    q: str = Field(
        "",
        max_length=5_000,
        description="A question or any text, in Dutch. An empty text matches nothing.",
    )
    type: KindName | None = Field(
        None, description="Only this type: person, case, document or initiative."
    )
    limit: int = Field(10, ge=1, le=MAX_LIMIT, description="At most this many items.")
    municipality: str | None = Field(
        None,
        max_length=20,
        description="CBS code (GM0344): nearby suggestions first. Unknown codes are "
        "ignored; a municipality named in q is used when this is not given.",
    )


class MatchItemOut(Schema):
    type: str
    id: str
    slug: str
    name: str
    url: str
    score: float = Field(description="0 to 1, higher is better.")
    reasons: list[str] = Field(description="Why it was suggested, in words.")


class MatchOut(Schema):
    items: list[MatchItemOut]


router = Router(tags=["matching"])


@router.get(
    "/match",
    response=MatchOut,
    summary="Who knows what",
    description="Public people (who allow suggestions, by what they show), live "
    "cases, public documents and published initiatives that fit a text, best "
    "first, with the reasons. Not cached: an import is visible at once.",
)
def match(request: HttpRequest, params: Query[MatchQuery]) -> dict[str, object]:
    municipality_id = None
    if params.municipality:
        municipality_id = (
            Municipality.objects.filter(code=params.municipality.strip().upper())
            .values_list("id", flat=True)
            .first()
        )
    kinds = (params.type,) if params.type else KINDS
    found = match_public(
        text=params.q, kinds=kinds, limit=params.limit, municipality_id=municipality_id
    )
    suggestions = sorted(
        (suggestion for kind in kinds for suggestion in found[kind]),
        key=lambda suggestion: -suggestion.score,
    )[: params.limit]
    return {
        "items": [
            {
                "type": suggestion.item.type,
                "id": suggestion.item.id,
                "slug": suggestion.item.slug,
                "name": suggestion.item.name,
                "url": request.build_absolute_uri(suggestion.url),
                "score": suggestion.score,
                "reasons": list(suggestion.reason_texts),
            }
            for suggestion in suggestions
        ]
    }
