"""What a partner's embedded pages add: the partner itself (loaded for every
embedded request; an unknown partner is a 404), its colour as a stylesheet (the
CSP forbids inline styles), its logo served from our database, and the host
page's origin that the frame may talk to (only if the partner lists it)."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, g, request, session
from flask_babel import get_locale

from navigator.outputs.present import PartnerHelp
from navigator.storage.partners import PartnerView, get_partner, partner_logo

from .embed import is_embedded, partner_slug

bp = Blueprint("partner_pages", __name__)
HOST_ORIGIN = "host_origin"


def current_partner() -> PartnerView | None:
    return g.get("partner")


@bp.before_app_request
def load_partner() -> None:
    if not is_embedded(request):
        return
    partner = get_partner(current_app.extensions["navigator_db"], partner_slug(request))
    if partner is None:
        abort(404)
    g.partner = partner
    origin = request.args.get("origin")
    if origin and origin in partner.origins:
        session[HOST_ORIGIN] = origin


def host_origin() -> str | None:
    """The partner page the frame reports its height to (never anything else)."""
    partner = current_partner()
    origin = session.get(HOST_ORIGIN)
    return origin if partner and origin in partner.origins else None


@bp.post("/_go")
def bad_navigation():
    """Reached only when EmbedMiddleware refused a navigation (a target outside the
    partner's pages, or a forged or oversized request)."""
    abort(400)


@bp.get("/partner.css")
def partner_css() -> Response:
    partner = current_partner() or abort(404)
    css = (
        f".button, .partner-bar {{ background: {partner.accent}; }}\n"
        f".button {{ box-shadow: 0 2px 0 #0b0c0c; }}\n"
        f".button.secondary {{ background: #f3f2f1; }}\n"
        f"a, button.link, button.back-link {{ color: {partner.accent}; }}\n"
    )
    return Response(css, mimetype="text/css", headers={"Cache-Control": "no-store"})


@bp.get("/partner-logo")
def logo() -> Response:
    partner = current_partner() or abort(404)
    found = partner_logo(current_app.extensions["navigator_db"], partner.slug)
    if found is None:
        abort(404)
    data, mimetype = found
    return Response(data, mimetype=mimetype)


def partner_help(partner: PartnerView | None) -> PartnerHelp | None:
    """The partner's contact in the page's language, for the results page and the PDF."""
    if partner is None:
        return None
    lang = str(get_locale() or "en")
    return PartnerHelp(name=partner.name, contact=partner.contact_in(lang), website=partner.website)
