"""Personal data of articles: comments, reports of comments, blocks, authorship."""

from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import (
    Provider,
    email_matches,
    former_member_name,
    register,
)
from buurtwijs.articles.models import ArticlePage, Comment, CommentBlock, CommentReport

# A comment must have a member or an address (a check constraint); an anonymised
# comment gets this address, which belongs to no one (RFC 2606 reserves .invalid).
ANONYMOUS_EMAIL = "oud-lid@buurtwijs.invalid"


def _comments(user: User) -> QuerySet[Comment]:
    return Comment.objects.filter(Q(user=user) | email_matches("email", user))


def _export(user: User) -> list[dict[str, Any]]:
    comments = _comments(user).select_related("article").order_by("created_at")
    reports = (
        CommentReport.objects.filter(user=user)
        .select_related("comment__article")
        .order_by("created_at")
    )
    blocks = CommentBlock.objects.filter(Q(user=user) | email_matches("email", user))
    articles = ArticlePage.objects.filter(author__user=user).order_by("date")
    return [
        *(
            {
                "kind": "comment",
                "article": c.article.title,
                "name": c.name,
                "email": c.email,
                "body": c.body,
                "status": c.status,
                "created_at": c.created_at,
            }
            for c in comments
        ),
        *(
            {
                "kind": "report",
                "article": r.comment.article.title,
                "created_at": r.created_at,
            }
            for r in reports
        ),
        *(
            {"kind": "blocked_from_commenting", "created_at": b.created_at}
            for b in blocks
        ),
        *(
            {"kind": "article_author", "article": a.title, "date": a.date}
            for a in articles
        ),
    ]


def _erase(user: User) -> None:
    comments = _comments(user)
    # Published comments are part of the conversation under an article: they
    # stay, as written by a former member. Unpublished ones are deleted.
    comments.exclude(status=Comment.Status.PUBLISHED).delete()
    kept = list(comments)
    name = former_member_name()
    for comment in kept:
        comment.user = None
        comment.name = name
        comment.email = ANONYMOUS_EMAIL
        comment.client_key = ""
        # save() per comment, so the page cache learns the article changed.
        comment.save(update_fields=["user", "name", "email", "client_key"])
    CommentReport.objects.filter(user=user).delete()
    CommentBlock.objects.filter(Q(user=user) | email_matches("email", user)).delete()


register(
    Provider(
        category="comments",
        label=_("Comments on articles"),
        description=_(
            "Your comments with the name you gave and, for comments without an "
            "account, the e-mail address to confirm them (never shown); reports "
            "you made of comments; a block by an editor; articles naming your "
            "profile as author. When you delete your account, published comments "
            "stay as written by a “former member”, without name or "
            "address; the rest is deleted."
        ),
        fields=(
            "articles.Comment.user",
            "articles.Comment.name",
            "articles.Comment.email",
            "articles.Comment.reviewed_by",
            "articles.CommentReport.user",
            "articles.CommentBlock.user",
            "articles.CommentBlock.email",
            "articles.CommentBlock.blocked_by",
            "articles.ArticlePage.author",
        ),
        export=_export,
        erase=_erase,
        order=60,
    )
)
