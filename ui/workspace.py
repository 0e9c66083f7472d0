"""The signed-in desktop: one database, one user, one language, and how work reaches them.

Reads are short and run inline; every change is one unit of work run by app.runner
off the UI thread, after which `changed` hands every view what changed (an
app.changes.Changes, also for changes heard from other desktops), and each view
decides whether it concerns it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from sqlalchemy.engine import make_url

from app import audit, runner, worklist
from db.engine import Database
from db.models import User
from ui import background

log = logging.getLogger(__name__)


class Workspace(QObject):
    changed = Signal(object)  # an app.changes.Changes

    def __init__(self, database: Database, user: User, lang: str):
        super().__init__()
        self.database = database
        self.user = user
        self.lang = lang
        with database.reading() as session:
            self.sees_prices = worklist.sees_prices(session, user)
        self.witness: audit.Witness | None = None
        self.remember_head()
        self.changed.connect(self.remember_head)

    def remember_head(self, _changes=None) -> None:
        """Keep the newest audit record this desktop has seen as its witness (where
        `audit verify` keeps its own), so a chain cut shorter later is reported."""
        try:
            self.witness = audit.remember_head(self.database)
        except OSError as error:  # the desktop settings cannot be written: say so, go on
            log.warning("The audit witness could not be kept: %s", error)

    def read(self, query: Callable):
        """`query(session)` in a read-only transaction."""
        with self.database.reading() as session:
            return query(session)

    def act(
        self,
        service: Callable,
        /,
        *args,
        on_done: Callable[[object], None],
        on_error: Callable[[Exception], None],
        number: str = "",  # accepted from callers that name the order; the changes say it
        **kwargs,
    ) -> None:
        """`service(session, user, *args, **kwargs)` as one unit of work, off the UI thread;
        then `on_done(what it returned)` and `changed`, or `on_error(the typed error)`."""
        database, user = self.database, self.user

        def done(outcome: runner.Outcome) -> None:
            on_done(outcome.value)
            self.changed.emit(outcome.changes)

        background.run(lambda: runner.run(database, user, service, *args, **kwargs), done, on_error)

    def where(self) -> str:
        return self.where_of(self.database)

    @staticmethod
    def where_of(database: Database) -> str:
        """The database as people know it: a file path, or server and database name."""
        url = make_url(database.url)
        if database.backend == "sqlite":
            return url.database or ""
        return f"{url.host}:{url.port or 5432}/{url.database}"
