"""Command line for the database: ``navigator db upgrade|revision`` and ``navigator purge``.

Both read DATABASE_URL like the app does (SQLite in instance/ when it is unset).
Run ``navigator purge`` daily (cron or a systemd timer): the app also refuses
expired copies on its own, but only purging removes them from the disk.
"""

from __future__ import annotations

import datetime as dt

import click
from alembic import command

from navigator.storage import Database, purge_expired
from navigator.storage.database import alembic_config, configured_url, upgrade


def open_database(auto_migrate: bool = True) -> Database:
    """The database the app uses (DATABASE_URL, else SQLite in instance/)."""
    return Database(configured_url(), auto_migrate=auto_migrate)


@click.group("db")
def db() -> None:
    """Work with the database schema (Alembic migrations)."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Bring the schema to the newest migration."""
    database = open_database(auto_migrate=False)
    upgrade(database.engine)
    click.echo(f"Database schema is up to date ({database.engine.url.get_backend_name()}).")


@db.command("revision")
@click.argument("message")
def db_revision(message: str) -> None:
    """Write a new migration from the difference between the models and the database."""
    database = open_database()
    config = alembic_config(database.engine.url.render_as_string(hide_password=False))
    command.revision(config, message=message, autogenerate=True)


@click.command("purge")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None, hidden=True)
def purge(today: dt.datetime | None) -> None:
    """Delete saved answers whose time is up."""
    day = today.date() if today else dt.date.today()
    removed = purge_expired(open_database(), today=day)
    click.echo(f"Deleted {removed} expired saved cop{'y' if removed == 1 else 'ies'}.")
