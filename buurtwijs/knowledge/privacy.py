"""Personal data of the knowledge base: who uploaded which document."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, register
from buurtwijs.knowledge.models import Document


def _export(user: User) -> list[dict[str, Any]]:
    return [
        {
            "title": d.title,
            "file_name": d.file_name,
            "status": d.status,
            "created_at": d.created_at,
        }
        for d in Document.objects.filter(uploaded_by=user).order_by("created_at")
    ]


def _erase(user: User) -> None:
    # Shared documents are the network's knowledge: they stay, without the
    # link to the person who uploaded them.
    for document in Document.objects.filter(uploaded_by=user):
        document.uploaded_by = None
        document.save(update_fields=["uploaded_by"])


register(
    Provider(
        category="documents",
        label=_("Documents you shared"),
        description=_(
            "Which documents you uploaded, to show you your own uploads and let "
            "editors ask you about them. When you delete your account the "
            "documents stay in the knowledge base without a link to you."
        ),
        fields=("knowledge.Document.uploaded_by",),
        export=_export,
        erase=_erase,
        order=110,
    )
)
