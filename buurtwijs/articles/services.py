"""Writes for comments: submit, confirm, report, moderate, block, prune."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import nh3
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks, urlize
from django.utils.translation import gettext_lazy as _

from buurtwijs.articles.models import (
    ArticlePage,
    Comment,
    CommentBlock,
    CommentReport,
)
from buurtwijs.articles.selectors import comment_is_blocked, user_is_member
from buurtwijs.core.mail import send_templated_mail

_CONFIRM_SALT = "buurtwijs.articles.comment-confirm"
VISITOR_COMMENTS_PER_HOUR = 5
MEMBER_COMMENTS_PER_HOUR = 30
CONFIRM_DAYS = 7


class CommentRefused(Exception):
    """A comment (or its confirmation) that was not accepted, with the reason."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = str(message)


class CommentAlreadyConfirmed(CommentRefused):
    """A confirmation link used a second time; the comment stays as it is."""

    def __init__(self, message: Any, comment: Comment) -> None:
        super().__init__(message)
        self.comment = comment


BLOCKED = _(
    "You can no longer comment on this site. If you think this is a mistake, "
    "please contact the editors."
)


def comment_html(body: str) -> str:
    """Plain text as safe HTML: paragraphs, line breaks and links marked as user's."""
    html = linebreaks(urlize(body.strip(), trim_url_limit=60, autoescape=True))
    return nh3.clean(
        html,
        tags={"p", "br", "a"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def confirm_days() -> int:
    """How many days a confirmation link works."""
    return int(getattr(settings, "COMMENT_CONFIRM_DAYS", CONFIRM_DAYS))


def comment_confirm_token(comment: Comment) -> str:
    """The signed token in a visitor's confirmation link."""
    return signing.dumps(comment.pk, salt=_CONFIRM_SALT)


def _member_name(user: Any) -> str:
    profile = getattr(user, "profile", None)
    if profile is not None and profile.name:
        return profile.name
    # Never the username or address: both may be the e-mail address.
    return user.get_full_name() or str(_("Member"))


def _check_rate(
    *, user: Any, email: str, key: str, in_session: int, member: bool
) -> None:
    since = timezone.now() - timedelta(hours=1)
    if member:
        limit = getattr(settings, "MEMBER_COMMENTS_PER_HOUR", MEMBER_COMMENTS_PER_HOUR)
        recent = Comment.objects.filter(user=user, created_at__gte=since).count()
    else:
        limit = getattr(
            settings, "VISITOR_COMMENTS_PER_HOUR", VISITOR_COMMENTS_PER_HOUR
        )
        who = Q(email__iexact=email)
        if key:
            who |= Q(client_key=key)
        recent = Comment.objects.filter(who, created_at__gte=since).count()
    if max(recent, in_session) >= limit:
        raise CommentRefused(
            _(
                "You have posted several comments in the past hour. Your comment "
                "was not saved; please try again later."
            )
        )


@transaction.atomic
def comment_submit(
    *,
    article: ArticlePage,
    body: str,
    user: Any = None,
    name: str = "",
    email: str = "",
    language: str = "nl",
    client: str = "",
    in_session: int = 0,
) -> Comment:
    """Store a comment: a member's appears at once, a visitor's after confirmation.

    `client` is the keyed hash of the network address (see `client_key`) and
    `in_session` how many comments this browser session sent in the past hour;
    both count towards the hourly limit. A visitor gets a mail with a link.
    """
    if not article.comments_open:
        raise CommentRefused(_("Comments on this article are closed."))
    member = user_is_member(user)
    email = (email or "").strip().lower()
    if comment_is_blocked(user=user if member else None, email=email):
        raise CommentRefused(BLOCKED)
    _check_rate(
        user=user, email=email, key=client, in_session=in_session, member=member
    )
    now = timezone.now()
    comment = Comment.objects.create(
        article=article,
        user=user if member else None,
        name=_member_name(user) if member else name.strip(),
        email="" if member else email,
        body=body.strip(),
        body_html=comment_html(body),
        status=Comment.Status.PUBLISHED if member else Comment.Status.PENDING,
        language=(language or "nl")[:5],
        client_key=client,
        created_at=now,
        confirmed_at=now if member else None,
    )
    if not member:
        transaction.on_commit(lambda: _mail_confirmation(comment.pk))
    return comment


def _mail_confirmation(pk: int) -> None:
    comment = Comment.objects.select_related("article").filter(pk=pk).first()
    if comment is None:
        return
    path = reverse(
        "articles:comment_confirm", kwargs={"token": comment_confirm_token(comment)}
    )
    send_templated_mail(
        to=[comment.email],
        subject=_("Confirm your comment on Buurtwijs"),
        template="articles/mail/comment_confirm",
        context={
            "name": comment.name,
            "article_title": comment.article.title,
            "article_url": comment.article.get_full_url() or settings.SITE_URL,
            "confirm_url": f"{settings.SITE_URL}{path}",
            "days": confirm_days(),
        },
        language=comment.language,
    )


def comment_from_token(token: str) -> Comment:
    """The pending comment a confirmation link is for, or a clear refusal."""
    try:
        pk = signing.loads(
            token, salt=_CONFIRM_SALT, max_age=timedelta(days=confirm_days())
        )
    except signing.SignatureExpired:
        raise CommentRefused(
            _(
                "This confirmation link has expired. Your comment was not "
                "published; you are welcome to write it again."
            )
        ) from None
    except signing.BadSignature:
        raise CommentRefused(
            _(
                "This confirmation link is not valid. Please check that you used "
                "the whole link from the mail."
            )
        ) from None
    comment = (
        Comment.objects.select_related("article").filter(pk=pk).first()
        if isinstance(pk, int)
        else None
    )
    if comment is None:
        raise CommentRefused(
            _("This comment no longer exists; it may have been removed.")
        )
    if comment.status == Comment.Status.PUBLISHED:
        raise CommentAlreadyConfirmed(
            _("You already confirmed this comment. It is on the page."), comment
        )
    if comment.status == Comment.Status.HIDDEN:
        raise CommentRefused(_("The editors have hidden this comment."))
    if comment_is_blocked(email=comment.email):
        raise CommentRefused(BLOCKED)
    return comment


@transaction.atomic
def comment_confirm(*, token: str) -> Comment:
    """Publish the visitor's comment this link is for (once)."""
    comment = comment_from_token(token)
    # Only the row still pending is changed, so two clicks at once publish once.
    changed = Comment.objects.filter(
        pk=comment.pk, status=Comment.Status.PENDING
    ).update(status=Comment.Status.PUBLISHED, confirmed_at=timezone.now())
    if not changed:
        raise CommentAlreadyConfirmed(
            _("You already confirmed this comment. It is on the page."), comment
        )
    comment.refresh_from_db()
    return comment


@dataclass(frozen=True)
class ReportResult:
    """The report, and whether this member had reported the comment before."""

    created: bool


def comment_report(*, comment: Comment, user: Any) -> ReportResult:
    """Record a member's report of a comment; a second report by them is ignored."""
    if not user_is_member(user):
        raise CommentRefused(_("Only members can report a comment."))
    if comment.status != Comment.Status.PUBLISHED:
        raise CommentRefused(_("This comment is not on the page any more."))
    try:
        with transaction.atomic():
            CommentReport.objects.create(comment=comment, user=user)
    except IntegrityError:
        return ReportResult(created=False)
    return ReportResult(created=True)


@transaction.atomic
def comment_moderate(*, comment: Comment, editor: Any, approve: bool) -> Comment:
    """Publish (approve) or hide a comment; open reports count as handled."""
    comment.status = Comment.Status.PUBLISHED if approve else Comment.Status.HIDDEN
    comment.reviewed_at = timezone.now()
    comment.reviewed_by = editor
    fields = ["status", "reviewed_at", "reviewed_by"]
    if approve and comment.confirmed_at is None:
        comment.confirmed_at = comment.reviewed_at
        fields.append("confirmed_at")
    comment.save(update_fields=fields)
    return comment


@transaction.atomic
def comment_delete(*, comment: Comment, editor: Any) -> None:
    """Delete a comment with its reports."""
    comment.delete()


@transaction.atomic
def comment_author_block(*, comment: Comment, editor: Any) -> CommentBlock:
    """Block the comment's author (member or address) and hide their comments."""
    if comment.user_id:
        block, _created = CommentBlock.objects.get_or_create(
            user_id=comment.user_id, defaults={"blocked_by": editor}
        )
        authored = Q(user_id=comment.user_id)
    else:
        block, _created = CommentBlock.objects.get_or_create(
            email=comment.email.lower(), defaults={"blocked_by": editor}
        )
        authored = Q(email__iexact=comment.email)
    now = timezone.now()
    Comment.objects.filter(authored).exclude(status=Comment.Status.HIDDEN).update(
        status=Comment.Status.HIDDEN, reviewed_at=now, reviewed_by=editor
    )
    return block


def comment_author_unblock(*, block: CommentBlock) -> None:
    """Let a blocked member or address comment again."""
    block.delete()


@dataclass(frozen=True)
class PruneResult:
    """How many unconfirmed comments were deleted and network keys cleared."""

    deleted: int
    keys_cleared: int


@transaction.atomic
def comments_prune(*, now: Any = None) -> PruneResult:
    """Forget what is no longer needed: stale unconfirmed comments, old address keys."""
    now = now or timezone.now()
    _total, per_model = Comment.objects.filter(
        status=Comment.Status.PENDING,
        created_at__lt=now - timedelta(days=confirm_days()),
    ).delete()
    cleared = (
        Comment.objects.filter(created_at__lt=now - timedelta(days=1))
        .exclude(client_key="")
        .update(client_key="")
    )
    deleted_comments = per_model.get("articles.Comment", 0)
    return PruneResult(deleted=deleted_comments, keys_cleared=cleared)
