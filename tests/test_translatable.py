"""Every text a person reads from the rule files reaches the translators' catalogue."""

from __future__ import annotations

import io
from pathlib import Path

from navigator.babel_rules import extract_rules

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


def _extracted(name: str) -> set[str]:
    data = (RULES_DIR / name).read_bytes()
    return {msg for _, _, msg, _ in extract_rules(io.BytesIO(data), [], [], {})}


def test_rule_texts_are_extracted_and_ids_are_not(real_rules):
    texts = set()
    for name in ("facts.yaml", "general.yaml", "lt.yaml", "pl.yaml"):
        texts |= _extracted(name)
    for fact in real_rules.facts:
        assert {fact.question, fact.help, fact.summary} <= texts
        assert {c.label for c in fact.choices} <= texts
        assert fact.id not in texts
    for _, pathway in real_rules.pathways:
        assert pathway.title in texts and pathway.summary in texts
        assert set(pathway.steps) <= texts and set(pathway.documents) <= texts
        assert pathway.id not in texts
        assert not any(src.url in texts for src in pathway.sources)
    for note in real_rules.general.notes:
        assert note.title in texts and note.text in texts
