"""Hostile input at every form and API endpoint (hypothesis): huge strings, wrong types,
control characters, unicode, injection strings, missing or forged CSRF tokens, replayed
forms. Whatever arrives: never a 500, always a clear message, and nothing a person
already entered is lost. The figures (inputs per test) are in docs/testing.md."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navigator.engine import load_rules
from navigator.web import create_app

RULES = load_rules()
FACT_IDS = [fact.id for fact in RULES.facts]
BASELINE = {
    "country": "PL",
    "citizenship": "BY",
    "passport_status": "expired",
    "passport_expiry": "2025-10-01",
    "residence_status": "temporary_permit",
}
INJECTIONS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1",
    "'; DROP TABLE saved_answers; --",
    "{{7*7}}",
    "{% raw %}",
    "%(date)s %s %n",
    "../../etc/passwd",
    "\x00",
    "\u202e\u200b\ufeff",
    "😀" * 50,
    "NaN",
    "-1",
    "1e309",
    "9" * 5000,
    "unknown",
    "yes",
    "2027-02-30",
    "0000-00-00",
]
hostile_text = st.one_of(
    st.sampled_from(INJECTIONS),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),  # control characters
    st.integers().map(str),
    st.builds(lambda n: "x" * n, st.integers(min_value=1000, max_value=80_000)),  # huge
)
FIELDS = ["answer", "day", "month", "year", "value", "dont_know", "phrase", "action", "as_of"]
form_data = st.dictionaries(
    st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), hostile_text, max_size=6
)
csrf_choice = st.sampled_from(["valid", "missing", "forged"])
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    db = tmp_path_factory.mktemp("fuzz") / "navigator.db"
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "fuzz",
            "DATABASE_URL": f"sqlite:///{db}",
            "RESUME_RATE_LIMIT": "100000 per hour",
            "SAVE_RATE_LIMIT": "100000 per hour",
            "API_RATE_LIMIT": "100000 per minute",
            "PDF_RATE_LIMIT": "100000 per minute",
        }
    )


@pytest.fixture(scope="module")
def embedded(app):
    """A partner whose iframe the embedded-mode fuzzing goes through."""
    from navigator.storage.partners import PartnerSpec, add_partner

    add_partner(
        app.extensions["navigator_db"],
        PartnerSpec(slug="demo", name="Demo", origins=["https://ngo.example"]),
        with_api_key=False,
    )
    client = app.test_client(use_cookies=False)
    page = client.get("/embed/demo/next").get_data(as_text=True)
    client.state = re.search(r'name="_state" value="([^"]+)"', page).group(1)
    return client


@pytest.fixture(scope="module")
def person(app):
    """A person half-way through the wizard, CSRF protection on as in production."""
    client = app.test_client()
    page = client.get("/question/country").get_data(as_text=True)
    client.token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client


def reset(client) -> None:
    with client.session_transaction() as sess:
        sess["answers"] = dict(BASELINE)
        sess.pop("saved", None)


def answers(client) -> dict:
    with client.session_transaction() as sess:
        return dict(sess.get("answers") or {})


def with_csrf(client, data: dict, choice: str) -> dict:
    data = {k: v for k, v in data.items() if k != "csrf_token"}
    if choice == "valid":
        data["csrf_token"] = client.token
    elif choice == "forged":
        data["csrf_token"] = "ImZvcmdlZCI.forged.token"
    return data


def assert_clear_page(response) -> None:
    """Not a 500, and a 4xx explains itself (error summary, field error or error page)."""
    assert response.status_code < 500, response.status_code
    if response.status_code >= 400:
        body = response.get_data(as_text=True)
        assert 'class="error-summary"' in body or 'class="field-error"' in body or "<h1>" in body, (
            body[:500]
        )
        assert "Traceback" not in body


@pytest.mark.parametrize("fact_id", FACT_IDS)
@FUZZ
@given(data=form_data, csrf=csrf_choice)
def test_question_forms(person, fact_id, data, csrf):
    reset(person)
    response = person.post(f"/question/{fact_id}", data=with_csrf(person, data, csrf))
    assert_clear_page(response)
    after = answers(person)
    if response.status_code == 302:  # accepted: only this question's answer may change
        assert csrf == "valid"
        assert {k: v for k, v in after.items() if k != fact_id} == {
            k: v for k, v in BASELINE.items() if k != fact_id
        }
        assert fact_id in after
    else:
        assert after == BASELINE


@FUZZ
@given(data=form_data, csrf=csrf_choice, action=st.sampled_from(["restore", "delete", None]))
def test_resume_form(person, data, csrf, action):
    reset(person)
    if action:
        data = {**data, "action": action}
    response = person.post("/resume", data=with_csrf(person, data, csrf))
    assert_clear_page(response)
    assert response.status_code != 302  # a random text is never somebody's phrase
    assert answers(person) == BASELINE


@pytest.mark.parametrize("path", ["/save", "/saved/delete", "/restart"])
@settings(FUZZ, max_examples=25)
@given(data=form_data, csrf=csrf_choice)
def test_other_forms(person, app, path, data, csrf):
    reset(person)
    response = person.post(path, data=with_csrf(person, data, csrf))
    assert_clear_page(response)
    if path == "/restart" and csrf == "valid" and response.status_code == 302:
        assert answers(person) == {}  # the one form whose job is to forget
    else:
        assert answers(person) == BASELINE


@pytest.mark.parametrize("path", ["/", "/check", "/results", "/results/deadlines.ics", "/resume"])
@settings(FUZZ, max_examples=30)
@given(as_of=hostile_text, lang=hostile_text)
def test_query_strings(person, path, as_of, lang):
    reset(person)
    response = person.get(path, query_string={"as_of": as_of[:2000], "lang": lang[:2000]})
    assert_clear_page(response)
    assert answers(person) == BASELINE


@settings(FUZZ, max_examples=3)
@given(as_of=hostile_text, sensitive=hostile_text)
def test_pdf_query_string(person, as_of, sensitive):
    reset(person)
    response = person.get(
        "/results/guidance.pdf",
        query_string={"as_of": as_of[:2000], "include_sensitive": sensitive[:2000]},
    )
    assert_clear_page(response)
    assert answers(person) == BASELINE


embed_targets = st.one_of(
    st.sampled_from(["/embed/demo/check", "/embed/demo/results", "/embed/demo/question/country"]),
    hostile_text,
    hostile_text.map(lambda t: "/embed/demo/" + t),
)


@FUZZ
@given(data=form_data, to=embed_targets, state=st.one_of(st.just("valid"), hostile_text))
def test_embedded_navigation(embedded, data, to, state):
    token = embedded.state if state == "valid" else state
    response = embedded.post("/embed/demo/_go", data={**data, "to": to, "_state": token})
    assert response.status_code < 500
    assert "Set-Cookie" not in response.headers
    assert "X-Navigator-State" not in response.headers  # internal, never sent out


@pytest.mark.parametrize("fact_id", ["country", "passport_expiry", "legal_residence_years"])
@settings(FUZZ, max_examples=40)
@given(data=form_data, state=st.one_of(st.just("valid"), hostile_text))
def test_embedded_question_forms(embedded, fact_id, data, state):
    token = embedded.state if state == "valid" else state
    response = embedded.post(f"/embed/demo/question/{fact_id}", data={**data, "_state": token})
    assert_clear_page(response)
    assert "Set-Cookie" not in response.headers


@settings(FUZZ, max_examples=30)
@given(slug=hostile_text)
def test_embedded_partner_names(app, slug):
    response = app.test_client().get(f"/embed/{slug[:100]}/")
    assert response.status_code < 500


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(allow_nan=True),
        hostile_text,
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
api_bodies = st.one_of(
    json_values,
    st.fixed_dictionaries(
        {"facts": st.dictionaries(st.sampled_from(FACT_IDS), json_values, max_size=8)},
        optional={"as_of": json_values, "lang": json_values},
    ),
)


def assert_api_answer(response) -> None:
    assert response.status_code in {200, 400}, response.status_code
    body = response.get_json()
    if response.status_code == 400:
        assert body["errors"] and all(
            isinstance(e["message"], str) and e["message"] for e in body["errors"]
        )
    else:
        assert "pathways" in body


@settings(FUZZ, max_examples=300)
@given(body=api_bodies)
def test_api_assessments_json(app, body):
    client = app.test_client()
    assert_api_answer(
        client.post(
            "/api/v1/assessments",
            data=json.dumps(body, allow_nan=True),
            content_type="application/json",
        )
    )


@settings(FUZZ, max_examples=60)
@given(
    raw=st.binary(max_size=2000) | hostile_text.map(str.encode),
    content_type=st.sampled_from(["application/json", "text/plain", "", "multipart/form-data"]),
)
def test_api_assessments_raw_bodies(app, raw, content_type):
    response = app.test_client().post(
        "/api/v1/assessments", data=raw, content_type=content_type or None
    )
    assert_api_answer(response)


@settings(FUZZ, max_examples=5)
@given(body=api_bodies)
def test_api_pdf(app, body):
    response = app.test_client().post("/api/v1/assessments.pdf", json=body)
    assert response.status_code in {200, 400}
    if response.status_code == 200:
        assert response.data.startswith(b"%PDF")
    else:
        assert response.get_json()["errors"]


@pytest.mark.parametrize("path", ["/api/v1/facts", "/api/v1/pathways", "/api/v1/openapi.json"])
@settings(FUZZ, max_examples=20)
@given(lang=hostile_text, key=st.one_of(st.none(), hostile_text))
def test_api_get_endpoints(app, path, lang, key):
    headers = {"X-API-Key": key[:300]} if key and key.isprintable() and key.isascii() else {}
    response = app.test_client().get(path, query_string={"lang": lang[:2000]}, headers=headers)
    assert response.status_code in {200, 400, 401}
    assert response.get_json() is not None


def test_replayed_form_is_harmless(person):
    reset(person)
    data = {"answer": "PL", "csrf_token": person.token}
    first = person.post("/question/country", data=data)
    second = person.post("/question/country", data=data)
    assert first.status_code == second.status_code == 302
    assert answers(person) == BASELINE


def test_form_replayed_after_quick_exit_is_refused_kindly(app):
    client = app.test_client()
    page = client.get("/question/country").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.get("/exit")
    response = client.post("/question/country", data={"answer": "PL", "csrf_token": token})
    assert response.status_code == 400
    assert "Your page had expired" in response.get_data(as_text=True)
    assert answers(client) == {}
