"""Logs that cannot betray a person: no IP addresses, no query strings.

Answers never travel in URLs (they are POSTed), but a query string can still say
something (a lawyer's as-of date, a language), and an IP address says who asked.
The development server's request lines are redacted by a logging filter;
gunicorn writes no access log unless told to (see SECURITY.md for a safe format).
Set ``NAVIGATOR_LOG_DETAIL=1`` while debugging to see full request lines again;
that exposes addresses and query strings in the log, so never on a public server.
"""

from __future__ import annotations

import logging
import os
import re

IPV4_OR_6 = re.compile(r"^\S+ - - ")
QUERY = re.compile(r"\?[^\s\"]*")


class RedactRequests(logging.Filter):
    """Rewrite request lines to drop the client address and the query string."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        message = IPV4_OR_6.sub("- - - ", message)
        record.msg = QUERY.sub("?…", message)
        record.args = ()
        return True


def configure_logging() -> None:
    if os.environ.get("NAVIGATOR_LOG_DETAIL") == "1":
        return
    werkzeug = logging.getLogger("werkzeug")
    if not any(isinstance(f, RedactRequests) for f in werkzeug.filters):
        werkzeug.addFilter(RedactRequests())
