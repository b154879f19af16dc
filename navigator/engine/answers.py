"""Check and normalise a person's answers against the fact catalogue.

Answers arrive as JSON (API, CLI, saved cases) or from the wizard. Every
adapter uses ``parse_answers`` so a value means the same thing everywhere:
yes/no facts are ``True``/``False``, dates are ``datetime.date``, numbers are
floats, choices are their value strings, and ``UNKNOWN`` is the real answer
"I don't know / prefer not to say".
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from .messages import N_, Message
from .models import Fact

UNKNOWN = "unknown"
Answers = dict[str, Any]


@dataclass(frozen=True)
class AnswerProblem:
    fact: str | None
    message: Message


class AnswerError(Exception):
    def __init__(self, problems: list[AnswerProblem]):
        self.problems = problems
        super().__init__("; ".join(p.message.render() for p in problems))


def parse_answer(fact: Fact, raw: Any) -> Any:
    """Return the normalised value of ``raw`` for ``fact`` or raise ``ValueError(Message)``."""
    if isinstance(raw, str) and raw.strip().lower() == UNKNOWN:
        return UNKNOWN
    if fact.type == "yes_no":
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in {"yes", "no", "true", "false"}:
            return raw.strip().lower() in {"yes", "true"}
        raise ValueError(Message(N_("Answer yes, no or unknown.")))
    if fact.type == "choice":
        if isinstance(raw, str) and raw in fact.choice_values:
            return raw
        raise ValueError(
            Message(
                N_("Choose one of: {choices}."),
                {"choices": ", ".join(fact.choice_values + [UNKNOWN])},
            )
        )
    if fact.type == "date":
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw.strip())
            except ValueError:
                pass
        raise ValueError(Message(N_("Enter a real date as YYYY-MM-DD, for example 2026-03-27.")))
    if fact.type == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float | str):
            raise ValueError(Message(N_("Enter a number.")))
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(Message(N_("Enter a number."))) from None
        if not math.isfinite(value):
            raise ValueError(Message(N_("Enter a number.")))
        low = fact.minimum if fact.minimum is not None else -math.inf
        high = fact.maximum if fact.maximum is not None else math.inf
        if not low <= value <= high:
            raise ValueError(
                Message(
                    N_("Enter a number from {minimum} to {maximum}."),
                    {"minimum": _plain(low), "maximum": _plain(high)},
                )
            )
        return value
    raise ValueError(Message(N_("This question cannot be answered here.")))  # pragma: no cover


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def parse_answers(facts: dict[str, Fact], raw: Any) -> Answers:
    """Validate a whole mapping of answers; collect every problem before raising."""
    if not isinstance(raw, dict):
        raise AnswerError([AnswerProblem(None, Message(N_("'facts' must be an object.")))])
    answers: Answers = {}
    problems: list[AnswerProblem] = []
    for key, value in raw.items():
        fact = facts.get(key)
        if fact is None:
            problems.append(AnswerProblem(str(key)[:100], Message(N_("There is no such fact."))))
            continue
        try:
            answers[key] = parse_answer(fact, value)
        except ValueError as exc:
            message = exc.args[0] if exc.args and isinstance(exc.args[0], Message) else None
            problems.append(AnswerProblem(key, message or Message(N_("Invalid answer."))))
    if problems:
        raise AnswerError(problems)
    return answers


def to_json_value(value: Any) -> Any:
    """The JSON form of a normalised answer (the inverse of ``parse_answer``)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
