"""The JSON API: assessments, the PDF, the fact catalogue, and bad input."""

from __future__ import annotations

import pytest
from helpers import pdf_text

REFUGEE = {
    "country": "PL",
    "citizenship": "BY",
    "residence_status": "refugee",
    "passport_status": "expired",
    "fears_persecution": True,
}


def test_assessment_lists_every_pathway_with_the_contract_fields(client, real_rules):
    response = client.post("/api/v1/assessments", json={"facts": REFUGEE, "as_of": "2026-03-01"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["as_of"] == "2026-03-01"
    assert body["ruleset"]["version"] == real_rules.version
    assert {p["id"] for p in body["pathways"]} == {p.id for _, p in real_rules.pathways}
    for pathway in body["pathways"]:
        assert {
            "id",
            "country",
            "kind",
            "verdict",
            "title",
            "reasons",
            "unknown_facts",
            "deadlines",
        } <= set(pathway)
        assert pathway["verdict"] in {"eligible", "possible", "not_eligible", "undetermined"}
    geneva = next(p for p in body["pathways"] if p["id"] == "pl.geneva_travel_document")
    assert geneva["verdict"] == "eligible"
    assert all(r["status"] == "held" for r in geneva["reasons"])


def test_next_question_is_given_until_nothing_can_change(client):
    body = client.post("/api/v1/assessments", json={"facts": {}}).get_json()
    assert body["next_question"]["fact"] == "country"
    assert {c["value"] for c in body["next_question"]["choices"]} == {"LT", "PL", "other"}
    assert body["next_question"]["type"] == "choice"


def test_unknown_answers_are_accepted(client):
    body = client.post(
        "/api/v1/assessments", json={"facts": {"country": "PL", "citizenship": "unknown"}}
    ).get_json()
    assert body["facts"]["citizenship"] == "unknown"
    assert body["next_question"]["fact"] != "citizenship"


def test_as_of_defaults_to_today(client):
    import datetime as dt

    body = client.post("/api/v1/assessments", json={"facts": {}}).get_json()
    assert body["as_of"] == dt.date.today().isoformat()


def test_facts_catalogue(client, real_rules):
    body = client.get("/api/v1/facts").get_json()
    assert [f["fact"] for f in body["facts"]] == [f.id for f in real_rules.facts]
    sensitive = {f["fact"] for f in body["facts"] if f["sensitive"]}
    assert sensitive == {"fears_persecution", "criminal_case"}


@pytest.mark.parametrize(
    "body, fact, words",
    [
        ({"facts": {"shoe_size": 42}}, "shoe_size", "no such fact"),
        ({"facts": {"country": "DE"}}, "country", "Choose one of"),
        ({"facts": {"passport_expiry": "2026-02-30"}}, "passport_expiry", "real date"),
        ({"facts": {"legal_residence_years": "five"}}, "legal_residence_years", "number"),
        ({"facts": {"legal_residence_years": 1e9}}, "legal_residence_years", "from 0 to 100"),
        ({"facts": {"fears_persecution": "perhaps"}}, "fears_persecution", "yes, no"),
        ({"facts": ["country"]}, None, "must be an object"),
        ({"facts": {}, "as_of": "next March"}, "as_of", "YYYY-MM-DD"),
        ({"facts": {}, "as_of": 20260301}, "as_of", "YYYY-MM-DD"),
        ({"facts": {}, "extra": 1}, None, "Unknown keys"),
        ([1, 2], None, "JSON object"),
    ],
)
def test_bad_input_is_400_with_errors(client, body, fact, words):
    response = client.post("/api/v1/assessments", json=body)
    assert response.status_code == 400
    errors = response.get_json()["errors"]
    assert errors[0]["fact"] == fact
    assert words in errors[0]["message"]


def test_not_json_and_huge_bodies_are_400(client):
    response = client.post("/api/v1/assessments", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert "JSON" in response.get_json()["errors"][0]["message"]
    huge = '{"facts": {"country": "' + "x" * 200_000 + '"}}'
    response = client.post("/api/v1/assessments", data=huge, content_type="application/json")
    assert response.status_code == 400
    assert "too large" in response.get_json()["errors"][0]["message"]


def test_every_error_names_every_bad_fact(client):
    response = client.post(
        "/api/v1/assessments", json={"facts": {"country": "DE", "citizenship": "XX"}}
    )
    assert sorted(e["fact"] for e in response.get_json()["errors"]) == ["citizenship", "country"]


def test_pdf_endpoint(client):
    response = client.post(
        "/api/v1/assessments.pdf", json={"facts": REFUGEE, "as_of": "2026-03-01"}
    )
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "Geneva" in pdf_text(response.data) or "Konwencji Genewskiej" in pdf_text(response.data)


def test_pdf_endpoint_bad_input(client):
    response = client.post("/api/v1/assessments.pdf", json={"facts": {"country": 3}})
    assert response.status_code == 400


def test_api_wrong_method_is_json(client):
    response = client.get("/api/v1/assessments")
    assert response.status_code == 405
    assert "errors" in response.get_json()
