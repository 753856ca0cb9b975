"""Learning networks in the editors' admin at /beheer/: networks, members, posts."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CreateView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from buurtwijs.networks.models import LearningNetwork, Membership, Reply, Thread


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Members join and post on the site; editors only change or remove here."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action == "add":
            return False
        return super().user_has_permission(user, action)


for _model in (Membership, Thread, Reply):
    register_permission_policy(_model, NoAddPermissionPolicy(_model))


class NetworkCreateView(CreateView):
    """Remembers which editor created the network."""

    def save_instance(self) -> Any:
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class LearningNetworkViewSet(SnippetViewSet):
    model = LearningNetwork
    add_view_class = NetworkCreateView
    icon = "group"
    menu_label = _("Learning networks")
    list_display = ["name", "slug", "is_open", "created_at"]
    list_filter = ["is_open", "themes"]
    search_fields = ["name", "description"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_open"),
        FieldPanel("meetings"),
        FieldPanel("documents"),
    ]


class MembershipViewSet(SnippetViewSet):
    """Editors make members moderators or remove them; joining is the member's own."""

    model = Membership
    icon = "user"
    menu_label = _("Network members")
    list_display = ["member_name", "network", "role", "notify", "joined_at"]
    list_filter = ["network", "role"]
    ordering = ["network", "joined_at"]
    copy_view_enabled = False
    # The account is not shown: its name may be an e-mail address.
    panels = [FieldPanel("network", read_only=True), FieldPanel("role")]


class ThreadViewSet(SnippetViewSet):
    model = Thread
    icon = "comment"
    menu_label = _("Network conversations")
    list_display = ["title", "network", "author_name", "created_at"]
    list_filter = ["network"]
    search_fields = ["title", "body"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    panels = [FieldPanel("title"), FieldPanel("body")]


class ReplyViewSet(SnippetViewSet):
    model = Reply
    icon = "comment"
    menu_label = _("Network replies")
    list_display = ["__str__", "thread", "author_name", "created_at"]
    search_fields = ["body"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    panels = [FieldPanel("body")]


class NetworksViewSetGroup(SnippetViewSetGroup):
    items = (LearningNetworkViewSet, MembershipViewSet, ThreadViewSet, ReplyViewSet)
    menu_icon = "group"
    menu_label = _("Learning networks")
    menu_name = "networks"
    menu_order = 230


register_snippet(NetworksViewSetGroup)
