from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from navigator.engine import load_rules

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def mini_rules():
    """A tiny rule set that exercises every engine feature, independent of real content."""
    return load_rules(FIXTURES / "mini")


@pytest.fixture(scope="session")
def real_rules():
    return load_rules()


@pytest.fixture()
def app(tmp_path):
    from navigator.web import create_app

    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test",
            "WTF_CSRF_ENABLED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'navigator.db'}",
        }
    )


@pytest.fixture()
def client(app):
    return app.test_client()


def _postgres_database():
    """A fresh, empty PostgreSQL database on the server TEST_DATABASE_URL points at
    (scripts/test.sh starts a throwaway one); dropped afterwards."""
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        if os.environ.get("NAVIGATOR_REQUIRE_POSTGRES") == "1":
            pytest.fail("NAVIGATOR_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set")
        pytest.skip("no PostgreSQL server: set TEST_DATABASE_URL (scripts/test.sh does)")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    name = f"nav_{uuid.uuid4().hex[:12]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """Every database test runs twice: on SQLite (the default) and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'navigator.db'}"
    else:
        yield from _postgres_database()
