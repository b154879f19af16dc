"""Every page type on a 360 px phone and on a desktop: layout, text size, touch targets,
accessibility (axe-core, WCAG 2.1 A and AA), headings and labels; screenshots saved
under test-artefacts/screenshots for a person to look at."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from person import Person
from tour import PAGE_TYPES, tour

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Controls a finger must hit. Links inside running text are exempt (WCAG 2.5.8 "inline").
CONTROLS = (
    "button, input:not([type=hidden]), select, textarea, summary, "
    "a.button, a.back-link, a.site-name, a.quick-exit, .languages a, .summary-list .action a"
)

SMALL_TEXT_JS = """() => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    if (el.closest('.visually-hidden, .skip-link')) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    const text = node.textContent.trim().slice(0, 30);
    if (size < 16) small.push(`${el.tagName}.${el.className}: ${size}px "${text}"`);
  }
  return small;
}"""

SMALL_CONTROLS_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.getBoundingClientRect().width > 0)
  .filter(el => el.getBoundingClientRect().height < 44)
  .map(el => `${el.tagName}#${el.id}.${el.className}: ${el.getBoundingClientRect().height}px`)"""

HEADINGS_JS = """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
  .filter(h => h.getBoundingClientRect().height > 0 || h.closest('details'))
  .map(h => Number(h.tagName[1]))"""

UNLABELLED_JS = """() => [...document.querySelectorAll('input:not([type=hidden]), textarea')]
  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                && !el.getAttribute('aria-labelledby'))
  .map(el => el.id || el.name)"""


def _check_phone(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{name}: the page scrolls sideways ({width}px wide)"
    small_text = page.evaluate(SMALL_TEXT_JS)
    assert small_text == [], f"{name}: text under 16px: {small_text[:5]}"
    small_controls = page.evaluate(SMALL_CONTROLS_JS, CONTROLS)
    assert small_controls == [], f"{name}: controls under 44px high: {small_controls[:5]}"


def _check_structure(page, name: str) -> None:
    assert page.get_attribute("html", "lang") == "en", f"{name}: <html lang> missing"
    levels = page.evaluate(HEADINGS_JS)
    assert levels.count(1) == 1, f"{name}: needs exactly one h1, has {levels}"
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"{name}: heading level jumps from h{before} to h{after}"
    assert page.evaluate(UNLABELLED_JS) == [], f"{name}: an input has no label"
    if "error" in name:
        alert = page.get_by_role("alert")
        assert alert.count() >= 1, f"{name}: the error is not announced (role=alert)"
        link = page.locator(".error-summary a")
        if link.count():
            target = link.first.get_attribute("href")
            assert page.locator(target).count() == 1, f"{name}: error link {target} has no target"


def test_every_page_type_on_a_phone(phone_person: Person, artefacts):
    seen = []
    for name in tour(phone_person):
        page = phone_person.page
        page.screenshot(path=str(artefacts / f"phone-{name}.png"), full_page=True)
        _check_phone(page, name)
        seen.append(name)
    assert seen == PAGE_TYPES


def test_every_page_type_on_a_desktop(desktop_person: Person, artefacts):
    seen = []
    for name in tour(desktop_person):
        desktop_person.page.screenshot(path=str(artefacts / f"desktop-{name}.png"), full_page=True)
        seen.append(name)
    assert seen == PAGE_TYPES


def test_every_page_type_is_accessible(js_person: Person):
    """axe-core finds no WCAG 2.1 A or AA violation, and the structure holds, on every
    page type. axe is itself JavaScript, so it runs with JavaScript on; the pages carry
    no script of their own, so the markup audited is the markup a no-JS browser gets
    (the journeys and the phone checks run with JavaScript off)."""
    person = js_person
    axe = Axe()
    audited = []
    for name in tour(person):
        _check_structure(person.page, name)
        result = axe.run(person.page, options={"runOnly": {"type": "tag", "values": WCAG}})
        violations = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in result.response["violations"]
        ]
        assert violations == [], f"{name}: {violations}"
        audited.append(name)
    assert audited == PAGE_TYPES
