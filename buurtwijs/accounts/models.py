"""People: the login account, the profile others may see, and recorded consent."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.admin_forms import SortNameAdminForm
from buurtwijs.core.models import Municipality, Theme


class User(AbstractUser):
    """A login account; people sign in with their e-mail address."""

    email = models.EmailField(_("e-mail address"), unique=True)
    # The language of the mails this person gets; the site itself follows the
    # language chosen in the browser session.
    language = models.CharField(
        _("language for e-mail"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="nl",
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")  # type: ignore[assignment]
        verbose_name_plural = _("users")  # type: ignore[assignment]


class PersonKind(models.TextChoices):
    RESIDENT = "resident", _("Resident / neighbourhood maker")
    PROFESSIONAL = "professional", _("Neighbourhood professional")
    POLICY_MAKER = "policy_maker", _("Policy maker")
    RESEARCHER = "researcher", _("Researcher")
    ENTREPRENEUR = "entrepreneur", _("Entrepreneur")


class Profile(models.Model):
    """A person in the network: private by default, public field by field.

    A profile may exist without an account (imported from a network's member list)
    until the person claims it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="profile",
        verbose_name=_("account"),
    )
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)
    # Dutch dictionary order, stored when the name is written (core.text.dutch_sort_key)
    sort_name = models.CharField(max_length=150, db_default="", editable=False)
    email = models.EmailField(
        _("e-mail address (never shown)"),
        blank=True,
        db_default="",
        help_text=_("For profiles without an account: the key for re-imports."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("municipality"),
    )
    kind = models.CharField(
        _("I am mainly a"), max_length=20, choices=PersonKind.choices, blank=True
    )
    expertise = models.TextField(
        _("working on, among other things"),
        blank=True,
        max_length=2000,
        help_text=_("What you work on and know about, in a few sentences."),
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="profiles", verbose_name=_("themes")
    )
    is_public = models.BooleanField(
        _("show my profile in the public directory"), default=False
    )
    show_organisation = models.BooleanField(_("show organisation"), default=True)
    show_municipality = models.BooleanField(_("show municipality"), default=True)
    show_kind = models.BooleanField(_("show role"), default=True)
    show_expertise = models.BooleanField(_("show expertise"), default=True)
    show_themes = models.BooleanField(_("show themes"), default=True)
    allow_suggestions = models.BooleanField(
        _("suggest me to people with a learning question"),
        default=True,
        help_text=_("Only a public profile is ever suggested."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    base_form_class = SortNameAdminForm

    class Meta:
        ordering = ["name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        indexes = [
            # Partial: Django writes `is_public = true` as a bare column, which
            # SQLite matches only with an index on the same condition; public
            # lists then read in name order and count from this index alone.
            models.Index(
                fields=["sort_name", "id"],
                condition=models.Q(is_public=True),
                name="profile_public_sort_idx",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=~models.Q(email=""),
                name="profile_email_unique_when_given",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Consent(models.Model):
    """A consent a person gave, stored with the exact text shown and the moment."""

    class Purpose(models.TextChoices):
        PRIVACY_STATEMENT = "privacy_statement", _("Privacy statement (account)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("account"),
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=Purpose.choices)
    text = models.TextField(_("text agreed to"))
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d %H:%M})"
