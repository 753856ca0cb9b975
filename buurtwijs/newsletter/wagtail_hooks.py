"""The newsletter in the editors' admin at /beheer/."""

from django.urls import URLPattern, URLResolver, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from buurtwijs.newsletter.selectors import user_is_newsletter_editor


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request: object) -> bool:
        return user_is_newsletter_editor(getattr(request, "user", None))


@hooks.register("register_admin_urls")
def register_newsletter_urls() -> list[URLPattern | URLResolver]:
    from buurtwijs.newsletter.admin_views import urlpatterns

    return list(urlpatterns)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item() -> MenuItem:
    return NewsletterMenuItem(
        _("Newsletter"),
        reverse("newsletter_admin_index"),
        icon_name="mail",
        order=320,
    )
