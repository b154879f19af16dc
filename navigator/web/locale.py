"""Which language a page is in: the person's choice (``?lang=``, remembered in the
session), else the browser's Accept-Language, else English. The API takes ``lang``
in the query or the JSON body and never touches the session."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import g, request, session
from werkzeug.exceptions import HTTPException

# Each language named in itself, in the order of the switcher.
LANGUAGES = {
    "be": "Беларуская",
    "ru": "Русский",
    "en": "English",
    "pl": "Polski",
    "lt": "Lietuvių",
    "uk": "Українська",
}
DEFAULT = "en"


def _api_lang() -> str | None:
    lang = request.args.get("lang")
    if lang is None and request.is_json:
        try:
            body = request.get_json(silent=True)
        except HTTPException:  # too large: the API answers that itself
            body = None
        if isinstance(body, dict) and isinstance(body.get("lang"), str):
            lang = body["lang"]
    return lang if lang in LANGUAGES else None


def select_locale() -> str:
    if request.path.startswith("/api/"):
        return _api_lang() or request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT
    chosen = request.args.get("lang")
    if chosen in LANGUAGES:
        return chosen
    remembered = session.get("lang")
    if remembered in LANGUAGES:
        return remembered
    partner = g.get("partner")  # embedded: the partner's language before the browser's
    if partner is not None:
        return partner.default_lang
    return request.accept_languages.best_match(list(LANGUAGES)) or DEFAULT


def remember_choice() -> None:
    """Before each page: a ``?lang=`` choice is kept for the rest of the session."""
    if request.path.startswith("/api/"):
        return
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and session.get("lang") != chosen:
        session["lang"] = chosen


def switcher_links() -> list[tuple[str, str, str]]:
    """(code, name, url) for each language: the same page, other query values kept."""
    args = {k: v for k, v in request.args.items() if k != "lang"}
    return [
        (code, name, f"{request.script_root}{request.path}?{urlencode({**args, 'lang': code})}")
        for code, name in LANGUAGES.items()
    ]
