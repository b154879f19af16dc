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


def _frame_ancestors() -> str | None:
    """In embedded mode, only the partner's own sites may frame the page."""
    from .embed import is_embedded
    from .partner_pages import current_partner

    if not is_embedded(request):
        return None
    partner = current_partner()
    return " ".join(partner.origins) if partner and partner.origins else "'none'"


def _harden(response: Response) -> Response:
    ancestors = _frame_ancestors()
    for name, value in HEADERS.items():
        if ancestors is not None and name == "X-Frame-Options":
            continue  # it cannot list origins; the CSP below does
        if ancestors is not None and name == "Content-Security-Policy":
            value = value.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}")
        response.headers.setdefault(name, value)
    if request.path == "/static/embed.js":  # the one file partners' pages load
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    if request.is_secure or current_app.config.get("SESSION_COOKIE_SECURE"):
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
