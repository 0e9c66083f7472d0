"""Bringing a database's schema up to date with Alembic, from the program itself.

Alembic is imported only when a database actually needs upgrading: the usual
start, on a current schema, reads one row instead (about 0.4 s less start-up).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text

from db.engine import Database, backup_name

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration in migrations/versions (tests/test_schema.py checks it).
HEAD = "0006"
UPGRADE_LOCK = 7_310_001  # any number of our own for pg_advisory_xact_lock


def _config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    """The newest revision according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def _revision_on(connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def current_revision(database: Database) -> str | None:
    # A reader: on SQLite it must not wait for the write lock behind a busy desktop.
    with database.engine.execution_options(read_only=True).connect() as connection:
        return _revision_on(connection)


def upgrade(database: Database) -> Path | None:
    """Upgrade to the newest schema; a SQLite file in use is backed up first.

    Returns the backup's path when one was made.
    """
    current = current_revision(database)
    if current == HEAD:
        return None
    from alembic import command

    backup = None
    path = database.sqlite_path
    if current is not None and path and Path(path).exists():
        backup = database.backup_to(backup_name(path, current))
    config = _config()
    with database.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Desktops starting together on a new server database upgrade one at a time
            # (on SQLite the write lock taken at BEGIN does this).
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK})
        if _revision_on(connection) == HEAD:
            return backup
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


def revision(database: Database, message: str) -> None:
    """Autogenerate a new migration (a developer's tool: `python -m db.migrate MSG`)."""
    from alembic import command

    config = _config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=message, autogenerate=True)


if __name__ == "__main__":
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        scratch = Database(str(Path(folder) / "scratch.db"))
        upgrade(scratch)
        revision(scratch, sys.argv[1])
        scratch.dispose()
