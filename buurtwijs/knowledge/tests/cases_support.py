"""Build practice cases for tests the way an editor does: pages under the case list."""

import datetime
from collections.abc import Sequence

from django.utils import timezone
from django.utils.text import slugify

from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.knowledge.models import CaseIndexPage, CasePage, CasePartner

NOW = timezone.now()


def case_index() -> CaseIndexPage:
    """The one case list, created by the knowledge app's migration."""
    return CaseIndexPage.objects.get(slug="praktijkvoorbeelden")


def make_case(
    title: str,
    *,
    slug: str | None = None,
    municipality: str | None = "GM0344",
    year: int | None = 2019,
    themes: Sequence[str] = (),
    partners: Sequence[tuple[str, str, str]] = (),
    initiative: Initiative | None = None,
    published_days_ago: int = 0,
    live: bool = True,
    **fields: object,
) -> CasePage:
    """A case page under the case list, published unless `live` is False.

    `partners` are (name, role, drivers); `themes` are theme slugs.
    """
    case = CasePage(
        title=title,
        slug=slug or slugify(title),
        municipality=(
            Municipality.objects.get(code=municipality) if municipality else None
        ),
        year=year,
        initiative=initiative,
        themes=list(Theme.objects.filter(slug__in=themes)),
        partners=[
            CasePartner(name=name, role=role, drivers=drivers)
            for name, role, drivers in partners
        ],
        **fields,
    )
    case.live = False
    case_index().add_child(instance=case)
    if live:
        case.save_revision().publish()
        # The publication date decides the "newest first" order.
        published = NOW - datetime.timedelta(days=published_days_ago)
        CasePage.objects.filter(pk=case.pk).update(
            first_published_at=published, last_published_at=published
        )
        case.refresh_from_db()
    return case
