"""The web adapter: an app factory, one blueprint per concern.

wizard   the questions, one per page, and check-your-answers
results  the results page, the guidance PDF and the calendar file
api      the JSON API (/api/v1)
errors   friendly error pages; never a stack trace
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from flask_babel import Babel, get_locale
from flask_babel import gettext as flask_gettext
from flask_babel import ngettext as flask_ngettext
from flask_wtf import CSRFProtect

from navigator.engine import Message, RuleSet, load_rules
from navigator.outputs.i18n import TRANSLATIONS_DIR, Translator
from navigator.outputs.present import CONFIDENCE_LABELS, display_answer

from .locale import LANGUAGES, remember_choice, select_locale, switcher_links
from .logs import configure_logging
from .security import init_security

ROOT = Path(__file__).resolve().parents[2]
csrf = CSRFProtect()
babel = Babel()


def _secret_key(app: Flask) -> str:
    """``NAVIGATOR_SECRET_KEY`` if set; else a random key kept in the instance folder,
    so sessions survive restarts and are shared by all workers with no configuration."""
    if key := os.environ.get("NAVIGATOR_SECRET_KEY"):
        return key
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def rules() -> RuleSet:
    """The rule set loaded once at start-up."""
    return current_app.extensions["navigator_rules"]


def translator() -> Translator:
    return Translator(
        locale=str(get_locale() or "en"), gettext=flask_gettext, ngettext=flask_ngettext
    )


def create_app(config: dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder="static",
        instance_path=str(ROOT / "instance"),
    )
    app.config.update(
        MAX_CONTENT_LENGTH=64 * 1024,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_HTTPONLY=True,
        BABEL_DEFAULT_LOCALE="en",
        BABEL_TRANSLATION_DIRECTORIES=str(TRANSLATIONS_DIR),
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session
    )
    https = os.environ.get("NAVIGATOR_HTTPS") == "1"  # set when served behind HTTPS
    app.config.update(
        SESSION_COOKIE_SECURE=https,
        QUICK_EXIT_URL=os.environ.get("NAVIGATOR_QUICK_EXIT_URL", "https://www.wikipedia.org/"),
        API_RATE_LIMIT=os.environ.get("NAVIGATOR_API_RATE_LIMIT", "60 per minute"),
        PDF_RATE_LIMIT=os.environ.get("NAVIGATOR_PDF_RATE_LIMIT", "30 per minute"),
    )
    app.config.update(config or {})
    app.json.sort_keys = False  # keep the documented field order in API responses
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(app)

    # A broken rule file stops the app here, before any person sees a wrong answer.
    app.extensions["navigator_rules"] = load_rules(app.config.get("RULES_DIR"))

    babel.init_app(app, locale_selector=select_locale)
    app.before_request(remember_choice)
    csrf.init_app(app)

    from . import api, errors, results, wizard

    app.register_blueprint(wizard.bp)
    app.register_blueprint(results.bp)
    app.register_blueprint(api.bp)
    csrf.exempt(api.bp)
    errors.register(app)
    init_security(app)
    configure_logging()

    @app.context_processor
    def _template_helpers() -> dict[str, Any]:
        tr = translator()
        return {
            "tr": tr,
            "lang": tr.locale,
            "ruleset": rules(),
            "facts": rules().fact_by_id,
            "confidence_labels": CONFIDENCE_LABELS,
            "languages": switcher_links,
            "language_names": LANGUAGES,
            "display": lambda fact, value: display_answer(fact, value, tr),
        }

    @app.template_filter("msg")
    def _render_message(message: Message) -> str:
        return translator().message(message)

    return app
