"""The one call every adapter makes: ``assess(rules, answers, as_of)``.

It applies every pathway of every country to the answers as of a date and
returns the verdicts with their reasons, the deadlines computed from the
answers, and the next question worth asking (if any answer could still change
a verdict).
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from .answers import Answers
from .conditions import Context, Outcome, Reason, Tri, evaluate, shift, window_end
from .loader import RuleSet
from .messages import N_, Message
from .models import CountryRules, Fact, Pathway


class Verdict(enum.Enum):
    ELIGIBLE = "eligible"
    POSSIBLE = "possible"
    UNDETERMINED = "undetermined"
    NOT_ELIGIBLE = "not_eligible"


VERDICT_ORDER = [Verdict.ELIGIBLE, Verdict.POSSIBLE, Verdict.UNDETERMINED, Verdict.NOT_ELIGIBLE]


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    label: Message
    pathway_id: str
    passed: bool


@dataclass
class PathwayResult:
    pathway: Pathway
    country: CountryRules
    verdict: Verdict
    reasons: list[Reason]
    unknown_facts: list[str]
    deadlines: list[Deadline]
    caveats: list[Message] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.pathway.id

    @property
    def next_deadline(self) -> dt.date | None:
        upcoming = [d.date for d in self.deadlines if not d.passed]
        return min(upcoming) if upcoming else None


@dataclass
class Assessment:
    as_of: dt.date
    answers: Answers  # only the answers that apply (guards hold), as given
    results: list[PathwayResult]  # ordered: verdict group, then what to do first
    next_question: Fact | None
    remaining_questions: int  # at most this many questions are still worth asking
    rules: RuleSet

    def by_verdict(self, verdict: Verdict) -> list[PathwayResult]:
        return [r for r in self.results if r.verdict is verdict]

    @property
    def deadlines(self) -> list[Deadline]:
        seen: set[tuple[dt.date, str]] = set()
        out = []
        for result in self.results:
            if result.verdict in (Verdict.ELIGIBLE, Verdict.POSSIBLE):
                for d in result.deadlines:
                    key = (d.date, d.label.msgid)
                    if key not in seen:
                        seen.add(key)
                        out.append(d)
        return sorted(out, key=lambda d: d.date)

    @property
    def countries(self) -> list[CountryRules]:
        """The countries the result is about: where the person lives, if we cover it."""
        country = self.answers.get("country")
        if country in self.rules.countries:
            return [self.rules.countries[country]]
        return list(self.rules.countries.values())


def applicable_answers(rules: RuleSet, answers: Answers, as_of: dt.date) -> Answers:
    """Drop answers whose question no longer applies (its guard is false).

    They stay in the person's session, so changing an answer back restores them,
    but they must not influence a verdict they could not have been asked about.
    """
    kept: Answers = {}
    for fact in rules.facts:
        if fact.id not in answers:
            continue
        if fact.ask_when is not None:
            guard = evaluate(fact.ask_when, Context(kept, as_of)).value
            if guard is Tri.FALSE:
                continue
        kept[fact.id] = answers[fact.id]
    return kept


def _deadlines(pathway: Pathway, country: CountryRules, answers: Answers, as_of: dt.date):
    out = []
    for spec in pathway.deadlines:
        day = None
        if spec.fact is not None:
            value = answers.get(spec.fact)
            if isinstance(value, dt.date):
                day = shift(value, spec.offset)
        else:
            day, _ = window_end(country.windows[spec.window], as_of)
        if day is not None:
            out.append(Deadline(day, Message(spec.label, {"date": day}), pathway.id, day < as_of))
    return sorted(out, key=lambda d: d.date)


def _verdict(pathway: Pathway, outcome: Outcome) -> tuple[Verdict, list[Message]]:
    if outcome.value is Tri.FALSE:
        return Verdict.NOT_ELIGIBLE, []
    if outcome.value is Tri.UNKNOWN:
        return Verdict.UNDETERMINED, []
    caveats = list(outcome.caveats)
    if pathway.discretion:
        caveats.append(Message(pathway.discretion))
    if pathway.conflicts:
        caveats.append(Message(N_("Sources disagree on part of this; see the known conflicts.")))
    return (Verdict.POSSIBLE if caveats else Verdict.ELIGIBLE), caveats


def assess(rules: RuleSet, answers: Answers, as_of: dt.date | None = None) -> Assessment:
    """Evaluate every pathway against ``answers`` (already parsed) as of ``as_of``."""
    as_of = as_of or dt.date.today()
    kept = applicable_answers(rules, answers, as_of)
    results = []
    for country, pathway in rules.pathways:
        if pathway.deprecated:
            continue
        outcome = evaluate(pathway.when, Context(kept, as_of, country.windows))
        verdict, caveats = _verdict(pathway, outcome)
        results.append(
            PathwayResult(
                pathway=pathway,
                country=country,
                verdict=verdict,
                reasons=outcome.reasons,
                unknown_facts=outcome.unknown_facts,
                # A deadline of a route that is not open to the person is noise, not help.
                deadlines=[]
                if verdict is Verdict.NOT_ELIGIBLE
                else _deadlines(pathway, country, kept, as_of),
                caveats=caveats,
            )
        )

    far = dt.date.max
    results.sort(
        key=lambda r: (
            VERDICT_ORDER.index(r.verdict),
            r.next_deadline or far,
            r.pathway.priority,
            r.pathway.id,
        )
    )
    candidates = _askable(rules, kept, answers, results, as_of)
    return Assessment(
        as_of=as_of,
        answers=kept,
        results=results,
        next_question=candidates[0] if candidates else None,
        remaining_questions=len(candidates),
        rules=rules,
    )


def _askable(
    rules: RuleSet,
    kept: Answers,
    given: Answers,
    results: list[PathwayResult],
    as_of: dt.date,
) -> list[Fact]:
    """Facts still worth asking, in catalogue order: not answered, guard not false, and
    either some undetermined pathway depends on them or they date a deadline of a
    pathway open to the person (eligible or possible: deadlines are part of the result)."""
    needed: set[str] = set()
    for result in results:
        if result.verdict is Verdict.UNDETERMINED:
            needed.update(result.unknown_facts)
        if result.verdict in (Verdict.ELIGIBLE, Verdict.POSSIBLE):
            needed.update(d.fact for d in result.pathway.deadlines if d.fact)
    out = []
    for fact in rules.facts:
        if fact.deprecated or fact.id in given or fact.id not in needed:
            continue
        guard = fact.ask_when
        if guard is not None and evaluate(guard, Context(kept, as_of)).value is Tri.FALSE:
            continue
        out.append(fact)
    return out
