"""A tour of every page type, including the error states, for the checks that must
hold on every page (phone layout, accessibility, screenshots)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from person import Person
from situations import LITHUANIA_HUMANITARIAN

PAGE_TYPES = [
    "start",
    "question-choice",
    "question-choice-error",
    "question-date",
    "question-date-error",
    "question-number",
    "question-number-error",
    "check",
    "save",
    "phrase",
    "deleted",
    "resume",
    "resume-error",
    "results",
    "results-date-error",
    "not-found",
    "form-expired",
]

# The rest of the Lithuania humanitarian-permit situation, after the first answers.
REST = dict(LITHUANIA_HUMANITARIAN)


def tour(person: Person) -> Iterator[str]:
    """Walk to each page type in turn and yield its name while it is on screen."""
    person.goto("/")
    yield "start"
    person.start()
    yield "question-choice"
    person.continue_()  # nothing chosen
    yield "question-choice-error"
    person.answer("LT")
    person.answer("BY")
    person.answer("valid")
    yield "question-date"
    person.answer(("31", "2", "2027"))
    yield "question-date-error"
    person.answer(dt.date(2027, 1, 15))
    person.goto("/question/legal_residence_years")
    yield "question-number"
    person.answer(-4)
    yield "question-number-error"
    person.answer(3)
    person.goto("/next")
    person.answer_all(REST)
    yield "check"
    person.page.locator("main a[href$='/save']").click()
    yield "save"
    person.page.locator("form[action$='/save'] button").click()
    yield "phrase"
    person.page.locator("form[action$='/saved/delete'] button").click()
    yield "deleted"
    person.goto("/resume")
    yield "resume"
    person.page.fill("#field-phrase", "one two three")
    person.page.locator("button[value=restore]").click()
    yield "resume-error"
    person.goto("/check")
    person.see_options()
    yield "results"
    person.page.fill("#as_of", "next spring")
    person.page.locator("form:has(#as_of) button").click()
    yield "results-date-error"
    person.goto("/question/no-such-question")
    yield "not-found"
    person.goto("/question/wants_to_travel")
    # A form whose token has expired (for example after a long pause).
    person.page.locator("input[name=csrf_token]").evaluate("el => el.value = 'expired'")
    person.answer(True)
    yield "form-expired"
