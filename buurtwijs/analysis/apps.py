from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnalysisConfig(AppConfig):
    """The Dutch text analysis: no models and no web code, only its command."""

    name = "buurtwijs.analysis"
    verbose_name = _("Text analysis")
