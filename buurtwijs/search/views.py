"""The site search page at /zoeken/."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from buurtwijs.search.backends import Filters
from buurtwijs.search.forms import SearchForm
from buurtwijs.search.selectors import search_public


def _page_number(value: str | None) -> int:
    return int(value) if value and value.isdigit() and len(value) < 7 else 1


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        results = search_public(
            query=data["q"],
            filters=Filters(
                kind=data["soort"], theme=data["thema"], province_code=data["provincie"]
            ),
            page=_page_number(request.GET.get("pagina")),
        )
    return render(request, "search/search.html", {"form": form, "results": results})
