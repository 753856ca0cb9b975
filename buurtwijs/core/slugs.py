"""Web addresses made from names, numbered when the name is already taken."""

from django.db.models import QuerySet
from django.utils.text import slugify


def unique_slug(taken: QuerySet, text: str, *, fallback: str, max_length: int) -> str:
    """A slug for ``text`` that no row in ``taken`` has: base, base-2, base-3, …

    One query reads every slug that starts with the base, whatever the count.
    """
    base = slugify(text)[:max_length] or fallback
    existing = set(taken.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in existing:
        slug = f"{base}-{number}"
        number += 1
    return slug
