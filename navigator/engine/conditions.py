"""Three-valued evaluation of condition trees (true / false / unknown).

An answer that is missing, or answered "I don't know", makes its comparison
unknown. ``all`` is false as soon as one part is false, ``any`` is true as soon
as one part is true; otherwise unknown wins over the rest. Every leaf is kept
as a reason in plain words, so each verdict can be explained.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

from .answers import UNKNOWN
from .messages import Message
from .models import (
    AllCondition,
    Condition,
    FactCondition,
    NotCondition,
    Offset,
    Window,
    WindowCondition,
)


class Tri(enum.Enum):
    TRUE = "held"
    FALSE = "failed"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reason:
    """One line of an explanation: a condition in plain words and whether it held."""

    text: str  # English msgid from the rule file
    status: Tri
    depth: int


@dataclass
class Outcome:
    value: Tri
    reasons: list[Reason] = field(default_factory=list)
    unknown_facts: list[str] = field(default_factory=list)  # in tree order, no repeats
    caveats: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """What a condition is evaluated against."""

    answers: dict[str, Any]
    as_of: dt.date
    windows: dict[str, Window] = field(default_factory=dict)


def shift(day: dt.date, offset: Offset) -> dt.date:
    return day + relativedelta(years=offset.years, months=offset.months, days=offset.days)


def window_end(window: Window, as_of: dt.date) -> tuple[dt.date | None, bool]:
    """The end of the window in force on ``as_of`` and whether it is the last one known."""
    in_force = [v for v in window.values if v.from_ <= as_of]
    if not in_force or as_of < window.opens:
        return None, False
    return in_force[-1].until, in_force[-1] is window.values[-1]


def _leaf_fact(cond: FactCondition, ctx: Context) -> Tri:
    value = ctx.answers.get(cond.fact)
    if value is None or value == UNKNOWN:
        return Tri.UNKNOWN
    op = cond.operator
    if op == "equals":
        result = value == cond.equals
    elif op == "in_":
        result = value in (cond.in_ or [])
    elif op == "at_least":
        result = value >= cond.at_least
    elif op == "less_than":
        result = value < cond.less_than
    elif op == "before":
        result = value < shift(ctx.as_of, cond.before)
    else:  # on_or_after
        result = value >= shift(ctx.as_of, cond.on_or_after)
    return Tri.TRUE if result else Tri.FALSE


def _leaf_window(cond: WindowCondition, ctx: Context) -> tuple[Tri, list[Message]]:
    window = ctx.windows[cond.window]
    end, is_last = window_end(window, ctx.as_of)
    if end is None:
        return Tri.FALSE, []
    if ctx.as_of <= end:
        return Tri.TRUE, []
    if is_last and window.may_be_extended:
        # Past the last end we know of: extensions have come at the last minute before,
        # so we cannot say it is closed. Treat as open but cap the verdict at "possible".
        return Tri.TRUE, [Message(window.extension_note or "", {"date": end})]
    return Tri.FALSE, []


def evaluate(cond: Condition, ctx: Context, depth: int = 0) -> Outcome:
    """Evaluate ``cond``; reasons are listed in tree order with their nesting depth."""
    if isinstance(cond, FactCondition):
        value = _leaf_fact(cond, ctx)
        unknown = [cond.fact] if value is Tri.UNKNOWN else []
        caveats = [Message(cond.uncertain)] if cond.uncertain and value is Tri.TRUE else []
        return Outcome(value, [Reason(cond.label, value, depth)], unknown, caveats)
    if isinstance(cond, WindowCondition):
        value, caveats = _leaf_window(cond, ctx)
        return Outcome(value, [Reason(cond.label, value, depth)], [], caveats)
    if isinstance(cond, NotCondition):
        inner = evaluate(cond.not_, ctx, depth + 1)
        value = {Tri.TRUE: Tri.FALSE, Tri.FALSE: Tri.TRUE, Tri.UNKNOWN: Tri.UNKNOWN}[inner.value]
        return Outcome(
            value, [Reason(cond.label, value, depth)], inner.unknown_facts, inner.caveats
        )

    is_all = isinstance(cond, AllCondition)
    children = cond.all if is_all else cond.any
    label = cond.label
    child_depth = depth + 1 if label else depth
    parts = [evaluate(child, ctx, child_depth) for child in children]
    decisive = Tri.FALSE if is_all else Tri.TRUE
    values = [p.value for p in parts]
    if decisive in values:
        value = decisive
    elif Tri.UNKNOWN in values:
        value = Tri.UNKNOWN
    else:
        value = Tri.TRUE if is_all else Tri.FALSE

    reasons = [Reason(label, value, depth)] if label else []
    unknown: list[str] = []
    caveats: list[Message] = []
    for part in parts:
        reasons.extend(part.reasons)
        if value is Tri.UNKNOWN and part.value is Tri.UNKNOWN:
            unknown.extend(f for f in part.unknown_facts if f not in unknown)
        # A caveat matters only if its part helped make the result what it is.
        if part.value is value:
            caveats.extend(part.caveats)
    return Outcome(value, reasons, unknown, caveats)
