"""The knowledge base (kennisbank): the library, a document, downloads and uploads."""

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
)
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwijs.accounts.models import User
from buurtwijs.core.filters import active_filters, unknown_filters
from buurtwijs.knowledge.forms_documents import DocumentFilterForm, DocumentUploadForm
from buurtwijs.knowledge.models import Document
from buurtwijs.knowledge.selectors import (
    Access,
    DocumentFilters,
    document_access,
    document_cards,
    document_closing_soon,
    document_detail,
    document_filter_choices,
    document_for_file,
    document_list_mine,
    uploader_public_name,
    user_is_member,
)
from buurtwijs.knowledge.services import (
    UploadRefused,
    document_download_count,
    document_upload,
)

PAGE_SIZE = 20


# --- Pages -------------------------------------------------------------------------


@require_GET
def document_list(request: HttpRequest) -> HttpResponse:
    members = user_is_member(request.user)
    form = DocumentFilterForm(request.GET or None, choices=document_filter_choices())
    filters: DocumentFilters | None = DocumentFilters()
    if form.is_bound:
        filters = form.to_filters() if form.is_valid() else None
    documents = (
        document_cards(filters=filters, members=members)
        if filters is not None
        else Document.objects.none()
    )
    # get_page answers the last page for a number past the end, the first for junk.
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("pagina"))
    closing_soon = (
        document_closing_soon(members=members, today=timezone.localdate())
        if page.number == 1
        else []
    )
    return render(
        request,
        "knowledge/document_list.html",
        {
            "form": form,
            "page_obj": page,
            "closing_soon": closing_soon,
            "active_filters": active_filters(request, form),
            "unknown_filters": unknown_filters(form),
            "is_member": members,
        },
    )


class _LoginFirst(Exception):  # noqa: N818 - control flow within this module
    """Members only, and nobody is signed in: send them to the login page."""


def _checked(request: HttpRequest, document: Document | None) -> Document:
    """The document if this person may have it; else 404, a login or a 403."""
    if document is None:
        raise Http404
    access = document_access(document=document, user=request.user)
    if access is Access.HIDDEN:
        raise Http404
    if access is Access.FORBIDDEN:
        raise PermissionDenied
    if access is Access.LOGIN:
        raise _LoginFirst
    return document


def _login_first(
    view: Callable[..., HttpResponseBase],
) -> Callable[..., HttpResponseBase]:
    """Answer a members-only document asked for by a visitor with the login page."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            return view(request, *args, **kwargs)
        except _LoginFirst:
            return redirect_to_login(request.get_full_path())

    return wrapped


@require_GET
@_login_first
def document_detail_view(request: HttpRequest, pk: int) -> HttpResponse:
    document = _checked(request, document_detail(document_id=pk))
    return render(
        request,
        "knowledge/document_detail.html",
        {
            "document": document,
            "uploader_name": uploader_public_name(document),
            "is_image": document.content_type.startswith("image/"),
        },
    )


@require_GET
@_login_first
def document_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """Stream the file under its original name, counting the download."""
    document = _checked(request, document_for_file(document_id=pk))
    if not document.file:
        raise Http404
    try:
        file = document.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    if document.status == Document.Status.PUBLISHED:
        document_download_count(document_id=document.pk)
    response = FileResponse(
        file,
        as_attachment=True,
        filename=document.file_name or "document",
        content_type=document.content_type or "application/octet-stream",
    )
    _cache_privately_unless_public(response, document)
    return response


@require_GET
@_login_first
def document_thumbnail(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The small picture of an image document, under the same rules as the file."""
    document = _checked(request, document_for_file(document_id=pk))
    if not document.thumbnail:
        raise Http404
    try:
        file = document.thumbnail.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(file, content_type="image/jpeg")
    _cache_privately_unless_public(response, document)
    return response


def _cache_privately_unless_public(
    response: HttpResponseBase, document: Document
) -> None:
    """Shared caches may keep a public file; never a members-only or pending one."""
    if document.status == Document.Status.PUBLISHED and not document.is_members_only:
        response["Cache-Control"] = "public, max-age=300"
    else:
        response["Cache-Control"] = "private, no-store"


def _member(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not user_is_member(user):
        raise PermissionDenied
    return user


@login_required
@require_http_methods(["GET", "POST"])
def document_upload_view(request: HttpRequest) -> HttpResponse:
    user = _member(request)
    max_size = settings.DOCUMENT_MAX_UPLOAD_SIZE
    form = DocumentUploadForm(
        request.POST or None, request.FILES or None, max_size=max_size
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = document_upload(
                user=user,
                title=data["title"],
                kind=data["kind"],
                description=data["description"],
                themes=data["themes"],
                municipality=data["municipality"],
                licence=data["licence"],
                deadline=data["deadline"],
                visibility=data["visibility"],
                file=data["file"],
                submission_key=data.get("submission"),
            )
        except UploadRefused as refused:
            form.add_error(
                "file",
                _("The file has not been saved. %(reason)s")
                % {"reason": refused.message},
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you! %(title)s has been saved and is waiting for an "
                    "editor. It appears in the knowledge base once approved."
                )
                % {"title": document.title},
            )
            return redirect("knowledge:my_documents")
    return render(
        request,
        "knowledge/document_form.html",
        {"form": form, "max_megabytes": max_size // (1024 * 1024)},
    )


@login_required
@require_GET
def my_documents(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/my_documents.html",
        {"documents": document_list_mine(user=request.user)},
    )
