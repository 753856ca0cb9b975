from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "buurtwijs.matching"
    label = "matching"
    verbose_name = _("Who knows what")

    def ready(self) -> None:
        from buurtwijs.matching import signals

        signals.connect()
