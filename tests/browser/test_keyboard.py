"""A keyboard-only journey (Tab, Space, arrow keys, Enter) with visible focus at every step."""

from __future__ import annotations

from person import Person

FOCUS_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
                  || style.boxShadow !== 'none';
  const text = (el.innerText || el.value || '').trim().slice(0, 40);
  return {tag: el.tagName, name: el.name || '', type: el.type || '', text, visible};
}"""

# The refugee journey, answered with the keyboard: the choice's position among the options.
CHOICES = {
    "country": 1,  # Poland
    "citizenship": 0,  # Belarusian
    "passport_status": 1,  # expired
    "residence_status": 7,  # refugee
    "polish_ancestry": 1,  # no
    "karta_polaka": 1,  # no
    "wants_to_travel": 0,  # yes
}
NUMBERS = {"legal_residence_years": "3", "passport_expiry": None}


def press_enter_and_wait(person: Person) -> None:
    with person.page.expect_navigation():
        person.page.keyboard.press("Enter")


def tab_to(person: Person, matches, limit: int = 40) -> dict:
    """Press Tab until the focused element matches; every stop must show its focus."""
    for _ in range(limit):
        person.page.keyboard.press("Tab")
        focused = person.page.evaluate(FOCUS_JS)
        assert focused is None or focused["visible"], f"focus is not visible on {focused}"
        if focused and matches(focused):
            return focused
    raise AssertionError("never reached the control with Tab")


def test_keyboard_only_journey(js_person: Person):
    person = js_person
    page = person.page
    person.goto("/")
    tab_to(person, lambda f: f["tag"] == "A" and f["text"] == "Start")
    press_enter_and_wait(person)
    asked = []
    while person.fact:
        fact = person.fact
        asked.append(fact)
        if fact in CHOICES:
            tab_to(person, lambda f: f["name"] == "answer")
            page.keyboard.press("Space")
            for _ in range(CHOICES[fact]):
                page.keyboard.press("ArrowDown")
        elif fact == "legal_residence_years":
            tab_to(person, lambda f: f["name"] == "value")
            page.keyboard.type("3")
        else:  # a date: tick "I don't know" with the keyboard
            tab_to(person, lambda f: f["name"] == "dont_know")
            page.keyboard.press("Space")
        tab_to(person, lambda f: f["tag"] == "BUTTON")
        press_enter_and_wait(person)
    assert person.heading() == "Check your answers", asked
    tab_to(person, lambda f: f["text"] == "See your options")
    press_enter_and_wait(person)
    assert person.group("You can apply") == [
        "Travel document for refugees (Geneva Convention travel document)"
    ]
    # The disclosure of each "not for you" route opens with the keyboard too.
    summary = tab_to(person, lambda f: f["tag"] == "SUMMARY")
    assert summary["visible"]
    page.keyboard.press("Enter")
    assert page.locator("details[open]").count() == 1
