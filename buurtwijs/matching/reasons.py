"""Reasons in words: the structured reasons of ``analysis.matching``, translated."""

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from buurtwijs.analysis.matching import Reason


def reason_text(reason: Reason, *, kind: str, theme_labels: Mapping[str, str]) -> str:
    """One reason as the reader reads it ("zelfde thema: Armoede en schulden")."""
    if reason.kind == "theme":
        label = theme_labels.get(reason.value, reason.value)
        return _("same theme: %(theme)s") % {"theme": label}
    if reason.kind == "words":
        if kind in ("person", "initiative"):
            return _("experience with: %(words)s") % {"words": reason.value}
        return _("about: %(words)s") % {"words": reason.value}
    if reason.kind == "municipality":
        return _("in the same municipality: %(name)s") % {"name": reason.value}
    if reason.kind == "nearby":
        return _("nearby: %(km)s km away") % {"km": reason.value}
    if reason.kind == "province":
        return _("in the same province")
    return reason.value


def reason_texts(
    reasons: Iterable[Reason], *, kind: str, theme_labels: Mapping[str, str]
) -> list[str]:
    """Every reason of a suggestion, in words."""
    return [
        reason_text(reason, kind=kind, theme_labels=theme_labels) for reason in reasons
    ]
