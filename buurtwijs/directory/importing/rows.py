"""The columns of each import kind, and parsing one row into checked values."""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from buurtwijs.accounts.models import PersonKind
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.core.selectors import municipality_lookup
from buurtwijs.core.text import strip_accents
from buurtwijs.directory.models import InitiativeKind, PartnerRole

INITIATIVES = "initiatives"
PEOPLE = "people"
KINDS = (INITIATIVES, PEOPLE)

COLUMNS: dict[str, tuple[str, ...]] = {
    INITIATIVES: (
        "name",
        "kind",
        "municipality",
        "founded",
        "website",
        "description",
        "themes",
        "partners",
    ),
    PEOPLE: (
        "name",
        "email",
        "organisation",
        "municipality",
        "kind",
        "expertise",
        "themes",
        "public",
    ),
}

# The file's words for partner roles and kinds of people, mapped to stored values.
PARTNER_ROLES: dict[str, str] = {
    value.replace("_", "-"): value for value in PartnerRole.values
}
PERSON_KINDS: dict[str, str] = {
    value.replace("_", "-"): value for value in PersonKind.values
}
_YES = {"yes", "y", "ja", "j", "true", "1", "x"}
_NO = {"no", "n", "nee", "false", "0", ""}


def column_key(text: str) -> str:
    """A header cell as a column name: 'E-mail ' → 'email', 'Thema's' → 'themas'."""
    return re.sub(r"[^a-z0-9]", "", strip_accents(text).casefold())


def word_key(text: str) -> str:
    """A typed word for matching choices: no case, accents, spaces or dashes."""
    return column_key(text)


def _choice_keys(
    choices: Iterable[tuple[str, Any]], extra: dict[str, str]
) -> dict[str, str]:
    keys = {word_key(word): value for word, value in extra.items()}
    for value, label in choices:
        keys[word_key(value)] = value
        for language in ("nl", "en"):
            with translation.override(language):
                keys.setdefault(word_key(str(label)), value)
    return keys


class RowError(Exception):
    """A row that cannot be imported; the message says why."""


@dataclass
class InitiativeRow:
    name: str
    kind: str
    municipality: Municipality
    founded_year: int | None
    website: str
    description: str
    theme_ids: list[int]
    partners: list[tuple[str, str]]


@dataclass
class PersonRow:
    email: str
    name: str
    organisation: str
    municipality: Municipality | None
    kind: str
    expertise: str
    theme_ids: list[int]
    is_public: bool


@dataclass
class Lookups:
    """What rows are checked against, loaded once per import."""

    theme_ids: dict[str, int] = field(default_factory=dict)
    municipalities: dict[str, Municipality | str] = field(default_factory=dict)
    initiative_kinds: dict[str, str] = field(default_factory=dict)
    person_kinds: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Lookups":
        return cls(
            theme_ids=dict(Theme.objects.values_list("slug", "pk")),
            initiative_kinds=_choice_keys(InitiativeKind.choices, {}),
            person_kinds=_choice_keys(PersonKind.choices, PERSON_KINDS),
        )

    def municipality(self, text: str) -> Municipality:
        # One lookup per distinct spelling: a file repeats the same few names.
        if text not in self.municipalities:
            match = municipality_lookup(text)
            if match.municipality is not None:
                self.municipalities[text] = match.municipality
            elif match.suggestions:
                self.municipalities[text] = _(
                    "unknown municipality %(name)s; did you mean %(suggestions)s?"
                ) % {"name": text, "suggestions": " / ".join(match.suggestions)}
            else:
                self.municipalities[text] = _("unknown municipality %(name)s") % {
                    "name": text
                }
        found = self.municipalities[text]
        if isinstance(found, str):
            raise RowError(found)
        return found

    def themes(self, text: str) -> list[int]:
        slugs = [slug.strip().casefold() for slug in re.split(r"[;,]", text)]
        slugs = [slug for slug in slugs if slug]
        unknown = [slug for slug in slugs if slug not in self.theme_ids]
        if unknown:
            raise RowError(
                _("unknown theme %(slugs)s (use theme slugs such as %(example)s)")
                % {"slugs": ", ".join(unknown), "example": "wonen"}
            )
        return list(dict.fromkeys(self.theme_ids[slug] for slug in slugs))


def _required(values: dict[str, str], column: str) -> str:
    value = values.get(column, "")
    if not value:
        raise RowError(_("%(column)s is empty") % {"column": column})
    return value


def _max_length(value: str, column: str, limit: int) -> str:
    if len(value) > limit:
        raise RowError(
            _("%(column)s is longer than %(limit)s characters")
            % {"column": column, "limit": limit}
        )
    return value


def _collect(*checks: tuple) -> list:
    """Run every check of a row so the report names all its problems at once."""
    results, problems = [], []
    for check, *args in checks:
        try:
            results.append(check(*args))
        except RowError as error:
            problems.append(str(error))
            results.append(None)
    if problems:
        raise RowError("; ".join(problems))
    return results


def _initiative_kind(lookups: Lookups, text: str) -> str:
    if not text:
        return InitiativeKind.OTHER.value
    kind = lookups.initiative_kinds.get(word_key(text))
    if kind is None:
        raise RowError(
            _("unknown kind %(value)s; use one of %(choices)s")
            % {"value": text, "choices": ", ".join(InitiativeKind.values)}
        )
    return kind


def _founded(text: str) -> int | None:
    if not text:
        return None
    this_year = datetime.datetime.now(tz=datetime.UTC).year
    try:
        year = int(float(text))
    except ValueError:
        year = 0
    if not 1800 <= year <= this_year:
        raise RowError(
            _("founded must be a year such as 1998, not %(value)s") % {"value": text}
        )
    return year


def _website(text: str) -> str:
    if not text:
        return ""
    url = text if "://" in text else f"https://{text}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as error:
        raise RowError(
            _("website %(value)s is not a web address") % {"value": text}
        ) from error
    return _max_length(url, "website", 200)


def _partners(text: str) -> list[tuple[str, str]]:
    partners = []
    for item in text.split(";"):
        item = item.strip()
        if not item:
            continue
        name, _sep, role = item.rpartition(":")
        name, role_key = name.strip(), role.strip().casefold().replace("_", "-")
        role_key = re.sub(r"\s+", "-", role_key)
        if not name:
            raise RowError(
                _("partner %(partner)s needs a name and a role: Name:role")
                % {"partner": item}
            )
        if role_key not in PARTNER_ROLES:
            raise RowError(
                _("unknown role %(role)s for partner %(name)s; use one of %(roles)s")
                % {"role": role, "name": name, "roles": ", ".join(PARTNER_ROLES)}
            )
        partners.append((_max_length(name, "partners", 200), PARTNER_ROLES[role_key]))
    return partners


def parse_initiative(values: dict[str, str], lookups: Lookups) -> InitiativeRow:
    """Check one initiatives row; raises RowError naming every problem."""
    name, kind, municipality, founded, website, themes, partners = _collect(
        (lambda: _max_length(_required(values, "name"), "name", 200),),
        (_initiative_kind, lookups, values["kind"]),
        (lambda: lookups.municipality(_required(values, "municipality")),),
        (_founded, values["founded"]),
        (_website, values["website"]),
        (lookups.themes, values["themes"]),
        (_partners, values["partners"]),
    )
    return InitiativeRow(
        name=name,
        kind=kind,
        municipality=municipality,
        founded_year=founded,
        website=website,
        description=values["description"],
        theme_ids=themes,
        partners=partners,
    )


def _email(text: str) -> str:
    if not text:
        raise RowError(_("email is empty (it is the key for re-imports)"))
    email = text.strip().casefold()
    try:
        EmailValidator()(email)
    except ValidationError as error:
        raise RowError(
            _("email %(value)s is not an e-mail address") % {"value": text}
        ) from error
    return _max_length(email, "email", 254)


def _person_kind(lookups: Lookups, text: str) -> str:
    if not text:
        return ""
    kind = lookups.person_kinds.get(word_key(text))
    if kind is None:
        raise RowError(
            _("unknown kind %(value)s; use one of %(choices)s")
            % {"value": text, "choices": ", ".join(PERSON_KINDS)}
        )
    return kind


def _public(text: str) -> bool:
    word = text.strip().casefold()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise RowError(_("public must be yes or no, not %(value)s") % {"value": text})


def parse_person(values: dict[str, str], lookups: Lookups) -> PersonRow:
    """Check one people row; raises RowError naming every problem."""
    email, name, organisation, municipality, kind, expertise, themes, public = _collect(
        (_email, values["email"]),
        (lambda: _max_length(_required(values, "name"), "name", 150),),
        (_max_length, values["organisation"], "organisation", 200),
        (
            lambda: (
                lookups.municipality(values["municipality"])
                if values["municipality"]
                else None
            ),
        ),
        (_person_kind, lookups, values["kind"]),
        (_max_length, values["expertise"], "expertise", 2000),
        (lookups.themes, values["themes"]),
        (_public, values["public"]),
    )
    return PersonRow(
        email=email,
        name=name,
        organisation=organisation,
        municipality=municipality,
        kind=kind,
        expertise=expertise,
        theme_ids=themes,
        is_public=public,
    )
