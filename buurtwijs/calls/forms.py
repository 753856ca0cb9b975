"""Forms for calls and learning questions: the response form is built per call."""

import uuid
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from buurtwijs.accounts.models import PersonKind
from buurtwijs.calls.models import SCALE_VALUES, Call, Question, QuestionKind
from buurtwijs.calls.selectors import QUESTION_SORTS
from buurtwijs.calls.services import AnswerInput
from buurtwijs.core.antispam import BotTrapMixin, form_started_token
from buurtwijs.core.forms import UtrechtFormMixin
from buurtwijs.core.models import Municipality
from buurtwijs.core.selectors import municipality_lookup

TEXT_LIMIT = 5000

_BOT_MESSAGES = {
    "bot": _("Your response looks automated and was not stored."),
    "expired": _(
        "This form was open for a long time. Your answers are still here: please "
        "send them again."
    ),
    "too_fast": _("That was very fast. Please check your answers and send them again."),
}


class MunicipalityField(forms.CharField):
    """A municipality typed by name or CBS code, found whatever the spelling."""

    widget = forms.TextInput(
        attrs={"list": "gemeenten", "autocomplete": "address-level2"}
    )

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Municipality | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        match = municipality_lookup(text)
        if match.municipality is not None:
            return match.municipality
        if match.suggestions:
            raise ValidationError(
                _(
                    "We do not know the municipality “%(name)s”. "
                    "Did you mean %(options)s?"
                ),
                code="unknown_municipality",
                params={
                    "name": text,
                    "options": _(" or ").join(match.suggestions),
                },
            )
        raise ValidationError(
            _(
                "We do not know the municipality “%(name)s”. Check the spelling or "
                "type its CBS code, such as GM0363."
            ),
            code="unknown_municipality",
            params={"name": text},
        )


def _field_for(question: Question, themes: Sequence[tuple[str, str]]) -> forms.Field:
    common: dict[str, Any] = {
        "label": question.label,
        # Help texts are shown as HTML (Django's convention, for our own links);
        # an editor's explanation of a question is text.
        "help_text": escape(question.help_text),
        "required": question.required,
    }
    kind = question.kind
    if kind == QuestionKind.TEXT:
        return forms.CharField(
            max_length=TEXT_LIMIT,
            widget=forms.Textarea(attrs={"rows": 4}),
            **common,
        )
    if kind == QuestionKind.MUNICIPALITY:
        return MunicipalityField(**common)
    if kind == QuestionKind.SCALE:
        if not question.help_text:
            common["help_text"] = _("1 is the least, 5 the most.")
        return forms.ChoiceField(
            choices=[(value, value) for value in SCALE_VALUES],
            widget=forms.RadioSelect,
            **common,
        )
    if kind == QuestionKind.ROLE:
        return forms.ChoiceField(
            choices=PersonKind.choices, widget=forms.RadioSelect, **common
        )
    if kind == QuestionKind.THEMES:
        return forms.MultipleChoiceField(
            choices=list(themes), widget=forms.CheckboxSelectMultiple, **common
        )
    choices = [(choice, choice) for choice in question.choice_list]
    if kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)


class ResponseForm(UtrechtFormMixin, BotTrapMixin, forms.Form):
    """A response to one call: a field per question, consent, an optional copy.

    The hidden token makes sending idempotent; it is created when the form is shown
    and sent back with the answers.
    """

    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        call: Call,
        questions: Sequence[Question],
        themes: Sequence[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.call = call
        self.questions = list(questions)
        self._theme_labels = dict(themes)
        if not self.is_bound:
            self.initial["token"] = str(uuid.uuid4())
        for question in self.questions:
            self.fields[self.field_name(question)] = _field_for(question, themes)
        if call.consent_text:
            self.fields["consent"] = forms.BooleanField(
                label=_("I agree"),
                required=True,
                error_messages={
                    "required": _(
                        "Tick this box to agree; without it we cannot "
                        "store your response."
                    )
                },
            )
        if call.offer_copy:
            self.fields["copy_email"] = forms.EmailField(
                label=_("E-mail address for a copy of your answers"),
                required=False,
                help_text=_(
                    "Only to send you this copy once. We do not store the address."
                ),
                widget=forms.EmailInput(attrs={"autocomplete": "email"}),
            )

    @staticmethod
    def field_name(question: Question) -> str:
        return f"vraag_{question.pk}"

    def question_fields(self) -> list[forms.BoundField]:
        return [self[self.field_name(question)] for question in self.questions]

    def clean_token(self) -> uuid.UUID:
        # A missing or mangled token must not lose a genuine response: it is then
        # stored under a fresh token (only a repeat of it is not recognised).
        try:
            return uuid.UUID(str(self.cleaned_data.get("token") or ""))
        except ValueError:
            return uuid.uuid4()

    def clean(self) -> dict[str, Any]:
        try:
            return super().clean()
        except ValidationError as error:
            code = getattr(error, "code", None) or ""
            if code in _BOT_MESSAGES:
                raise ValidationError(_BOT_MESSAGES[code], code=code) from None
            raise

    def renew_time_trap(self) -> None:
        """Give an expired form a new start time, so sending it again can work."""
        if self.is_bound and self.has_error(NON_FIELD_ERRORS, code="expired"):
            data = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict
            data["started"] = form_started_token()
            self.data = data

    def answers(self) -> list[AnswerInput]:
        """Every answered question as service input (call after is_valid())."""
        answers = []
        for question in self.questions:
            value = self.cleaned_data.get(self.field_name(question))
            answer = self._answer(question, value)
            if answer is not None:
                answers.append(answer)
        return answers

    def _answer(self, question: Question, value: Any) -> AnswerInput | None:
        if value in (None, "", []):
            return None
        kind = question.kind
        if kind == QuestionKind.MUNICIPALITY:
            return AnswerInput(
                question=question,
                text=str(value),
                values=(value.code,),
                municipality=value,
            )
        if kind == QuestionKind.ROLE:
            return AnswerInput(
                question=question,
                text=str(PersonKind(value).label),
                values=(value,),
            )
        if kind == QuestionKind.THEMES:
            labels = [self._theme_labels.get(slug, slug) for slug in value]
            return AnswerInput(
                question=question, text=", ".join(labels), values=tuple(value)
            )
        if kind == QuestionKind.MULTIPLE:
            return AnswerInput(
                question=question, text=", ".join(value), values=tuple(value)
            )
        if kind in (QuestionKind.SINGLE, QuestionKind.SCALE):
            return AnswerInput(question=question, text=value, values=(value,))
        return AnswerInput(question=question, text=value.strip())


class LearningQuestionForm(UtrechtFormMixin, forms.Form):
    """A member's own learning question."""

    text = forms.CharField(
        label=_("What would you like to learn?"),
        min_length=15,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Ask it the way you would ask a colleague, for example: how do we keep "
            "volunteers once the subsidy stops?"
        ),
    )
    municipality = MunicipalityField(
        label=_("Municipality"),
        required=False,
        help_text=_("Where the question plays. Name or CBS code."),
    )
    role = forms.ChoiceField(
        label=_("You ask this as"),
        required=False,
        choices=[("", _("Choose a role")), *PersonKind.choices],
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional: the editors and the analysis add themes too."),
    )

    def __init__(
        self, *args: Any, themes: Sequence[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].choices = list(themes)  # type: ignore[attr-defined]


class QuestionFilterForm(UtrechtFormMixin, forms.Form):
    """Filters and order of /leervragen/, read from the query string."""

    thema = forms.ChoiceField(label=_("Theme"), required=False)
    provincie = forms.ChoiceField(label=_("Province"), required=False)
    sorteer = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("votes", _("Most “also my question”")), ("newest", _("Newest"))],
    )
    # Set by the links from a call's page; not shown as a field.
    oproep = forms.SlugField(required=False, max_length=220, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        themes: Sequence[tuple[str, str]],
        provinces: Sequence[tuple[str, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["thema"].choices = [("", _("All themes")), *themes]  # type: ignore[attr-defined]
        self.fields["provincie"].choices = [("", _("All provinces")), *provinces]  # type: ignore[attr-defined]

    def clean_sorteer(self) -> str:
        value = self.cleaned_data.get("sorteer") or ""
        return value if value in QUESTION_SORTS else QUESTION_SORTS[0]
