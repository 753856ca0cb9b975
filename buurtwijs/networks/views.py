"""Public pages of learning networks: the list, a network, its threads, settings."""

from typing import cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from buurtwijs.accounts.models import User
from buurtwijs.networks import selectors, services
from buurtwijs.networks.forms import NotifyForm, ReplyForm, SettingsForm, ThreadForm
from buurtwijs.networks.models import LearningNetwork, Reply, Thread

THREADS_PER_PAGE = 20
MEMBERS_PER_PAGE = 50
DOCUMENTS_SHOWN = 20
MEETINGS_SHOWN = 10


def _network(slug: str) -> LearningNetwork:
    network = selectors.network_detail(slug=slug)
    if network is None:
        raise Http404
    return network


def _back(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _members_only(
    request: HttpRequest, network: LearningNetwork, access: selectors.NetworkAccess
) -> HttpResponse:
    """The page a visitor or non-member gets instead of threads: 403, with a way in."""
    return render(
        request,
        "networks/members_only.html",
        {"network": network, "access": access},
        status=403,
    )


@require_GET
def network_list(request: HttpRequest) -> HttpResponse:
    networks = list(selectors.network_list())
    mine: set[int] = set()
    if request.user.is_authenticated:
        mine = set(
            selectors.memberships_of(user=request.user).values_list(
                "network_id", flat=True
            )
        )
    return render(
        request, "networks/network_list.html", {"networks": networks, "mine": mine}
    )


@require_GET
def network_detail(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    context: dict[str, object] = {
        "network": network,
        "access": access,
        "themes": list(network.themes.all()),
        "meetings": list(
            selectors.network_meetings_upcoming(network=network)[:MEETINGS_SHOWN]
        ),
        "documents": list(
            selectors.network_documents(network=network, user=request.user)[
                :DOCUMENTS_SHOWN
            ]
        ),
    }
    if access.may_read:
        context["page_obj"] = Paginator(
            selectors.network_threads(network=network), THREADS_PER_PAGE
        ).get_page(request.GET.get("pagina"))
    if access.membership is not None:
        context["notify_form"] = NotifyForm(
            initial={"notify": access.membership.notify}
        )
    return render(request, "networks/network_detail.html", context)


@require_POST
def network_join(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(network.get_absolute_url())
    try:
        services.network_join(network=network, user=cast(User, request.user))
    except services.NetworkRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _(
                "Welcome to %(network)s. You get one e-mail a day with what is new; "
                "you can change that below."
            )
            % {"network": network.name},
        )
    return redirect(network.get_absolute_url())


@require_POST
def network_leave(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    if request.user.is_authenticated and services.network_leave(
        network=network, user=cast(User, request.user)
    ):
        messages.success(
            request,
            _("You have left %(network)s. You can join again at any time.")
            % {"network": network.name},
        )
    return redirect(network.get_absolute_url())


@require_POST
def network_notify(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    if access.membership is None:
        return _members_only(request, network, access)
    form = NotifyForm(request.POST)
    if form.is_valid():
        services.membership_notify_set(
            membership=access.membership, notify=form.cleaned_data["notify"]
        )
        messages.success(request, _("Your e-mail setting is saved."))
    else:
        messages.error(request, _("Choose one of the options."))
    return redirect(_back(request, network.get_absolute_url()))


@require_GET
def network_members(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    if not access.may_read:
        return _members_only(request, network, access)
    page = Paginator(
        selectors.network_members(network=network), MEMBERS_PER_PAGE
    ).get_page(request.GET.get("pagina"))
    return render(
        request,
        "networks/network_members.html",
        {"network": network, "access": access, "page_obj": page},
    )


@require_http_methods(["GET", "POST"])
def thread_create(request: HttpRequest, slug: str) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    if not access.may_post:
        return _members_only(request, network, access)
    form = ThreadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            thread = services.thread_create(
                network=network,
                author=cast(User, request.user),
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except services.NetworkRefused as refused:
            form.add_error(None, str(refused))
        except ValidationError as invalid:
            form.add_error(None, invalid)
        else:
            messages.success(request, _("Your thread is online."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "networks/thread_form.html",
        {"network": network, "form": form},
        status=400 if form.is_bound else 200,
    )


def _thread(network: LearningNetwork, pk: int) -> Thread:
    thread = selectors.network_thread(network=network, pk=pk)
    if thread is None:
        raise Http404
    return thread


@require_http_methods(["GET", "POST"])
def thread_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    if not access.may_read:
        return _members_only(request, network, access)
    thread = _thread(network, pk)
    form = ReplyForm(request.POST or None)
    if request.method == "POST":
        if not access.may_post:
            return _members_only(request, network, access)
        if form.is_valid():
            try:
                reply = services.reply_create(
                    thread=thread,
                    author=cast(User, request.user),
                    body=form.cleaned_data["body"],
                )
            except services.NetworkRefused as refused:
                form.add_error(None, str(refused))
            except ValidationError as invalid:
                form.add_error(None, invalid)
            else:
                messages.success(request, _("Your reply is online."))
                return redirect(f"{thread.get_absolute_url()}#reactie-{reply.pk}")
    return render(
        request,
        "networks/thread_detail.html",
        {
            "network": network,
            "access": access,
            "thread": thread,
            "replies": list(selectors.thread_replies(thread=thread)),
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )


@require_POST
def thread_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    thread = _thread(network, pk)
    own = request.user.is_authenticated and thread.author_id == request.user.pk
    if not (access.may_moderate or (own and access.is_member)):
        return _members_only(request, network, access)
    services.thread_delete(thread=thread)
    messages.success(request, _("The thread has been removed."))
    return redirect(network.get_absolute_url())


@require_POST
def reply_delete(
    request: HttpRequest, slug: str, pk: int, reply_pk: int
) -> HttpResponse:
    network = _network(slug)
    access = selectors.network_access(network=network, user=request.user)
    thread = _thread(network, pk)
    reply = Reply.objects.filter(thread=thread, pk=reply_pk).first()
    if reply is None:
        raise Http404
    own = request.user.is_authenticated and reply.author_id == request.user.pk
    if not (access.may_moderate or (own and access.is_member)):
        return _members_only(request, network, access)
    services.reply_delete(reply=reply)
    messages.success(request, _("The reply has been removed."))
    return redirect(thread.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def mail_settings(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    memberships = list(selectors.memberships_of(user=user))
    form = SettingsForm(
        request.POST or None,
        memberships=memberships,
        initial={"weekly_digest": selectors.weekly_digest_wanted(user=user)},
    )
    if request.method == "POST" and form.is_valid():
        for membership in memberships:
            choice = form.cleaned_data[f"notify_{membership.network_id}"]
            if choice != membership.notify:
                services.membership_notify_set(membership=membership, notify=choice)
        services.mail_preference_set(
            user=user, weekly_digest=form.cleaned_data["weekly_digest"]
        )
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("networks:settings")
    return render(
        request,
        "networks/settings.html",
        {"form": form, "memberships": memberships},
        status=400 if form.is_bound else 200,
    )
