"""The results page, the guidance PDF and the deadlines calendar, from one assessment."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask_babel import gettext

from navigator.engine import assess
from navigator.outputs.calendar import render_ics
from navigator.outputs.present import GROUP_LABELS, VERDICT_LABELS, shown_groups

from . import rules, translator
from .partner_pages import current_partner, partner_help
from .security import limiter
from .state import load_answers

bp = Blueprint("results", __name__)


def _as_of() -> tuple[dt.date, str | None]:
    """The assessment date from ``?as_of=``, or today; with an error message if it is bad."""
    raw = (request.args.get("as_of") or "").strip()
    if not raw:
        return dt.date.today(), None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return dt.date.today(), gettext("Enter the date as YYYY-MM-DD, for example 2027-03-01.")
    if not dt.date(2000, 1, 1) <= day <= dt.date(2100, 12, 31):
        return dt.date.today(), gettext("Enter a date between 2000 and 2100.")
    return day, None


def _assessment():
    ruleset = rules()
    answers = load_answers(ruleset)
    as_of, error = _as_of()
    return assess(ruleset, answers, as_of), error


@bp.get("/results")
def results():
    assessment, as_of_error = _assessment()
    if not assessment.answers:
        return redirect(url_for("wizard.next_question"))
    return render_template(
        "results.html",
        a=assessment,
        groups=shown_groups(assessment),
        group_labels=GROUP_LABELS,
        verdict_labels=VERDICT_LABELS,
        as_of_error=as_of_error,
        as_of_value=request.args.get("as_of", "").strip(),
        partner_help=partner_help(current_partner()),
    ), (400 if as_of_error else 200)


def _attachment(data: bytes, mimetype: str, name: str, assessment) -> Response:
    """A download that browsers save rather than cache; the name holds only the date."""
    stem, ext = name.rsplit(".", 1)
    filename = f"{stem}-{assessment.as_of.isoformat()}.{ext}"
    return Response(
        data,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@bp.get("/results/guidance.pdf")
@limiter.limit(lambda: current_app.config["PDF_RATE_LIMIT"])
def guidance_pdf():
    from navigator.outputs.pdf import render_pdf

    assessment, _ = _assessment()
    include_sensitive = request.args.get("include_sensitive") == "1"
    pdf = render_pdf(
        assessment,
        translator(),
        include_sensitive=include_sensitive,
        partner=partner_help(current_partner()),
    )
    return _attachment(pdf, "application/pdf", "guidance.pdf", assessment)


@bp.get("/results/deadlines.ics")
def deadlines_ics():
    assessment, _ = _assessment()
    return _attachment(
        render_ics(assessment, translator()), "text/calendar", "deadlines.ics", assessment
    )
