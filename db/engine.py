"""Opening a database: URL resolution, engine settings per backend, upgrades."""

from __future__ import annotations

import ntpath
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

# Writers wait this long for each other's locks (SQLite's busy timeout, PostgreSQL's
# lock_timeout) instead of failing at once or, on PostgreSQL, waiting for ever.
LOCK_WAIT_S = 30


def normalize_url(target: str) -> str:
    """A database URL from a URL or a bare file path (taken as SQLite).

    A plain postgresql:// (or postgres://) URL gets the psycopg 3 driver the program ships.
    """
    for plain in ("postgresql://", "postgres://"):
        if target.startswith(plain):
            return "postgresql+psycopg://" + target[len(plain) :]
    if "://" in target:
        return target
    return "sqlite:///" + str(Path(target).expanduser().resolve())


def is_network_path(path: str) -> bool:
    """True for a file on a network share, where SQLite's WAL mode does not work."""
    if path.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        import ctypes

        drive = ntpath.splitdrive(os.path.abspath(path))[0]
        if drive:
            drive_remote = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote
    return False


def _set_journal_mode(cursor, mode: str) -> None:
    """Switch the file's journal mode if it differs (it is stored in the file).

    Switching ignores the busy timeout: when two desktops open a new file at once,
    the one that finds it locked tries again for as long as a writer would wait.
    """
    deadline = time.monotonic() + LOCK_WAIT_S
    while cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != mode:
        try:
            cursor.execute(f"PRAGMA journal_mode = {mode}")
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _configure_sqlite(engine: Engine, path: str | None, lock_wait_s: float) -> None:
    use_wal = path is not None and not is_network_path(path)

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide when a transaction begins.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {int(lock_wait_s * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        _set_journal_mode(cursor, "wal" if use_wal else "delete")
        cursor.execute("PRAGMA synchronous = NORMAL" if use_wal else "PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        # A writer takes the write lock up front: a deferred transaction that later
        # upgrades to writing fails at once with "database is locked" under contention.
        # Sent on the driver's own connection: every unit of work begins here, and through
        # SQLAlchemy's statement machinery the BEGIN cost a few percent of a whole click.
        read_only = connection.get_execution_options().get("read_only")
        begin = "BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE"
        try:
            connection.connection.driver_connection.execute(begin)
        except sqlite3.OperationalError as error:
            # Waited past the busy timeout: raised as it would be from any statement.
            raise exc.OperationalError(begin, (), error) from error


def make_engine(url: str, lock_wait_s: float = LOCK_WAIT_S) -> Engine:
    url = normalize_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database if parsed.database not in (None, "", ":memory:") else None
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": lock_wait_s})
        _configure_sqlite(engine, path, lock_wait_s)
        return engine
    # Short queries only: PostgreSQL's JIT once spent 240 ms compiling a 1 ms query whose
    # row estimate was off after a bulk load.
    options = f"-c jit=off -c lock_timeout={int(lock_wait_s * 1000)}"
    return create_engine(url, pool_pre_ping=True, connect_args={"options": options})


def create_missing_database(url: str) -> bool:
    """Create the PostgreSQL database the URL names if the server has none; True if made.

    The server's maintenance database `postgres` takes the CREATE DATABASE.
    """
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "postgresql" or not parsed.database:
        return False
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with server.connect() as connection:
            query = text("SELECT 1 FROM pg_database WHERE datname = :name")
            if connection.scalar(query, {"name": parsed.database}):
                return False
            quoted = server.dialect.identifier_preparer.quote(parsed.database)
            connection.execute(text(f"CREATE DATABASE {quoted}"))
            return True
    finally:
        server.dispose()


class Database:
    """One database the program works on: its engine and its units of work."""

    def __init__(self, url: str, *, lock_wait_s: float = LOCK_WAIT_S):
        self.url = normalize_url(url)
        self.engine = make_engine(self.url, lock_wait_s)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        reader = self.engine.execution_options(read_only=True)
        if self.backend == "postgresql":
            # One snapshot for everything a reader reads, as SQLite's read transaction gives.
            reader = reader.execution_options(isolation_level="REPEATABLE READ")
        self._readers = sessionmaker(reader, expire_on_commit=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def sqlite_path(self) -> str | None:
        if self.backend != "sqlite":
            return None
        return make_url(self.url).database

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._readers() as session, session.begin():
            yield session

    def backup_to(self, target: str | Path) -> Path:
        """A consistent copy of the SQLite file, taken while others keep working."""
        source_path = self.sqlite_path
        if source_path is None:
            raise ValueError("backup needs a SQLite database")
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(source_path, timeout=LOCK_WAIT_S)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
        return target

    def dispose(self) -> None:
        self.engine.dispose()


def backup_name(path: str, revision: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return Path(f"{path}.before-upgrade-{revision or 'empty'}-{stamp}.bak")
