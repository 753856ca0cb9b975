"""Template helpers of learning networks."""

from typing import Any

from django import template

from buurtwijs.networks.selectors import display_name

register = template.Library()


@register.filter
def member_name(user: Any) -> str:
    """The name a member shows under: their profile's, never their address."""
    return display_name(user)
