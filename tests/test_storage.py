"""Storage on its own (no Flask): phrases, encryption, save/resume/delete/purge and
migrations, each on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import event, exc, inspect, select
from sqlalchemy.orm import Session

from navigator.cli import main as cli
from navigator.storage import (
    Database,
    PhraseError,
    crypto,
    delete_saved,
    load_saved,
    new_phrase,
    purge_expired,
    read_phrase,
    save_answers,
)
from navigator.storage.database import alembic_config
from navigator.storage.models import Base, SavedAnswers
from navigator.storage.phrase import WORDS_IN_PHRASE, phrase_bits, word_list
from navigator.storage.saves import count_saved

TODAY = dt.date(2026, 11, 25)
ANSWERS = {"country": "PL", "passport_status": "expired", "passport_expiry": "2025-10-01"}


@pytest.fixture()
def db(database_url):
    database = Database(database_url)
    yield database
    database.dispose()


# Phrases ---------------------------------------------------------------------------


def test_phrase_carries_at_least_80_bits_and_is_fresh_each_time():
    assert phrase_bits() >= 80
    assert len(word_list()) == len(set(word_list())) > 7000
    phrases = {new_phrase() for _ in range(200)}
    assert len(phrases) == 200
    assert all(len(p.split()) == WORDS_IN_PHRASE for p in phrases)


@pytest.mark.parametrize(
    "typed",
    [
        "{p}",
        "{P}",
        "  {p_comma}  ",
        "{p_lines}",
        "{p_numbered}",
        "{p_dashes}",
    ],
)
def test_phrase_is_read_back_however_it_was_typed(typed):
    phrase = new_phrase()
    words = phrase.split()
    variants = {
        "p": phrase,
        "P": phrase.upper(),
        "p_comma": ", ".join(words),
        "p_lines": "\n".join(words),
        "p_numbered": " ".join(f"{i}. {w}" for i, w in enumerate(words, 1)),
        "p_dashes": "-".join(words),
    }
    assert read_phrase(typed.format(**variants)) == phrase


def test_malformed_phrases_are_explained():
    with pytest.raises(PhraseError) as empty:
        read_phrase(" ,. ")
    assert empty.value.reason == "empty"
    with pytest.raises(PhraseError) as short:
        read_phrase("apple banana")
    assert short.value.reason == "count" and short.value.count == 2
    words = new_phrase().split()
    words[3] = "zzzqx"
    with pytest.raises(PhraseError) as typo:
        read_phrase(" ".join(words))
    assert typo.value.reason == "word" and typo.value.word == "zzzqx"


# Encryption ------------------------------------------------------------------------


def test_sealed_answers_hide_content_and_size():
    keys = crypto.derive(new_phrase())
    small = crypto.seal(keys, {"answers": {"country": "PL"}})
    larger = crypto.seal(keys, {"answers": ANSWERS})
    for blob in (small, larger):  # (needles long enough not to occur by chance)
        assert b"country" not in blob and b'"PL"' not in blob
    assert len(small) == len(larger)  # padded: size does not tell how much was answered
    assert crypto.unseal(keys, larger) == {"answers": ANSWERS}


def test_another_phrase_or_an_altered_record_cannot_be_opened():
    keys = crypto.derive(new_phrase())
    blob = crypto.seal(keys, {"answers": ANSWERS})
    with pytest.raises(crypto.UnsealError):
        crypto.unseal(crypto.derive(new_phrase()), blob)
    altered = blob[:-1] + bytes([blob[-1] ^ 1])
    with pytest.raises(crypto.UnsealError):
        crypto.unseal(keys, altered)


def test_lookup_and_key_differ_and_depend_only_on_the_phrase():
    phrase = new_phrase()
    first, second = crypto.derive(phrase), crypto.derive(phrase)
    assert first == second
    assert bytes.fromhex(first.lookup) != first.key
    assert crypto.derive(new_phrase()).lookup != first.lookup


# Save, resume, delete, purge (both databases) --------------------------------------


def test_save_then_resume_restores_every_answer(db):
    copy = save_answers(db, ANSWERS, days=30, today=TODAY)
    assert copy.expires_on == TODAY + dt.timedelta(days=30)
    restored = load_saved(db, copy.phrase, today=TODAY + dt.timedelta(days=29))
    assert restored is not None
    assert restored.answers == ANSWERS
    assert restored.lookup == copy.lookup


def test_wrong_phrase_finds_nothing(db):
    save_answers(db, ANSWERS, days=30, today=TODAY)
    assert load_saved(db, new_phrase(), today=TODAY) is None


def test_expired_copy_is_refused_and_removed(db):
    copy = save_answers(db, ANSWERS, days=1, today=TODAY)
    assert load_saved(db, copy.phrase, today=TODAY + dt.timedelta(days=1)) is not None
    assert load_saved(db, copy.phrase, today=TODAY + dt.timedelta(days=2)) is None
    assert count_saved(db) == 0


def test_delete_removes_the_copy_at_once(db):
    copy = save_answers(db, ANSWERS, days=30, today=TODAY)
    assert delete_saved(db, copy.lookup) is True
    assert load_saved(db, copy.phrase, today=TODAY) is None
    assert delete_saved(db, copy.lookup) is False


def test_saving_again_replaces_the_earlier_copy(db):
    first = save_answers(db, ANSWERS, days=30, today=TODAY)
    second = save_answers(db, {"country": "LT"}, days=30, today=TODAY, replaces=first.lookup)
    assert load_saved(db, first.phrase, today=TODAY) is None
    assert load_saved(db, second.phrase, today=TODAY).answers == {"country": "LT"}
    assert count_saved(db) == 1


def test_purge_removes_only_expired_copies(db):
    short = save_answers(db, ANSWERS, days=2, today=TODAY)
    long = save_answers(db, ANSWERS, days=30, today=TODAY)
    assert purge_expired(db, today=TODAY + dt.timedelta(days=2)) == 0
    assert purge_expired(db, today=TODAY + dt.timedelta(days=3)) == 1
    assert load_saved(db, short.phrase, today=TODAY) is None
    assert load_saved(db, long.phrase, today=TODAY) is not None


def test_failure_in_the_middle_of_saving_leaves_no_partial_record(db):
    """The INSERT has reached the database when the failure strikes; the transaction
    rolls back, so neither the new copy exists nor the replaced one is lost."""
    first = save_answers(db, ANSWERS, days=30, today=TODAY)

    def fail(session, flush_context):
        raise exc.OperationalError("INSERT INTO saved_answers", {}, OSError("disk full"))

    event.listen(Session, "after_flush", fail)
    try:
        with pytest.raises(exc.OperationalError):
            save_answers(db, {"country": "LT"}, days=30, today=TODAY, replaces=first.lookup)
    finally:
        event.remove(Session, "after_flush", fail)
    with db.session() as session:
        rows = session.scalars(select(SavedAnswers)).all()
    assert [row.lookup for row in rows] == [first.lookup]
    assert load_saved(db, first.phrase, today=TODAY).answers == ANSWERS


def test_the_table_holds_only_lookup_ciphertext_and_expiry(db):
    save_answers(db, ANSWERS, days=30, today=TODAY)
    columns = {c["name"] for c in inspect(db.engine).get_columns("saved_answers")}
    assert columns == {"lookup", "ciphertext", "expires_on"}
    with db.session() as session:
        (row,) = session.scalars(select(SavedAnswers)).all()
    assert json.dumps(ANSWERS).encode() not in row.ciphertext
    assert b"expired" not in row.ciphertext and b"passport" not in row.ciphertext


# Migrations and the command line ---------------------------------------------------


def test_migrations_match_the_models_and_run_down_and_up(db):
    engine = db.engine  # first use ran the migrations to head
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    command.downgrade(config, "base")
    assert "saved_answers" not in inspect(engine).get_table_names()
    command.upgrade(config, "head")
    assert "saved_answers" in inspect(engine).get_table_names()


def test_cli_upgrade_and_purge(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()
    result = runner.invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    db = Database(database_url)
    save_answers(db, ANSWERS, days=1, today=dt.date.today() - dt.timedelta(days=5))
    keep = save_answers(db, ANSWERS, days=30, today=dt.date.today())
    result = runner.invoke(cli, ["purge"])
    assert result.exit_code == 0
    assert "Deleted 1 expired saved copy." in result.output
    assert count_saved(db) == 1 and load_saved(db, keep.phrase, today=dt.date.today())
    db.dispose()
