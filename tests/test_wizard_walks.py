"""Walk the engine's question sequence with random answers, as a person would.

Whatever a person answers (without "I don't know"), the questions must run out
and leave no pathway undetermined; and no question may be asked whose answer
cannot change any verdict.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from navigator.engine import UNKNOWN, assess, load_rules

RULES = load_rules()
AS_OF = dt.date(2026, 3, 1)


def random_answer(fact, rng: random.Random):
    if fact.type == "choice":
        return rng.choice(fact.choice_values)
    if fact.type == "yes_no":
        return rng.choice([True, False])
    if fact.type == "date":
        return AS_OF + dt.timedelta(days=rng.randint(-800, 1500))
    return float(rng.randint(0, 12))


def walk(rng: random.Random, unknown_rate: float = 0.0):
    answers: dict = {}
    asked = []
    for _ in range(len(RULES.facts) + 1):
        result = assess(RULES, answers, AS_OF)
        fact = result.next_question
        if fact is None:
            return answers, asked, result
        assert fact.id not in answers, f"{fact.id} asked twice"
        asked.append(fact.id)
        if rng.random() < unknown_rate and fact.type in ("choice", "yes_no"):
            answers[fact.id] = UNKNOWN
        else:
            answers[fact.id] = random_answer(fact, rng)
    pytest.fail(f"questions never ran out: {asked}")


@pytest.mark.parametrize("seed", range(400))
def test_complete_answers_decide_every_pathway(seed):
    answers, asked, result = walk(random.Random(seed))
    undetermined = [r.id for r in result.results if r.verdict.value == "undetermined"]
    assert undetermined == [], f"answers {answers} left {undetermined} undetermined"


@pytest.mark.parametrize("seed", range(150))
def test_every_question_asked_could_change_the_result(seed):
    """Each asked fact was, when asked, an unknown of some undetermined pathway or
    the date behind a deadline of a pathway open to the person."""
    rng = random.Random(seed)
    answers: dict = {}
    while (result := assess(RULES, answers, AS_OF)).next_question is not None:
        fact = result.next_question
        blocking = [r for r in result.results if fact.id in r.unknown_facts]
        dating = [
            r
            for r in result.results
            if r.verdict.value != "not_eligible"
            and fact.id in {d.fact for d in r.pathway.deadlines}
        ]
        assert dating or (blocking and all(r.verdict.value == "undetermined" for r in blocking))
        answers[fact.id] = random_answer(fact, rng)


@pytest.mark.parametrize("seed", range(100))
def test_unknown_answers_end_the_questions(seed):
    """'I don't know' is a real answer: the wizard moves on and never asks again."""
    answers, asked, _ = walk(random.Random(seed), unknown_rate=0.5)
    assert len(asked) == len(set(asked))
