"""Translatable messages produced by the engine.

The engine never imports Flask or a gettext catalogue: it returns the English
source string (the msgid) and its parameters, and each adapter (web page, PDF,
API, CLI) translates and formats it in the person's language. ``N_`` marks a
string for extraction by pybabel without translating it here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention
    """Mark ``msgid`` for extraction; it is translated later by an adapter."""
    return msgid


@dataclass(frozen=True)
class Message:
    """A msgid with named parameters, e.g. ``Message("File by {date}", {"date": d})``."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(
        self,
        gettext: Callable[[str], str] = lambda s: s,
        format_date: Callable[[dt.date], str] = lambda d: d.isoformat(),
    ) -> str:
        """Translate with ``gettext`` and fill in the parameters; dates via ``format_date``."""
        values = {
            key: format_date(value) if isinstance(value, dt.date) else value
            for key, value in self.params.items()
        }
        return gettext(self.msgid).format(**values)
