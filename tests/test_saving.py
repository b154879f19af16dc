"""Save for later and resume, through HTTP, on SQLite and PostgreSQL: every answer comes
back, the database holds none of them, failures leave nothing half-written, wrong
phrases are rate limited."""

from __future__ import annotations

import logging
import re
import sqlite3
import subprocess

import pytest
from helpers import walk_wizard
from situations import POLAND_WORK_PERMIT
from sqlalchemy import event, exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from navigator.engine import to_json_value
from navigator.storage.saves import count_saved
from navigator.web import create_app

PG_DUMP = "/usr/lib/postgresql/15/bin/pg_dump"
PERSON_ADDRESS = "203.0.113.77"


def make_app(database_url, **config):
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test",
        "WTF_CSRF_ENABLED": False,
        "DATABASE_URL": database_url,
    }
    settings.update(config)
    return create_app(settings)


def person(app):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = PERSON_ADDRESS
    return client


def save(client) -> list[str]:
    """Save from the check page as a person would; return the seven words shown."""
    assert client.get("/save").status_code == 200
    page = client.post("/save")
    assert page.status_code == 200, page.text[:300]
    block = re.search(r'<ol class="phrase"[^>]*>(.*?)</ol>', page.text, re.S).group(1)
    return re.findall(r"<li>([a-z]+)</li>", block)


def session_answers(client) -> dict:
    with client.session_transaction() as sess:
        return dict(sess.get("answers") or {})


def dump(database_url: str) -> str:
    """Everything in the database, as an attacker holding a copy would see it."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(url.database) as conn:
            return "\n".join(conn.iterdump())
    libpq = url.set(drivername="postgresql").render_as_string(hide_password=False)
    out = subprocess.run([PG_DUMP, libpq], capture_output=True, text=True, check=True).stdout
    # pg_dump 15.14+ wraps its output in \restrict <random key> lines: not data.
    keys = ("\\restrict ", "\\unrestrict ")
    return "\n".join(line for line in out.splitlines() if not line.startswith(keys))


@pytest.fixture()
def app(database_url):
    app = make_app(database_url)
    yield app
    app.extensions["navigator_db"].dispose()


def test_resume_restores_every_answer_on_another_device(app):
    phone = person(app)
    walk_wizard(phone, POLAND_WORK_PERMIT)
    before = session_answers(phone)
    words = save(phone)
    assert len(words) == 7

    laptop = person(app)
    response = laptop.post("/resume", data={"phrase": " ".join(words), "action": "restore"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/check?restored=1")
    assert " ".join(words) not in response.headers["Location"]
    assert session_answers(laptop) == before
    assert session_answers(laptop) == {k: to_json_value(v) for k, v in POLAND_WORK_PERMIT.items()}
    check = laptop.get("/check?restored=1")
    assert "Your answers are restored." in check.text
    assert "A copy of your answers is saved until" in check.text
    assert laptop.get("/results").status_code == 200


def test_the_database_holds_none_of_the_answers(app, database_url):
    """A dump after saving shows the record exists but none of the answers, the fact
    names, the phrase or the person's address. Strings the empty database's dump already
    holds (a short phrase word such as "ion" in "version") prove nothing and are set aside."""
    app.extensions["navigator_db"].engine  # noqa: B018 - create the schema
    baseline = dump(database_url)
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    words = save(client)
    dumped = dump(database_url)
    assert count_saved(app.extensions["navigator_db"]) == 1
    assert "saved_answers" in dumped and len(dumped) > len(baseline)
    needles = set(words) | {" ".join(words), PERSON_ADDRESS}
    for fact_id, value in POLAND_WORK_PERMIT.items():
        needles.add(fact_id)
        if not isinstance(value, bool | int):
            needles.add(str(to_json_value(value)))
    # Also set aside words made only of hex letters ("dab", "feed"): the ciphertext is
    # dumped as hex and may spell them by chance. The whole phrase is still checked.
    telling = {n for n in needles if n not in baseline and not re.fullmatch(r"[a-f0-9]+", n)}
    leaked = sorted(n for n in telling if n in dumped)
    assert leaked == []
    assert len(telling) > 20


def test_failure_while_saving_stores_nothing_and_keeps_the_answers(app):
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    before = session_answers(client)

    def fail(session, flush_context):
        raise exc.OperationalError("INSERT INTO saved_answers", {}, OSError("disk full"))

    event.listen(Session, "after_flush", fail)
    try:
        response = client.post("/save")
    finally:
        event.remove(Session, "after_flush", fail)
    assert response.status_code == 503
    assert "Nothing was stored" in response.text
    assert count_saved(app.extensions["navigator_db"]) == 0
    assert session_answers(client) == before
    assert "A copy of your answers is saved" not in client.get("/check").text


def test_delete_now_from_this_browser(app):
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    words = save(client)
    page = client.post("/saved/delete")
    assert "Your saved answers are deleted" in page.text
    assert count_saved(app.extensions["navigator_db"]) == 0
    other = person(app)
    missed = other.post("/resume", data={"phrase": " ".join(words), "action": "restore"})
    assert missed.status_code == 400
    assert "We found no saved answers for this phrase" in missed.text
    # the answers in this browser are untouched
    assert session_answers(client)["country"] == "PL"


def test_delete_with_the_phrase_from_another_device(app):
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    words = save(client)
    other = person(app)
    page = other.post("/resume", data={"phrase": ", ".join(words), "action": "delete"})
    assert page.status_code == 200 and "Your saved answers are deleted" in page.text
    assert count_saved(app.extensions["navigator_db"]) == 0
    assert session_answers(other) == {}  # deleting does not restore


def test_saving_again_replaces_the_copy_and_says_so(app):
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    first = save(client)
    client.post("/question/wants_to_travel", data={"answer": "no"})
    page = client.post("/save")
    assert "Your earlier saved copy was deleted" in page.text
    assert count_saved(app.extensions["navigator_db"]) == 1
    old = person(app).post("/resume", data={"phrase": " ".join(first), "action": "restore"})
    assert old.status_code == 400


def test_save_needs_answers_first(app):
    client = person(app)
    assert client.get("/save").headers["Location"].endswith("/next")
    assert client.post("/save").headers["Location"].endswith("/next")
    assert count_saved(app.extensions["navigator_db"]) == 0


def test_phrase_never_reaches_the_logs(app, caplog):
    app.extensions["navigator_db"].engine  # noqa: B018 - migrate first: Alembic's log lines
    caplog.set_level(logging.DEBUG)
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    words = save(client)
    person(app).post("/resume", data={"phrase": " ".join(words), "action": "restore"})
    person(app).post("/resume", data={"phrase": " ".join(words[::-1]), "action": "restore"})
    logged = caplog.text
    assert [w for w in words if re.search(rf"\b{w}\b", logged)] == []
    assert "temporary_permit" not in logged and PERSON_ADDRESS not in logged


def test_wrong_phrases_are_rate_limited_but_typos_are_free(tmp_path):
    app = make_app(f"sqlite:///{tmp_path / 'n.db'}", RESUME_RATE_LIMIT="3 per hour")
    client = person(app)
    walk_wizard(client, POLAND_WORK_PERMIT)
    words = save(client)
    stranger = person(app)
    for _ in range(5):  # malformed: caught before any database work, not counted
        assert stranger.post("/resume", data={"phrase": "one two"}).status_code == 400
    wrong = " ".join(words[::-1])  # real words in the wrong order: a well-formed miss
    for _ in range(3):
        assert stranger.post("/resume", data={"phrase": wrong}).status_code == 400
    blocked = stranger.post("/resume", data={"phrase": " ".join(words)})
    assert blocked.status_code == 429
    assert "Too many requests" in blocked.text
    assert stranger.get("/resume").status_code == 200  # the form itself stays reachable


def test_resume_form_explains_each_mistake_and_keeps_the_text(client):
    cases = {
        "": "Enter your resume phrase.",
        "one two three": "The phrase has 7 words; you entered 3.",
        "apple apple apple apple apple apple zzzqx": "“zzzqx” is not one of the words we use.",
    }
    for typed, message in cases.items():
        page = client.post("/resume", data={"phrase": typed, "action": "restore"})
        assert page.status_code == 400
        assert message in page.text
        assert 'class="error-summary"' in page.text
        if typed:
            assert typed in page.text
