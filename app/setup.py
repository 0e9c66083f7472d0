"""Opening a database for work: upgrade its schema, seed the defaults, the first admin."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import migrate
from db.engine import Database
from db.models import AuditHead, User, Workflow

from . import about, audit
from .audit import GENESIS
from .clock import utcnow
from .errors import SchemaTooNew, UpgradeNeedsAdmin
from .roles import PERMISSIONS, holds_any
from .users import count_users, create_user, password_matches
from .workflow_defaults import DEFAULT_WORKFLOWS

SYSTEM = "system"
log = logging.getLogger(__name__)
# The name and password of whoever starts the upgrade of a shared server database (None:
# nobody gave any); asked only then.
AdminSignIn = Callable[[], tuple[str, str] | None]


def _is_seeded(session: Session) -> bool:
    kinds = set(session.scalars(select(Workflow.kind).distinct()))
    return session.get(AuditHead, 1) is not None and kinds >= set(DEFAULT_WORKFLOWS)


def _seed(session: Session) -> None:
    if session.get(AuditHead, 1) is None:
        session.add(AuditHead(id=1, last_event_id=0, last_hash=GENESIS))
        session.flush()
    for kind, definition in DEFAULT_WORKFLOWS.items():
        if session.scalar(select(Workflow.id).where(Workflow.kind == kind)) is None:
            session.add(
                Workflow(
                    kind=kind, version=1, definition=definition, active=True, created_at=utcnow()
                )
            )
            audit.record(
                session,
                SYSTEM,
                entity="workflow",
                ref=f"{kind} v1",
                action="create",
                after={"nodes": list(definition["nodes"])},
            )


def check_schema(database: Database) -> migrate.SchemaState:
    """The schema's state; SchemaTooNew, touching nothing, when a newer program made it."""
    state = migrate.schema_state(database)
    if state.newer:
        log.warning(
            "refused %s: its schema %s is newer than %s",
            database.engine.url,  # the URL prints with its password hidden
            state.current,
            state.head,
        )
        raise SchemaTooNew(state.current, state.head, about.version())
    return state


def may_upgrade(user: User) -> bool:
    return holds_any(user, PERMISSIONS["upgrade_database"])


def _may_upgrade_on_any_schema(database: Database, name: str, password: str) -> bool:
    """An administrator's name and password, read with plain SQL: the users table of an
    older schema is not the one the models describe (its roles were once one column)."""
    with database.engine.connect() as connection:
        row = (
            connection.execute(text("SELECT * FROM users WHERE name = :name"), {"name": name})
            .mappings()
            .first()
        )
    if row is None or not row["active"] or not password_matches(row["password_hash"], password):
        return False
    roles = set(re.split(r"[\s,;]+", str(row.get("roles") or row.get("role") or "")))
    return bool(roles & PERMISSIONS["upgrade_database"])


def upgrade_schema(
    database: Database,
    admin: AdminSignIn | None = None,
    progress: migrate.StepCallback | None = None,
) -> Path | None:
    """Bring the schema up to date (a SQLite file is backed up first); the backup's path.

    A server database in use is upgraded only by an administrator, signed in by `admin`:
    everyone else gets UpgradeNeedsAdmin. A new, empty one is set up by whoever comes first.
    """
    state = check_schema(database)
    if state.up_to_date:
        return None
    if database.backend == "postgresql" and state.current is not None:
        credentials = admin() if admin is not None else None
        if credentials is None or not _may_upgrade_on_any_schema(database, *credentials):
            raise UpgradeNeedsAdmin(state.current, state.head)
        log.info("%s upgrades the server database", credentials[0])
    return migrate.upgrade(database, progress)


def seed_defaults(database: Database) -> None:
    with database.reading() as session:
        seeded = _is_seeded(session)
    if not seeded:  # only the first opening writes: later ones take no write lock
        try:
            with database.unit_of_work() as session:
                _seed(session)
        except IntegrityError:
            pass  # another desktop seeded the same new database at the same moment


def open_database(url: str, admin: AdminSignIn | None = None) -> tuple[Database, Path | None]:
    """The database at `url`, created or upgraded, with its defaults; and any backup made."""
    database = Database(url)
    try:
        backup = upgrade_schema(database, admin)
        seed_defaults(database)
    except BaseException:
        database.dispose()
        raise
    return database, backup


def ensure_admin(database: Database, name: str, password: str) -> bool:
    """Create the admin if the database has no users yet; True if one was created."""
    with database.unit_of_work() as session:
        if count_users(session):
            return False
        user = create_user(session, name, {"admin"}, password)
        audit.record(
            session,
            SYSTEM,
            entity="user",
            ref=user.name,
            action="create",
            after={"roles": ["admin"]},
        )
        return True
