from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "buurtwijs.articles"
    label = "articles"
    verbose_name = _("News")
