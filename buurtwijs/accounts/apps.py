from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "buurtwijs.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from buurtwijs.accounts import signals  # noqa: F401
