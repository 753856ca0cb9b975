"""Links to addresses people typed: only web addresses become links."""

from django import template

register = template.Library()


@register.filter
def web_url(value: object) -> str:
    """The address when it is http(s), else "" (shown as text, never a link).

    Forms only accept web addresses, but an import, the shell or an older row can
    hold ``javascript:`` or ``data:``; ``{% with href=x|web_url %}`` keeps those
    from becoming a clickable link.
    """
    text = str(value or "").strip()
    if text.lower().startswith(("http://", "https://")):
        return text
    return ""
