from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CallsConfig(AppConfig):
    name = "buurtwijs.calls"
    verbose_name = _("Calls and learning questions")

    def ready(self) -> None:
        post_migrate.connect(grant_editors)


def grant_editors(sender: Any, **kwargs: Any) -> None:
    """Editors publish calls and moderate learning questions: give them the rights.

    The role groups are made by accounts; this adds the calls app's permissions to
    the editor group (administrators get every permission already). It waits for
    the last app's post_migrate, when every app's permissions exist.
    """
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last:
        return
    from django.contrib.auth.models import Group, Permission

    from buurtwijs.accounts.roles import EDITOR

    editor, _created = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.add(*Permission.objects.filter(content_type__app_label="calls"))
