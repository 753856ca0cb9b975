"""The learning agenda in the editors' admin at /beheer/."""

from django.urls import URLPattern, URLResolver, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from buurtwijs.agenda.selectors import user_is_agenda_editor


class AgendaMenuItem(MenuItem):
    def is_shown(self, request: object) -> bool:
        return user_is_agenda_editor(getattr(request, "user", None))


@hooks.register("register_admin_urls")
def register_agenda_urls() -> list[URLPattern | URLResolver]:
    from buurtwijs.agenda.admin_views import urlpatterns

    return list(urlpatterns)


@hooks.register("register_admin_menu_item")
def register_agenda_menu_item() -> MenuItem:
    return AgendaMenuItem(
        _("Learning agenda"),
        reverse("agenda_admin_index"),
        icon_name="list-ol",
        order=310,
    )
