"""HTTP hardening: security headers on every response, rate limits, the quick exit.

The people using this may be watched, so pages load nothing from other hosts
(the Content-Security-Policy says so to the browser), are never cached (a seized
phone's cache or back button shows nothing), and can be left in one click.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, redirect, request, session
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

# Counters live in memory by default (no IP address is written anywhere); set
# RATELIMIT_STORAGE_URI (e.g. redis://...) when several servers share the load.
limiter = Limiter(key_func=get_remote_address, default_limits=[], headers_enabled=True)

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

bp = Blueprint("security", __name__)


@bp.get("/exit")
def quick_exit() -> Response:
    """Forget everything and show a neutral site. Works as a plain link."""
    session.clear()
    response = redirect(current_app.config["QUICK_EXIT_URL"], code=303)
    response.headers["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    return response


def _harden(response: Response) -> Response:
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def init_security(app: Flask) -> None:
    app.config.setdefault("QUICK_EXIT_URL", "https://www.wikipedia.org/")
    app.config.setdefault("RATELIMIT_STORAGE_URI", "memory://")
    limiter.init_app(app)
    app.register_blueprint(bp)
    app.after_request(_harden)
