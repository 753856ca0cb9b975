"""Public pages of the directory."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from buurtwijs.directory.selectors import (
    initiative_detail_public,
    initiative_list_public,
)


def initiative_list(request: HttpRequest) -> HttpResponse:
    paginator = Paginator(initiative_list_public(), 24)
    page = paginator.get_page(request.GET.get("pagina"))
    return render(request, "directory/initiative_list.html", {"page_obj": page})


def initiative_detail(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = initiative_detail_public(slug=slug)
    if initiative is None:
        raise Http404
    return render(
        request, "directory/initiative_detail.html", {"initiative": initiative}
    )
