"""Hearing about orders changed on other desktops.

PostgreSQL: a listener thread waits on LISTEN for the notices app/changes.py
sends with each committed change. SQLite: `PRAGMA data_version` on a connection
of our own changes whenever another connection commits, so it is polled.
"""

from __future__ import annotations

import sqlite3
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.engine import make_url

from app.changes import CHANNEL
from db.engine import Database

POLL_MS = 700


class ChangeWatcher(QObject):
    changed = Signal(str)  # the order number, or "" when SQLite cannot say which

    def __init__(self, database: Database, parent=None):
        super().__init__(parent)
        self._stop = threading.Event()
        self._timer: QTimer | None = None
        self._thread: threading.Thread | None = None
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
            self._thread = threading.Thread(target=self._listen, name="order-notices", daemon=True)
            self._thread.start()

    def _data_version(self) -> int:
        return self._sqlite.execute("PRAGMA data_version").fetchone()[0]

    def _poll(self) -> None:
        version = self._data_version()
        if version != self._version:
            self._version = version
            self.changed.emit("")

    def _listen(self) -> None:
        while not self._stop.is_set():
            for notice in self._connection.notifies(timeout=0.5):
                self.changed.emit(notice.payload)

    def stop(self) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.stop()
            self._sqlite.close()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._connection.close()
