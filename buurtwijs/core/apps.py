from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "buurtwijs.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self) -> None:
        from buurtwijs.core.page_cache import connect_signals

        connect_signals()
