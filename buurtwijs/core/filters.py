"""What every filtered list page shares: its filter form's labels, the query string
of the filters in use, the chips to drop one, and the values a form refused."""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.http import HttpRequest

PAGE_PARAM = "pagina"


class FilterFormMixin:
    """What the list views need of a filter form besides validation."""

    fields: dict[str, forms.Field]
    filter_fields: tuple[str, ...] = ()

    def choice_label(self, name: str, value: str) -> str:
        """The label of a choice of a field, or the value itself when unknown."""
        for choice_value, label in getattr(self.fields[name], "choices", []):
            if choice_value == value:
                return str(label)
        return value


def filter_query(request: HttpRequest, *, without: Iterable[str] = ()) -> str:
    """The query string of the current filters, without the page and `without`."""
    query = request.GET.copy()
    for key in (PAGE_PARAM, *without):
        query.pop(key, None)
    for key in [key for key, values in query.lists() if not any(values)]:
        query.pop(key)
    return query.urlencode()


def active_filters(request: HttpRequest, form: FilterFormMixin) -> list[dict[str, str]]:
    """Each filter in use, its value as the visitor sees it and a link to drop it."""
    active = []
    for name in form.filter_fields:
        value = (request.GET.get(name) or "").strip()
        if not value:
            continue
        active.append(
            {
                "name": name,
                "label": str(form.fields[name].label),
                "value": form.choice_label(name, value),
                "remove_query": filter_query(request, without=[name]),
            }
        )
    return active


def unknown_filters(form: Any) -> list[dict[str, str]]:
    """The filters whose value the form refused: the reason the result is empty."""
    if not form.is_bound or form.is_valid():
        return []
    return [
        {"label": str(form.fields[name].label), "value": form.data.get(name, "")}
        for name in form.errors
        if name in form.fields
    ]
