from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "buurtwijs.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from buurtwijs.accounts import signals  # noqa: F401

        # Each app's privacy.py registers its categories of personal data.
        autodiscover_modules("privacy")
