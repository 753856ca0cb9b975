"""Template tags other apps' pages use to show suggestions."""

from typing import Any

from django import template

from buurtwijs.matching.selectors import KINDS, match_for_question

register = template.Library()


@register.inclusion_tag(
    "matching/includes/question_suggestions.html", takes_context=True
)
def question_suggestions(context: Any, question: Any) -> dict[str, Any]:
    """People, cases, documents and initiatives that know about a learning question."""
    found = match_for_question(question=question, limit=3)
    groups = [(kind, found.get(kind, [])) for kind in KINDS]
    request = context.get("request")
    return {
        "groups": groups,
        "count": sum(len(items) for _kind, items in groups),
        "query": question.text[:300],
        "back": request.get_full_path() if request is not None else "",
    }
