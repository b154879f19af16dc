"""The engine through its public call, on a tiny rule set (tests/fixtures/mini)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from navigator.engine import UNKNOWN, RuleError, Verdict, assess, load_rules, parse_answers
from navigator.engine.answers import AnswerError

D = dt.date


def verdicts(rules, answers, as_of=None):
    as_of = as_of or D(2025, 3, 1)
    result = assess(rules, parse_answers(rules.fact_by_id, answers), as_of)
    return {r.id: r.verdict for r in result.results}, result


def test_all_conditions_hold_gives_eligible(mini_rules):
    v, _ = verdicts(mini_rules, {"country": "XX", "passport_status": "expired"})
    assert v["xx.document"] is Verdict.ELIGIBLE


def test_one_failed_condition_gives_not_eligible_and_says_why(mini_rules):
    v, result = verdicts(mini_rules, {"country": "other", "passport_status": "expired"})
    assert v["xx.document"] is Verdict.NOT_ELIGIBLE
    doc = next(r for r in result.results if r.id == "xx.document")
    failed = [r.text for r in doc.reasons if r.status.value == "failed"]
    assert failed == ["You live in Xland"]


def test_missing_answer_gives_undetermined_with_unknown_facts(mini_rules):
    v, result = verdicts(mini_rules, {"country": "XX"})
    assert v["xx.document"] is Verdict.UNDETERMINED
    doc = next(r for r in result.results if r.id == "xx.document")
    assert doc.unknown_facts == ["passport_status", "passport_expiry"]


def test_dont_know_is_carried_as_unknown(mini_rules):
    v, result = verdicts(mini_rules, {"country": "XX", "passport_status": "unknown"})
    assert v["xx.document"] is Verdict.UNDETERMINED
    assert result.answers["passport_status"] == UNKNOWN


def test_false_part_of_all_wins_over_unknown(mini_rules):
    v, _ = verdicts(mini_rules, {"country": "other"})
    assert v["xx.document"] is Verdict.NOT_ELIGIBLE


def test_date_relative_to_assessment_date(mini_rules):
    answers = {"country": "XX", "passport_status": "valid", "passport_expiry": "2025-08-01"}
    assert verdicts(mini_rules, answers, D(2025, 3, 1))[0]["xx.document"] is Verdict.ELIGIBLE
    # More than six months before expiry: not yet.
    assert verdicts(mini_rules, answers, D(2025, 1, 5))[0]["xx.document"] is Verdict.NOT_ELIGIBLE


def test_deadline_computed_from_answer(mini_rules):
    answers = {"country": "XX", "passport_status": "valid", "passport_expiry": "2025-08-01"}
    _, result = verdicts(mini_rules, answers, D(2025, 3, 1))
    doc = next(r for r in result.results if r.id == "xx.document")
    assert [(d.date, d.label.render()) for d in doc.deadlines] == [
        (D(2025, 5, 1), "Apply by 2025-05-01"),
        (D(2025, 6, 30), "Window ends 2025-06-30"),
    ]


def test_dated_window_value_in_force_on_the_assessment_date(mini_rules):
    answers = {"country": "XX", "passport_status": "expired"}
    _, result = verdicts(mini_rules, answers, D(2025, 8, 1))
    doc = next(r for r in result.results if r.id == "xx.document")
    assert doc.verdict is Verdict.ELIGIBLE
    assert [d.date for d in doc.deadlines] == [D(2025, 12, 31)]


def test_window_before_it_opened_is_closed(mini_rules):
    v, _ = verdicts(mini_rules, {"country": "XX", "passport_status": "expired"}, D(2024, 12, 1))
    assert v["xx.document"] is Verdict.NOT_ELIGIBLE


def test_after_last_known_window_end_verdict_is_at_most_possible(mini_rules):
    _, result = verdicts(mini_rules, {"country": "XX", "passport_status": "expired"}, D(2026, 2, 1))
    doc = next(r for r in result.results if r.id == "xx.document")
    assert doc.verdict is Verdict.POSSIBLE
    assert [c.render() for c in doc.caveats] == [
        "Last confirmed end 2025-12-31; check for an extension."
    ]
    assert doc.deadlines[-1].passed


def test_discretion_caps_at_possible(mini_rules):
    v, _ = verdicts(mini_rules, {"afraid": True, "country": "XX"})
    assert v["xx.protection"] is Verdict.POSSIBLE


def test_not_condition(mini_rules):
    v, _ = verdicts(mini_rules, {"afraid": True, "country": "other"})
    assert v["xx.protection"] is Verdict.NOT_ELIGIBLE


def test_number_comparison(mini_rules):
    assert verdicts(mini_rules, {"years": 5})[0]["xx.residence"] is Verdict.ELIGIBLE
    assert verdicts(mini_rules, {"years": 4.5})[0]["xx.residence"] is Verdict.NOT_ELIGIBLE


def test_next_question_in_catalogue_order_and_only_when_it_matters(mini_rules):
    _, result = verdicts(mini_rules, {})
    assert result.next_question.id == "country"
    # Country 'other' settles xx.document and xx.protection, so passport questions are skipped.
    _, result = verdicts(mini_rules, {"country": "other"})
    assert result.next_question.id == "years"
    _, result = verdicts(mini_rules, {"country": "other", "years": 2})
    assert result.next_question is None


def test_guarded_question_is_skipped_when_guard_false(mini_rules):
    _, result = verdicts(mini_rules, {"country": "XX", "passport_status": "expired"})
    assert result.next_question.id == "years"  # passport_expiry is never asked


def test_answers_whose_guard_fails_are_ignored(mini_rules):
    answers = {"country": "XX", "passport_status": "expired", "passport_expiry": "2030-01-01"}
    _, result = verdicts(mini_rules, answers)
    assert "passport_expiry" not in result.answers


def test_results_ordered_by_verdict(mini_rules):
    _, result = verdicts(
        mini_rules, {"country": "XX", "passport_status": "expired", "afraid": True, "years": 1}
    )
    assert [r.verdict for r in result.results] == sorted(
        [r.verdict for r in result.results],
        key=[Verdict.ELIGIBLE, Verdict.POSSIBLE, Verdict.UNDETERMINED, Verdict.NOT_ELIGIBLE].index,
    )
    assert result.results[0].id == "xx.document"


@pytest.mark.parametrize(
    "answers, fact",
    [
        ({"nope": 1}, "nope"),
        ({"country": "ZZ"}, "country"),
        ({"passport_expiry": "2025-02-30"}, "passport_expiry"),
        ({"years": "many"}, "years"),
        ({"years": -1}, "years"),
        ({"afraid": "maybe"}, "afraid"),
        ({"afraid": 1}, "afraid"),
    ],
)
def test_bad_answers_are_rejected_with_the_fact_named(mini_rules, answers, fact):
    with pytest.raises(AnswerError) as exc:
        parse_answers(mini_rules.fact_by_id, answers)
    assert [p.fact for p in exc.value.problems] == [fact]


def _broken(tmp_path, old, new, file="xx.yaml"):
    target = tmp_path / "rules"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", target)
    path = target / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    return target


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "{fact: country, equals: XX",
            "{fact: countri, equals: XX",
            "xx.yaml: pathway xx.document, field when.all.0: unknown fact 'countri'",
        ),
        (
            "{fact: country, equals: XX",
            "{fact: country, equals: YY",
            "xx.yaml: pathway xx.document, field when.all.0: 'YY' is not a choice of fact",
        ),
        ("amount: 10", "amount: -10", "xx.yaml: pathway xx.document, field fees.0.amount"),
        (
            "    processing_time: 30 days\n",
            "",
            "xx.yaml: pathway xx.document, field processing_time: Field required",
        ),
        (
            "{window: filing,",
            "{window: filling,",
            "xx.yaml: pathway xx.document, field when.all.2: unknown window 'filling'",
        ),
        (
            "years, at_least: 5",
            "years, before: {days: 0}",
            "xx.yaml: pathway xx.residence, field when: 'before' cannot be used on number fact",
        ),
    ],
)
def test_broken_rule_file_names_file_pathway_and_field(tmp_path, old, new, expected):
    with pytest.raises(RuleError) as exc:
        load_rules(_broken(tmp_path, old, new))
    assert any(str(p).startswith(expected) for p in exc.value.problems), exc.value.problems


def test_every_problem_is_listed_not_just_the_first(tmp_path):
    target = _broken(tmp_path, "{fact: country, equals: XX", "{fact: countri, equals: XX")
    (target / "general.yaml").write_text("content_verified: not-a-date\nnotes: []\n")
    with pytest.raises(RuleError) as exc:
        load_rules(target)
    files = {p.file for p in exc.value.problems}
    assert files == {"xx.yaml", "general.yaml"}


def test_uncertain_condition_caps_verdict_and_says_why(tmp_path):
    target = _broken(
        tmp_path,
        "{fact: years, at_least: 5, label: You lived here 5 years}",
        "{fact: years, at_least: 5, label: You lived here 5 years, uncertain: Weak source.}",
    )
    rules = load_rules(target)
    result = assess(rules, parse_answers(rules.fact_by_id, {"years": 6}), D(2025, 3, 1))
    residence = next(r for r in result.results if r.id == "xx.residence")
    assert residence.verdict is Verdict.POSSIBLE
    assert [c.render() for c in residence.caveats] == ["Weak source."]


def test_a_date_behind_a_deadline_is_asked_even_when_the_verdict_is_settled(mini_rules):
    settled = {"country": "other", "afraid": False, "years": 6, "passport_status": "valid"}
    v, result = verdicts(mini_rules, settled)
    assert v["xx.residence"] is Verdict.ELIGIBLE
    assert result.next_question.id == "passport_expiry"  # it dates xx.residence's deadline
    v, result = verdicts(mini_rules, {**settled, "years": 1})
    assert v["xx.residence"] is Verdict.NOT_ELIGIBLE
    assert result.next_question is None  # no open pathway needs the date
