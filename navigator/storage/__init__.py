"""Storage: the only place the navigator writes anything down.

Pure SQLAlchemy and ``cryptography``, no Flask, so the CLI (``navigator purge``)
and the tests use it directly.

phrase      the resume phrase: random words, and reading one back as typed
crypto      phrase -> (lookup value, key); AES-GCM sealing of the answers
models      the tables (SQLAlchemy); migrations/ holds their Alembic history
database    engine from DATABASE_URL (SQLite by default), migrations to head
saves       save, resume, delete and purge saved answers
"""

from .database import Database
from .phrase import PhraseError, new_phrase, read_phrase
from .saves import SavedCopy, delete_saved, load_saved, purge_expired, save_answers

__all__ = [
    "Database",
    "PhraseError",
    "SavedCopy",
    "delete_saved",
    "load_saved",
    "new_phrase",
    "purge_expired",
    "read_phrase",
    "save_answers",
]
