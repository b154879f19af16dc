"""The tables. Change them only together with a migration in ``migrations/versions``
(``navigator db revision "what changed"`` writes one from the difference)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, LargeBinary, String
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
