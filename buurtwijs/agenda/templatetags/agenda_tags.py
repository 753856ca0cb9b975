"""Template tags other apps' pages use to show the learning agenda."""

from typing import Any

from django import template

from buurtwijs.agenda.selectors import agenda_items_for_question

register = template.Library()


@register.inclusion_tag("agenda/includes/question_trace.html")
def question_trace(question: Any) -> dict[str, Any]:
    """What became of a learning question: the published agenda items it led to."""
    return {"agenda_items": agenda_items_for_question(question_id=question.pk)}
