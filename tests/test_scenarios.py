"""Rule content tested through scenarios: rules/scenarios/<country>.yaml.

Every pathway must have at least one scenario where it applies (eligible or
possible) and one where it does not (not_eligible), so a condition that is
always true or always false cannot go unnoticed.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import yaml

from navigator.engine import assess, load_rules, parse_answers

RULES_DIR = Path(
    os.environ.get("NAVIGATOR_RULES_DIR") or Path(__file__).resolve().parents[1] / "rules"
)
SCENARIO_DIR = RULES_DIR / "scenarios"
RULES = load_rules()


def _scenarios():
    for path in sorted(SCENARIO_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(case, id=f"{path.stem}: {case['name']}")


def _verdicts(case) -> dict[str, str]:
    answers = parse_answers(RULES.fact_by_id, case["facts"])
    as_of = (
        case["as_of"]
        if isinstance(case["as_of"], dt.date)
        else dt.date.fromisoformat(case["as_of"])
    )
    result = assess(RULES, answers, as_of)
    return {r.id: r.verdict.value for r in result.results}


@pytest.mark.parametrize("case", list(_scenarios()))
def test_scenario(case):
    verdicts = _verdicts(case)
    unknown = set(case["expect"]) - set(verdicts)
    assert not unknown, f"scenario names pathways that do not exist: {unknown}"
    got = {pid: verdicts[pid] for pid in case["expect"]}
    assert got == case["expect"]


def test_every_pathway_has_a_case_for_and_against():
    applies: set[str] = set()
    does_not: set[str] = set()
    for param in _scenarios():
        case = param.values[0]
        for pid, verdict in case["expect"].items():
            if verdict in ("eligible", "possible"):
                applies.add(pid)
            elif verdict == "not_eligible":
                does_not.add(pid)
    all_ids = {p.id for _, p in RULES.pathways}
    assert all_ids - applies == set(), "pathways with no scenario where they apply"
    assert all_ids - does_not == set(), "pathways with no scenario where they do not apply"
