"""Translation and locale formatting for the adapters, without Flask.

The web passes Flask-Babel's ``gettext``; the CLI and tests use the catalogues
in ``translations/`` directly (or none: the English source strings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_currency
from babel.support import Translations

from navigator.engine import Message

TRANSLATIONS_DIR = Path(__file__).resolve().parents[2] / "translations"


def _identity(text: str) -> str:
    return text


@dataclass
class Translator:
    """Everything an adapter needs to show engine output in one language."""

    locale: str = "en"
    gettext: Callable[[str], str] = field(default=_identity)
    ngettext: Callable[[str, str, int], str] = field(
        default=lambda singular, plural, n: singular if n == 1 else plural
    )

    @classmethod
    def for_locale(cls, locale: str = "en") -> Translator:
        """A translator reading ``translations/<locale>/LC_MESSAGES/messages.mo`` if present."""
        catalogue = Translations.load(str(TRANSLATIONS_DIR), [locale])
        return cls(locale=locale, gettext=catalogue.gettext, ngettext=catalogue.ngettext)

    def __call__(self, text: str | None) -> str:
        return self.gettext(text) if text else ""

    def date(self, day: dt.date) -> str:
        return babel_format_date(day, format="long", locale=Locale.parse(self.locale))

    def money(self, amount: Decimal, currency: str) -> str:
        return format_currency(amount, currency, locale=Locale.parse(self.locale))

    def message(self, message: Message) -> str:
        return message.render(self.gettext, self.date)
