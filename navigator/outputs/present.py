"""How answers and verdicts read to a person: shared by the pages, the PDF and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from navigator.engine import N_, UNKNOWN, Assessment, PathwayResult, Verdict
from navigator.engine.models import Fact

from .i18n import Translator

VERDICT_LABELS = {
    Verdict.ELIGIBLE: N_("You can apply"),
    Verdict.POSSIBLE: N_("You may be able to"),
    Verdict.UNDETERMINED: N_("Depends on answers we do not have"),
    Verdict.NOT_ELIGIBLE: N_("Not for you now"),
}
GROUP_LABELS = {
    "eligible": N_("You can apply"),
    "possible": N_("You may be able to"),
    "not_eligible": N_("Not for you now"),
}
CONFIDENCE_LABELS = {"high": N_("high"), "medium": N_("medium"), "low": N_("low")}
UNKNOWN_LABEL = N_("I don't know / I prefer not to say")
YES, NO = N_("Yes"), N_("No")


@dataclass(frozen=True)
class PartnerHelp:
    """The organisation a person reached us through, shown as their first free help."""

    name: str
    contact: str | None
    website: str | None


def display_answer(fact: Fact, value: Any, tr: Translator) -> str:
    """The answer as the person would say it, in their language."""
    if value == UNKNOWN:
        return tr(UNKNOWN_LABEL)
    if fact.type == "yes_no":
        return tr(YES) if value else tr(NO)
    if fact.type == "choice":
        label = next((c.label for c in fact.choices if c.value == value), str(value))
        return tr(label)
    if fact.type == "date" and isinstance(value, dt.date):
        return tr.date(value)
    if fact.type == "number":
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value)


def situation(assessment: Assessment, tr: Translator, include_sensitive: bool):
    """(question summary, answer) pairs in catalogue order; sensitive ones only on request."""
    rows = []
    hidden = 0
    for fact in assessment.rules.facts:
        if fact.id not in assessment.answers:
            continue
        if fact.sensitive and not include_sensitive:
            hidden += 1
            continue
        rows.append((tr(fact.summary), display_answer(fact, assessment.answers[fact.id], tr)))
    return rows, hidden


def shown_groups(assessment: Assessment) -> dict[str, list[PathwayResult]]:
    """The three groups a person sees: can apply, may be able to, not for you now.

    "Not for you now" keeps to the countries the person lives in (when we cover
    it): listing every Polish route to someone in Lithuania explains nothing.
    """
    home = {c.country for c in assessment.countries}
    return {
        "eligible": assessment.by_verdict(Verdict.ELIGIBLE),
        "possible": assessment.by_verdict(Verdict.POSSIBLE)
        + assessment.by_verdict(Verdict.UNDETERMINED),
        "not_eligible": [
            r for r in assessment.by_verdict(Verdict.NOT_ELIGIBLE) if r.country.country in home
        ],
    }
