"""NL Design System (Utrecht) classes on form widgets, for every form of the site.

Django (5.2+) builds each widget's attributes in ``BoundField.build_widget_attrs``;
it already adds ``aria-describedby`` (help text and errors) and ``aria-invalid``.
``UtrechtBoundField`` adds the Utrecht component class of the widget on top, plus
its ``--invalid`` modifier when the field has errors. Use it per form through
``UtrechtFormMixin`` or for all forms through ``UtrechtFormRenderer``.
"""

from typing import Any, cast

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from buurtwijs.core.models import Municipality, Theme

_TEXTBOX_CLASS = "utrecht-textbox utrecht-textbox--html-input"
# Input types that are not text boxes: their Utrecht class, or none.
_INPUT_CLASSES: dict[str, str] = {
    "checkbox": "utrecht-checkbox utrecht-checkbox--html-input",
    "radio": "utrecht-radio-button utrecht-radio-button--html-input",
    "file": "",
    "hidden": "",
}
_INVALID_MODIFIERS: dict[str, str] = {
    "utrecht-textbox": "utrecht-textbox--invalid",
    "utrecht-textarea": "utrecht-textarea--invalid",
    "utrecht-select": "utrecht-select--invalid",
}


def utrecht_class(widget: forms.Widget) -> str:
    """The Utrecht CSS classes for a widget; empty when none fits."""
    if widget.is_hidden:
        return ""
    if isinstance(widget, forms.RadioSelect):
        # A group of inputs (CheckboxSelectMultiple is a RadioSelect too): the
        # attributes would also land on the wrapping element, so the templates
        # style the options themselves.
        return ""
    if isinstance(widget, forms.Textarea):
        return "utrecht-textarea utrecht-textarea--html-textarea"
    if isinstance(widget, forms.Select):
        return "utrecht-select utrecht-select--html-select"
    input_type = getattr(widget, "input_type", None)
    if input_type is None:
        return ""
    return _INPUT_CLASSES.get(input_type, _TEXTBOX_CLASS)


class UtrechtBoundField(BoundField):
    """A bound field whose widget carries the Utrecht classes of its component."""

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        classes = utrecht_class(widget)
        if not classes:
            return attrs
        names = classes.split()
        if self.errors:
            names += [_INVALID_MODIFIERS[n] for n in names if n in _INVALID_MODIFIERS]
        # These attrs replace the widget's own "class", so keep what it had.
        existing = str(attrs.get("class") or widget.attrs.get("class") or "").split()
        attrs["class"] = " ".join(dict.fromkeys([*existing, *names]))
        return attrs


class UtrechtFormMixin:
    """Mix into a form (before ``forms.Form``) to give its widgets Utrecht classes."""

    bound_field_class: type[BoundField] | None = UtrechtBoundField


class UtrechtFormRenderer(DjangoTemplates):
    """Django's default form renderer, with Utrecht classes on every widget.

    Set ``FORM_RENDERER = "buurtwijs.core.forms.UtrechtFormRenderer"`` to apply it
    to all forms, including those of django-allauth and Django itself.
    """

    bound_field_class: type[BoundField] | None = UtrechtBoundField


def theme_choice_field() -> forms.ModelMultipleChoiceField:
    """Themes as a list of checkboxes, in the taxonomy's order."""
    return forms.ModelMultipleChoiceField(
        queryset=Theme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Themes"),
    )


def order_municipalities(field: forms.Field) -> None:
    """List a municipality choice field's options in Dutch alphabetical order."""
    choice = cast(forms.ModelChoiceField, field)
    choice.queryset = Municipality.objects.order_by("sort_name")
