"""Opening a database for work: upgrade its schema, seed the defaults, the first admin."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import migrate
from db.engine import Database
from db.models import AuditHead, Workflow

from . import audit
from .audit import GENESIS
from .clock import utcnow
from .users import count_users, create_user
from .workflow_defaults import DEFAULT_WORKFLOWS

SYSTEM = "system"


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


def open_database(url: str) -> tuple[Database, Path | None]:
    """The database at `url`, created or upgraded, with its defaults; and any backup made."""
    database = Database(url)
    backup = migrate.upgrade(database)
    with database.reading() as session:
        seeded = _is_seeded(session)
    if not seeded:  # only the first opening writes: later ones take no write lock
        try:
            with database.unit_of_work() as session:
                _seed(session)
        except IntegrityError:
            pass  # another desktop seeded the same new database at the same moment
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
