"""The knowledge gaps in the admin menu, for editors."""

from django.urls import URLPattern, URLResolver, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from buurtwijs.agenda.selectors import user_is_agenda_editor


class GapsMenuItem(MenuItem):
    def is_shown(self, request: object) -> bool:
        return user_is_agenda_editor(getattr(request, "user", None))


@hooks.register("register_admin_urls")
def register_gaps_urls() -> list[URLPattern | URLResolver]:
    from buurtwijs.matching.admin_views import urlpatterns

    return list(urlpatterns)


@hooks.register("register_admin_menu_item")
def register_gaps_menu_item() -> MenuItem:
    return GapsMenuItem(
        _("Knowledge gaps"), reverse("matching_gaps"), icon_name="help", order=320
    )
