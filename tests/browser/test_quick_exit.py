"""The quick exit in a real browser: a plain link without JavaScript, the Escape key with it."""

from __future__ import annotations

import re

import pytest
from person import Person

NEUTRAL = "https://neutral.invalid/"  # the browser tests' stand-in for the neutral site


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_quick_exit_leaves_and_forgets(browser, server, tmp_path, js):
    person = Person(browser, server, tmp_path, js=js, width=360, height=740)
    # The neutral site is answered inside the browser, so no request leaves this machine.
    person.context.route(
        re.compile(r"https://neutral\.invalid/.*"),
        lambda route: route.fulfill(body="<title>Neutral</title>", content_type="text/html"),
    )
    person.start()
    person.answer("PL")
    person.answer("BY")
    with person.page.expect_request(re.compile(r"https://neutral\.invalid/.*")):
        if js:
            person.page.wait_for_load_state("load")  # the enhancement script has run
            person.page.keyboard.press("Escape")
        else:
            person.page.locator("a.quick-exit").click()
    # Whatever the history holds, the navigator no longer knows the answers
    # (checked in a new tab of the same browser, with the same cookies).
    tab = person.context.new_page()
    tab.goto(person.base + "/check")
    assert tab.url.endswith("/question/country")
    person.close()
