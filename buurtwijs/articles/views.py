"""The news list and article context, and the comment routes under /reacties/."""

import time
from typing import Any
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from buurtwijs.articles.forms import ArticleFilterForm, CommentForm, VisitorCommentForm
from buurtwijs.articles.models import ArticleIndexPage, ArticlePage, Comment
from buurtwijs.articles.selectors import (
    article_author,
    article_cards_public,
    article_filter_choices,
    chosen_related_pages,
    comment_author_url,
    comments_public,
    related_articles,
    reported_comment_ids,
    user_is_member,
)
from buurtwijs.articles.services import (
    CommentAlreadyConfirmed,
    CommentRefused,
    comment_confirm,
    comment_from_token,
    comment_report,
    comment_submit,
)
from buurtwijs.core.antispam import client_key
from buurtwijs.core.filters import PAGE_PARAM, active_filters, unknown_filters

PAGE_SIZE = 12
_SESSION_KEY = "articles:comment_times"


def feed_links(index: ArticleIndexPage, theme: str = "") -> dict[str, str]:
    """The addresses of the RSS and Atom feeds, of one theme or all."""
    base = index.url or "/nieuws/"
    suffix = f"{theme}/" if theme else ""
    return {"rss": f"{base}rss/{suffix}", "atom": f"{base}atom/{suffix}"}


def article_list_context(request: HttpRequest, *, index: ArticleIndexPage) -> dict:
    """Filter form and one page of articles for the news list."""
    form = ArticleFilterForm(request.GET or None, choices=article_filter_choices())
    articles = ArticlePage.objects.none()
    theme = tag = ""
    if not form.is_bound:
        articles = article_cards_public()
    elif form.is_valid():
        theme, tag = form.cleaned_data["thema"], form.cleaned_data["tag"]
        articles = article_cards_public(theme=theme, tag=tag)
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get(PAGE_PARAM))
    list_url = index.url or "/nieuws/"
    theme_label = form.choice_label("thema", theme) if theme else ""
    return {
        "form": form,
        "page_obj": page,
        "list_url": list_url,
        "active_filters": active_filters(request, form),
        "unknown_filters": unknown_filters(form),
        "feeds": feed_links(index),
        "theme_feeds": feed_links(index, theme) if theme else None,
        "theme_label": theme_label,
    }


def share_links(*, url: str, title: str) -> list[dict[str, str]]:
    """Plain share addresses: no script, no tracker, nothing loaded from elsewhere."""
    page = quote(url, safe="")
    text = quote(f"{title} {url}", safe="")
    return [
        {
            "label": _("E-mail"),
            "url": f"mailto:?subject={quote(title, safe='')}&body={page}",
        },
        {
            "label": "LinkedIn",
            "url": f"https://www.linkedin.com/sharing/share-offsite/?url={page}",
        },
        {"label": "WhatsApp", "url": f"https://wa.me/?text={text}"},
        {"label": "Bluesky", "url": f"https://bsky.app/intent/compose?text={text}"},
        {
            "label": "Mastodon",
            "url": "https://mastodonshare.com/?text="
            f"{quote(title, safe='')}&url={page}",
        },
    ]


def article_detail_context(
    request: HttpRequest, *, article: ArticlePage, form: Any = None
) -> dict:
    """Everything an article page shows besides its own fields."""
    member = user_is_member(request.user)
    comments = comments_public(article)
    for comment in comments:
        comment.author_url = comment_author_url(comment)  # type: ignore[attr-defined]
    if form is None and article.comments_open:
        form = CommentForm() if member else VisitorCommentForm()
    index = article.get_parent().specific
    url = article.get_full_url(request) or ""
    return {
        "author": article_author(article),
        "themes": list(article.themes.order_by("position", "name")),
        "tags": list(article.tags.order_by("name")),
        "related": related_articles(article),
        "chosen_related": chosen_related_pages(article),
        "share_links": share_links(url=url, title=article.title),
        "comments": comments,
        "reported_ids": reported_comment_ids(user=request.user, comments=comments),
        "comment_form": form,
        "is_member": member,
        "list_url": index.url or "/nieuws/",
        "feeds": feed_links(index) if isinstance(index, ArticleIndexPage) else None,
    }


def _client(request: HttpRequest) -> str:
    return client_key(request.META.get("REMOTE_ADDR", ""))


def _recent_in_session(request: HttpRequest) -> list[float]:
    hour_ago = time.time() - 3600
    return [t for t in request.session.get(_SESSION_KEY, []) if t > hour_ago]


def _render_article(
    request: HttpRequest, article: ArticlePage, form: Any, status: int = 200
) -> HttpResponse:
    context = article.get_context(request, comment_form=form)
    return TemplateResponse(
        request, article.get_template(request), context, status=status
    )


@require_POST
def comment_create(request: HttpRequest, page_id: int) -> HttpResponse:
    """Store a comment from the form under an article."""
    article = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)
    member = user_is_member(request.user)
    form_class = CommentForm if member else VisitorCommentForm
    form = form_class(request.POST)
    if not form.is_valid():
        return _render_article(request, article, form)
    recent = _recent_in_session(request)
    try:
        comment = comment_submit(
            article=article,
            body=form.cleaned_data["body"],
            user=request.user if member else None,
            name=form.cleaned_data.get("name", ""),
            email=form.cleaned_data.get("email", ""),
            language=get_language() or "nl",
            client=_client(request),
            in_session=len(recent),
        )
    except CommentRefused as refused:
        form.add_error(None, refused.message)
        return _render_article(request, article, form)
    request.session[_SESSION_KEY] = [*recent, time.time()]
    if comment.status == Comment.Status.PUBLISHED:
        messages.success(request, _("Thank you, your comment is on the page."))
        return redirect(f"{article.url}#reactie-{comment.pk}")
    return redirect("articles:comment_sent", page_id=article.pk)


def comment_sent(request: HttpRequest, page_id: int) -> HttpResponse:
    """The page after a visitor's comment: check your mail."""
    article = get_object_or_404(ArticlePage.objects.live().public(), pk=page_id)
    return TemplateResponse(request, "articles/comment_sent.html", {"article": article})


def comment_confirm_view(request: HttpRequest, token: str) -> HttpResponse:
    """Show what a confirmation link is for; publish the comment on the button."""
    try:
        if request.method == "POST":
            comment = comment_confirm(token=token)
            messages.success(request, _("Thank you, your comment is on the page."))
            return redirect(f"{comment.article.url}#reactie-{comment.pk}")
        comment = comment_from_token(token)
    except CommentAlreadyConfirmed as used:
        return TemplateResponse(
            request,
            "articles/comment_confirm.html",
            {"problem": used.message, "comment": used.comment},
        )
    except CommentRefused as refused:
        return TemplateResponse(
            request,
            "articles/comment_confirm.html",
            {"problem": refused.message},
            status=400,
        )
    return TemplateResponse(
        request, "articles/comment_confirm.html", {"comment": comment, "token": token}
    )


@login_required
@require_POST
def comment_report_view(request: HttpRequest, pk: int) -> HttpResponse:
    """A member reports a comment to the editors."""
    comment = get_object_or_404(Comment.objects.select_related("article"), pk=pk)
    try:
        result = comment_report(comment=comment, user=request.user)
    except CommentRefused as refused:
        messages.error(request, refused.message)
    else:
        if result.created:
            messages.success(
                request, _("Thank you. The editors will look at this comment.")
            )
        else:
            messages.info(request, _("You already reported this comment."))
    return redirect(f"{comment.article.url}#reactie-{comment.pk}")
