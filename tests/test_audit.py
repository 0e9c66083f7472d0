"""The audit chain finds rows edited or deleted behind the program's back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from app import audit, orders, settings, users, workflow
from app.errors import AuditBroken, InvalidTransition
from cli import commands as cli
from db.models import AuditHead, Event


def verify(office):
    with office.db.reading() as session:
        return audit.verify(session)


@pytest.fixture
def busy_office(office):
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, number, "顺丰", "SF1")
    return office


def _event_ids(office):
    with office.db.reading() as session:
        return session.scalars(select(Event.id).order_by(Event.id)).all()


def test_an_untouched_chain_verifies(busy_office):
    result = verify(busy_office)
    assert result.ok and result.checked == len(_event_ids(busy_office)) > 5


def test_roles_changed_through_the_program_verify(office):
    """Each role change records the roles it leaves, so verify follows a user's roles."""
    with office.db.unit_of_work() as session:
        users.add_user(session, office.admin, "小李", {"sales"}, "password")
    with office.db.unit_of_work() as session:
        users.set_roles(session, office.admin, "小李", {"sales", "finance"})
    assert verify(office).ok
    with office.db.engine.begin() as connection:
        connection.execute(text("UPDATE users SET roles = 'sales' WHERE name = '小李'"))
    result = verify(office)
    assert not result.ok and "小李" in result.en and "finance, sales" in result.en


def test_an_edited_row_is_named(busy_office):
    ids = _event_ids(busy_office)
    target = ids[len(ids) // 2]
    with busy_office.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE events SET comment = 'nothing to see' WHERE id = :id"), {"id": target}
        )
    result = verify(busy_office)
    assert not result.ok and result.bad_event_id == target
    assert "edited" in result.en and f"#{target}" in result.zh


def test_a_deleted_row_breaks_the_next_link(busy_office):
    ids = _event_ids(busy_office)
    with busy_office.db.engine.begin() as connection:
        connection.execute(text("DELETE FROM events WHERE id = :id"), {"id": ids[3]})
    result = verify(busy_office)
    assert not result.ok and result.bad_event_id == ids[4]


def test_deleting_the_newest_rows_is_noticed(busy_office):
    ids = _event_ids(busy_office)
    with busy_office.db.engine.begin() as connection:
        connection.execute(text("DELETE FROM events WHERE id >= :id"), {"id": ids[-2]})
    result = verify(busy_office)
    assert not result.ok and "deleted" in result.en


def test_refused_actions_leave_no_event(office):
    number = office.order()
    with office.db.reading() as session:
        before = session.scalar(select(func.count(Event.id)))
    with pytest.raises(InvalidTransition), office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, number, "顺丰", "SF1")
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Event.id))) == before
    assert verify(office).ok


def _last(connection) -> int:
    return connection.execute(text("SELECT MAX(id) FROM events")).scalar()


def _set_head_to(connection, event_id: int) -> None:
    connection.execute(
        text(
            "UPDATE audit_head SET last_event_id = :id, "
            "last_hash = COALESCE((SELECT hash FROM events WHERE id = :id), :genesis)"
        ),
        {"id": event_id, "genesis": audit.GENESIS},
    )


def _swap(connection) -> None:
    """Two records trade places; each keeps its id."""
    columns = [c.name for c in Event.__table__.columns if c.name != "id"]
    first, second = (
        connection.execute(select(Event.__table__).where(Event.id == i)).mappings().one()
        for i in (2, 3)
    )
    for target, source in ((2, second), (3, first)):
        connection.execute(
            Event.__table__.update().where(Event.id == target),
            {name: source[name] for name in columns},
        )


def _move_an_order(connection) -> None:
    number, workflow_id, status = connection.execute(
        text("SELECT number, workflow_id, status FROM orders ORDER BY id LIMIT 1")
    ).one()
    with Session(connection.engine) as session:
        spec = workflow.spec_by_id(session, workflow_id)
    elsewhere = next(code for code in spec.nodes if code != status)
    connection.execute(
        text("UPDATE orders SET status = :status WHERE number = :number"),
        {"status": elsewhere, "number": number},
    )


TAMPERING = {
    "edit": lambda c: c.execute(text("UPDATE events SET comment = 'ok' WHERE id = 3")),
    "delete a middle record": lambda c: c.execute(text("DELETE FROM events WHERE id = 3")),
    "delete the last record": lambda c: c.execute(
        text("DELETE FROM events WHERE id = :id"), {"id": _last(c)}
    ),
    "delete the last five, head fixed": lambda c: (
        c.execute(text("DELETE FROM events WHERE id > :id"), {"id": _last(c) - 5}),
        _set_head_to(c, _last(c)),
    ),
    "delete all, head fixed": lambda c: (
        c.execute(text("DELETE FROM events")),
        _set_head_to(c, 0),
    ),
    "swap two records": _swap,
    "delete the head": lambda c: c.execute(text("DELETE FROM audit_head")),
    "change a status": _move_an_order,
    "change a role": lambda c: c.execute(
        text("UPDATE users SET roles = 'owner,sales' WHERE name = 'sales'")
    ),
}


@pytest.mark.parametrize("tampering", list(TAMPERING))
def test_audit_verify_reports_every_kind_of_tampering(
    busy_office, tampering, monkeypatch, tmp_path
):
    """The command line's `audit verify` exits 6 on each, after having seen the chain whole."""
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    verify_command = ["--db", busy_office.db.url, "audit", "verify"]
    assert cli.main(verify_command) == 0
    with busy_office.db.engine.begin() as connection:
        TAMPERING[tampering](connection)
    assert cli.main(verify_command) == 6


def test_a_backup_witnesses_the_chain(busy_office, tmp_path, monkeypatch, backend):
    """A chain cut back and its head fixed passes on a new desktop, but not against a backup."""
    if backend != "sqlite":
        pytest.skip("backups are of SQLite files")
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    for name in ("一", "二", "三", "四", "五"):  # records nothing else refers to
        with busy_office.db.unit_of_work() as session:
            settings.change(session, busy_office.admin, "company_name", name)
    backup = busy_office.db.backup_to(tmp_path / "backup.db")
    with busy_office.db.engine.begin() as connection:
        TAMPERING["delete the last five, head fixed"](connection)
    assert cli.main(["--db", busy_office.db.url, "audit", "verify"]) == 0  # nothing to compare
    assert cli.main(["--db", busy_office.db.url, "audit", "verify", "--against", str(backup)]) == 6


def test_writing_on_a_chain_without_its_head_is_refused(busy_office):
    with busy_office.db.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_head"))
    with pytest.raises(AuditBroken), busy_office.db.unit_of_work() as session:
        orders.cancel(session, busy_office.sales, busy_office.order(), "客户取消")
    with busy_office.db.reading() as session:  # and the head is not quietly re-made
        assert session.get(AuditHead, 1) is None


def _add_records_nothing_refers_to(office, count: int = 5) -> None:
    for index in range(count):
        with office.db.unit_of_work() as session:
            settings.change(session, office.admin, "company_name", f"公司{index}")


def test_a_chain_cut_after_the_window_saw_it_is_reported(busy_office, tmp_path, monkeypatch):
    """The window keeps the head it sees where `audit verify` keeps its witness."""
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    _add_records_nothing_refers_to(busy_office)
    seen = audit.remember_head(busy_office.db)  # what the window does as it shows the data
    assert seen is not None and seen.event_id == _event_ids(busy_office)[-1]
    with busy_office.db.engine.begin() as connection:
        TAMPERING["delete the last five, head fixed"](connection)
    assert verify(busy_office).ok  # a desktop that never saw the chain cannot tell
    assert cli.main(["--db", busy_office.db.url, "audit", "verify"]) == 6


def test_a_printed_witness_checks_the_chain_later(busy_office, tmp_path, monkeypatch):
    """Every printed page shows the head when printed; `audit verify --seen` takes it."""
    import pypdfium2

    from app import printing

    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    number = busy_office.placed()
    _add_records_nothing_refers_to(busy_office)
    with busy_office.db.reading() as session:
        pdf = printing.render_document(session, busy_office.sales, "order", number)
        head = audit.newest(session)
    page = pypdfium2.PdfDocument(pdf)[0].get_textpage().get_text_range()
    printed = head.printed()
    assert f"审计 {printed}" in page and len(printed.split(":")[1]) == audit.SHORT_HASH
    command = ["--db", busy_office.db.url, "audit", "verify", "--seen", printed]
    assert cli.main(command) == 0
    assert cli.main([*command[:-1], f"#{head.event_id}:{'0' * audit.SHORT_HASH}"]) == 6
    assert cli.main([*command[:-1], "#12:xyz"]) == 3  # not a witness: rejected input
    with busy_office.db.engine.begin() as connection:
        TAMPERING["delete the last five, head fixed"](connection)
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "another-desktop.json"))
    assert cli.main(command[:-2]) == 0  # this desktop never saw the chain
    assert cli.main(command) == 6


# Another desktop: a process of its own, changing a setting through the services.
_OTHER_DESKTOP = """
import sys
from sqlalchemy import select
from app import settings
from db.engine import Database
from db.models import User
database = Database(sys.argv[1])
with database.unit_of_work() as session:
    admin = session.scalar(select(User).where(User.name == sys.argv[2]))
    settings.change(session, admin, "company_name", "另一台电脑")
database.dispose()
"""


def test_events_link_after_another_desktops(office):
    """A desktop links its events from the head it last left; once another desktop has
    written since, it links them after that desktop's events: one chain, nothing lost."""
    _add_records_nothing_refers_to(office, 1)  # this desktop knows where the head stands
    subprocess.run(
        [sys.executable, "-c", _OTHER_DESKTOP, office.db.url, office.admin.name],
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
        timeout=120,
    )
    _add_records_nothing_refers_to(office, 2)
    with office.db.reading() as session:
        newest = session.scalars(select(Event).order_by(Event.id.desc()).limit(3)).all()
    theirs, ours = newest[2], newest[1]
    assert theirs.after == {"value": "另一台电脑"} and ours.prev_hash == theirs.hash
    result = verify(office)
    assert result.ok and result.checked == len(_event_ids(office))
