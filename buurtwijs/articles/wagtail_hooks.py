"""The comment moderation list in /beheer/ and its menu item."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from buurtwijs.articles.selectors import user_is_comment_editor


@hooks.register("register_admin_urls")
def register_comment_moderation_urls() -> list:
    from buurtwijs.articles.admin_views import urlpatterns

    return urlpatterns


class CommentModerationMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return user_is_comment_editor(request.user)


@hooks.register("register_admin_menu_item")
def register_comment_moderation_menu_item() -> MenuItem:
    return CommentModerationMenuItem(
        _("Comments"),
        reverse("articles_comment_moderation"),
        icon_name="comment",
        order=192,
    )
