"""Models and migrations agree; opening a database creates or upgrades it."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from app.setup import open_database
from db import migrate
from db.models import Base


def test_migrations_match_the_models(database):
    migrate.upgrade(database)
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_the_programs_head_is_the_newest_migration():
    assert migrate.head_revision() == migrate.HEAD


def test_opening_an_empty_file_creates_the_schema(tmp_path):
    database, backup = open_database(str(tmp_path / "new.db"))
    try:
        assert backup is None
        assert migrate.current_revision(database) == migrate.head_revision()
        assert {"orders", "events", "workflows"} <= set(inspect(database.engine).get_table_names())
    finally:
        database.dispose()



def test_database_urls_and_paths(tmp_path):
    from db.engine import normalize_url

    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url(str(tmp_path / "订单.db")) == f"sqlite:///{tmp_path / '订单.db'}"
