"""Opening a database for work: upgrade its schema, seed the defaults, the first admin."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db import migrate
from db.engine import Database, normalize_url
from db.models import AuditHead, Event, User, Workflow

from . import about, audit
from .audit import GENESIS
from .clock import utcnow
from .errors import SchemaTooNew, UpgradeNeedsAdmin, ValidationError
from .roles import PERMISSIONS, holds_any
from .users import SYSTEM, count_users, create_user, password_matches
from .workflow_defaults import DEFAULT_WORKFLOWS

log = logging.getLogger(__name__)
# The name and password of whoever starts the upgrade of a shared server database (None:
# nobody gave any); asked only then.
AdminSignIn = Callable[[], tuple[str, str] | None]


def _has_chain(session: Session) -> bool:
    """A head, or events without one (a deleted head must be reported, not replaced)."""
    return (
        session.get(AuditHead, 1) is not None
        or session.scalar(select(Event.id).limit(1)) is not None
    )


def _is_seeded(session: Session) -> bool:
    kinds = set(session.scalars(select(Workflow.kind).distinct()))
    return _has_chain(session) and kinds >= set(DEFAULT_WORKFLOWS)


def _seed(session: Session) -> None:
    if not _has_chain(session):
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


SQLITE_HEADER = b"SQLite format 3\x00"


def _check_target(url: str, create: bool) -> None:
    """Refuse, before touching anything, what cannot be the office's database file."""
    parsed = make_url(normalize_url(url))
    if parsed.get_backend_name() != "sqlite":
        return
    if parsed.database in (None, "", ":memory:"):
        raise ValidationError(
            "内存数据库（sqlite://）关闭即丢失，不能用作办公数据库；请给出文件路径。",
            "An in-memory database (sqlite://) is lost when closed: give a file path.",
        )
    path = Path(parsed.database)
    if not path.exists():
        if create:
            return
        raise ValidationError(
            f"没有数据库 {path}：请检查路径；新数据库用 ordertrail init 创建。",
            f"There is no database at {path}: check the path; `ordertrail init` creates a new one.",
        )
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except OSError as error:
        raise ValidationError(
            f"无法读取 {path}：{error.strerror}。", f"Cannot read {path}: {error.strerror}."
        ) from None
    if header != SQLITE_HEADER and (header or not create):
        raise ValidationError(
            f"{path} 不是 SQLite 数据库文件。", f"{path} is not a SQLite database file."
        )


def _check_schema(database: Database, create: bool) -> None:
    """A database without our schema is new (only `init` fills it) or another program's."""
    if migrate.current_revision(database) is not None:
        return
    with database.engine.execution_options(read_only=True).connect() as connection:
        tables = inspect(connection).get_table_names()
    where = database.sqlite_path or database.engine.url.render_as_string(hide_password=True)
    if tables:
        raise ValidationError(
            f"{where} 是其他程序的数据库（有 {len(tables)} 张别的表），OrderTrail 不会改动它。",
            f"{where} is another program's database ({len(tables)} tables of its own); "
            "OrderTrail leaves it alone.",
        )
    if not create:
        raise ValidationError(
            f"{where} 是空数据库：请先用 ordertrail init 创建。",
            f"{where} is an empty database: create it with `ordertrail init` first.",
        )


def checked_database(url: str, *, create: bool) -> Database:
    """The database at `url` if it can be the office's; refused, untouched, if it is not
    SQLite, is another program's, or does not exist yet and `create` is not given."""
    _check_target(url, create)
    database = Database(url)
    try:
        _check_schema(database, create)
    except ValidationError:
        database.dispose()
        raise
    return database


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


# Before this schema the demo made its users without audit events.
USERS_AUDITED_FROM = "0004"


def record_user_baselines(database: Database, upgraded_from: str | None) -> None:
    """Users an older program made without an audit event (its demo did) get one now with
    the roles they had when the database was upgraded, so that from here on a change of
    roles behind the program's back shows in `audit verify`."""
    if upgraded_from is None or upgraded_from >= USERS_AUDITED_FROM:
        return
    with database.unit_of_work() as session:
        recorded = set(
            session.scalars(select(Event.entity_ref).where(Event.entity == "user").distinct())
        )
        for user in session.scalars(select(User).order_by(User.id)):
            if user.name not in recorded:
                audit.record(
                    session,
                    SYSTEM,
                    entity="user",
                    ref=user.name,
                    action="baseline",
                    after={"roles": sorted(user.roles)},
                    comment=f"roles found when upgrading from schema {upgraded_from}",
                )


def open_database(
    url: str, admin: AdminSignIn | None = None, *, create: bool = True
) -> tuple[Database, Path | None]:
    """The database at `url`, upgraded, with its defaults; and any backup made.

    A new database is made only when `create` is given; a file that is not SQLite, or a
    database of another program, is refused without being changed.
    """
    database = checked_database(url, create=create)
    try:
        upgraded_from = check_schema(database).current
        backup = upgrade_schema(database, admin)
        seed_defaults(database)
        record_user_baselines(database, upgraded_from)
    except BaseException:
        database.dispose()
        raise
    return database, backup


def ensure_admin(database: Database, name: str, password: str) -> bool:
    """Create the admin if the database has no users yet; True if one was created."""
    with database.unit_of_work() as session:
        if count_users(session):
            return False
        create_user(session, name, {"admin"}, password)
        return True
