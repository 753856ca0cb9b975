"""Keep the role groups in place after every migrate (a decoupled chore)."""

from typing import Any

from allauth.account.signals import email_confirmed
from django.apps import apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate)
def sync_roles_after_migrate(sender: Any, **kwargs: Any) -> None:
    # post_migrate is sent once per app; wait for the last one so that every
    # app's permissions and Wagtail's root page exist.
    last = [config for config in apps.get_app_configs() if config.models_module][-1]
    if sender is not last:
        return
    from buurtwijs.accounts.roles import roles_sync

    roles_sync()


@receiver(email_confirmed)
def make_member_on_confirmation(
    request: Any, email_address: Any, **kwargs: Any
) -> None:
    from buurtwijs.accounts.services import member_grant

    member_grant(user=email_address.user)
