"""Journeys from the start page to the downloaded PDF, with JavaScript on and off.

Each asserts what the person sees (pathway titles, verdict groups, deadlines) and
reads the downloaded files. The `person` fixture fails the test if any request
leaves the host.
"""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import pdf_text
from icalendar import Calendar
from situations import LITHUANIA_HUMANITARIAN, POLAND_REFUGEE, POLAND_WORK_PERMIT

CAN = "You can apply"
MAY = "You may be able to"
NOT = "Not for you now"


def test_poland_work_permit_expired_passport(person):
    person.start()
    asked = person.answer_all(POLAND_WORK_PERMIT)
    assert asked[0] == "country" and "lithuanian_descent" not in asked
    assert person.heading() == "Check your answers"
    person.see_options()
    may = person.group(MAY)
    assert "Polish travel document for a foreigner, Belarusian procedure (art. 252a)" in may
    assert "Temporary residence permit (renewal or new permit on an ordinary ground)" in may
    assert "Polish travel document for a foreigner, general rule (art. 252)" in person.group(NOT)
    assert any("Last day to file, while your current permit" in d for d in person.deadlines())
    text = pdf_text(person.download_pdf().read_bytes())
    assert "Your legal options: guidance" in text
    assert "Belarusian procedure (art. 252a)" in text
    assert "This is not legal advice." in text
    assert "Fears persecution" not in text  # sensitive answers are left out by default


def test_lithuania_humanitarian_permit_passport_expiring(person):
    person.start()
    asked = person.answer_all(LITHUANIA_HUMANITARIAN)
    assert "fears_persecution" in asked and "karta_polaka" not in asked
    person.see_options()
    may = person.group(MAY)
    assert "Lithuanian foreigner's passport" in may
    assert "Asylum in Lithuania (refugee status or subsidiary protection)" in may
    expiry = LITHUANIA_HUMANITARIAN["passport_expiry"]
    shown = f"{expiry:%B} {expiry.day}, {expiry.year}"  # as the page writes dates in English
    assert any(d.startswith(shown) for d in person.deadlines()), person.deadlines()
    pdf = person.download_pdf(include_sensitive=True)
    text = pdf_text(pdf.read_bytes())
    assert "Lithuanian foreigner's passport" in text
    assert "Fears persecution if returned to Belarus" in text  # the person asked for it


def test_refugee_in_poland(person):
    person.start()
    person.answer_all(POLAND_REFUGEE)
    person.see_options()
    assert person.group(CAN) == ["Travel document for refugees (Geneva Convention travel document)"]
    assert "International protection (refugee status or subsidiary protection)" in person.group(NOT)
    text = pdf_text(person.download_pdf().read_bytes())
    assert "Geneva Convention travel document" in text


def test_change_an_answer_from_check_your_answers(person):
    person.start()
    person.answer_all(POLAND_WORK_PERMIT)
    person.change("Ground of the temporary permit", "study")
    assert person.heading() == "Check your answers"
    rows = person.page.locator(".summary-list").inner_text()
    assert "Study" in rows and "Work" not in rows
    assert "Poland" in rows and "It has expired" in rows  # the other answers are kept
    # A change that opens new questions leads through them, then back to the check page.
    person.change("Country you live in", "LT")
    asked = person.answer_all(
        {"lithuanian_descent": False, "passport_expiry": dt.date(2025, 10, 1)}
    )
    assert "lithuanian_descent" in asked
    assert person.heading() == "Check your answers"


def test_i_dont_know(person):
    person.start()
    person.answer("PL")
    person.answer("unknown")  # citizenship: I don't know / prefer not to say
    assert person.fact != "citizenship"
    answers = {
        **POLAND_WORK_PERMIT,
        "citizenship": "unknown",
        "fears_persecution": "unknown",
        "criminal_case": "unknown",
        "passport_expiry": "unknown",
    }
    person.answer_all(answers)
    assert "I don't know / I prefer not to say" in person.page.locator(".summary-list").inner_text()
    person.see_options()
    body = person.page.locator("main").inner_text()
    assert "This depends on questions you did not answer" in body
    assert "I don't know / I prefer not to say" in person.guidance_text()


def test_impossible_date_and_recovery(person):
    person.start()
    person.answer("LT")
    person.answer("BY")
    person.answer("valid")
    assert person.fact == "passport_expiry"
    person.answer(("31", "2", "2027"))
    page = person.page
    summary = page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert "Enter a real date" in summary.inner_text()
    assert page.input_value("#field-day") == "31"  # what was typed is kept
    summary.get_by_role("link").click()  # the summary links to the field
    assert page.url.endswith("#field-day")
    person.answer(dt.date(2027, 2, 28))
    assert person.fact == "residence_status"
    person.goto("/check")
    rows = person.page.locator(".summary-list").inner_text()
    assert "February 28, 2027" in rows and "Lithuania" in rows  # nothing lost
    person.goto("/next")
    person.answer_all(
        {
            "residence_status": "temporary_permit",
            "permit_expiry": dt.date(2027, 9, 30),
            "legal_residence_years": 3,
            "fears_persecution": True,
            "polish_ancestry": False,
            "lithuanian_descent": False,
            "criminal_case": False,
            "karta_polaka": False,
            "wants_to_travel": True,
        }
    )
    assert "February 28, 2027" in person.guidance_text()


def test_calendar_download(person):
    person.start()
    person.answer_all(POLAND_WORK_PERMIT)
    person.see_options()
    ics = person.download_calendar()
    assert ics.suffix == ".ics"
    events = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    expiry = POLAND_WORK_PERMIT["permit_expiry"]
    assert expiry in {event.decoded("dtstart") for event in events}
    assert f"{expiry:%B} {expiry.day}, {expiry.year}" in person.guidance_text()


@pytest.mark.parametrize("lang", ["be", "ru"])
def test_journey_in_belarusian_and_russian(person, lang):
    """The Poland work-permit journey in Belarusian and Russian, to the PDF: the page, the
    PDF and the calendar speak the language, and no English is left on the way."""
    person.start(lang)
    assert person.page.get_attribute("html", "lang") == lang
    person.answer_all(POLAND_WORK_PERMIT)
    person.see_options()
    assert person.page.get_attribute("html", "lang") == lang
    assert "pl.travel_document_belarusian" in person.group_ids(MAY)
    body = person.page.locator("main").inner_text()
    for english in ("You may be able to", "Your deadlines", "Free legal help", "Lithuania"):
        assert english not in body
    text = pdf_text(person.download_pdf().read_bytes())
    assert "Your legal options" not in text and "This is not legal advice" not in text
    assert "Karta Polaka" in text or "252a" in text  # official names stay as they are
    ics = person.download_calendar().read_text(encoding="utf-8")
    assert "Last day to file" not in ics
