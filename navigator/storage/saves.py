"""Save, resume, delete and purge. Each is one short transaction: it either happens
whole or not at all (a failure in the middle leaves the database as it was).

Answers go in and come out in their JSON form (``navigator.engine.to_json_value``);
the caller parses them through the engine, so a record saved under older rules
can never feed the engine a value it no longer accepts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select

from . import crypto
from .database import Database
from .models import SavedAnswers
from .phrase import new_phrase

PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class SavedCopy:
    phrase: str  # shown to the person once, never stored
    lookup: str  # lets this browser delete the copy without the phrase
    expires_on: dt.date


def save_answers(
    db: Database,
    answers: dict[str, Any],
    *,
    days: int,
    today: dt.date,
    replaces: str | None = None,
) -> SavedCopy:
    """Encrypt and store; ``replaces`` (an earlier copy's lookup) is deleted in the same
    transaction, so saving again leaves exactly one copy and the old phrase stops working."""
    phrase = new_phrase()
    keys = crypto.derive(phrase)
    blob = crypto.seal(keys, {"v": PAYLOAD_VERSION, "answers": answers})
    expires_on = today + dt.timedelta(days=days)
    with db.session() as session, session.begin():
        if replaces:
            session.execute(delete(SavedAnswers).where(SavedAnswers.lookup == replaces))
        session.add(SavedAnswers(lookup=keys.lookup, ciphertext=blob, expires_on=expires_on))
    return SavedCopy(phrase=phrase, lookup=keys.lookup, expires_on=expires_on)


@dataclass(frozen=True)
class Restored:
    answers: dict[str, Any]
    lookup: str
    expires_on: dt.date


def load_saved(db: Database, phrase: str, *, today: dt.date) -> Restored | None:
    """The answers saved under this phrase, or None (no such copy, or it has expired:
    an expired copy found here is deleted on the spot)."""
    keys = crypto.derive(phrase)
    with db.session() as session, session.begin():
        record = session.get(SavedAnswers, keys.lookup)
        if record is None:
            return None
        if record.expires_on < today:
            session.delete(record)
            return None
        try:
            payload = crypto.unseal(keys, record.ciphertext)
        except crypto.UnsealError:
            return None
    answers = payload.get("answers") if isinstance(payload, dict) else None
    if not isinstance(answers, dict):
        return None
    return Restored(answers=answers, lookup=keys.lookup, expires_on=record.expires_on)


def lookup_for(phrase: str) -> str:
    return crypto.derive(phrase).lookup


def delete_saved(db: Database, lookup: str) -> bool:
    """Delete one copy at once. True if there was one."""
    with db.session() as session, session.begin():
        result = session.execute(delete(SavedAnswers).where(SavedAnswers.lookup == lookup))
    return result.rowcount > 0


def purge_expired(db: Database, *, today: dt.date) -> int:
    """Delete every copy whose expiry day has passed; returns how many."""
    with db.session() as session, session.begin():
        result = session.execute(delete(SavedAnswers).where(SavedAnswers.expires_on < today))
    return result.rowcount


def count_saved(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(SavedAnswers))
