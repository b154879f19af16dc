"""The guidance PDF and the calendar, read back as a person (or their lawyer) would."""

from __future__ import annotations

import datetime as dt
import json
from io import BytesIO
from pathlib import Path

import pypdf
from helpers import pdf_text
from icalendar import Calendar

from navigator.engine import assess, parse_answers
from navigator.outputs.calendar import render_ics
from navigator.outputs.i18n import Translator
from navigator.outputs.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[1]
# The example a lawyer would pass to `navigator assess` (README), also used by bench/.
WORK_PERMIT = json.loads((ROOT / "examples" / "poland-work-permit.json").read_text())["facts"]


def _assessment(rules, facts=WORK_PERMIT, as_of=dt.date(2026, 3, 1)):
    return assess(rules, parse_answers(rules.fact_by_id, facts), as_of)


def test_pdf_has_title_page_pathways_and_disclaimer(real_rules):
    assessment = _assessment(real_rules)
    text = pdf_text(render_pdf(assessment, Translator(), generated=dt.date(2026, 3, 2)))
    assert "Your legal options: guidance" in text
    assert "March 1, 2026" in text  # as-of date
    assert real_rules.version in text
    assert "Polish travel document for a foreigner" in text
    assert "art. 252a" in text
    assert "This is not legal advice." in text
    assert "Free legal help" in text
    assert "June 30, 2026" in text  # the art. 252a filing window, as a deadline


def test_sensitive_answers_left_out_unless_asked(real_rules):
    assessment = _assessment(real_rules)
    default = pdf_text(render_pdf(assessment, Translator()))
    assert "Fears persecution if returned to Belarus" not in default
    assert "Criminal case or trial in absentia" not in default
    assert "sensitive questions are left out" in default
    included = pdf_text(render_pdf(assessment, Translator(), include_sensitive=True))
    assert "Fears persecution if returned to Belarus" in included


def test_pdf_metadata_holds_no_answers(real_rules):
    data = render_pdf(_assessment(real_rules), Translator())
    meta = pypdf.PdfReader(BytesIO(data)).metadata
    values = " ".join(str(v) for v in (meta or {}).values())
    assert "Legal-status guidance" in values
    for answer in ("Poland", "Belarus", "2025-10-01", "work", "temporary"):
        assert answer not in values


def test_pdf_fonts_are_embedded_from_the_project(real_rules):
    data = render_pdf(_assessment(real_rules), Translator())
    reader = pypdf.PdfReader(BytesIO(data))
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # Every font is Noto Sans from the project (subset names look like /ABCDEF+Noto-Sans-Bold).
    assert fonts and all(f.split("+")[1].startswith("Noto-Sans") for f in fonts), fonts


def test_pdf_renders_belarusian_polish_and_lithuanian_letters(real_rules):
    from navigator.engine import Message  # noqa: F401  (the text below goes through gettext)

    sample = "Беларуская ў і Ё · Polski ąćęłńóśźż · Lietuvių ąčęėįšųūž"
    tr = Translator(gettext=lambda s: sample if s == "Your legal options: guidance" else s)
    text = " ".join(pdf_text(render_pdf(_assessment(real_rules), tr)).split())
    assert sample in text


def test_calendar_has_the_deadlines(real_rules):
    assessment = _assessment(real_rules)
    cal = Calendar.from_ical(render_ics(assessment, Translator()))
    events = [c for c in cal.walk("VEVENT")]
    dates = {e.decoded("dtstart") for e in events}
    assert dt.date(2026, 6, 30) in dates
    assert {d.date for d in assessment.deadlines} == dates
    assert all(e.get("summary") for e in events)


def test_pdf_and_calendar_from_the_results_page(client):
    from helpers import walk_wizard
    from situations import POLAND_WORK_PERMIT

    walk_wizard(client, POLAND_WORK_PERMIT)
    pdf = client.get("/results/guidance.pdf?as_of=2026-03-01")
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    assert "attachment" in pdf.headers["Content-Disposition"]
    assert "Polish travel document for a foreigner" in pdf_text(pdf.data)
    ics = client.get("/results/deadlines.ics?as_of=2026-03-01")
    assert ics.status_code == 200 and b"BEGIN:VCALENDAR" in ics.data
    assert ics.headers["Content-Disposition"].endswith('deadlines-2026-03-01.ics"')


def test_pdf_is_tagged_with_title_and_language(real_rules):
    """PDF/UA-1: a structure tree for screen readers, the document language, and the title
    shown instead of the file name."""
    reader = pypdf.PdfReader(BytesIO(render_pdf(_assessment(real_rules), Translator())))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Legal-status guidance"
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()
