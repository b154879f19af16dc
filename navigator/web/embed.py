"""Embedded mode: the whole journey inside a partner's iframe, with no cookie.

Browsers that block third-party cookies would lose a cookie-based session inside
an iframe, so under ``/embed/<partner>/...`` the session travels in the pages:

* ``EmbedMiddleware`` (WSGI) mounts the ordinary app under ``/embed/<partner>`` by
  moving that prefix into SCRIPT_NAME: every route, form and ``url_for`` works
  unchanged and stays inside the prefix. It also turns navigation posts (``/_go``)
  into the GET they stand for, and follows the app's own redirects internally,
  carrying the state along, so Post/Redirect/Get still works.
* ``StateSessionInterface`` reads the session from the encrypted ``_state`` form
  field instead of a cookie, and writes it back into the page it renders (in place
  of ``STATE_PLACEHOLDER``). The state is encrypted and authenticated with Fernet
  under a key derived from the app's secret key, so it is neither readable nor
  forgeable by the host page, and never appears in a URL: links become buttons
  of one small POST form (``templates/partials/embed_nav.html``).

Nothing here is specific to a partner; ``partner_chrome`` below loads the partner,
and ``security`` gives each one its own ``frame-ancestors``.
"""

from __future__ import annotations

import base64
import json
import re
from io import BytesIO
from urllib.parse import unquote_to_bytes, urlencode, urlsplit

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, Request, Response, request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from markupsafe import Markup
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.formparser import parse_form_data
from werkzeug.test import run_wsgi_app

PARTNER_KEY = "navigator.partner"
STATE_KEY = "navigator.embed_state"
STATE_HEADER = "X-Navigator-State"  # internal: never leaves the middleware
STATE_PLACEHOLDER = "__NAVIGATOR_STATE__"
STATE_TTL = 24 * 3600  # a page left open longer starts afresh
PATH = re.compile(r"^/embed/([a-z0-9][a-z0-9-]{1,39})(/.*)?$")
MAX_HOPS = 8


def is_embedded(request: Request) -> bool:
    return PARTNER_KEY in request.environ


def partner_slug(request: Request) -> str | None:
    return request.environ.get(PARTNER_KEY)


# The state ---------------------------------------------------------------------------


def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"navigator embed state")
    return Fernet(base64.urlsafe_b64encode(key.derive(secret_key.encode())))


def seal_state(secret_key: str, data: dict) -> str:
    # Not compressed first: compression would let the length hint at the content.
    raw = json.dumps(data, separators=(",", ":")).encode()
    return _fernet(secret_key).encrypt(raw).decode()


def open_state(secret_key: str, token: str | None) -> dict:
    """The session a page carried, or an empty one if it is missing, old or forged."""
    if not token:
        return {}
    try:
        raw = _fernet(secret_key).decrypt(token.encode(), ttl=STATE_TTL)
        data = json.loads(raw)
    except (InvalidToken, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


class StateSessionInterface(SecureCookieSessionInterface):
    """Cookie sessions as usual; in embedded mode, sessions carried by the pages."""

    def open_session(self, app: Flask, req: Request):
        if not is_embedded(req):
            return super().open_session(app, req)
        token = req.environ.get(STATE_KEY)
        if token is None and req.method == "POST":
            try:
                token = req.form.get("_state")
            except HTTPException:  # a body too large: answered by the view
                token = None
        return SecureCookieSession(open_state(app.secret_key, token))

    def save_session(self, app: Flask, session, response: Response) -> None:
        if not is_embedded(request):
            return super().save_session(app, session, response)
        token = seal_state(app.secret_key, dict(session))
        if 300 <= response.status_code < 400:
            response.headers[STATE_HEADER] = token
        elif response.mimetype == "text/html" and not response.direct_passthrough:
            body = response.get_data(as_text=True)
            if STATE_PLACEHOLDER in body:
                response.set_data(body.replace(STATE_PLACEHOLDER, token))


def state_field() -> Markup:
    """The hidden field every form carries in embedded mode (empty otherwise)."""
    if not is_embedded(request):
        return Markup("")
    return Markup(f'<input type="hidden" name="_state" value="{STATE_PLACEHOLDER}">')


# The middleware ----------------------------------------------------------------------


def _wsgi_path(url_path: str) -> str:
    """A URL path (percent-encoded ASCII) as WSGI wants PATH_INFO: decoded, as latin-1."""
    return unquote_to_bytes(url_path).decode("latin-1")


def _get_environ(base: dict, path: str, query: str, state: str | None) -> dict:
    environ = dict(base)
    environ.update(
        REQUEST_METHOD="GET",
        PATH_INFO=path,
        QUERY_STRING=query,
        CONTENT_LENGTH="0",
        **{"wsgi.input": BytesIO(b"")},
    )
    environ.pop("CONTENT_TYPE", None)
    environ[STATE_KEY] = state
    return environ


class EmbedMiddleware:
    def __init__(self, app, max_content_length: int):
        self.app = app
        self.max_content_length = max_content_length  # the app's own limit, for /_go

    def __call__(self, environ, start_response):
        match = PATH.match(environ.get("PATH_INFO", ""))
        if not match:
            return self.app(environ, start_response)
        slug, rest = match.group(1), match.group(2) or "/"
        prefix = f"{environ.get('SCRIPT_NAME', '')}/embed/{slug}"
        environ = {**environ, "SCRIPT_NAME": prefix, "PATH_INFO": rest, PARTNER_KEY: slug}
        if rest == "/_go" and environ.get("REQUEST_METHOD") == "POST":
            navigation = self._navigation(environ, prefix, self.max_content_length)
            if navigation is None:  # the app's /_go route explains, with the usual headers
                return self.app(environ, start_response)
            environ = navigation
        return self._follow(environ, prefix, start_response)

    @staticmethod
    def _navigation(environ: dict, prefix: str, max_length: int) -> dict | None:
        """A link pressed in embedded mode: POST /_go (to, _state, any GET-form fields)
        becomes a GET of ``to`` carrying the state. ``to`` must stay inside the prefix."""
        try:
            _, form, _ = parse_form_data(environ, max_content_length=max_length, silent=True)
        except RequestEntityTooLarge:
            return None
        to = form.get("to", "")
        if not (to.isascii() and to.isprintable()):
            return None
        target = urlsplit(to)
        if target.scheme or target.netloc or not target.path.startswith(prefix + "/"):
            return None
        if ".." in target.path or "//" in target.path:
            return None
        extra = [(k, v) for k, v in form.items(multi=True) if k not in {"to", "_state"}]
        query = "&".join(q for q in (target.query, urlencode(extra)) if q)
        path = _wsgi_path(target.path[len(prefix) :])
        return _get_environ(environ, path, query, form.get("_state"))

    def _follow(self, environ: dict, prefix: str, start_response):
        """Run the app; follow its redirects inside the prefix, carrying the new state."""
        for _ in range(MAX_HOPS):
            app_iter, status, headers = run_wsgi_app(self.app, environ, buffered=True)
            state = headers.get(STATE_HEADER)
            headers.remove(STATE_HEADER)
            location = urlsplit(headers.get("Location", ""))
            internal = not location.netloc and location.path.startswith(prefix + "/")
            if status[:3] in ("301", "302", "303") and state and internal:
                path = _wsgi_path(location.path[len(prefix) :])
                environ = _get_environ(environ, path, location.query, state)
                continue
            break
        start_response(status, headers.to_wsgi_list())
        return app_iter
