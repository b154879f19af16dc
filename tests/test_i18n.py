"""Every language first class: complete catalogues, compiled catalogues in step with
them, pages and the PDF with no English left where a translation exists, and the
language chosen by the person (or their browser)."""

from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations
from helpers import pdf_text, walk_wizard
from situations import LITHUANIA_HUMANITARIAN, POLAND_REFUGEE, POLAND_WORK_PERMIT

from navigator.engine import assess, parse_answers
from navigator.outputs.i18n import TRANSLATIONS_DIR, Translator
from navigator.outputs.pdf import render_pdf

ROOT = Path(__file__).resolve().parents[1]
LANGS = ["be", "ru", "pl", "lt", "uk"]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def catalogue(lang: str):
    with open(TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh, locale=lang)


@pytest.fixture(scope="module")
def source_ids(tmp_path_factory) -> set[str]:
    """The msgids extracted afresh from templates, code and rule files."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-k",
            "_l",
            "--no-location",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with open(pot, "rb") as fh:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(fh) if m.id}


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_complete_and_in_step_with_the_sources(lang, source_ids):
    cat = catalogue(lang)
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in cat if m.id}
    assert source_ids - ids == set(), "strings missing: run scripts/translations.sh"
    assert ids - source_ids == set(), "obsolete strings: run scripts/translations.sh"
    untranslated = [
        m.id
        for m in cat
        if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in cat if m.id and m.fuzzy]
    assert untranslated == [], f"{len(untranslated)} untranslated in {lang}: {untranslated[:3]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {lang}: {fuzzy[:3]}"


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_survive_translation(lang):
    for m in catalogue(lang):
        if not m.id:
            continue
        source = m.id if isinstance(m.id, str) else m.id[0]
        for text in m.string if isinstance(m.string, tuple) else [m.string]:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)) or (
                isinstance(m.id, tuple)  # a plural form may drop the number ("one more")
            ), f"{lang}: {source!r} -> {text!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogue_matches_the_po_file(lang):
    compiled = Translations.load(str(TRANSLATIONS_DIR), [lang])
    for m in catalogue(lang):
        if m.id and isinstance(m.id, str) and m.string:
            assert compiled.gettext(m.id) == m.string, "compiled catalogue out of date"


def _translated(lang: str) -> set[str]:
    """English sources long enough to spot, whose translation differs from them."""
    return {
        m.id
        for m in catalogue(lang)
        if isinstance(m.id, str)
        and m.string
        and m.string != m.id
        and len(m.id) >= 14
        and not m.id.startswith(("http", "+"))
    }


def _visible_text(page: str) -> str:
    page = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def _assert_no_english(text: str, lang: str, where: str) -> None:
    left = sorted(s for s in _translated(lang) if " ".join(s.split()) in text)
    assert left == [], f"{where} in {lang} still shows English: {left[:5]}"
    # Dates end in an abbreviation in be, ru, uk and lt ("г.", "р.", "d."): never "г..".
    assert not re.search(r"\d\s?(г|р|d)\.\.", text), f"{where} in {lang}: a doubled full stop"


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_type_in_every_language_shows_no_english(app, lang):
    client = app.test_client()
    pages = {"start": client.get(f"/?lang={lang}")}
    pages["question"] = client.get("/question/country")
    pages["question-error"] = client.post("/question/country", data={})
    pages["date-error"] = client.post(
        "/question/passport_expiry", data={"day": "31", "month": "2", "year": "2027"}
    )
    pages["number-error"] = client.post("/question/legal_residence_years", data={"value": "x"})
    pages["not-found"] = client.get("/question/nope")
    for name, answers in [
        ("a", POLAND_WORK_PERMIT),
        ("b", LITHUANIA_HUMANITARIAN),
        ("c", POLAND_REFUGEE),
    ]:
        client.post("/restart")
        walk_wizard(client, answers)
        pages[f"check-{name}"] = client.get("/check")
        pages[f"results-{name}"] = client.get("/results")
    for fact in app.extensions["navigator_rules"].facts:
        pages[f"question-{fact.id}"] = client.get(f"/question/{fact.id}")
    pages["save"] = client.get("/save")
    pages["phrase"] = client.post("/save")
    pages["check-saved"] = client.get("/check?restored=1")
    pages["deleted"] = client.post("/saved/delete")
    pages["nothing-to-delete"] = client.post("/saved/delete")
    pages["resume"] = client.get("/resume")
    for n, typed in enumerate(["", "one two", "apple " * 6 + "zzzqx", "apple " * 7]):
        pages[f"resume-error-{n}"] = client.post("/resume", data={"phrase": typed})
    for name, response in pages.items():
        body = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in body, name
        _assert_no_english(_visible_text(body), lang, name)


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_in_every_language(real_rules, lang):
    answers = parse_answers(
        real_rules.fact_by_id,
        {
            k: (v.isoformat() if isinstance(v, dt.date) else v)
            for k, v in LITHUANIA_HUMANITARIAN.items()
        },
    )
    text = pdf_text(
        render_pdf(assess(real_rules, answers), Translator.for_locale(lang), include_sensitive=True)
    )
    _assert_no_english(" ".join(text.split()), lang, "PDF")


def test_language_follows_the_browser_then_the_persons_choice(client):
    page = client.get("/", headers={"Accept-Language": "be-BY,be;q=0.9,ru;q=0.8"})
    assert '<html lang="be">' in page.get_data(as_text=True)
    page = client.get("/", headers={"Accept-Language": "de-DE,fr;q=0.8"})
    assert '<html lang="en">' in page.get_data(as_text=True)
    # A choice from the switcher wins over the browser and is kept for the session.
    client.get("/?lang=uk", headers={"Accept-Language": "pl"})
    page = client.get("/question/country", headers={"Accept-Language": "pl"})
    assert '<html lang="uk">' in page.get_data(as_text=True)


def test_switcher_names_each_language_in_itself(client):
    body = client.get("/?lang=ru").get_data(as_text=True)
    for name in ("Беларуская", "Русский", "English", "Polski", "Lietuvių", "Українська"):
        assert name in body
    assert 'href="/?lang=be" lang="be" hreflang="be"' in body
    assert 'aria-current="true">Русский' in body


def test_api_speaks_the_requested_language(client):
    body = client.post("/api/v1/assessments", json={"facts": {}, "lang": "pl"}).get_json()
    assert body["next_question"]["question"] != "Which country do you live in now?"
    facts = client.get("/api/v1/facts?lang=lt").get_json()["facts"]
    assert facts[0]["question"] != "Which country do you live in now?"
    bad = client.post("/api/v1/assessments", json={"facts": {}, "lang": "de"})
    assert bad.status_code == 400 and bad.get_json()["errors"][0]["fact"] == "lang"


def test_dates_and_money_follow_the_locale():
    day = dt.date(2026, 6, 30)
    assert Translator.for_locale("pl").date(day) == "30 czerwca 2026"
    assert Translator.for_locale("en").date(day) == "June 30, 2026"
    assert "zł" in Translator.for_locale("pl").money(350, "PLN")
    assert "€" in Translator.for_locale("lt").money(65, "EUR")
