"""The database: SQLite in the instance folder by default, PostgreSQL through DATABASE_URL.

The schema is brought to the newest Alembic revision the first time it is needed
(so the default works with no set-up), under a lock so that several server
processes starting together do not race. ``navigator db upgrade`` does the same
by hand for operators who set NAVIGATOR_AUTO_MIGRATE=0.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
INSTANCE = Path(__file__).resolve().parents[2] / "instance"  # the app's instance folder
PG_LOCK_ID = 7_305_112  # any constant: the advisory lock all migrating processes share


def normalise_url(url: str) -> str:
    """Accept the usual ``postgres://`` and ``postgresql://`` forms; use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def default_url(instance_path: str | Path = INSTANCE) -> str:
    return f"sqlite:///{Path(instance_path) / 'navigator.db'}"


def configured_url() -> str:
    """DATABASE_URL, or the SQLite file in the instance folder: what the app uses."""
    return os.environ.get("DATABASE_URL") or default_url()


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


class Database:
    """An engine plus a session factory; migrations run once, on first use."""

    def __init__(self, url: str, auto_migrate: bool = True):
        self.url = normalise_url(url)
        self.auto_migrate = auto_migrate
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._lock = threading.Lock()

    @property
    def engine(self) -> Engine:
        with self._lock:
            if self._engine is None:
                if self.url.startswith("sqlite:///"):
                    Path(self.url.removeprefix("sqlite:///")).parent.mkdir(
                        parents=True, exist_ok=True
                    )
                engine = create_engine(self.url, pool_pre_ping=True)
                if self.auto_migrate:
                    upgrade(engine)
                self._engine = engine
            return self._engine

    def session(self) -> Session:
        if self._sessions is None:
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions()

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:id)"), {"id": PG_LOCK_ID})
            conn.commit()
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": PG_LOCK_ID})
                conn.commit()
    elif engine.url.database and engine.url.database != ":memory:":
        with open(f"{engine.url.database}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
    else:
        yield


def upgrade(engine: Engine) -> None:
    """Bring the schema to the newest revision (a no-op when it is already there)."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with _migration_lock(engine), engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
