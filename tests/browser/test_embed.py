"""A partner's page on another site embeds the wizard with the one-tag snippet; a
person completes the journey inside the frame in a Chromium that blocks third-party
cookies. A site the partner did not list cannot frame it.

The partner's page is served by a plain HTTP server on another port under the host
name partner.test (Chromium maps it to 127.0.0.1), so the frame is cross-site, as on
the real web: 127.0.0.1 and partner.test are different sites.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import threading

import pytest
from helpers import pdf_text
from person import CHROMIUM_ARGS, launch
from situations import POLAND_WORK_PERMIT

from navigator.storage import Database
from navigator.storage.partners import PartnerSpec, add_partner, remove_partner

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCK_THIRD_PARTY_COOKIES = "--test-third-party-cookie-phaseout"
RESOLVE = "--host-resolver-rules=MAP partner.test 127.0.0.1, MAP evil.test 127.0.0.1, " + (
    "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
)


@pytest.fixture(scope="module")
def host_site(tmp_path_factory):
    """Serve a folder of host pages on a free port; yields (folder, port)."""
    folder = tmp_path_factory.mktemp("host")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield folder, httpd.server_address[1]
    httpd.shutdown()


@pytest.fixture(scope="module")
def partner(server_database, host_site):
    _, port = host_site
    db = Database(server_database)
    add_partner(
        db,
        PartnerSpec(
            slug="demo",
            name="Demo Legal Aid",
            origins=[f"http://partner.test:{port}"],
            contact={"en": "Call +48 22 000 00 00, Mon-Fri", "be": "Тэлефануйце +48 22 000 00 00"},
            default_lang="en",
            accent="#7a1f5c",
        ),
        with_api_key=False,
    )
    yield f"http://partner.test:{port}"
    remove_partner(db, "demo")


@pytest.fixture(scope="module")
def strict_browser():
    args = [a for a in CHROMIUM_ARGS if not a.startswith("--host-resolver-rules")]
    with launch([*args, RESOLVE, BLOCK_THIRD_PARTY_COOKIES]) as chromium:
        yield chromium


def host_page(folder, name: str, server: str, *, js: bool) -> str:
    """A partner's page: the one tag from the docs (or, without JavaScript, the iframe
    the docs give as the alternative)."""
    if js:
        embed = f'<script src="{server}/static/embed.js" data-partner="demo" async></script>'
    else:
        embed = (
            f'<iframe src="{server}/embed/demo/?lang=en" title="Legal-status navigator" '
            'style="width:100%;height:1600px;border:0"></iframe>'
        )
    (folder / name).write_text(
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>NGO</title></head>"
        f"<body><h1>Our legal-aid centre</h1>{embed}<p>Footer of the NGO site</p></body></html>"
    )
    return name


def answer(frame, value) -> None:
    if isinstance(value, dt.date):
        frame.locator("#field-day").fill(str(value.day))
        frame.locator("#field-month").fill(str(value.month))
        frame.locator("#field-year").fill(str(value.year))
    elif isinstance(value, bool):
        frame.locator(f"input[name=answer][value={'yes' if value else 'no'}]").check()
    elif isinstance(value, int):
        frame.locator("#field-value").fill(str(value))
    else:
        frame.locator(f"input[name=answer][value='{value}']").check()
    press(frame, frame.locator("main form button[type=submit]"))


def press(frame, control) -> None:
    """Click and wait for the frame's next page (every step is a form post in the frame)."""
    with frame.expect_navigation():
        control.click()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_person_completes_the_journey_inside_the_partner_frame(
    strict_browser, server, partner, host_site, artefacts, js
):
    folder, port = host_site
    context = strict_browser.new_context(
        java_script_enabled=js, accept_downloads=True, viewport={"width": 360, "height": 740}
    )
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        page.goto(f"{partner}/{host_page(folder, 'index.html', server, js=js)}")
        page.frame_locator("iframe").locator(".site-name").wait_for()
        frame = page.frames[1]
        assert frame.locator(".site-name").inner_text().strip() == "Demo Legal Aid"
        page.screenshot(path=artefacts / f"embed-start-{'js' if js else 'no-js'}.png")
        press(frame, frame.locator("main button[data-href$='/next']"))
        asked = []
        for _ in range(20):
            action = frame.locator("main form[action*='/question/']")
            if not action.count():
                break
            fact = re.search(r"/question/([a-z_]+)", action.get_attribute("action")).group(1)
            asked.append(fact)
            answer(frame, POLAND_WORK_PERMIT[fact])
        assert asked[0] == "country" and len(asked) >= 8
        assert frame.locator("h1").inner_text().strip() == "Check your answers"
        press(frame, frame.locator("main button[data-href$='/results']"))
        assert frame.locator("h1").inner_text().strip() == "Your options"
        main = frame.locator("main").inner_text()
        assert "Belarusian procedure (art. 252a)" in main
        assert "Free help from Demo Legal Aid" in main
        page.screenshot(path=artefacts / f"embed-results-{'js' if js else 'no-js'}.png")
        with page.expect_download() as download:
            frame.locator("form:has(input[value$='guidance.pdf']) button").click()
        text = pdf_text(download.value.path().read_bytes())
        assert "Free help from Demo Legal Aid" in text and "Call +48 22 000 00 00" in text
        if js:  # the snippet resized the frame to the page inside it
            height = page.locator("iframe").evaluate("f => f.getBoundingClientRect().height")
            assert height > 1000
        # no cookie was ever stored for the navigator, and nothing went elsewhere
        assert [c for c in context.cookies() if c["domain"] == "127.0.0.1"] == []
        hosts = {re.match(r"https?://([^/:]+)", u).group(1) for u in requests if "://" in u}
        assert hosts <= {"127.0.0.1", "partner.test"}, hosts
    finally:
        context.close()


def test_third_party_cookies_really_are_blocked_here(strict_browser, server, partner, host_site):
    """The environment check behind the journey above: a page of the app that does set
    a cookie (the ordinary, non-embedded start page) gets none stored inside the frame."""
    folder, _ = host_site
    (folder / "cookie.html").write_text(
        f"<!doctype html><title>t</title><iframe src='{server}/?lang=be'></iframe>"
    )
    context = strict_browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{partner}/cookie.html")
        page.wait_for_timeout(500)
        assert [c for c in context.cookies() if c["domain"] == "127.0.0.1"] == []
        page.goto(f"{server}/?lang=be")  # first-party, the same page does store one
        assert [c for c in context.cookies() if c["domain"] == "127.0.0.1"]
    finally:
        context.close()


def test_a_site_not_listed_cannot_frame_the_wizard(
    strict_browser, server, partner, host_site, artefacts
):
    folder, port = host_site
    name = host_page(folder, "evil.html", server, js=False)
    context = strict_browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"http://evil.test:{port}/{name}")
        page.wait_for_timeout(1000)
        child = page.frames[1]
        page.screenshot(path=artefacts / "embed-refused.png")
        assert child.url.startswith("chrome-error://"), (
            child.url
        )  # Chromium shows its error page instead
        assert "Demo Legal Aid" not in (child.content() if child.url else "")
    finally:
        context.close()


def test_embedded_pages_are_accessible_and_fit_a_phone(strict_browser, server, partner):
    """The embedded markup (buttons for links, the partner bar) passes axe-core's WCAG
    2.1 A and AA checks and the phone checks (no sideways scroll, text 16 px or more,
    touch targets 44 px) on the start, question, check and results pages. Audited with
    the embedded pages opened directly: axe cannot reach into a cross-origin frame."""
    from axe_playwright_python.sync_playwright import Axe
    from test_pages import SMALL_CONTROLS_JS, SMALL_TEXT_JS

    # As on the main site; link-buttons inside running text are exempt like inline links.
    controls = (
        "button:not(.link), input:not([type=hidden]), textarea, summary, a.quick-exit, "
        ".languages button, .summary-list .action button"
    )
    context = strict_browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(15_000)
    axe = Axe()
    audited = []

    def audit(name: str) -> None:
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        violations = [f"{v['id']}: {v['help']}" for v in result.response["violations"]]
        assert violations == [], f"{name}: {violations}"
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, name
        assert page.evaluate(SMALL_TEXT_JS) == [], name
        assert page.evaluate(SMALL_CONTROLS_JS, controls) == [], name
        audited.append(name)

    try:
        page.goto(f"{server}/embed/demo/?lang=en")
        audit("start")
        press(page, page.locator("main button[data-href$='/next']"))
        audit("question")
        for _ in range(20):
            action = page.locator("main form[action*='/question/']")
            if not action.count():
                break
            fact = re.search(r"/question/([a-z_]+)", action.get_attribute("action")).group(1)
            answer(page, POLAND_WORK_PERMIT[fact])
        audit("check")
        press(page, page.locator("main button[data-href$='/results']"))
        audit("results")
    finally:
        context.close()
    assert audited == ["start", "question", "check", "results"]
