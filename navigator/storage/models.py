"""The tables. Change them only together with a migration in ``migrations/versions``
(``navigator db revision "what changed"`` writes one from the difference)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Date, LargeBinary, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SavedAnswers(Base):
    """One person's answers, encrypted with a key only their resume phrase gives.

    Deliberately nothing else: no creation time (only the day it expires), no
    address, no language, no plaintext of any kind."""

    __tablename__ = "saved_answers"

    lookup: Mapped[str] = mapped_column(String(64), primary_key=True)
    ciphertext: Mapped[bytes] = mapped_column(LargeBinary, nullable=False)
    expires_on: Mapped[dt.date] = mapped_column(Date, nullable=False, index=True)


class Partner(Base):
    """An NGO or legal-aid centre that embeds the wizard or calls the API.

    Its contact text is shown on results and in the PDF ("Free help from ...").
    The API key is kept only as a SHA-256 hash; the logo's bytes are served by the
    app itself, so a page never loads anything from the partner's server."""

    __tablename__ = "partners"

    slug: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    contact: Mapped[dict] = mapped_column(JSON, nullable=False, default=dict)  # lang -> text
    website: Mapped[str | None] = mapped_column(String(300))
    origins: Mapped[list] = mapped_column(JSON, nullable=False, default=list)
    default_lang: Mapped[str] = mapped_column(String(5), nullable=False, default="en")
    accent: Mapped[str] = mapped_column(String(7), nullable=False, default="#1d4f91")
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # read only to serve it
    logo_type: Mapped[str | None] = mapped_column(String(20))
    api_key_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    api_rate_limit: Mapped[str | None] = mapped_column(String(40))
