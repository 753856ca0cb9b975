"""Cache chores: a write to a candidate's data changes its kind's index version.

The new token is written in the same transaction as the data, so any process that
sees the data also sees that its index is out of date.
"""

from typing import Any

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from buurtwijs.accounts.models import Profile, User
from buurtwijs.core.models import Municipality, Theme
from buurtwijs.directory.models import Initiative
from buurtwijs.knowledge.models import CasePage, Document
from buurtwijs.matching.selectors import CASE, DOCUMENT, INITIATIVE, KINDS, PERSON
from buurtwijs.matching.services import index_version_bump

_MODELS: dict[type[Model], tuple[str, ...]] = {
    Profile: (PERSON,),
    # Deactivating an account or changing its address changes who can be suggested
    # or contacted.
    User: (PERSON,),
    Initiative: (INITIATIVE,),
    Document: (DOCUMENT,),
    CasePage: (CASE,),
    Municipality: KINDS,
    Theme: KINDS,
}
_THEMES: dict[type[Model], str] = {
    Profile.themes.through: PERSON,
    Initiative.themes.through: INITIATIVE,
    Document.themes.through: DOCUMENT,
    CasePage.themes.through: CASE,
}


def _changed(sender: type, **kwargs: Any) -> None:
    fields = kwargs.get("update_fields")
    # A login writes last_login only: nothing a suggestion shows.
    if sender is User and fields and not {"is_active", "email"} & set(fields):
        return
    for kind in _MODELS[sender]:
        index_version_bump(kind=kind)


def _themes_changed(sender: type, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        index_version_bump(kind=_THEMES[sender])


def connect() -> None:
    """Connect the handlers (from the app's ready())."""
    for model in _MODELS:
        uid = f"matching-{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
    for through in _THEMES:
        m2m_changed.connect(
            _themes_changed,
            sender=through,
            dispatch_uid=f"matching-{through._meta.label_lower}",
        )
