"""Learning networks: members, their threads and replies, and the digests sent."""

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.models import Theme

NAME_LIMIT = 150
DESCRIPTION_LIMIT = 3000
TITLE_LIMIT = 200
BODY_LIMIT = 10_000


def person_name(user: Any) -> str:
    """The name of an account as others see it: the profile's, never the address."""
    if user is None:
        return str(_("Former member"))
    profile = getattr(user, "profile", None)
    if profile is not None and profile.name:
        return str(profile.name)
    return str(_("Member without a name"))


# Addresses under /leernetwerken/ that are pages of their own, not networks.
RESERVED_SLUGS = frozenset({"instellingen", "nieuw"})


class LearningNetwork(models.Model):
    """A community of practice around themes: members, threads, meetings, documents."""

    name = models.CharField(_("name"), max_length=NAME_LIMIT, unique=True)
    slug = models.SlugField(
        _("web address"),
        max_length=80,
        unique=True,
        help_text=_("The last part of the address, e.g. leernetwerk-buurtcooperaties."),
    )
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_LIMIT,
        help_text=_("Plain text: who the network is for and what it works on."),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="learning_networks", verbose_name=_("themes")
    )
    is_open = models.BooleanField(
        _("open for new members"),
        default=True,
        help_text=_("When off, current members stay but nobody can join."),
    )
    meetings = models.ManyToManyField(
        "events.EventPage",
        blank=True,
        related_name="learning_networks",
        verbose_name=_("meetings"),
    )
    documents = models.ManyToManyField(
        "knowledge.Document",
        blank=True,
        related_name="learning_networks",
        verbose_name=_("documents"),
        help_text=_(
            "Only published documents are shown, and members-only documents only "
            "to members of Buurtwijs."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("learning network")
        verbose_name_plural = _("learning networks")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:network_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {
                    "slug": _(
                        "This web address is taken by another page; choose another."
                    )
                }
            )


class Membership(models.Model):
    """One person in one network, with their role and how they want to hear of posts."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        MODERATOR = "moderator", _("Moderator")

    class Notify(models.TextChoices):
        EACH = "each", _("An e-mail for every new thread and reply")
        DAILY = "daily", _("One e-mail a day with what was new")
        NONE = "none", _("No e-mail")

    network = models.ForeignKey(
        LearningNetwork,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("learning network"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_memberships",
        verbose_name=_("member"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.MEMBER
    )
    notify = models.CharField(
        _("e-mail about new posts"),
        max_length=10,
        choices=Notify.choices,
        default=Notify.DAILY,
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["joined_at", "id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"], name="network_membership_unique"
            )
        ]
        indexes = [models.Index(fields=["network", "notify"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.network_id}"

    @property
    def is_moderator(self) -> bool:
        return self.role == self.Role.MODERATOR

    @admin.display(description=_("member"))
    def member_name(self) -> str:
        return person_name(self.user)


class Thread(models.Model):
    """A conversation a member starts in a network."""

    network = models.ForeignKey(
        LearningNetwork,
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("learning network"),
    )
    # Threads stay when an account is deleted; they then show no name.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_threads",
        verbose_name=_("author"),
    )
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    body = models.TextField(_("text"), max_length=BODY_LIMIT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    # The last time someone posted in the thread: the list shows the liveliest first.
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)

    class Meta:
        ordering = ["-last_activity_at", "-id"]
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        indexes = [
            models.Index(
                fields=["network", "-last_activity_at", "-id"],
                name="thread_network_activity_idx",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "networks:thread_detail",
            kwargs={"slug": self.network.slug, "pk": self.pk},
        )

    @admin.display(description=_("author"))
    def author_name(self) -> str:
        return person_name(self.author)


class Reply(models.Model):
    """A member's answer in a thread."""

    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("thread"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="network_replies",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), max_length=BODY_LIMIT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self) -> str:
        text = " ".join(self.body.split())
        return text if len(text) <= 60 else f"{text[:59]}…"

    @admin.display(description=_("author"))
    def author_name(self) -> str:
        return person_name(self.author)


class MailPreference(models.Model):
    """Whether a person wants the weekly digest; no row means yes."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_mail_preference",
        verbose_name=_("account"),
    )
    weekly_digest = models.BooleanField(
        _("weekly e-mail with new questions, cases and documents in my themes"),
        default=True,
    )

    class Meta:
        verbose_name = _("mail preference")
        verbose_name_plural = _("mail preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: weekly={self.weekly_digest}"


class DigestSent(models.Model):
    """A digest that went out: one per person, kind and period, never two."""

    class Kind(models.TextChoices):
        DAILY = "daily", _("Daily digest of a network's posts")
        WEEKLY = "weekly", _("Weekly digest of new questions and knowledge")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_digests",
        verbose_name=_("account"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # The first day the digest covers: the day (daily) or the Monday (weekly).
    period = models.DateField(_("period"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("digest sent")
        verbose_name_plural = _("digests sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "period"], name="digest_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.period} → {self.user_id}"
