"""The editors' moderation queue in /beheer/: new initiatives and claims."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwijs.accounts.models import User
from buurtwijs.directory.models import Initiative, InitiativeClaim
from buurtwijs.directory.services import claim_decide, initiative_moderate


def _editor(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not user.has_perm("directory.change_initiative"):
        raise PermissionDenied
    return user


def moderation_queue(request: HttpRequest) -> HttpResponse:
    _editor(request)
    pending = (
        Initiative.objects.filter(status=Initiative.Status.PENDING)
        .select_related("municipality", "owner")
        .order_by("created_at")
    )
    claims = (
        InitiativeClaim.objects.filter(status=InitiativeClaim.Status.PENDING)
        .select_related("initiative", "user")
        .order_by("created_at")
    )
    return TemplateResponse(
        request,
        "directory/admin/moderation.html",
        {"pending": pending, "claims": claims, "page_title": _("Moderation")},
    )


@require_POST
def initiative_decide(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    initiative = get_object_or_404(Initiative, pk=pk, status=Initiative.Status.PENDING)
    approve = request.POST.get("decision") == "approve"
    initiative_moderate(initiative=initiative, approve=approve)
    messages.success(
        request,
        (_("%(name)s is published.") if approve else _("%(name)s is rejected."))
        % {"name": initiative.name},
    )
    return redirect("directory_moderation")


@require_POST
def claim_decide_view(request: HttpRequest, pk: int) -> HttpResponse:
    editor = _editor(request)
    claim = get_object_or_404(
        InitiativeClaim, pk=pk, status=InitiativeClaim.Status.PENDING
    )
    approve = request.POST.get("decision") == "approve"
    claim_decide(claim=claim, editor=editor, approve=approve)
    messages.success(
        request,
        _("The claim has been approved.")
        if approve
        else _("The claim has been rejected."),
    )
    return redirect("directory_moderation")


urlpatterns = [
    path("moderatie/", moderation_queue, name="directory_moderation"),
    path(
        "moderatie/initiatief/<int:pk>/",
        initiative_decide,
        name="directory_moderation_initiative",
    ),
    path(
        "moderatie/claim/<int:pk>/",
        claim_decide_view,
        name="directory_moderation_claim",
    ),
]
