"""Members register, edit and claim initiatives; anyone can contact one."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from buurtwijs.accounts.models import User
from buurtwijs.accounts.roles import MEMBER
from buurtwijs.core.antispam import client_key
from buurtwijs.directory.forms_members import (
    ClaimForm,
    ContactForm,
    InitiativeForm,
    PartnerFormSet,
)
from buurtwijs.directory.models import Initiative, InitiativeClaim
from buurtwijs.directory.selectors import initiative_detail_public
from buurtwijs.directory.services import (
    ContactRefused,
    claim_submit,
    contact_relay,
    initiative_can_edit,
    initiative_register,
    initiative_update,
)


def _member(request: HttpRequest) -> User:
    """The signed-in person, who must be a member (a verified e-mail address)."""
    user = cast(User, request.user)
    if not (user.groups.filter(name=MEMBER).exists() or user.is_superuser):
        raise PermissionDenied
    return user


@login_required
@require_http_methods(["GET", "POST"])
def initiative_register_view(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    form = InitiativeForm(request.POST or None)
    partners = PartnerFormSet(request.POST or None, prefix="partners")
    if request.method == "POST" and form.is_valid() and partners.is_valid():
        initiative = initiative_register(user=user, form=form, partners=partners)
        messages.success(
            request,
            _(
                "Thank you! %(name)s has been saved and is waiting for an editor. "
                "It appears in the directory once approved."
            )
            % {"name": initiative.name},
        )
        return redirect("initiatives:mine")
    return render(
        request,
        "directory/initiative_form.html",
        {"form": form, "partners": partners, "initiative": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = get_object_or_404(Initiative, slug=slug)
    if not initiative_can_edit(user=request.user, initiative=initiative):
        raise PermissionDenied
    form = InitiativeForm(request.POST or None, instance=initiative)
    partners = PartnerFormSet(
        request.POST or None, instance=initiative, prefix="partners"
    )
    if request.method == "POST" and form.is_valid() and partners.is_valid():
        initiative_update(initiative=initiative, form=form, partners=partners)
        messages.success(request, _("Your changes have been saved."))
        if initiative.status == Initiative.Status.PUBLISHED:
            return redirect(initiative.get_absolute_url())
        return redirect("initiatives:mine")
    return render(
        request,
        "directory/initiative_form.html",
        {"form": form, "partners": partners, "initiative": initiative},
    )


@login_required
@require_http_methods(["GET", "POST"])
def initiative_claim_view(request: HttpRequest, slug: str) -> HttpResponse:
    user = _member(request)
    initiative = initiative_detail_public(slug=slug)
    if initiative is None:
        raise Http404
    if initiative.owner_id == user.pk:
        messages.info(request, _("You already own this initiative."))
        return redirect(initiative.get_absolute_url())
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        claim_submit(
            initiative=initiative, user=user, message=form.cleaned_data["message"]
        )
        messages.success(
            request,
            _("Your claim has been sent. An editor will let you know by e-mail."),
        )
        return redirect(initiative.get_absolute_url())
    return render(
        request,
        "directory/initiative_claim.html",
        {"form": form, "initiative": initiative},
    )


def _client_key(request: HttpRequest) -> str:
    return client_key(request.META.get("REMOTE_ADDR", ""))


@require_http_methods(["GET", "POST"])
def initiative_contact_view(request: HttpRequest, slug: str) -> HttpResponse:
    initiative = initiative_detail_public(slug=slug)
    if initiative is None:
        raise Http404
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                contact_relay(
                    initiative=initiative,
                    sender_name=form.cleaned_data["sender_name"],
                    sender_email=form.cleaned_data["sender_email"],
                    body=form.cleaned_data["body"],
                    client_key=_client_key(request),
                )
            except ContactRefused as refused:
                form.add_error(None, str(refused))
                status = 429
            else:
                messages.success(
                    request,
                    _(
                        "Your message has been sent to %(name)s. They answer you by "
                        "e-mail if they choose to."
                    )
                    % {"name": initiative.name},
                )
                return redirect(initiative.get_absolute_url())
        else:
            status = 400
    return render(
        request,
        "directory/initiative_contact.html",
        {"form": form, "initiative": initiative},
        status=status,
    )


@login_required
def my_initiatives_view(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    owned = (
        Initiative.objects.filter(owner=user)
        .select_related("municipality")
        .order_by("name")
    )
    claims = (
        InitiativeClaim.objects.filter(user=user)
        .select_related("initiative")
        .order_by("-created_at")
    )
    return render(
        request, "directory/my_initiatives.html", {"owned": owned, "claims": claims}
    )
