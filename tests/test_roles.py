"""People with several roles, the admin's user management, and four-eyes approval."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import actions, orders, settings, worklist
from app.clock import frozen_at, utcnow
from app.errors import AuthenticationFailed, NotFound, PermissionDenied, ValidationError
from app.queries import OrderFilter
from app.users import (
    add_user,
    is_slowed_down,
    reset_password,
    set_active,
    set_roles,
    sign_in,
    unlock,
)
from db.models import Event, User
from tests.conftest import fail_sign_ins

PASSWORD = "secret-pw"


def _user(office, name: str, *roles: str) -> User:
    with office.db.unit_of_work() as session:
        add_user(session, office.admin, name, set(roles), PASSWORD)
    return sign_in(office.db, name, PASSWORD)


def _queue(office, user: User) -> list[str]:
    with office.db.reading() as session:
        query = OrderFilter(queue_of=worklist.home_queue(user))
        return [row["number"] for row in worklist.page(session, query, 0, 50)]


def test_a_user_with_two_roles_sees_both_queues_and_may_do_both(office):
    draft = office.order("sales")
    placed = office.order("sales")
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, placed, "submitted")
    both = _user(office, "小李", "sales", "warehouse")
    assert set(_queue(office, both)) == {draft, placed}
    assert _queue(office, office.sales) == [draft]
    assert _queue(office, office.warehouse) == [placed]
    # Both roles' permissions: create a sales order, and ship one.
    with office.db.unit_of_work() as session:
        mine = orders.create_order(
            session, both, "sales", "华东贸易有限公司", [orders.LineSpec("A-1", "1")]
        ).number
        orders.ship(session, both, placed, "顺丰", "SF1")
    with office.db.reading() as session:
        shipped_by = session.scalar(
            select(Event.user_name).where(Event.action == "ship").order_by(Event.id.desc())
        )
        kinds = {a.kind for a in actions.available(session, both, orders.find_order(session, mine))}
    assert shipped_by == "小李"
    assert "edit" in kinds


def test_roles_are_changed_audited_and_checked(office):
    _user(office, "alice", "sales")
    with office.db.unit_of_work() as session:
        set_roles(session, office.admin, "alice", ["sales", "finance"])
    assert sign_in(office.db, "alice", PASSWORD).roles == {"sales", "finance"}
    with office.db.reading() as session:
        event = session.scalar(select(Event).where(Event.action == "roles"))
    assert (event.user_name, event.before, event.after) == (
        "admin",
        {"roles": ["sales"]},
        {"roles": ["finance", "sales"]},
    )
    with pytest.raises(ValidationError, match="no role"), office.db.unit_of_work() as session:
        set_roles(session, office.admin, "alice", ["sales", "boss"])
    with pytest.raises(ValidationError, match="at least one"), office.db.unit_of_work() as s:
        set_roles(s, office.admin, "alice", [])
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        set_roles(session, office.owner, "alice", ["admin"])
    with pytest.raises(NotFound), office.db.unit_of_work() as session:
        set_roles(session, office.admin, "nobody", ["sales"])


def test_the_last_admin_is_kept(office):
    with pytest.raises(ValidationError, match="last admin"), office.db.unit_of_work() as session:
        set_roles(session, office.admin, "admin", ["owner"])
    with pytest.raises(ValidationError, match="last admin"), office.db.unit_of_work() as session:
        set_active(session, office.admin, "admin", False)
    _user(office, "second", "admin")
    with office.db.unit_of_work() as session:
        set_active(session, office.admin, "admin", False)
    with pytest.raises(ValidationError, match="last admin"), office.db.unit_of_work() as session:
        set_roles(session, office.admin, "second", ["sales"])
    with office.db.reading() as session:
        assert session.scalar(select(User.active).where(User.name == "admin")) is False


def test_a_deactivated_user_cannot_sign_in_and_is_never_deleted(office):
    with office.db.unit_of_work() as session:
        set_active(session, office.admin, "service", False)
    with pytest.raises(Exception, match="Wrong"):
        sign_in(office.db, "service", PASSWORD)
    with office.db.reading() as session:
        assert session.scalar(select(User.name).where(User.name == "service")) == "service"
        assert session.scalar(select(Event.user_name).where(Event.action == "deactivate")) == (
            "admin"
        )


def test_reset_password_and_unlock_end_the_wait(office):
    last = fail_sign_ins(office, "mallory@pc-7", utcnow(), 5, name="finance")
    with frozen_at(last + timedelta(seconds=1)):
        with pytest.raises(AuthenticationFailed, match="try again"):
            sign_in(office.db, "finance", PASSWORD, source="finance@desk")
        with office.db.reading() as session:
            assert is_slowed_down(session, "finance")
        with office.db.unit_of_work() as session:
            unlock(session, office.admin, "finance")
        with office.db.reading() as session:
            assert not is_slowed_down(session, "finance")
        assert sign_in(office.db, "finance", PASSWORD, source="finance@desk").name == "finance"
    last = fail_sign_ins(office, "mallory@pc-7", last + timedelta(seconds=2), 5, name="finance")
    with frozen_at(last + timedelta(seconds=1)):
        with office.db.unit_of_work() as session:
            reset_password(session, office.admin, "finance", "new-secret")
        assert sign_in(office.db, "finance", "new-secret", source="finance@desk").name == "finance"
    with pytest.raises(ValidationError), office.db.unit_of_work() as session:
        reset_password(session, office.admin, "finance", "x")
    with office.db.reading() as session:
        assert {"unlock", "reset_password"} <= set(
            session.scalars(select(Event.action).where(Event.user_name == "admin"))
        )
        assert session.scalar(select(Event.before).where(Event.action == "unlock")) == {
            "failed_logins": 5
        }


def _large_order(office, creator: User) -> str:
    with office.db.unit_of_work() as session:
        number = orders.create_order(
            session, creator, "sales", "华东贸易有限公司", [orders.LineSpec("A-1", "10", "6000")]
        ).number  # 60 000, above the approval amount
        orders.advance(session, creator, number, "submitted")
        return number


def _approval_target(office, number: str) -> str:
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        return next(
            a.target
            for a in actions.available(session, office.owner, order)
            if a.kind == "advance" and a.requires == ()
        )


def test_four_eyes_approval_needs_another_person(office):
    boss = _user(office, "boss", "sales", "owner")
    number = _large_order(office, boss)
    target = _approval_target(office, number)
    with office.db.reading() as session:
        offered = actions.available(session, boss, orders.find_order(session, number))
    assert target not in {a.target for a in offered if a.kind == "advance"}
    with pytest.raises(PermissionDenied, match="four-eyes"), office.db.unit_of_work() as session:
        orders.advance(session, boss, number, target)
    with office.db.unit_of_work() as session:
        orders.advance(session, office.owner, number, target)
        assert orders.find_order(session, number).status == target


def test_four_eyes_approval_can_be_turned_off(office):
    boss = _user(office, "boss", "sales", "owner")
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "four_eyes_approval", "false")
    number = _large_order(office, boss)
    target = _approval_target(office, number)
    with office.db.unit_of_work() as session:
        orders.advance(session, boss, number, target)
        assert orders.find_order(session, number).status == target
