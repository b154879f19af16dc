"""JSON API, version 1. Ids are a public contract; see docs/api.md.

    POST /api/v1/assessments       {"facts": {...}, "as_of": "YYYY-MM-DD"} -> assessment
    POST /api/v1/assessments.pdf   same body -> the guidance PDF
    GET  /api/v1/facts             the fact catalogue
    GET  /api/v1/pathways          every pathway with its content and sources
    GET  /api/v1/openapi.json      the OpenAPI 3.1 description of all of the above

An ``X-API-Key`` header (optional; ``navigator partners add --api-key``) gives a
partner its own rate limit and its contact in the PDF. CORS: partner origins only.

Bad input is answered with 400 and ``{"errors": [{"fact": ..., "message": ...}]}``.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from flask import Blueprint, Response, current_app, jsonify, request
from flask_babel import gettext
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from navigator.engine import AnswerError, assess, parse_answers
from navigator.outputs.serialize import assessment_to_dict, fact_to_dict, pathway_content

from . import api_access, rules, translator
from .locale import LANGUAGES
from .partner_pages import partner_help
from .security import limiter

bp = Blueprint("api", __name__, url_prefix="/api/v1")
limiter.limit(api_access.rate_limit, key_func=api_access.rate_limit_key)(bp)
bp.before_request(api_access.refuse_bad_key)
bp.after_request(api_access.add_cors)
OPENAPI = Path(__file__).with_name("openapi.yaml")


class ApiInputError(Exception):
    def __init__(self, errors: list[dict[str, Any]]):
        self.errors = errors


def _error(message: str, fact: str | None = None) -> ApiInputError:
    return ApiInputError([{"fact": fact, "message": message}])


def _parse_request():
    try:
        body = request.get_json(force=True, silent=False)
    except RequestEntityTooLarge:
        raise _error(gettext("The request body is too large (at most 64 KiB).")) from None
    except HTTPException:
        raise _error(gettext("The request body must be JSON.")) from None
    if not isinstance(body, dict):
        raise _error(gettext('The request body must be a JSON object: {"facts": {...}}.'))
    unknown_keys = set(body) - {"facts", "as_of", "include_sensitive", "lang"}
    if unknown_keys:
        keys = ", ".join(sorted(map(str, unknown_keys)))[:200]
        raise _error(gettext("Unknown keys: %(keys)s.", keys=keys))
    as_of = body.get("as_of")
    if as_of is not None:
        try:
            as_of = dt.date.fromisoformat(as_of) if isinstance(as_of, str) else None
        except ValueError:
            as_of = None
        if as_of is None:
            raise _error(gettext("'as_of' must be a real date as YYYY-MM-DD."), "as_of")
    ruleset = rules()
    tr = translator()
    try:
        answers = parse_answers(ruleset.fact_by_id, body.get("facts", {}))
    except AnswerError as exc:
        raise ApiInputError(
            [{"fact": p.fact, "message": tr.message(p.message)} for p in exc.problems]
        ) from None
    if "lang" in body and not (isinstance(body["lang"], str) and body["lang"] in LANGUAGES):
        choices = ", ".join(LANGUAGES)
        raise _error(gettext("'lang' must be one of: %(choices)s.", choices=choices), "lang")
    include_sensitive = body.get("include_sensitive", False)
    if not isinstance(include_sensitive, bool):
        raise _error(gettext("'include_sensitive' must be true or false."), "include_sensitive")
    return assess(ruleset, answers, as_of), include_sensitive


@bp.errorhandler(ApiInputError)
def _bad_request(exc: ApiInputError):
    return jsonify({"errors": exc.errors}), 400


@bp.post("/assessments")
def create_assessment():
    assessment, _ = _parse_request()
    return jsonify(assessment_to_dict(assessment, translator()))


@bp.post("/assessments.pdf")
@limiter.limit(lambda: current_app.config["PDF_RATE_LIMIT"])
def create_assessment_pdf():
    from navigator.outputs.pdf import render_pdf

    assessment, include_sensitive = _parse_request()
    pdf = render_pdf(
        assessment,
        translator(),
        include_sensitive=include_sensitive,
        partner=partner_help(api_access.api_partner()),
    )
    return Response(pdf, mimetype="application/pdf", headers={"Cache-Control": "no-store"})


@bp.get("/facts")
def facts():
    tr = translator()
    return jsonify(
        {
            "facts": [fact_to_dict(f, tr) for f in rules().facts],
            "ruleset": {"version": rules().version},
        }
    )


@bp.get("/pathways")
def pathways():
    tr = translator()
    return jsonify(
        {
            "pathways": [pathway_content(p, c.country, tr) for c, p in rules().pathways],
            "ruleset": {
                "version": rules().version,
                "content_verified": rules().content_verified.isoformat(),
            },
        }
    )


@cache
def _openapi() -> dict[str, Any]:
    return yaml.safe_load(OPENAPI.read_text(encoding="utf-8"))


@bp.get("/openapi.json")
def openapi():
    """The API described in OpenAPI 3.1 (kept in openapi.yaml beside this file)."""
    return jsonify(_openapi())
