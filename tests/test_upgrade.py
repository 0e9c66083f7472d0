"""Opening a database of an older or a newer schema than the program's.

tests/data/schema-0001-demo.db was made by the program as it stood when 0001 was its
only migration (commit c7ce60a, `ordertrail demo --orders 60 --seed 7`): real data of
that time, not a schema rebuilt by hand.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from audit_stays import figures_from_events, figures_shown, stays_from_events, stays_kept
from dashboard_office import NOW, T0, build
from sqlalchemy import func, select, text
from sqlalchemy import inspect as sa_inspect

from app import queries
from app.errors import SchemaTooNew
from app.setup import open_database
from cli import commands as cli
from db import migrate
from db.engine import Database
from db.models import Event, NodeStay

OLD_DEMO = Path(__file__).parent / "data" / "schema-0001-demo.db"


# The office's facts; workflows and notifications are rewritten by later migrations.
FACTS = [
    "users",
    "parties",
    "products",
    "settings",
    "orders",
    "order_lines",
    "events",
    "payments",
    "shipments",
    "shipment_lines",
    "receipts",
    "receipt_lines",
    "stock_moves",
    "number_sequences",
]


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as connection:
        return [row[1] for row in connection.execute(f"SELECT * FROM pragma_table_info('{table}')")]


def rows(path: Path, beside: Path = OLD_DEMO) -> dict[str, list[tuple]]:
    """Every row of the facts, in the columns both files have (later schemas add and move
    some: the roles left the users table)."""
    found = {}
    with sqlite3.connect(path) as connection:
        for table in FACTS:
            columns = ", ".join(c for c in _columns(beside, table) if c in _columns(path, table))
            query = f"SELECT {columns} FROM {table}"
            found[table] = sorted(connection.execute(query).fetchall(), key=repr)
    return found


def revision_of(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_file(tmp_path) -> Path:
    folder = tmp_path / "旧 数据"
    folder.mkdir()
    path = folder / "办公室 订单.db"
    shutil.copy(OLD_DEMO, path)
    return path


def test_a_database_of_the_first_schema_is_backed_up_migrated_and_keeps_everything(
    old_file, monkeypatch, capsys
):
    before = rows(old_file)
    assert revision_of(old_file) == "0001" and len(before["orders"]) == 60
    assert before["payments"] and before["shipments"] and len(before["events"]) > 300

    database, backup = open_database(str(old_file))
    try:
        assert revision_of(old_file) == migrate.HEAD
        # every order, line, event and payment; and for each user the old demo made
        # without an event, one event with the roles found at the upgrade
        after, kept = rows(old_file), rows(OLD_DEMO, beside=old_file)
        added = [e for e in after["events"] if e not in kept["events"]]
        assert {**after, "events": kept["events"]} == kept
        assert set(kept["events"]) <= set(after["events"])
        with sqlite3.connect(old_file) as connection:
            baselines = connection.execute(
                "SELECT entity_ref, user_name FROM events WHERE action = 'baseline'"
            ).fetchall()
            users = {name for (name,) in connection.execute("SELECT name FROM users")}
        # The workflows of kinds the old program did not have are seeded beside them.
        seeded = [e for e in added if e[4] == "workflow"]
        assert {e[5] for e in seeded} == {"return v1", "purchase_return v1"}
        assert len(added) - len(seeded) == len(baselines)
        assert {name for name, _ in baselines} == users
        assert {who for _, who in baselines} == {"system"}
        with database.reading() as session:
            listed = queries.list_orders(session, queries.OrderFilter(), limit=None)
            details = [queries.order_detail(session, order, "en") for order in listed]
        assert sorted(d["number"] for d in details) == sorted(r[1] for r in before["orders"])
        assert len(details) == len(before["orders"])
    finally:
        database.dispose()

    assert backup is not None and backup.parent == old_file.parent
    assert backup.name.startswith("办公室 订单.db.before-upgrade-0001-")
    assert revision_of(backup) == "0001" and rows(backup) == before

    monkeypatch.delenv("ORDERTRAIL_PASSWORD", raising=False)
    assert cli.main(["--db", str(old_file), "--lang", "en", "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().err


def test_the_first_schemas_stays_are_read_from_its_audit_trail(old_file):
    """Its step events do not yet say since when the order stood at the node: each stay
    begins at the order's step or creation before."""
    database, _ = open_database(str(old_file))
    try:
        with database.reading() as session:
            last = session.scalar(select(func.max(Event.at)))
            kept, told = stays_kept(session), stays_from_events(session)
            shown = figures_shown(session, last + timedelta(days=1))
            expected = figures_from_events(session, last + timedelta(days=1))
    finally:
        database.dispose()
    assert kept == told
    assert len([stay for stay in kept if stay[3] is not None]) == 191  # its step events
    assert shown == expected and len(shown) >= 6


STAYS = "0018"  # the revision that brings the node stays


def _stays_taken_away_and_brought_back(database: Database) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    config = migrate._config()
    before = ScriptDirectory.from_config(config).get_revision(STAYS).down_revision
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, before)
        assert "node_stays" not in sa_inspect(connection).get_table_names()
        # Back to the head: the revisions after the stays' go with them.
        command.upgrade(config, migrate.HEAD)


def test_an_older_database_gains_the_stays_its_audit_trail_tells(office):
    """A history made now, its stays table taken away (as before STAYS) and made again from
    the audit trail: the same stays, lengths and figures the engine wrote."""
    build(office, T0 - timedelta(days=45))
    build(office, T0)

    def stays_and_figures():
        with office.db.reading() as session:
            rows = session.execute(
                select(
                    NodeStay.order_id,
                    NodeStay.workflow_id,
                    NodeStay.node,
                    NodeStay.entered_at,
                    NodeStay.left_at,
                    NodeStay.seconds,
                )
            ).all()
            return sorted(rows, key=repr), figures_shown(session, NOW)

    written, shown = stays_and_figures()
    _stays_taken_away_and_brought_back(office.db)
    assert stays_and_figures() == (written, shown)
    with office.db.reading() as session:
        assert shown == figures_from_events(session, NOW)
    assert shown[("sales", "placed", 90)][0] == 6 and shown[("sales", "placed", 30)][0] == 3


def newer_file(tmp_path: Path) -> Path:
    """A database as a later program would leave it: a revision this one does not know."""
    path = tmp_path / "newer.db"
    database, _ = open_database(str(path))
    with database.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0099'")
    database.dispose()
    return path


def test_a_newer_schema_is_refused_naming_both_versions_and_nothing_changes(
    tmp_path, monkeypatch, capsys
):
    path = newer_file(tmp_path)
    untouched = digest(path)
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "x")
    code = cli.main(["--db", str(path), "--lang", "en", "--user", "admin", "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 3
    assert "0099" in err and migrate.HEAD in err and "newer" in err
    assert digest(path) == untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newer.db"]  # no backup either

    with pytest.raises(SchemaTooNew) as refused:
        open_database(str(path))
    assert "0099" in refused.value.message("zh") and migrate.HEAD in refused.value.message("zh")
    assert digest(path) == untouched


@pytest.fixture
def old_server_database(pg_server, password_hash) -> str:
    """A PostgreSQL database left at the first schema, with an admin and a clerk."""
    from alembic import command

    url = pg_server.create()
    database = Database(url)
    config = migrate._config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with database.engine.begin() as connection:  # the users table as 0001 made it
        for name in ("admin", "sales"):
            connection.execute(
                text(
                    "INSERT INTO users (name, display_name, role, password_hash, failed_logins,"
                    " active, created_at) VALUES (:name, :name, :name, :hash, 0, true, now())"
                ),
                {"name": name, "hash": password_hash},
            )
    database.dispose()
    return url


def server_revision(url: str) -> str | None:
    database = Database(url)
    try:
        return migrate.current_revision(database)
    finally:
        database.dispose()


def test_a_server_database_is_upgraded_by_an_admin_only(old_server_database, monkeypatch, capsys):
    url = old_server_database
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "secret-pw")
    monkeypatch.delenv("ORDERTRAIL_USER", raising=False)
    for user in (["--user", "sales"], []):
        code = cli.main(["--db", url, "--lang", "en", *user, "alerts"])
        assert code == 4
        assert "only an administrator" in capsys.readouterr().err
        assert server_revision(url) == "0001"

    assert cli.main(["--db", url, "--user", "admin", "alerts"]) == 0
    assert server_revision(url) == migrate.HEAD
    assert cli.main(["--db", url, "--user", "sales", "alerts"]) == 0  # the others go on
