"""A person's own profile: edit it, download everything, delete the account."""

from typing import cast

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwijs.accounts.forms import DeleteAccountForm, ProfileForm
from buurtwijs.accounts.models import Profile, User
from buurtwijs.accounts.services import (
    account_delete,
    account_export,
    account_export_csv,
    profile_create,
    profile_update,
)


def _user(request: HttpRequest) -> User:
    """The signed-in person; only called behind login_required."""
    return cast(User, request.user)


def _own_profile(user: User) -> Profile:
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        # Accounts made in the admin have no profile yet.
        profile = profile_create(
            user=user, name=user.get_full_name() or user.email.split("@")[0]
        )
    return profile


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    profile = _own_profile(_user(request))
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        profile_update(profile=profile, data=dict(form.cleaned_data))
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:profile")
    return render(
        request, "accounts/profile_edit.html", {"form": form, "profile": profile}
    )


@login_required
@require_GET
def data_export(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        account_export(user=_user(request)),
        content_type="application/json; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="buurtwijs-mijn-gegevens-{stamp}.json"'
    )
    return response


@login_required
@require_GET
def data_export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        account_export_csv(user=_user(request)),
        content_type="text/csv; charset=utf-8",
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="buurtwijs-mijn-gegevens-{stamp}.csv"'
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete_view(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=_user(request))
    if request.method == "POST" and form.is_valid():
        user = _user(request)
        logout(request)
        account_delete(user=user)
        messages.success(request, _("Your account and profile have been deleted."))
        return redirect("/")
    return render(request, "accounts/account_delete.html", {"form": form})
