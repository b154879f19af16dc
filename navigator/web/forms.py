"""One WTForms form per question, built from the fact catalogue.

Dates are asked as day, month and year boxes (the pattern GOV.UK found works
best on phones and with screen readers); "I don't know" is a real answer for
every question type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, RadioField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional, ValidationError

from navigator.engine import UNKNOWN, Message, parse_answer
from navigator.engine.models import Fact
from navigator.outputs.present import NO, UNKNOWN_LABEL, YES


class QuestionForm(FlaskForm):
    """Base class; ``answer_value`` returns the engine value after ``validate()``."""

    fact: Fact

    def answer_value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError


def _choice_form(fact: Fact, gettext) -> type[QuestionForm]:
    pairs = [(c.value, gettext(c.label)) for c in fact.choices]
    if fact.type == "yes_no":
        pairs = [("yes", gettext(YES)), ("no", gettext(NO))]
    pairs.append((UNKNOWN, gettext(UNKNOWN_LABEL)))
    choices = [SelectChoice(value, label) for value, label in pairs]

    class ChoiceForm(QuestionForm):
        answer = RadioField(
            choices=choices,
            validators=[InputRequired(message=_l("Select an answer."))],
        )

        def answer_value(self):
            value = self.answer.data
            if fact.type == "yes_no" and value != UNKNOWN:
                return value == "yes"
            return value

    return ChoiceForm


def _date_form(fact: Fact) -> type[QuestionForm]:
    class DateForm(QuestionForm):
        day = IntegerField(_l("Day"), validators=[Optional()])
        month = IntegerField(_l("Month"), validators=[Optional()])
        year = IntegerField(_l("Year"), validators=[Optional()])
        dont_know = BooleanField(_l("I don't know"))

        def validate(self, extra_validators=None) -> bool:
            # Checked here, not in validate_day: Optional() stops a field's own
            # validators when it is empty, and an empty day must still be an error.
            fields_ok = super().validate(extra_validators)
            if self.dont_know.data:
                return fields_ok
            try:
                self._date = self._whole_date()
            except ValidationError as exc:
                self.day.errors = [*self.day.errors, str(exc)]
                return False
            return fields_ok

        def _whole_date(self) -> dt.date:
            if any(f.errors for f in (self.day, self.month, self.year)):
                raise ValidationError(_l("Enter the date as numbers, for example 27 3 2026."))
            parts = (self.day.data, self.month.data, self.year.data)
            if any(p is None for p in parts):
                raise ValidationError(
                    _l("Enter the day, the month and the year, or tick “I don't know”.")
                )
            day, month, year = parts
            if not 1900 <= year <= 2100:
                raise ValidationError(_l("Enter the year with four digits, for example 2026."))
            try:
                return dt.date(year, month, day)
            except (ValueError, OverflowError):
                raise ValidationError(_l("Enter a real date, for example 27 3 2026.")) from None

        def answer_value(self):
            return UNKNOWN if self.dont_know.data else self._date

    return DateForm


def _number_form(fact: Fact) -> type[QuestionForm]:
    class NumberForm(QuestionForm):
        value = StringField(_l("Number of years"))
        dont_know = BooleanField(_l("I don't know"))

        def validate_value(self, field):
            if self.dont_know.data:
                return
            text = (field.data or "").strip().replace(",", ".")
            if not text:
                raise ValidationError(_l("Enter a number, or tick “I don't know”."))
            try:
                self._number = parse_answer(fact, text)
            except ValueError as exc:
                message = exc.args[0]
                raise ValidationError(
                    message.render(gettext) if isinstance(message, Message) else str(message)
                ) from None

        def answer_value(self):
            return UNKNOWN if self.dont_know.data else self._number

    return NumberForm


def form_for(fact: Fact, gettext, **kwargs) -> QuestionForm:
    """Instantiate the form for ``fact`` (bound to the request's form data if any)."""
    if fact.type in ("choice", "yes_no"):
        cls = _choice_form(fact, gettext)
    elif fact.type == "date":
        cls = _date_form(fact)
    else:
        cls = _number_form(fact)
    form = cls(**kwargs)
    form.fact = fact
    return form


def prefill(fact: Fact, value: Any) -> dict[str, Any]:
    """Form data that shows an earlier answer when the person comes back to change it."""
    if value is None:
        return {}
    if value == UNKNOWN:
        return {"answer": UNKNOWN} if fact.type in ("choice", "yes_no") else {"dont_know": True}
    if fact.type == "yes_no":
        return {"answer": "yes" if value else "no"}
    if fact.type == "choice":
        return {"answer": value}
    if fact.type == "date":
        return {"day": value.day, "month": value.month, "year": value.year}
    return {"value": str(int(value)) if float(value).is_integer() else str(value)}
