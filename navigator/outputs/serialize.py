"""The assessment as JSON: the API's response body and ``navigator assess --json``.

Ids (pathway, fact, choice values) are the public contract; texts are in the
requested language and may change between rule versions.
"""

from __future__ import annotations

from typing import Any

from navigator.engine import Assessment, PathwayResult, to_json_value
from navigator.engine.models import Fact, Pathway, Source

from .i18n import Translator


def _source(src: Source, tr: Translator) -> dict[str, Any]:
    return {
        "url": src.url,
        "title": tr(src.title),
        "published": src.published,
        "checked": src.checked.isoformat(),
    }


def fact_to_dict(fact: Fact, tr: Translator) -> dict[str, Any]:
    return {
        "fact": fact.id,
        "type": fact.type,
        "question": tr(fact.question),
        "help": tr(fact.help),
        "choices": [{"value": c.value, "label": tr(c.label)} for c in fact.choices],
        "accepts_unknown": fact.type in ("choice", "yes_no"),
        "sensitive": fact.sensitive,
        "minimum": fact.minimum,
        "maximum": fact.maximum,
        "deprecated": fact.deprecated,
    }


def pathway_content(p: Pathway, country: str, tr: Translator) -> dict[str, Any]:
    """What a pathway is, independent of anyone's answers (GET /api/v1/pathways)."""
    return {
        "id": p.id,
        "country": country,
        "kind": p.kind,
        "title": tr(p.title),
        "original_name": p.original_name,
        "summary": tr(p.summary),
        "steps": [tr(s) for s in p.steps],
        "documents": [tr(d) for d in p.documents],
        "fees": [
            {
                "label": tr(f.label),
                "amount": str(f.amount),
                "currency": f.currency,
                "note": tr(f.note),
            }
            for f in p.fees
        ],
        "processing_time": tr(p.processing_time),
        "validity": tr(p.validity),
        "where_to_apply": {
            "authority": tr(p.where_to_apply.authority),
            "how": tr(p.where_to_apply.how),
            "portal": p.where_to_apply.portal,
        },
        "legal_basis": [
            {"law": tr(b.law), "article": b.article, "note": tr(b.note)} for b in p.legal_basis
        ],
        "sources": [_source(s, tr) for s in p.sources],
        "confidence": p.confidence,
        "conflicts": [tr(c) for c in p.conflicts],
        "risks": [tr(r) for r in p.risks],
        "deprecated": p.deprecated,
    }


def pathway_to_dict(result: PathwayResult, tr: Translator) -> dict[str, Any]:
    """A pathway with the verdict on one person's answers and the reasons for it."""
    content = pathway_content(result.pathway, result.country.country, tr)
    head = {key: content.pop(key) for key in ("id", "country", "kind")}
    return {
        **head,
        "verdict": result.verdict.value,
        **content,
        "reasons": [
            {"text": tr(r.text), "status": r.status.value, "depth": r.depth} for r in result.reasons
        ],
        "unknown_facts": result.unknown_facts,
        "deadlines": [
            {"date": d.date.isoformat(), "label": tr.message(d.label), "passed": d.passed}
            for d in result.deadlines
        ],
        "caveats": [tr.message(c) for c in result.caveats],
    }


def assessment_to_dict(assessment: Assessment, tr: Translator) -> dict[str, Any]:
    rules = assessment.rules
    nq = assessment.next_question
    return {
        "as_of": assessment.as_of.isoformat(),
        "ruleset": {
            "version": rules.version,
            "content_verified": rules.content_verified.isoformat(),
        },
        "facts": {k: to_json_value(v) for k, v in assessment.answers.items()},
        "pathways": [pathway_to_dict(r, tr) for r in assessment.results],
        "next_question": fact_to_dict(nq, tr) if nq else None,
        "remaining_questions": assessment.remaining_questions,
        "deadlines": [
            {
                "date": d.date.isoformat(),
                "label": tr.message(d.label),
                "pathway": d.pathway_id,
                "passed": d.passed,
            }
            for d in assessment.deadlines
        ],
        "notes": [
            {
                "id": n.id,
                "title": tr(n.title),
                "text": tr(n.text),
                "sources": [_source(s, tr) for s in n.sources],
            }
            for n in rules.general.notes
        ],
        "legal_help": {
            c.country: [
                {"name": o.name, "what": tr(o.what), "url": o.url, "contact": o.contact}
                for o in c.legal_help
            ]
            for c in assessment.countries
        },
    }
