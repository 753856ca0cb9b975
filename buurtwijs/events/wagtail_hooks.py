"""Events in the editors' admin: registrations per event; waiting list on publish."""

from collections.abc import Iterator
from typing import Any

from django.urls import URLPattern, URLResolver, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from buurtwijs.events.admin_views import user_may_see_registrations
from buurtwijs.events.models import EventPage


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return user_may_see_registrations(getattr(request, "user", None))


@hooks.register("register_admin_urls")
def register_events_urls() -> list[URLPattern | URLResolver]:
    from buurtwijs.events.admin_views import urlpatterns

    return list(urlpatterns)


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item() -> MenuItem:
    return RegistrationsMenuItem(
        _("Event registrations"),
        reverse("events_admin_index"),
        icon_name="group",
        order=320,
    )


def _registrations_button(page: Any, user: Any, priority: int) -> Iterator[Button]:
    if isinstance(page.specific_deferred, EventPage) and user_may_see_registrations(
        user
    ):
        yield Button(
            _("Registrations"),
            reverse("events_admin_registrations", args=[page.pk]),
            icon_name="group",
            priority=priority,
        )


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(
    page: Any, user: Any, next_url: str | None = None
) -> Iterator[Button]:
    yield from _registrations_button(page, user, priority=7)


@hooks.register("register_page_header_buttons")
def registrations_header_button(
    page: Any, user: Any, view_name: str = "", next_url: str | None = None
) -> Iterator[Button]:
    yield from _registrations_button(page, user, priority=12)


@hooks.register("after_publish_page")
def fill_waiting_list_after_publish(request: Any, page: Any) -> None:
    """More places after an edit: the first people on the waiting list get them."""
    from buurtwijs.events.services import event_waiting_list_fill

    if isinstance(page.specific_deferred, EventPage):
        event_waiting_list_fill(event=page.specific)
