"""The editors' newsletter in /beheer/: write, preview, test, send, follow progress."""

from typing import cast

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwijs.accounts.models import User
from buurtwijs.core.mail import mail_language
from buurtwijs.newsletter import services
from buurtwijs.newsletter.forms import IssueForm
from buurtwijs.newsletter.models import Issue
from buurtwijs.newsletter.selectors import (
    issue_progress,
    issue_recipients,
    issues_admin_list,
    subscriber_counts,
    user_is_newsletter_editor,
)


def _editor(request: HttpRequest) -> User:
    user = cast(User, request.user)
    if not user_is_newsletter_editor(user):
        raise PermissionDenied
    return user


def _errors(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def issue_index(request: HttpRequest) -> HttpResponse:
    _editor(request)
    return TemplateResponse(
        request,
        "newsletter/admin/index.html",
        {
            "issues": issues_admin_list(),
            "counts": subscriber_counts(),
            "page_title": _("Newsletter"),
        },
    )


def issue_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    user = _editor(request)
    issue = get_object_or_404(Issue, pk=pk) if pk else None
    if issue is not None and issue.status != Issue.Status.DRAFT:
        return redirect("newsletter_admin_issue", pk=issue.pk)
    form = IssueForm(request.POST or None, instance=issue)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.issue_save(
                issue=issue,
                subject=form.cleaned_data["subject"],
                intro=form.cleaned_data["intro"],
                subject_en=form.cleaned_data["subject_en"],
                intro_en=form.cleaned_data["intro_en"],
                themes=form.cleaned_data["themes"],
                pages=form.cleaned_data["pages"],
                user=user,
            )
        except ValidationError as error:
            _errors(request, error)
        else:
            messages.success(request, _("The issue has been saved."))
            return redirect("newsletter_admin_issue", pk=saved.pk)
    return TemplateResponse(
        request,
        "newsletter/admin/edit.html",
        {
            "form": form,
            "issue": issue,
            "page_title": issue.subject if issue else _("New issue"),
        },
        status=400 if form.errors else 200,
    )


def issue_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    issue = get_object_or_404(Issue.objects.select_related("created_by"), pk=pk)
    return TemplateResponse(
        request,
        "newsletter/admin/detail.html",
        {
            "issue": issue,
            "progress": issue_progress(issue),
            "recipients": issue_recipients(issue).count()
            if issue.status == Issue.Status.DRAFT
            else None,
            "themes": issue.themes.all(),
            "page_title": issue.subject,
        },
    )


def issue_progress_json(request: HttpRequest, pk: int) -> JsonResponse:
    _editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    return JsonResponse({"status": issue.status, **issue_progress(issue)})


def _preview_mail(issue: Issue, language: str, user: User) -> EmailMultiAlternatives:
    # A preview has no subscriber: its unsubscribe link points to the form.
    return services.issue_build_mail(
        issue=issue,
        to=user.email or "redactie@example.org",
        language=language,
        unsubscribe=services.absolute_url(reverse("newsletter:subscribe")),
    )


def issue_preview(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    language = mail_language(request.GET.get("taal", "nl"))
    mail = _preview_mail(issue, language, user)
    return TemplateResponse(
        request,
        "newsletter/admin/preview.html",
        {
            "issue": issue,
            "language": language,
            "mail": mail,
            "text": mail.body,
            "page_title": _("Preview: %(subject)s") % {"subject": issue.subject},
        },
    )


def issue_preview_html(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    language = mail_language(request.GET.get("taal", "nl"))
    mail = _preview_mail(issue, language, user)
    html = next(
        (str(content) for content, kind in mail.alternatives if kind == "text/html"),
        "",
    )
    response = HttpResponse(html)
    # Shown in an iframe of the preview page only.
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


@require_POST
def issue_test(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    if not user.email:
        messages.error(request, _("Your account has no e-mail address."))
    else:
        try:
            services.issue_send_test(issue=issue, user=user)
        except ValidationError as error:
            _errors(request, error)
            return redirect("newsletter_admin_issue", pk=issue.pk)
        messages.success(request, _("A test has been sent to your own e-mail address."))
    return redirect("newsletter_admin_issue", pk=issue.pk)


@require_POST
def issue_send(request: HttpRequest, pk: int) -> HttpResponse:
    user = _editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Tick the box to confirm that the issue may go out."))
        return redirect("newsletter_admin_issue", pk=issue.pk)
    try:
        count = services.issue_send(issue=issue, user=user)
    except ValidationError as error:
        _errors(request, error)
    else:
        messages.success(
            request,
            _("Sending to %(count)s subscribers has started.") % {"count": count},
        )
    return redirect("newsletter_admin_issue", pk=issue.pk)


@require_POST
def issue_retry(request: HttpRequest, pk: int) -> HttpResponse:
    _editor(request)
    issue = get_object_or_404(Issue, pk=pk)
    count = services.issue_retry_failed(issue=issue)
    messages.success(
        request, _("%(count)s refused mails are being sent again.") % {"count": count}
    )
    return redirect("newsletter_admin_issue", pk=issue.pk)


urlpatterns = [
    path("nieuwsbrief/", issue_index, name="newsletter_admin_index"),
    path("nieuwsbrief/nieuw/", issue_edit, name="newsletter_admin_create"),
    path("nieuwsbrief/<int:pk>/", issue_detail, name="newsletter_admin_issue"),
    path("nieuwsbrief/<int:pk>/bewerken/", issue_edit, name="newsletter_admin_edit"),
    path(
        "nieuwsbrief/<int:pk>/voortgang/",
        issue_progress_json,
        name="newsletter_admin_progress",
    ),
    path(
        "nieuwsbrief/<int:pk>/voorbeeld/",
        issue_preview,
        name="newsletter_admin_preview",
    ),
    path(
        "nieuwsbrief/<int:pk>/voorbeeld.html",
        issue_preview_html,
        name="newsletter_admin_preview_html",
    ),
    path("nieuwsbrief/<int:pk>/test/", issue_test, name="newsletter_admin_test"),
    path("nieuwsbrief/<int:pk>/verzenden/", issue_send, name="newsletter_admin_send"),
    path("nieuwsbrief/<int:pk>/opnieuw/", issue_retry, name="newsletter_admin_retry"),
]
