"""The person's answers, kept in Flask's signed session cookie and nowhere else.

Values are stored in their JSON form and parsed through the engine on every
read, so a stale or tampered cookie can never feed the engine a bad value: any
answer that no longer parses is simply dropped.
"""

from __future__ import annotations

from typing import Any

from flask import session

from navigator.engine import AnswerError, Answers, RuleSet, parse_answers, to_json_value

KEY = "answers"


def load_answers(rules: RuleSet) -> Answers:
    raw = session.get(KEY) or {}
    if not isinstance(raw, dict):
        return {}
    answers: Answers = {}
    for key, value in raw.items():
        try:
            answers.update(parse_answers(rules.fact_by_id, {key: value}))
        except AnswerError:
            continue
    return answers


def stored_answers(rules: RuleSet) -> dict[str, Any]:
    """The answers in their JSON form (only those that still parse), for saving."""
    return {key: to_json_value(value) for key, value in load_answers(rules).items()}


def replace_answers(rules: RuleSet, raw: dict[str, Any]) -> None:
    """Put restored answers in place of the session's, dropping any that no longer parse."""
    session[KEY] = dict(raw)
    session[KEY] = stored_answers(rules)


def save_answer(fact_id: str, value: Any) -> None:
    raw = dict(session.get(KEY) or {})
    raw[fact_id] = to_json_value(value)
    session[KEY] = raw


def clear_answers() -> None:
    session.pop(KEY, None)
