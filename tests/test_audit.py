"""The audit chain finds rows edited or deleted behind the program's back."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from app import audit, orders
from app.errors import InvalidTransition
from db.models import Event


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
