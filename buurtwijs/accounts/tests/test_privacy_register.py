"""The register of personal data covers every personal field, and the statement too."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models
from django.test import Client

from buurtwijs.accounts import personal_data

pytestmark = pytest.mark.django_db

PERSONAL_NAMES = ("name", "email", "ip", "address")

# Fields that look personal by name or type but hold no one's personal data.
NOT_PERSONAL = {
    "core.Province.name": "a province",
    "core.Municipality.name": "a municipality",
    "core.Municipality.display_name": "a municipality",
    "core.Municipality.sort_name": "a municipality",
    "core.Theme.name": "a theme",
    "core.Theme.name_en": "a theme",
    "directory.Initiative.name": "an initiative's public name",
    "directory.Initiative.sort_name": "an initiative's public name",
    "directory.Partner.name": "an organisation working with an initiative",
    "knowledge.CasePartner.name": "an organisation in a published case",
    "knowledge.Document.file_name": "the name of an uploaded file",
    "networks.LearningNetwork.name": "a learning network",
}


def _is_personal(field: models.Field) -> bool:
    if isinstance(field, models.EmailField | models.GenericIPAddressField):
        return True
    if field.is_relation and field.related_model is not None:
        label = field.related_model._meta.label
        if label in (settings.AUTH_USER_MODEL, "accounts.Profile"):
            return True
    name = field.name.lower()
    return any(name == part or name.endswith(f"_{part}") for part in PERSONAL_NAMES)


def _own_models() -> list[type[models.Model]]:
    """Buurtwijs's models and the sign-in library's, which hold people's data."""
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith(("buurtwijs.", "allauth."))
    ]


def test_every_personal_field_belongs_to_a_registered_category() -> None:
    covered = personal_data.covered_fields()
    unregistered = [
        f"{model._meta.label}.{field.name}"
        for model in _own_models()
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and field.model is model
        and _is_personal(field)  # type: ignore[arg-type]
        and f"{model._meta.label}.{field.name}" not in covered
        and f"{model._meta.label}.{field.name}" not in NOT_PERSONAL
    ]
    assert unregistered == []


def test_register_names_only_fields_that_exist() -> None:
    for name in personal_data.covered_fields() | set(NOT_PERSONAL):
        app_label, model_name, field = name.split(".")
        apps.get_model(app_label, model_name)._meta.get_field(field)


def test_privacy_statement_names_every_category(visitor: Client) -> None:
    html = visitor.get("/privacy/").content.decode()
    missing = [
        str(p.label) for p in personal_data.providers() if str(p.label) not in html
    ]
    assert missing == []
