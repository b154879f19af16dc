"""Friendly error pages (HTML) and JSON errors under /api: never a stack trace, never a 500 page
that shows internals. A CSRF failure keeps the answers (they live in the session) and
sends the person back to the question."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(exc: CSRFError):
        return render_template(
            "error.html",
            title=gettext("Your page had expired"),
            message=gettext(
                "For your safety, forms expire. Nothing you entered earlier has been lost: "
                "go back to the question and send your answer again."
            ),
            back=request.script_root + request.path,
        ), 400

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        status = exc.code or 500
        if _wants_json():
            message = {
                413: gettext("The request body is too large (at most 64 KiB)."),
                429: gettext("Too many requests: please wait a minute"),
            }.get(status, gettext("This address or method is not part of the API."))
            code = 400 if status == 413 else status  # 429 stays 429: clients should wait
            return jsonify({"errors": [{"fact": None, "message": message}]}), code
        titles = {
            429: gettext("Too many requests: please wait a minute"),
            404: gettext("Page not found"),
            405: gettext("This page cannot be used that way"),
            413: gettext("What you sent is too large"),
        }
        return render_template(
            "error.html",
            title=titles.get(status, gettext("Something went wrong")),
            message=gettext("Your answers are kept. Go back to the questions or start page."),
            back=None,
        ), status

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):
        # Log the type only: the request may carry a person's answers.
        log.error("unexpected error %s on %s", type(exc).__name__, request.endpoint)
        if _wants_json():
            return jsonify({"errors": [{"fact": None, "message": gettext("Internal error.")}]}), 500
        return render_template(
            "error.html",
            title=gettext("Something went wrong"),
            message=gettext("Your answers are kept. Please try again in a moment."),
            back=None,
        ), 500
