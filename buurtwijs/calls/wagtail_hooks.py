"""Calls, responses and learning questions in the editors' admin at /beheer/."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    DeleteView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

from buurtwijs.calls.models import Call, LearningQuestion, Response
from buurtwijs.search.services import index_later


class ResponsePermissionPolicy(ModelPermissionPolicy):
    """Responses are kept as sent: editors read and delete them, never edit them."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


register_permission_policy(Response, ResponsePermissionPolicy(Response))


class CallViewSet(SnippetViewSet):
    model = Call
    icon = "form"
    menu_label = _("Calls")
    list_display = ["title", "status", "opens_at", "closes_at"]
    list_filter = ["status"]
    search_fields = ["title"]
    ordering = ["-opens_at"]


class ResponseFilterSet(WagtailFilterSet):
    class Meta:
        model = Response
        fields = ["call", "role", "municipality__province"]


class ResponseViewSet(SnippetViewSet):
    model = Response
    icon = "doc-full"
    menu_label = _("Responses")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["__str__", "call", "municipality", "role", "retain_until"]
    filterset_class = ResponseFilterSet
    inspect_view_fields = [
        "call",
        "submitted_at",
        "municipality",
        "role",
        "consent_text",
        "consent_given_at",
        "copy_requested",
        "retain_until",
    ]
    ordering = ["-submitted_at"]


class LearningQuestionFilterSet(WagtailFilterSet):
    class Meta:
        model = LearningQuestion
        fields = ["status", "call", "themes", "municipality__province"]


class LearningQuestionDeleteView(DeleteView):
    """Deleting in the admin also takes the question out of the search index."""

    def delete_action(self) -> None:
        pk = self.object.pk
        super().delete_action()
        index_later(kind="question", object_id=pk)


class LearningQuestionViewSet(SnippetViewSet):
    model = LearningQuestion
    delete_view_class = LearningQuestionDeleteView
    icon = "help"
    menu_label = _("Learning questions")
    copy_view_enabled = False
    list_display = ["short_text", "status", "municipality", "vote_count", "created_at"]
    filterset_class = LearningQuestionFilterSet
    search_fields = ["text"]
    ordering = ["-created_at"]


class CallsViewSetGroup(SnippetViewSetGroup):
    items = (CallViewSet, ResponseViewSet, LearningQuestionViewSet)
    menu_icon = "form"
    menu_label = _("Calls")
    menu_name = "calls"
    menu_order = 210


register_snippet(CallsViewSetGroup)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def index_saved_question(request: HttpRequest, instance: Any) -> None:
    """Hiding or editing a question in the admin reaches the search index."""
    if isinstance(instance, LearningQuestion):
        index_later(kind="question", object_id=instance.pk)


@hooks.register("after_delete_snippet")
def unindex_bulk_deleted_questions(request: HttpRequest, instances: Any) -> None:
    # Bulk deletion keeps the instances' keys (single deletion: the view above).
    for instance in instances:
        if isinstance(instance, LearningQuestion) and instance.pk is not None:
            index_later(kind="question", object_id=instance.pk)
