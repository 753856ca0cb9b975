from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "buurtwijs.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        # Each domain app describes how its records are indexed in search_index.py.
        autodiscover_modules("search_index")
        from buurtwijs.search.signals import connect

        connect()
