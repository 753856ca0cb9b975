"""Personal data of the learning agenda: an editor's analyses and decisions."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import User
from buurtwijs.accounts.personal_data import Provider, register
from buurtwijs.agenda.models import AnalysisRun, CurationDecision


def _export(user: User) -> list[dict[str, Any]]:
    runs = AnalysisRun.objects.filter(requested_by=user).order_by("pk")
    decisions = CurationDecision.objects.filter(editor=user).order_by("pk")
    return [
        *({"kind": "analysis_requested", "id": r.pk} for r in runs),
        *({"kind": "curation_decision", "id": d.pk} for d in decisions),
    ]


def _erase(user: User) -> None:
    # The agenda's history stays; only the link to the editor goes.
    AnalysisRun.objects.filter(requested_by=user).update(requested_by=None)
    CurationDecision.objects.filter(editor=user).update(editor=None)


register(
    Provider(
        category="agenda_work",
        label=_("Editorial work on the learning agenda"),
        description=_(
            "For editors: which analyses you started and which curation "
            "decisions you took, so the agenda's history can be followed. When "
            "you delete your account the history stays without your name."
        ),
        fields=(
            "agenda.AnalysisRun.requested_by",
            "agenda.CurationDecision.editor",
        ),
        export=_export,
        erase=_erase,
        order=120,
    )
)
