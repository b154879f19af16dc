"""HTTP hardening on every route, the quick exit and the rate limits."""

from __future__ import annotations

from helpers import walk_wizard
from situations import POLAND_WORK_PERMIT

from navigator.web import create_app

SAMPLE_ARGS = {"fact_id": "country", "filename": "style.css"}


def every_route(app) -> list[tuple[str, str]]:
    """(method, path) for every route the app has, read from its URL map, so a route
    added later is checked without anyone remembering to list it."""
    routes = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            path = rule.rule
            for name in rule.arguments:
                path = path.replace(f"<{name}>", SAMPLE_ARGS[name])
                path = path.replace(f"<path:{name}>", SAMPLE_ARGS[name])
            for method in sorted((rule.methods or set()) & {"GET", "POST"}):
                routes.append((method, path))
    return routes


def check_headers(response, path: str) -> None:
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'none'" in csp
    assert "http" not in csp and "unsafe-inline" not in csp  # no other hosts, no inline code
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response.headers  # only behind HTTPS
    assert "Server" not in response.headers or "/" not in response.headers["Server"]
    if not path.startswith("/static/"):
        assert response.headers["Cache-Control"] == "no-store"


def test_security_headers_on_every_route(client, app):
    walk_wizard(client, POLAND_WORK_PERMIT)
    routes = every_route(app)
    paths = {path for _, path in routes}
    assert {"/", "/save", "/resume", "/saved/delete", "/exit", "/api/v1/facts"} <= paths
    for method, path in routes + [("GET", "/question/nope"), ("GET", "/no/such/page")]:
        response = client.open(path, method=method)
        assert response.status_code < 500, (method, path)
        check_headers(response, path)
    assert len(routes) >= 19


def test_hsts_and_secure_cookie_behind_https():
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "SESSION_COOKIE_SECURE": True,
        }
    )
    client = app.test_client()
    response = client.post(
        "/question/country", data={"answer": "PL"}, base_url="https://navigator.example"
    )
    assert "max-age=" in response.headers["Strict-Transport-Security"]
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_is_httponly_and_samesite(client):
    cookie = client.post("/question/country", data={"answer": "PL"}).headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Expires" not in cookie  # a browser-session cookie: gone when the browser closes


def test_quick_exit_forgets_everything(client):
    walk_wizard(client, POLAND_WORK_PERMIT)
    response = client.get("/exit")
    assert response.status_code == 303
    assert response.headers["Location"] == "https://www.wikipedia.org/"
    assert "cookies" in response.headers["Clear-Site-Data"]
    assert client.get("/check").headers["Location"].endswith("/next")  # no answers left


def test_quick_exit_on_every_page(client):
    for path in ("/", "/question/country", "/question/nope"):
        assert 'class="quick-exit" href="/exit"' in client.get(path).get_data(as_text=True)


def test_pdf_rate_limit():
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "t",
            "WTF_CSRF_ENABLED": False,
            "PDF_RATE_LIMIT": "2 per minute",
        }
    )
    client = app.test_client()
    walk_wizard(client, POLAND_WORK_PERMIT)
    statuses = [client.get("/results/guidance.pdf").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    page = client.get("/results/guidance.pdf")
    assert "please wait a minute" in page.get_data(as_text=True)


def test_api_rate_limit():
    app = create_app({"TESTING": True, "SECRET_KEY": "t", "API_RATE_LIMIT": "3 per minute"})
    client = app.test_client()
    responses = [client.post("/api/v1/assessments", json={"facts": {}}) for _ in range(4)]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    assert "wait a minute" in responses[-1].get_json()["errors"][0]["message"]
    assert responses[0].headers["X-RateLimit-Limit"] == "3"


def test_request_lines_in_logs_have_no_address_or_query(app, caplog):
    import logging

    line = (
        '203.0.113.7 - - [25/Nov/2026 18:53:39] "GET /results?as_of=2027-03-01&lang=be HTTP/1.1"'
        " 200 -"
    )
    with caplog.at_level(logging.INFO, logger="werkzeug"):
        logging.getLogger("werkzeug").info("%s", line)
    logged = caplog.records[-1].getMessage()
    assert "203.0.113.7" not in logged and "as_of" not in logged and "lang=be" not in logged
    assert '"GET /results?… HTTP/1.1" 200' in logged


def test_dev_server_log_of_a_real_request_is_redacted(tmp_path):
    """Serve one request with Flask's own development server and read its log line."""
    import subprocess
    import sys
    import time
    import urllib.request

    code = (
        "from navigator.web import create_app; "
        "create_app({'SECRET_KEY': 'x'}).run(host='127.0.0.1', port=5987)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen("http://127.0.0.1:5987/?lang=ru", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
    finally:
        proc.terminate()
        log = proc.communicate(timeout=10)[1]
    request_lines = [line for line in log.splitlines() if "GET /" in line]
    assert request_lines, log
    assert all("127.0.0.1 - -" not in line and "lang=ru" not in line for line in request_lines)


def test_forms_work_behind_https_without_a_referer(tmp_path):
    """Referrer-Policy: no-referrer means browsers send no Referer; Flask-WTF's strict
    HTTPS check would then refuse every form. The CSRF token alone must be enough."""
    import re

    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "t",
            "SESSION_COOKIE_SECURE": True,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'n.db'}",
        }
    )
    client = app.test_client()
    base = "https://navigator.example"
    page = client.get("/question/country", base_url=base).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/question/country", data={"answer": "PL", "csrf_token": token}, base_url=base
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/question/citizenship")
    forged = client.post("/question/country", data={"answer": "PL"}, base_url=base)
    assert forged.status_code == 400
