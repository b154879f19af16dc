"""A person using the navigator in a real browser: the reusable journey helpers.

Later issues (languages, saving, embedding) add their journeys with these same
steps, so keep them about what a person does and sees, not about markup details.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium phones home at start-up.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Belt and braces: Chromium resolves no host name but the app's own address.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@contextlib.contextmanager
def launch(args: list[str] | None = None):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args or CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Person:
    def __init__(
        self, browser: Browser, base: str, downloads: Path, *, js: bool, width: int, height: int
    ):
        self.base = base
        self.js = js
        self.downloads = downloads
        self.context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=js,
            accept_downloads=True,
            locale="en-GB",
        )
        self.requests: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page: Page = self.context.new_page()
        self.page.set_default_timeout(15_000)  # fail fast rather than hang

    # --- what a person does ---------------------------------------------------------

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)

    def start(self, lang: str | None = None) -> None:
        """Open the start page (in ``lang`` if given, as from the switcher) and press Start."""
        self.goto(f"/?lang={lang}" if lang else "/")
        self.page.locator("main a.button").click()

    @property
    def fact(self) -> str | None:
        """The question on screen (its fact id), or None when not on a question."""
        path = urlparse(self.page.url).path
        return path.split("/question/", 1)[1] if "/question/" in path else None

    def answer(self, value: Any) -> None:
        """Answer the question on screen as a person would, then press Continue."""
        page = self.page
        if value == "unknown":
            if page.locator("#field-dont_know").count():
                page.check("#field-dont_know")
            else:
                page.check("input[name=answer][value=unknown]")
        elif isinstance(value, dt.date):
            page.fill("#field-day", str(value.day))
            page.fill("#field-month", str(value.month))
            page.fill("#field-year", str(value.year))
        elif isinstance(value, tuple):  # raw day, month, year as typed
            for field, typed in zip(("day", "month", "year"), value, strict=True):
                page.fill(f"#field-{field}", typed)
        elif isinstance(value, bool):
            page.check(f"input[name=answer][value={'yes' if value else 'no'}]")
        elif isinstance(value, int | float):
            page.fill("#field-value", str(value))
        else:
            page.check(f"input[name=answer][value='{value}']")
        self.continue_()

    def continue_(self) -> None:
        self.page.locator("main form button[type=submit]").click()

    def answer_all(self, answers: dict[str, Any], limit: int = 30) -> list[str]:
        """Answer every question the wizard asks; return the fact ids asked, in order."""
        asked = []
        for _ in range(limit):
            fact = self.fact
            if fact is None:
                return asked
            assert fact in answers, f"the wizard asked {fact!r}, which this journey does not answer"
            asked.append(fact)
            self.answer(answers[fact])
        raise AssertionError(f"the questions never ended: {asked}")

    def see_options(self) -> None:
        self.page.locator("main a.button[href$='/results']").click()

    def change(self, summary: str, value: Any) -> None:
        """On check-your-answers, press "Change" beside ``summary`` and answer again."""
        row = self.page.locator(".summary-list .row", has_text=summary)
        row.locator(".action a").click()
        self.answer(value)

    def _download(self, control) -> Path:
        with self.page.expect_download() as info:
            control.click()
        target = self.downloads / info.value.suggested_filename
        info.value.save_as(target)
        return target

    def download_pdf(self, include_sensitive: bool = False) -> Path:
        """On the results page: tick (or not) the sensitive-answers box, download the PDF."""
        if include_sensitive:
            self.page.check("#include_sensitive")
        return self._download(self.page.locator("form[action$='guidance.pdf'] button"))

    def download_calendar(self) -> Path:
        return self._download(self.page.locator("a[href*='deadlines.ics']"))

    def guidance_text(self) -> str:
        """From check-your-answers or the results page, download the PDF and read it."""
        from helpers import pdf_text

        if self.page.locator("main a.button[href$='/results']").count():
            self.see_options()
        return pdf_text(self.download_pdf().read_bytes())

    # --- what a person sees ---------------------------------------------------------

    def heading(self) -> str:
        return self.page.locator("h1").inner_text().strip()

    GROUPS = {
        "You can apply": "eligible",
        "You may be able to": "possible",
        "Not for you now": "not",
    }

    def _group(self, title: str):
        return self.page.locator(f"section:has(#group-{self.GROUPS[title]})")

    def group(self, title: str) -> list[str]:
        """Titles of the pathways under one results heading ("You can apply", ...)."""
        return [t.strip() for t in self._group(title).locator("article h3").all_inner_texts()]

    def group_ids(self, title: str) -> list[str]:
        """The same as pathway ids, which read the same in every language."""
        return [a.get_attribute("id") for a in self._group(title).locator("article").all()]

    def deadlines(self) -> list[str]:
        section = self.page.locator("section:has(#deadlines-title)")
        return [t.strip() for t in section.locator("li").all_inner_texts()]

    def foreign_requests(self) -> set[str]:
        """Every request that went anywhere but the app's own host and port."""
        own = urlparse(self.base).netloc
        return {url for url in self.requests if urlparse(url).netloc not in ("", own)}

    def close(self) -> None:
        self.context.close()
