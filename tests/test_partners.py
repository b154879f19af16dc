"""Partners: the command line, embedded mode without cookies, per-partner framing,
the partner's contact on results and in the PDF, API keys, CORS, and the OpenAPI
document checked against real responses."""

from __future__ import annotations

import base64
import re

import pytest
from click.testing import CliRunner
from helpers import form_data, pdf_text
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate
from situations import POLAND_WORK_PERMIT

from navigator.cli import main as cli
from navigator.storage import Database
from navigator.storage.partners import PartnerSpec, add_partner, get_partner
from navigator.web import create_app

HOST = "http://partner.test:8001"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture()
def app(database_url):
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "DATABASE_URL": database_url,
            "API_RATE_LIMIT": "5 per minute",
        }
    )
    add_partner(
        app.extensions["navigator_db"],
        PartnerSpec(
            slug="demo",
            name="Demo Legal Aid",
            origins=[HOST],
            contact={"en": "Call +48 22 000 00 00, Mon-Fri", "be": "Тэлефануйце +48 22 000 00 00"},
            website="https://demo-legal-aid.example",
            default_lang="en",
            accent="#7a1f5c",
            logo=PNG,
        ),
        with_api_key=False,
    )
    yield app
    app.extensions["navigator_db"].dispose()


def state_of(page: str) -> str:
    return re.search(r'name="_state" value="([^"]+)"', page).group(1)


def heading(page: str) -> str:
    return re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)).strip()


class EmbeddedPerson:
    """A person inside the partner's iframe: no cookie ever, only what the pages carry."""

    def __init__(self, app):
        self.client = app.test_client(use_cookies=False)
        self.page = ""

    def open(self, query: str = "") -> None:
        response = self.client.get(f"/embed/demo/{query}")
        assert response.status_code == 200
        self.page = response.get_data(as_text=True)

    def go(self, to: str, **fields) -> None:
        """Press a link (a button of the navigation form in embedded mode)."""
        assert f'value="{to}"' in self.page, f"no link to {to} on this page"
        response = self.client.post(
            "/embed/demo/_go", data={"_state": state_of(self.page), "to": to, **fields}
        )
        assert "Set-Cookie" not in response.headers
        self.response = response
        if response.mimetype == "text/html":
            self.page = response.get_data(as_text=True)

    def answer(self, value) -> None:
        action = re.search(r'<form method="post" action="([^"]+)" novalidate>', self.page).group(1)
        csrf = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', self.page).group(1)
        data = {"_state": state_of(self.page), "csrf_token": csrf, **form_data(value)}
        response = self.client.post(action, data=data)
        assert response.status_code == 200, response.status_code
        assert "Set-Cookie" not in response.headers
        self.page = response.get_data(as_text=True)

    @property
    def fact(self) -> str | None:
        match = re.search(r'action="/embed/demo/question/([a-z_]+)', self.page)
        return match.group(1) if match else None


def test_whole_journey_inside_the_frame_without_cookies(app):
    person = EmbeddedPerson(app)
    person.open(f"?lang=en&origin={HOST}")
    assert "Demo Legal Aid" in person.page
    assert f'data-host-origin="{HOST}"' in person.page
    person.go("/embed/demo/next")
    for _ in range(20):
        if person.fact is None:
            break
        person.answer(POLAND_WORK_PERMIT[person.fact])
    assert heading(person.page) == "Check your answers"
    person.go("/embed/demo/results")
    assert heading(person.page) == "Your options"
    assert "Belarusian procedure (art. 252a)" in person.page
    assert "Free help from Demo Legal Aid" in person.page
    assert "Call +48 22 000 00 00, Mon-Fri" in person.page
    # external links open outside the partner's frame
    assert 'rel="noreferrer noopener" target="_blank"' in person.page
    person.go("/embed/demo/results/guidance.pdf")
    assert person.response.mimetype == "application/pdf"
    text = pdf_text(person.response.data)
    assert "Free help from Demo Legal Aid" in text
    assert "Call +48 22 000 00 00" in text


def test_state_is_encrypted_and_cannot_be_forged(app):
    person = EmbeddedPerson(app)
    person.open()
    person.go("/embed/demo/next")
    person.answer("PL")
    token = state_of(person.page)
    raw = base64.urlsafe_b64decode(token)
    assert b"country" not in raw and b'"PL"' not in raw  # encrypted, not merely encoded
    assert "country" not in token
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    response = person.client.post(
        "/embed/demo/_go", data={"_state": forged, "to": "/embed/demo/check"}
    )
    # a forged state is an empty one: back to the first question, nothing leaks
    assert "/embed/demo/question/country" in response.get_data(as_text=True)


def test_navigation_cannot_leave_the_partner(app):
    person = EmbeddedPerson(app)
    person.open()
    for target in ("https://evil.example/", "/embed/other/", "/results", "/embed/demo/../x"):
        response = person.client.post(
            "/embed/demo/_go", data={"_state": state_of(person.page), "to": target}
        )
        assert response.status_code == 400, target


def test_frame_ancestors_list_only_the_partner(app, client):
    embedded = app.test_client().get("/embed/demo/")
    csp = embedded.headers["Content-Security-Policy"]
    assert f"frame-ancestors {HOST}" in csp
    assert "X-Frame-Options" not in embedded.headers
    assert "Set-Cookie" not in embedded.headers
    plain = app.test_client().get("/")
    assert "frame-ancestors 'none'" in plain.headers["Content-Security-Policy"]
    assert plain.headers["X-Frame-Options"] == "DENY"
    assert app.test_client().get("/embed/nobody/").status_code == 404


def test_partner_language_colour_and_logo(app):
    client = app.test_client()
    db = app.extensions["navigator_db"]
    assert get_partner(db, "demo").default_lang == "en"
    css = client.get("/embed/demo/partner.css")
    assert css.mimetype == "text/css" and "#7a1f5c" in css.get_data(as_text=True)
    logo = client.get("/embed/demo/partner-logo")
    assert logo.mimetype == "image/png" and logo.data == PNG
    page = client.get("/embed/demo/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert "/embed/demo/partner-logo" in page and 'lang="en"' in page
    assert 'lang="be"' in client.get("/embed/demo/?lang=be").get_data(as_text=True)


def test_host_origin_only_if_the_partner_lists_it(app):
    page = app.test_client().get("/embed/demo/?origin=https://evil.example").get_data(True)
    assert 'data-host-origin=""' in page


def test_cli_add_list_show_remove(database_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("NAVIGATOR_PUBLIC_URL", "https://navigator.example")
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    runner = CliRunner()
    added = runner.invoke(
        cli,
        [
            "partners", "add", "ngo-one", "--name", "NGO One", "--origin", "https://ngo.example/",
            "--contact", "en=Write to help@ngo.example", "--contact", "ru=Пишите help@ngo.example",
            "--lang", "ru", "--logo", str(logo), "--api-key",
        ],
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert (
        '<script src="https://navigator.example/static/embed.js" data-partner="ngo-one" '
        'data-lang="ru" async></script>'
    ) in added.output
    key = re.search(r"(nav_[A-Za-z0-9_-]{40,})", added.output).group(1)
    listed = runner.invoke(cli, ["partners", "list"])
    assert "ngo-one\tNGO One\thttps://ngo.example\tAPI key" in listed.output
    shown = runner.invoke(cli, ["partners", "show", "ngo-one"])
    assert "contact [ru]: Пишите help@ngo.example" in shown.output and key not in shown.output
    again = runner.invoke(cli, ["partners", "add", "ngo-one", "--name", "NGO One"])
    assert again.exit_code == 1 and "exists already" in again.output
    bad = runner.invoke(
        cli, ["partners", "add", "x", "--name", "X", "--origin", "javascript:alert(1)",
              "--accent", "#ffff00"],
    )  # fmt: skip
    assert bad.exit_code == 1
    assert "is not an origin" in bad.output and "too light" in bad.output
    assert runner.invoke(cli, ["partners", "remove", "ngo-one"]).exit_code == 0
    assert runner.invoke(cli, ["partners", "show", "ngo-one"]).exit_code == 1
    assert get_partner(Database(database_url), "ngo-one") is None


def test_api_keys_have_their_own_limit_and_put_the_partner_in_the_pdf(app):
    key = add_partner(
        app.extensions["navigator_db"],
        PartnerSpec(slug="keyed", name="Keyed Aid", contact={"en": "Ring 123"},
                    api_rate_limit="7 per minute"),
        with_api_key=True,
    )  # fmt: skip
    client = app.test_client()
    anonymous = [client.get("/api/v1/facts").status_code for _ in range(6)]
    assert anonymous == [200] * 5 + [429]
    keyed = [client.get("/api/v1/facts", headers={"X-API-Key": key}) for _ in range(8)]
    assert [r.status_code for r in keyed] == [200] * 7 + [429]
    assert keyed[0].headers["X-RateLimit-Limit"] == "7"
    wrong = client.get("/api/v1/pathways", headers={"X-API-Key": "nav_wrong"})
    assert wrong.status_code == 401 and "not valid" in wrong.get_json()["errors"][0]["message"]
    pdf = app.test_client().post(
        "/api/v1/assessments.pdf", json={"facts": {"country": "PL"}}, headers={"X-API-Key": key}
    )
    assert "Free help from Keyed Aid" in pdf_text(pdf.data) and "Ring 123" in pdf_text(pdf.data)


def test_cors_only_for_partner_origins(app):
    client = app.test_client()
    allowed = client.get("/api/v1/facts", headers={"Origin": HOST})
    assert allowed.headers["Access-Control-Allow-Origin"] == HOST
    assert "Origin" in allowed.headers["Vary"]
    preflight = client.options(
        "/api/v1/assessments",
        headers={"Origin": HOST, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type, x-api-key"},
    )  # fmt: skip
    assert preflight.status_code == 200
    assert "X-API-Key" in preflight.headers["Access-Control-Allow-Headers"]
    other = client.get("/api/v1/facts", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def _validator(doc: dict, name: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": f"#/components/schemas/{name}", **doc})


def test_openapi_document_validates_and_matches_real_responses(app, real_rules):
    client = app.test_client()
    doc = client.get("/api/v1/openapi.json").get_json()
    validate(doc)  # OpenAPI 3.1, by openapi-spec-validator
    assert doc["openapi"].startswith("3.1")
    assert set(doc["paths"]) == {
        "/assessments", "/assessments.pdf", "/facts", "/pathways", "/openapi.json"
    }  # fmt: skip
    api_rules = {r.rule.removeprefix("/api/v1") for r in app.url_map.iter_rules()
                 if r.rule.startswith("/api/v1")}  # fmt: skip
    assert api_rules == set(doc["paths"])  # every endpoint is described

    answers = {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in POLAND_WORK_PERMIT.items()
    }
    for body in ({"facts": {}}, {"facts": answers, "as_of": "2026-03-01"}):
        assessed = client.post("/api/v1/assessments", json=body).get_json()
        errors = list(_validator(doc, "Assessment").iter_errors(assessed))
        assert errors == [], errors[:3]
    bad = client.post("/api/v1/assessments", json={"facts": {"country": "XX"}}).get_json()
    assert list(_validator(doc, "Errors").iter_errors(bad)) == []

    facts_schema = doc["paths"]["/facts"]["get"]["responses"]["200"]["content"]
    pathways_schema = doc["paths"]["/pathways"]["get"]["responses"]["200"]["content"]
    for path, schema in (("/facts", facts_schema), ("/pathways", pathways_schema)):
        validator = Draft202012Validator({**schema["application/json"]["schema"], **doc})
        assert list(validator.iter_errors(client.get(f"/api/v1{path}").get_json())) == []
    # and the validators do reject what does not match
    assert list(_validator(doc, "Assessment").iter_errors({"as_of": 5}))


def test_pathways_lists_every_pathway_with_sources(app, real_rules):
    body = app.test_client().get("/api/v1/pathways?lang=pl").get_json()
    assert [p["id"] for p in body["pathways"]] == [p.id for _, p in real_rules.pathways]
    for pathway in body["pathways"]:
        assert pathway["sources"] and all(s["checked"] for s in pathway["sources"])
        assert pathway["legal_basis"]
    assert body["ruleset"]["version"] == real_rules.version
