"""Bringing a database's schema up to date with Alembic, from the program itself.

Alembic is imported only when a database actually needs upgrading: the usual
start, on a current schema, reads one row instead (about 0.4 s less start-up).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect, text

from db.engine import Database, backup_name

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration in migrations/versions (tests/test_schema.py checks it).
HEAD = "0019"
UPGRADE_LOCK = 7_310_001  # any number of our own for pg_advisory_xact_lock
log = logging.getLogger(__name__)
# progress(done, total): the backup and each migration are one step each.
StepCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class SchemaState:
    """Where a database's schema stands against this program's migrations."""

    current: str | None  # None: an empty database
    head: str
    newer: bool  # made by a newer program: a revision this one does not know
    pending: int  # migrations to apply

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


class NewerSchema(Exception):
    """The database's schema is newer than this program's: it must not be touched."""

    def __init__(self, state: SchemaState):
        super().__init__(f"schema {state.current} is newer than this program's {state.head}")
        self.state = state


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


def schema_state(database: Database) -> SchemaState:
    current = current_revision(database)
    if current == HEAD:
        return SchemaState(current, HEAD, newer=False, pending=0)
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(_config())
    known = {script.revision for script in scripts.walk_revisions()}
    if current is not None and current not in known:
        return SchemaState(current, HEAD, newer=True, pending=0)
    pending = len(list(scripts.iterate_revisions(HEAD, current or "base")))
    return SchemaState(current, HEAD, newer=False, pending=pending)


def upgrade(database: Database, progress: StepCallback | None = None) -> Path | None:
    """Upgrade to the newest schema; a SQLite file in use is backed up first.

    Returns the backup's path when one was made. A newer schema raises NewerSchema
    before anything is written, backups included.
    """
    state = schema_state(database)
    if state.newer:
        raise NewerSchema(state)
    if state.up_to_date:
        return None
    from alembic import command

    backup = None
    path = database.sqlite_path
    backs_up = state.current is not None and bool(path) and Path(path).exists()
    total, done = state.pending + backs_up, 0

    def step(**_alembic_arguments) -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    if backs_up:
        backup = database.backup_to(backup_name(path, state.current))
        log.info("backed up %s to %s before upgrading it", path, backup)
        step()
    config = _config()
    config.attributes["on_version_apply"] = [step]
    with database.engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Rebuilding a table that others point at (batch mode) fails while foreign keys
            # are enforced, and SQLite switches them only outside a transaction.
            _foreign_keys(connection, "OFF")
        try:
            with connection.begin():
                if not sqlite:
                    # Desktops starting together on a new server database upgrade one at a
                    # time (on SQLite the write lock taken at BEGIN does this).
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK}
                    )
                if _revision_on(connection) == HEAD:
                    return backup
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                if sqlite:
                    dangling = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if dangling:
                        raise RuntimeError(f"the upgrade left rows pointing nowhere: {dangling}")
        finally:
            if sqlite:
                _foreign_keys(connection, "ON")
    log.info("upgraded the schema from %s to %s", state.current or "empty", HEAD)
    return backup


def _foreign_keys(connection, state: str) -> None:
    # On the driver's own connection: through SQLAlchemy the pragma would begin a transaction.
    connection.connection.driver_connection.execute(f"PRAGMA foreign_keys = {state}")


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
