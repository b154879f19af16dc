"""The web adapter: an app factory, one blueprint per concern.

wizard   the questions, one per page, and check-your-answers
results  the results page, the guidance PDF and the calendar file
api      the JSON API (/api/v1)
saving   save for later with a resume phrase, resume, delete
partner_pages  a partner's colour, logo and host origin in embedded mode (embed.py
         mounts the same app under /embed/<partner> with no cookie)
errors   friendly error pages; never a stack trace
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

from flask import Flask, current_app, request
from flask_babel import Babel, get_locale
from flask_babel import gettext as flask_gettext
from flask_babel import ngettext as flask_ngettext
from flask_wtf import CSRFProtect
from markupsafe import Markup

from navigator.engine import Message, RuleSet, load_rules
from navigator.outputs.i18n import TRANSLATIONS_DIR, Translator
from navigator.outputs.present import CONFIDENCE_LABELS, display_answer
from navigator.storage import Database
from navigator.storage.database import configured_url

from .embed import EmbedMiddleware, StateSessionInterface, is_embedded, state_field
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


def _save_days(raw: str) -> int:
    """How long saved answers are kept: 1 to 365 days (a typo must not keep them for years)."""
    days = int(raw)
    if not 1 <= days <= 365:
        raise ValueError("NAVIGATOR_SAVE_DAYS must be between 1 and 365")
    return days


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
        # Flask-WTF's "strict" HTTPS check wants a Referer header, which our
        # Referrer-Policy: no-referrer (rightly) never sends: the token suffices.
        WTF_CSRF_SSL_STRICT=False,
    )
    https = os.environ.get("NAVIGATOR_HTTPS") == "1"  # set when served behind HTTPS
    app.config.update(
        SESSION_COOKIE_SECURE=https,
        QUICK_EXIT_URL=os.environ.get("NAVIGATOR_QUICK_EXIT_URL", "https://www.wikipedia.org/"),
        API_RATE_LIMIT=os.environ.get("NAVIGATOR_API_RATE_LIMIT", "60 per minute"),
        PARTNER_API_RATE_LIMIT=os.environ.get("NAVIGATOR_PARTNER_API_RATE_LIMIT", "600 per minute"),
        PDF_RATE_LIMIT=os.environ.get("NAVIGATOR_PDF_RATE_LIMIT", "30 per minute"),
        SAVE_RATE_LIMIT=os.environ.get("NAVIGATOR_SAVE_RATE_LIMIT", "10 per hour"),
        RESUME_RATE_LIMIT=os.environ.get("NAVIGATOR_RESUME_RATE_LIMIT", "10 per hour"),
        SAVE_DAYS=_save_days(os.environ.get("NAVIGATOR_SAVE_DAYS", "30")),
        DATABASE_URL=configured_url(),
        AUTO_MIGRATE=os.environ.get("NAVIGATOR_AUTO_MIGRATE", "1") != "0",
    )
    app.config.update(config or {})
    app.json.sort_keys = False  # keep the documented field order in API responses
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(app)

    # A broken rule file stops the app here, before any person sees a wrong answer.
    app.extensions["navigator_rules"] = load_rules(app.config.get("RULES_DIR"))

    app.extensions["navigator_db"] = Database(
        app.config["DATABASE_URL"], auto_migrate=app.config["AUTO_MIGRATE"]
    )

    app.session_interface = StateSessionInterface()
    app.wsgi_app = EmbedMiddleware(app.wsgi_app, app.config["MAX_CONTENT_LENGTH"])

    babel.init_app(app, locale_selector=select_locale)
    app.before_request(remember_choice)
    csrf.init_app(app)

    from . import api, errors, partner_pages, results, saving, wizard

    app.register_blueprint(wizard.bp)
    app.register_blueprint(results.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(saving.bp)
    app.register_blueprint(partner_pages.bp)
    csrf.exempt(api.bp)
    errors.register(app)
    init_security(app)
    configure_logging()

    @app.context_processor
    def _template_helpers() -> dict[str, Any]:
        tr = translator()
        embedded = is_embedded(request)
        return {
            "tr": tr,
            "lang": tr.locale,
            "ruleset": rules(),
            "facts": rules().fact_by_id,
            "confidence_labels": CONFIDENCE_LABELS,
            "languages": switcher_links,
            "language_names": LANGUAGES,
            "display": lambda fact, value: display_answer(fact, value, tr),
            "saved_copy": saving.saved_copy,
            "embed": embedded,
            "embed_go": request.script_root + "/_go",
            "partner": partner_pages.current_partner(),
            "host_origin": partner_pages.host_origin,
            "state_field": state_field,
            # external links leave the partner's frame for a new tab
            "external": Markup(' target="_blank"') if embedded else "",
        }

    @app.template_filter("msg")
    def _render_message(message: Message) -> str:
        return translator().message(message)

    return app
