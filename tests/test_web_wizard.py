"""The wizard and results pages, walked through the Flask test client."""

from __future__ import annotations

import re

from helpers import walk_wizard
from situations import LITHUANIA_HUMANITARIAN, POLAND_REFUGEE, POLAND_WORK_PERMIT


def section(html: str, group_id: str) -> str:
    """The HTML of one verdict group on the results page."""
    start = html.index(f'id="{group_id}"')
    end = html.find("<section", start)
    return html[start : end if end != -1 else None]


def pathway_ids(html: str) -> list[str]:
    return re.findall(r'<article class="pathway[^"]*" id="([a-z]{2}\.[a-z0-9_]+)"', html)


def open_to_person(html: str) -> list[str]:
    """Pathways shown under "You can apply" or "You may be able to"."""
    return pathway_ids(section(html, "group-eligible")) + pathway_ids(
        section(html, "group-possible")
    )


def test_start_page_links_to_first_question(client):
    page = client.get("/")
    assert page.status_code == 200
    assert b'href="/next"' in page.data
    assert client.get("/next").headers["Location"].endswith("/question/country")


def test_poland_work_permit_expired_passport(client):
    asked = walk_wizard(client, POLAND_WORK_PERMIT)
    assert asked[:3] == ["country", "citizenship", "passport_status"]
    assert "lithuanian_descent" not in asked  # a Lithuania-only question is never asked
    html = client.get("/results").get_data(as_text=True)
    may = open_to_person(html)
    assert "pl.travel_document_belarusian" in may
    assert "pl.temporary_residence" in may
    assert "pl.travel_document" in pathway_ids(section(html, "group-not"))
    assert (
        "lt.foreigners_passport" not in html
    )  # other country's routes are not listed as "not for you"


def test_lithuania_humanitarian_permit_passport_expiring(client):
    asked = walk_wizard(client, LITHUANIA_HUMANITARIAN)
    assert "fears_persecution" in asked
    # No Lithuanian route depends on the permit's ground, so it is not asked.
    assert "permit_ground" not in asked
    html = client.get("/results").get_data(as_text=True)
    may = open_to_person(html)
    assert "lt.foreigners_passport" in may
    assert "lt.asylum" in may
    # Deadlines are computed from the passport's expiry date.
    assert "Your deadlines" in html


def test_refugee_in_poland(client):
    walk_wizard(client, POLAND_REFUGEE)
    html = client.get("/results").get_data(as_text=True)
    assert "pl.geneva_travel_document" in pathway_ids(section(html, "group-eligible"))
    assert "pl.international_protection" in pathway_ids(section(html, "group-not"))


def test_results_show_sources_legal_basis_and_disclaimer(client):
    walk_wizard(client, POLAND_REFUGEE)
    html = client.get("/results").get_data(as_text=True)
    assert "This is not legal advice." in html
    assert "Legal basis" in html and "Sources" in html and "Checked on" in html
    assert "Free legal help" in html
    assert "Decree No. 278" in html


def test_impossible_date_shows_error_and_keeps_input_and_answers(client):
    client.post("/question/country", data={"answer": "PL"})
    client.post("/question/citizenship", data={"answer": "BY"})
    client.post("/question/passport_status", data={"answer": "valid"})
    page = client.post(
        "/question/passport_expiry", data={"day": "31", "month": "2", "year": "2027"}
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 400
    assert "There is a problem" in html
    assert 'href="#field-day"' in html  # the summary links to the field
    assert 'value="31"' in html and 'value="2027"' in html  # what was typed is kept
    check = client.get("/check").get_data(as_text=True)
    assert "Poland" in check and "Belarusian" in check  # earlier answers kept


def test_missing_choice_shows_error(client):
    page = client.post("/question/country", data={})
    assert page.status_code == 400
    assert "Select an answer." in page.get_data(as_text=True)


def test_number_out_of_range(client):
    client.post("/question/country", data={"answer": "PL"})
    page = client.post("/question/legal_residence_years", data={"value": "-3"})
    assert page.status_code == 400
    assert "Enter a number from 0 to 100." in page.get_data(as_text=True)


def test_dont_know_is_accepted_and_moves_on(client):
    client.post("/question/country", data={"answer": "PL"})
    response = client.post("/question/citizenship", data={"answer": "unknown"})
    assert response.status_code == 302
    assert "/question/citizenship" not in response.headers["Location"]
    check = client.get("/check").get_data(as_text=True)
    assert "I don&#39;t know / I prefer not to say" in check


def test_change_answer_from_check_page_keeps_the_others(client):
    walk_wizard(client, POLAND_WORK_PERMIT)
    page = client.get("/question/permit_ground?change=1")
    checked = re.findall(r"<input[^>]*checked[^>]*>", page.get_data(as_text=True))
    assert len(checked) == 1 and 'value="work"' in checked[0]  # earlier answer shown
    response = client.post("/question/permit_ground?change=1", data={"answer": "study"})
    assert response.headers["Location"].endswith("/check")
    check = client.get("/check").get_data(as_text=True)
    assert "Study" in check and "Poland" in check and "It has expired" in check


def test_changed_answer_can_bring_new_questions(client):
    walk_wizard(client, POLAND_WORK_PERMIT)
    response = client.post("/question/country?change=1", data={"answer": "LT"})
    # Lithuania asks about Lithuanian descent, which Poland never needed.
    assert "/question/" in response.headers["Location"]
    asked = walk_wizard(
        client, {**POLAND_WORK_PERMIT, "country": "LT", "lithuanian_descent": False}
    )
    assert "lithuanian_descent" in asked
    assert "citizenship" not in asked  # answered before: never asked again


def test_back_link_goes_to_previous_answered_question(client):
    client.post("/question/country", data={"answer": "PL"})
    page = client.get("/question/citizenship").get_data(as_text=True)
    assert 'href="/question/country"' in page
    assert "Question 2 of about" in page


def test_as_of_date_for_lawyers(client):
    walk_wizard(client, POLAND_WORK_PERMIT)
    html = client.get("/results?as_of=2026-03-01").get_data(as_text=True)
    assert "pl.travel_document_belarusian" in pathway_ids(section(html, "group-eligible"))
    bad = client.get("/results?as_of=2026-02-30")
    assert bad.status_code == 400
    assert "Enter the date as YYYY-MM-DD" in bad.get_data(as_text=True)


def test_unknown_question_is_404_page_not_500(client):
    page = client.get("/question/does_not_exist")
    assert page.status_code == 404
    assert "Page not found" in page.get_data(as_text=True)


def test_no_answers_in_the_database_or_url(client):
    walk_wizard(client, POLAND_REFUGEE)
    # Answers travel only in POST bodies and the signed session cookie.
    response = client.get("/next")
    assert "refugee" not in response.headers["Location"]


def test_csrf_token_required_and_failure_keeps_answers():
    from navigator.web import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test"})
    client = app.test_client()
    page = client.get("/question/country").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert (
        client.post("/question/country", data={"answer": "PL", "csrf_token": token}).status_code
        == 302
    )
    refused = client.post("/question/citizenship", data={"answer": "BY"})
    assert refused.status_code == 400
    assert "Nothing you entered earlier has been lost" in refused.get_data(as_text=True)
    assert "Poland" in client.get("/check").get_data(as_text=True)
