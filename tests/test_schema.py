"""Models and migrations agree; opening a database creates or upgrades it."""

from __future__ import annotations

from datetime import datetime

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from app.setup import open_database
from app.workflow_defaults import DEFAULT_WORKFLOWS
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


def test_an_older_file_is_backed_up_then_upgraded(tmp_path):
    from alembic import command

    from db.engine import Database

    path = tmp_path / "older.db"
    older = Database(str(path))
    config = migrate._config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with older.engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO settings (key, value) VALUES ('company_name', '老数据有限公司')"
        )
    older.dispose()

    database, backup = open_database(str(path))
    try:
        assert migrate.current_revision(database) == migrate.HEAD
        indexes = {ix["name"] for ix in inspect(database.engine).get_indexes("orders")}
        assert "ix_orders_search" in indexes and "ix_orders_created" not in indexes
        kept = Database(str(backup))
        assert migrate.current_revision(kept) == "0001"
        with kept.engine.connect() as connection:
            kept_name = connection.exec_driver_sql(
                "SELECT value FROM settings WHERE key = 'company_name'"
            ).scalar()
        assert kept_name == "老数据有限公司"
        kept.dispose()
    finally:
        database.dispose()


def test_database_urls_and_paths(tmp_path):
    from db.engine import normalize_url

    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url(str(tmp_path / "订单.db")) == f"sqlite:///{tmp_path / '订单.db'}"


def test_two_desktops_opening_a_new_database_at_once(backend, request, tmp_path):
    """Both start the program on an empty database: one seeds, neither fails."""
    import threading

    from app import workflow
    from db.models import Workflow

    if backend == "sqlite":
        url = str(tmp_path / "new.db")
    else:
        url = request.getfixturevalue("pg_server").create()
    workflow._SPECS.clear()
    barrier, outcomes = threading.Barrier(2), []

    def start():
        barrier.wait()
        try:
            database, _ = open_database(url)
            database.dispose()
            outcomes.append("ok")
        except Exception as error:  # collected for the assertion below
            outcomes.append(repr(error))

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert outcomes == ["ok", "ok"]
    database, _ = open_database(url)
    with database.reading() as session:
        assert sorted(session.scalars(select(Workflow.kind))) == sorted(DEFAULT_WORKFLOWS)
    database.dispose()


def test_definitions_stored_before_nodes_declared_their_facts_get_the_same_rules(tmp_path):
    """Revision 0003 rewrites the version-1 definitions of older databases in the new form,
    node for node as the program applied them before; old notifications keep their text."""
    import json
    from pathlib import Path

    from alembic import command

    from app import notifications
    from app.workflow_defaults import DEFAULT_WORKFLOWS
    from db.engine import Database
    from db.models import Notification, Workflow

    old = json.loads(
        (Path(__file__).parent / "data" / "workflows_before_0003.json").read_text("utf-8")
    )
    path = tmp_path / "older.db"
    older = Database(str(path))
    config = migrate._config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
        for kind, definition in old.items():
            connection.execute(
                Workflow.__table__.insert().values(
                    kind=kind,
                    version=1,
                    definition=definition,
                    active=True,
                    created_at=datetime(2026, 11, 1),
                )
            )
        connection.exec_driver_sql(
            "INSERT INTO notifications (at, recipient_role, kind, message) "
            "VALUES ('2026-11-02 08:00:00', 'warehouse', 'next_step', '订单 SO-1 已到“已下单”')"
        )
    older.dispose()

    database, backup = open_database(str(path))
    try:
        assert backup is not None
        with database.reading() as session:
            stored = {w.kind: w.definition for w in session.scalars(select(Workflow))}
            notice = session.scalars(select(Notification)).one()
            assert notifications.text(session, notice, "en") == "订单 SO-1 已到“已下单”"
        for kind, new in DEFAULT_WORKFLOWS.items():
            assert stored[kind]["nodes"] == new["nodes"]
            assert (stored[kind]["facts"], stored[kind]["void"]) == (new["facts"], new["void"])
    finally:
        database.dispose()


def test_upgrading_keeps_each_users_role_as_their_roles(backend, request, tmp_path, password_hash):
    from alembic import command
    from sqlalchemy import text

    from db.engine import Database
    from db.models import User

    url = (
        str(tmp_path / "roles.db")
        if backend == "sqlite"
        else request.getfixturevalue("pg_server").create()
    )
    older = Database(url)
    config = migrate._config()
    with older.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
        connection.exec_driver_sql(
            "INSERT INTO users (name, display_name, role, password_hash, failed_logins, active,"
            " created_at) VALUES ('老李', '老李', 'finance', '-', 0, true, '2026-01-01')"
        )
        connection.execute(  # a shared server's upgrade is started by an administrator
            text(
                "INSERT INTO users (name, display_name, role, password_hash, failed_logins,"
                " active, created_at) VALUES ('boss', 'boss', 'admin', :hash, 0, true,"
                " '2026-01-01')"
            ),
            {"hash": password_hash},
        )
    older.dispose()
    database, _ = open_database(url, lambda: ("boss", "secret-pw"))
    try:
        with database.reading() as session:
            assert session.scalar(select(User.roles).where(User.name == "老李")) == {"finance"}
    finally:
        database.dispose()
