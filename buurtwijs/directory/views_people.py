"""The public people directory: public profiles with only the fields they show."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from buurtwijs.accounts.models import Profile
from buurtwijs.core.filters import active_filters, filter_query, unknown_filters
from buurtwijs.directory.forms import PeopleFilterForm
from buurtwijs.directory.people import (
    PeopleFilters,
    person_kind_choices,
    profile_detail_public,
    profile_list_public,
)
from buurtwijs.directory.selectors import initiative_filter_choices

PAGE_SIZE = 24


@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    choices = initiative_filter_choices()
    form = PeopleFilterForm(
        request.GET or None,
        themes=choices.themes,
        provinces=choices.provinces,
        kinds=person_kind_choices(),
    )
    profiles = Profile.objects.none()
    if not form.is_bound:
        profiles = profile_list_public(filters=PeopleFilters())
    elif form.is_valid():
        data = form.cleaned_data
        profiles = profile_list_public(
            filters=PeopleFilters(
                q=data["q"],
                theme=data["thema"],
                province=data["provincie"],
                kind=data["soort"],
            )
        )
    page = Paginator(profiles, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "directory/person_list.html",
        {
            "form": form,
            "page_obj": page,
            "active_filters": active_filters(request, form),
            "unknown_filters": unknown_filters(form),
            "filter_query": filter_query(request),
        },
    )


@require_GET
def person_detail(request: HttpRequest, slug: str) -> HttpResponse:
    profile = profile_detail_public(slug=slug)
    if profile is None:
        raise Http404
    return render(request, "directory/person_detail.html", {"profile": profile})
