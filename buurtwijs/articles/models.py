"""News articles (Wagtail pages) and the comments readers leave under them."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

# The feeds live at <index>/rss/ and <index>/atom/; no article may take those slugs.
FEED_SLUGS = ("rss", "atom")
COMMENT_MAX_LENGTH = 5_000


class ArticleIndexPage(RoutablePageMixin, Page):
    """The news list under /nieuws/, newest first, with its RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("news list")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict:
        from buurtwijs.articles.views import article_list_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_list_context(request, index=self))
        return context

    @path("rss/", name="rss")
    @path("rss/<slug:theme>/", name="rss_theme")
    def rss(self, request: HttpRequest, theme: str = "") -> HttpResponse:
        from buurtwijs.articles.feeds import ArticleRssFeed

        return ArticleRssFeed(index=self)(request, theme=theme)

    @path("atom/", name="atom")
    @path("atom/<slug:theme>/", name="atom_theme")
    def atom(self, request: HttpRequest, theme: str = "") -> HttpResponse:
        from buurtwijs.articles.feeds import ArticleAtomFeed

        return ArticleAtomFeed(index=self)(request, theme=theme)


class ArticleTag(TaggedItemBase):
    """A "read more about" tag on an article."""

    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(Page):
    """A news article: author, date, intro, text, themes, tags and related pages."""

    author = models.ForeignKey(
        "accounts.Profile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
        help_text=_("A person in the network; their public profile is linked."),
    )
    byline = models.CharField(
        _("written by"),
        max_length=200,
        blank=True,
        help_text=_("For authors without a profile here, as the source names them."),
    )
    date = models.DateField(_("date"), default=timezone.localdate, db_index=True)
    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = RichTextField(_("text"), blank=True)
    themes = ParentalManyToManyField(
        "core.Theme", blank=True, related_name="articles", verbose_name=_("themes")
    )
    tags = ClusterTaggableManager(
        through=ArticleTag, blank=True, verbose_name=_("read more about")
    )
    source_url = models.URLField(_("source link"), blank=True)
    source_label = models.CharField(_("source"), max_length=250, blank=True)
    comments_open = models.BooleanField(_("comments open"), default=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("byline"), FieldPanel("date")],
            heading=_("Author and date"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("tags")], heading=_("Themes and tags")
        ),
        InlinePanel("related_links", heading=_("Related pages"), label=_("page")),
        MultiFieldPanel(
            [FieldPanel("source_label"), FieldPanel("source_url")],
            heading=_("Source"),
        ),
        FieldPanel("comments_open"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self) -> None:
        super().clean()
        if self.slug in FEED_SLUGS:
            raise ValidationError(
                {"slug": _("This web address is taken by the news feeds.")}
            )

    def get_context(
        self, request: HttpRequest, *args: Any, comment_form: Any = None, **kwargs: Any
    ) -> dict:
        from buurtwijs.articles.views import article_detail_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_detail_context(request, article=self, form=comment_form))
        return context


class ArticleRelatedPage(Orderable):
    """A page an editor chose to show beside an article."""

    article = ParentalKey(
        ArticlePage, on_delete=models.CASCADE, related_name="related_links"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "page"], name="article_related_page_once"
            )
        ]


class Comment(models.Model):
    """A reader's comment on an article; a visitor's waits for e-mail confirmation.

    The e-mail address of a visitor is kept to confirm the comment and to block
    an address; it is never shown. The network address is kept only as a keyed
    hash for the hourly limits, and cleared by ``prune_comments``.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden by an editor")

    article = models.ForeignKey(
        ArticlePage,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("article"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="article_comments",
        verbose_name=_("member"),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail address (never shown)"), blank=True)
    body = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, db_index=True
    )
    language = models.CharField(_("language"), max_length=5, default="nl")
    client_key = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("written"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["article", "status", "created_at"]),
            models.Index(fields=["created_at", "client_key"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="comment_member_or_email",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:60]}"


class CommentReport(models.Model):
    """A member's report that a comment breaks the rules; one per member."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="comment_reports",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "user"], name="comment_report_once_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.comment_id} ({self.created_at:%Y-%m-%d})"


class CommentBlock(models.Model):
    """A member or e-mail address an editor blocked from commenting."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comment_block",
    )
    email = models.EmailField(blank=True)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("blocked commenter")
        verbose_name_plural = _("blocked commenters")
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=~models.Q(email=""),
                name="comment_block_email_once",
            ),
            models.CheckConstraint(
                condition=models.Q(user__isnull=False) | ~models.Q(email=""),
                name="comment_block_user_or_email",
            ),
        ]

    def __str__(self) -> str:
        return str(self.user_id or self.email)
