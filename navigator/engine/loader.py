"""Load and check the rule files: ``facts.yaml``, ``general.yaml`` and one file per country.

Loading is all-or-nothing: every problem in every file is collected and reported
with the file, the pathway and the field, so that a broken rule never reaches a
person (``navigator rules check`` prints the same list).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .models import (
    AllCondition,
    AnyCondition,
    Condition,
    CountryRules,
    Fact,
    FactCatalogue,
    FactCondition,
    GeneralRules,
    NotCondition,
    Pathway,
    WindowCondition,
)

DEFAULT_RULES_DIR = Path(__file__).resolve().parents[2] / "rules"
SPECIAL_FILES = {"facts.yaml", "general.yaml"}


@dataclass(frozen=True)
class RuleProblem:
    """One problem found in a rule file, located as precisely as we can."""

    file: str
    where: str  # e.g. "pathway pl.temporary_residence, field when.all.1.in"
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.where}: {self.message}"


class RuleError(Exception):
    """Raised when any rule file is invalid; ``problems`` lists every one of them."""

    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class RuleSet:
    """Everything the engine needs, validated: the fact catalogue and every country's rules."""

    facts: list[Fact]
    general: GeneralRules
    countries: dict[str, CountryRules]
    version: str

    @cached_property  # read for every answer parsed: build it once
    def fact_by_id(self) -> dict[str, Fact]:
        return {f.id: f for f in self.facts}

    @cached_property
    def pathways(self) -> list[tuple[CountryRules, Pathway]]:
        return [(c, p) for c in self.countries.values() for p in c.pathways]

    @property
    def content_verified(self) -> dt.date:
        """The oldest verification date of any file: the whole set is only as fresh as that."""
        dates = [self.general.content_verified] + [
            c.content_verified for c in self.countries.values()
        ]
        return min(dates)


def _read_yaml(path: Path, problems: list[RuleProblem]) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        problems.append(RuleProblem(path.name, "file", f"cannot be read as YAML: {exc}"))
        return None


def _locate(raw: Any, loc: tuple[Any, ...]) -> str:
    """Turn a pydantic error location into 'pathway <id>, field <path>' where possible."""
    for key, noun in (("pathways", "pathway"), ("facts", "fact")):
        if len(loc) >= 2 and loc[0] == key and isinstance(loc[1], int):
            try:
                item_id = raw[key][loc[1]].get("id", f"#{loc[1]}")
            except (KeyError, IndexError, TypeError, AttributeError):
                item_id = f"#{loc[1]}"
            rest = ".".join(str(p) for p in loc[2:]) or f"({noun})"
            return f"{noun} {item_id}, field {rest}"
    return "field " + (".".join(str(p) for p in loc) or "(top level)")


def _validate(model: type[BaseModel], raw: Any, name: str, problems: list[RuleProblem]) -> Any:
    if any(p.file == name and p.where == "file" for p in problems):
        return None  # already reported as unreadable or missing
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(RuleProblem(name, _locate(raw, err["loc"]), err["msg"]))
        return None


def _walk(condition: Condition, path: str):
    """Yield every leaf condition with a dotted path, for cross-checking."""
    if isinstance(condition, AllCondition):
        for i, child in enumerate(condition.all):
            yield from _walk(child, f"{path}.all.{i}")
    elif isinstance(condition, AnyCondition):
        for i, child in enumerate(condition.any):
            yield from _walk(child, f"{path}.any.{i}")
    elif isinstance(condition, NotCondition):
        yield from _walk(condition.not_, f"{path}.not")
    else:
        yield condition, path


def check_condition(
    condition: Condition,
    path: str,
    facts: dict[str, Fact],
    windows: set[str],
) -> list[str]:
    """Return what is wrong with a condition tree: unknown facts, values or operators."""
    problems: list[str] = []
    for leaf, where in _walk(condition, path):
        if isinstance(leaf, WindowCondition):
            if leaf.window not in windows:
                problems.append(f"{where}: unknown window '{leaf.window}'")
            continue
        assert isinstance(leaf, FactCondition)
        fact = facts.get(leaf.fact)
        if fact is None:
            problems.append(f"{where}: unknown fact '{leaf.fact}'")
            continue
        op = leaf.operator
        allowed = {
            "choice": {"equals", "in_"},
            "yes_no": {"equals"},
            "number": {"at_least", "less_than"},
            "date": {"before", "on_or_after"},
        }[fact.type]
        if op not in allowed:
            name = "in" if op == "in_" else op
            problems.append(f"{where}: '{name}' cannot be used on {fact.type} fact '{fact.id}'")
            continue
        if fact.type == "choice":
            values = [leaf.equals] if op == "equals" else list(leaf.in_ or [])
            for value in values:
                if value not in fact.choice_values:
                    problems.append(
                        f"{where}: '{value}' is not a choice of fact '{fact.id}' "
                        f"(choices: {', '.join(fact.choice_values)})"
                    )
        if fact.type == "yes_no" and not isinstance(leaf.equals, bool):
            problems.append(f"{where}: yes/no fact '{fact.id}' compares with true or false")
    return problems


def _valid_pathways(raw: Any) -> tuple[list[Pathway], set[str]]:
    if not isinstance(raw, dict):
        return [], set()
    windows = raw.get("windows")
    pathways = []
    for item in raw.get("pathways") or []:
        try:
            pathways.append(Pathway.model_validate(item))
        except ValidationError:
            continue  # already reported by the whole-file validation
    return pathways, set(windows) if isinstance(windows, dict) else set()


def _check_pathway(
    pathway: Pathway,
    file: str,
    code: str,
    facts: dict[str, Fact],
    windows: set[str],
    seen_ids: set[str],
) -> list[RuleProblem]:
    """Cross-checks pydantic cannot do alone: facts, choices, windows, ids."""
    where = f"pathway {pathway.id}"
    problems = []
    if not pathway.id.startswith(code + "."):
        problems.append(RuleProblem(file, where, f"id must start with '{code}.'"))
    if pathway.id in seen_ids:
        problems.append(RuleProblem(file, where, "duplicate pathway id"))
    seen_ids.add(pathway.id)
    for msg in check_condition(pathway.when, "when", facts, windows):
        field_path, text = msg.split(": ", 1)
        problems.append(RuleProblem(file, f"{where}, field {field_path}", text))
    for i, deadline in enumerate(pathway.deadlines):
        field_name = f"{where}, field deadlines.{i}"
        if deadline.fact is not None:
            fact = facts.get(deadline.fact)
            if fact is None or fact.type != "date":
                problems.append(
                    RuleProblem(file, field_name, f"'{deadline.fact}' is not a date fact")
                )
        if deadline.window is not None and deadline.window not in windows:
            problems.append(RuleProblem(file, field_name, f"unknown window '{deadline.window}'"))
    return problems


def load_rules(rules_dir: Path | str | None = None) -> RuleSet:
    """Load every rule file in ``rules_dir`` (default: ``$NAVIGATOR_RULES_DIR`` or ``rules/``).

    Raises ``RuleError`` listing every problem if anything is wrong.
    """
    directory = Path(rules_dir or os.environ.get("NAVIGATOR_RULES_DIR") or DEFAULT_RULES_DIR)
    problems: list[RuleProblem] = []
    digest = hashlib.sha256()

    def read(path: Path) -> Any:
        if path.exists():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        else:
            problems.append(RuleProblem(path.name, "file", "is missing"))
            return None
        return _read_yaml(path, problems)

    raw_facts = read(directory / "facts.yaml")
    catalogue = _validate(FactCatalogue, raw_facts, "facts.yaml", problems)
    raw_general = read(directory / "general.yaml")
    general = _validate(GeneralRules, raw_general, "general.yaml", problems)

    fact_by_id = {f.id: f for f in catalogue.facts} if catalogue is not None else None
    if fact_by_id is not None:
        for fact in catalogue.facts:
            if fact.ask_when is not None:
                for msg in check_condition(fact.ask_when, "ask_when", fact_by_id, set()):
                    problems.append(RuleProblem("facts.yaml", f"fact {fact.id}", msg))

    countries: dict[str, CountryRules] = {}
    seen_ids: set[str] = set()
    country_files = sorted(p for p in directory.glob("*.yaml") if p.name not in SPECIAL_FILES)
    for path in country_files:
        raw = read(path)
        rules = _validate(CountryRules, raw, path.name, problems)
        if rules is not None:
            if rules.country.lower() != path.stem:
                problems.append(
                    RuleProblem(path.name, "field country", f"'{rules.country}' does not match")
                )
            countries[rules.country] = rules
            pathways, windows = rules.pathways, set(rules.windows)
        else:
            # The file has errors; still cross-check every pathway that is valid on its
            # own, so one run lists every problem rather than the first layer of them.
            pathways, windows = _valid_pathways(raw)
        if fact_by_id is not None:
            for pathway in pathways:
                problems.extend(
                    _check_pathway(pathway, path.name, path.stem, fact_by_id, windows, seen_ids)
                )

    if problems:
        raise RuleError(problems)
    return RuleSet(
        facts=catalogue.facts,
        general=general,
        countries=countries,
        version=digest.hexdigest()[:12],
    )
