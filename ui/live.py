"""Hearing about changes made on other desktops, as the same Changes the runner returns.

Something tells us when to look: on PostgreSQL a listener thread waits on LISTEN for
the notices app/changes.py sends with each committed change; on SQLite `PRAGMA
data_version` on a connection of our own changes whenever another connection commits,
so it is polled. Then the audit events committed since we last looked say what changed.
"""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from app import changes
from app.changes import CHANNEL, Changes
from db.engine import Database
from db.models import Event

POLL_MS = 700
# More new events than this (a big import) are not read one by one: anything may have changed.
CATCH_UP_LIMIT = 2000


class ChangeWatcher(QObject):
    changed = Signal(object)  # an app.changes.Changes
    _noticed = Signal(str)  # from the listener thread to the UI thread

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self.database = database
        self._stop = threading.Event()
        self._timer: QTimer | None = None
        self._thread: threading.Thread | None = None
        with database.reading() as session:
            self._seen = session.scalar(select(func.max(Event.id))) or 0
        if database.backend == "sqlite":
            self._sqlite = sqlite3.connect(database.sqlite_path, check_same_thread=False)
            self._version = self._data_version()
            self._timer = QTimer(self, interval=POLL_MS)
            self._timer.timeout.connect(self._poll)
            self._timer.start()
        else:
            import psycopg  # only desktops on a server need the driver's own connection

            url = make_url(database.url).set(drivername="postgresql")
            self._connection = psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True
            )
            self._connection.execute(f"LISTEN {CHANNEL}")
            self._noticed.connect(self._heard)
            self._thread = threading.Thread(target=self._listen, name="order-notices", daemon=True)
            self._thread.start()

    def _data_version(self) -> int:
        return self._sqlite.execute("PRAGMA data_version").fetchone()[0]

    def _poll(self) -> None:
        version = self._data_version()
        if version != self._version:
            self._version = version
            self._heard("")

    def _listen(self) -> None:
        while not self._stop.is_set():
            for notice in self._connection.notifies(timeout=0.5):
                self._noticed.emit(notice.payload)

    def _heard(self, numbers: str) -> None:
        """Read what the events committed since the last look say, and pass it on."""
        with self.database.reading() as session:
            events = list(
                session.execute(
                    select(Event.id, Event.entity, Event.entity_ref, Event.action)
                    .where(Event.id > self._seen)
                    .order_by(Event.id)
                    .limit(CATCH_UP_LIMIT + 1)
                ).mappings()
            )
        if len(events) > CATCH_UP_LIMIT:
            with self.database.reading() as session:
                self._seen = session.scalar(select(func.max(Event.id))) or self._seen
            self.changed.emit(Changes.anything())
            return
        if events:
            self._seen = events[-1]["id"]
        heard = changes.from_events(events) | Changes(
            orders=frozenset(n for n in numbers.split(",") if n)
        )
        if heard:
            self.changed.emit(heard)

    def stop(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.stop()
            self._sqlite.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._connection.close()
