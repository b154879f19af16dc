"""Who may call the API from where: optional partner API keys with their own rate
limits, and CORS for partner origins only.

CORS is written here rather than with flask-cors because the allowed origins are
data (each partner's list, changed by ``navigator partners`` while the app runs),
and the rule is three lines: echo the Origin back only when a partner lists it.
"""

from __future__ import annotations

from flask import Response, current_app, g, jsonify, request
from flask_babel import gettext
from flask_limiter.util import get_remote_address

from navigator.storage.partners import PartnerView, all_origins, partner_for_key

KEY_HEADER = "X-API-Key"


def _db():
    return current_app.extensions["navigator_db"]


def api_partner() -> PartnerView | None:
    """The partner whose key came with this request (None without a key or a bad one)."""
    if "api_partner" not in g:
        key = request.headers.get(KEY_HEADER, "")
        g.api_partner = partner_for_key(_db(), key) if 0 < len(key) <= 200 else None
    return g.api_partner


def rate_limit_key() -> str:
    """A partner's key has its own budget; everyone else is counted by address."""
    partner = api_partner()
    return f"partner:{partner.slug}" if partner else get_remote_address()


def rate_limit() -> str:
    partner = api_partner()
    if partner:
        return partner.api_rate_limit or current_app.config["PARTNER_API_RATE_LIMIT"]
    return current_app.config["API_RATE_LIMIT"]


def refuse_bad_key() -> Response | None:
    """A key that matches no partner is an error, not an anonymous call: say so."""
    if request.method == "OPTIONS" or not request.headers.get(KEY_HEADER):
        return None
    if api_partner() is None:
        message = gettext("This API key is not valid. Leave the header out to call without one.")
        return jsonify({"errors": [{"fact": None, "message": message}]}), 401
    return None


def add_cors(response: Response) -> Response:
    origin = request.headers.get("Origin")
    response.headers.add("Vary", "Origin")
    if origin and origin.lower() in all_origins(_db()):  # asked only when a browser sent one
        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = f"Content-Type, {KEY_HEADER}"
        response.headers["Access-Control-Expose-Headers"] = (
            "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After"
        )
        response.headers["Access-Control-Max-Age"] = "600"
        # A partner's page may read the response; keep the rest of the world out.
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
