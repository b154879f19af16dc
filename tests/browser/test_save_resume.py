"""Save for later on one device, resume on another with the phrase, then delete,
with JavaScript on and off."""

from __future__ import annotations

from person import Person
from situations import POLAND_WORK_PERMIT

MAY = "You may be able to"


def other_device(browser, server, tmp_path, person: Person) -> Person:
    return Person(
        browser,
        server,
        tmp_path,
        js=person.js,
        width=360,
        height=740,
    )


def test_save_on_one_device_resume_on_another_then_delete(person, browser, server, tmp_path):
    person.start()
    person.answer_all(POLAND_WORK_PERMIT)
    person.page.locator("main a[href$='/save']").click()
    assert person.heading() == "Save your answers for later"
    person.page.locator("form[action$='/save'] button").click()
    assert person.heading() == "Your resume phrase"
    words = [w.strip() for w in person.page.locator("ol.phrase li").all_inner_texts()]
    assert len(words) == 7 and all(w.isalpha() for w in words)
    assert " ".join(words) not in person.page.url

    phone = other_device(browser, server, tmp_path, person)
    try:
        phone.goto("/")
        phone.page.locator("main a[href$='/resume']").click()
        phone.page.fill("#field-phrase", ",\n".join(w.capitalize() for w in words))
        phone.page.locator("button[value=restore]").click()
        assert phone.heading() == "Check your answers"
        assert "Your answers are restored." in phone.page.inner_text("main")
        phone.see_options()
        assert (
            "Polish travel document for a foreigner, Belarusian procedure (art. 252a)"
            in phone.group(MAY)
        )
        phone.page.locator("form[action$='/saved/delete'] button").click()
        assert phone.heading() == "Your saved answers are deleted"
        assert phone.foreign_requests() == set()
    finally:
        phone.close()

    person.goto("/resume")
    person.page.fill("#field-phrase", " ".join(words))
    person.page.locator("button[value=restore]").click()
    assert "We found no saved answers for this phrase" in person.page.inner_text("main")
    assert person.page.input_value("#field-phrase") == " ".join(words)  # nothing lost
