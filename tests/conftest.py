from __future__ import annotations

from pathlib import Path

import pytest

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

    return create_app({"TESTING": True, "SECRET_KEY": "test", "WTF_CSRF_ENABLED": False})


@pytest.fixture()
def client(app):
    return app.test_client()
