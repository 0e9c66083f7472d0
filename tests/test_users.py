"""Passwords, sign-in, lockout and user management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.clock import frozen_at, utcnow
from app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from app.users import add_user, sign_in, take_failure_notice, unlock
from db.models import Event, User
from tests.conftest import fail_sign_ins

PASSWORD = "secret-pw"  # the office fixture's password for every role


def test_sign_in_with_the_right_password(office):
    assert sign_in(office.db, "sales", PASSWORD).roles == {"sales"}


def test_passwords_are_stored_as_argon2_hashes(office):
    with office.db.unit_of_work() as session:
        user = add_user(session, office.admin, "张三", {"finance"}, "密码-12345")
    with office.db.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.id == user.id))
    assert stored.startswith("$argon2id$") and "密码-12345" not in stored
    assert sign_in(office.db, "张三", "密码-12345").roles == {"finance"}


def test_a_password_stored_at_older_settings_is_rehashed_on_sign_in(office):
    """Accounts made before the cheaper setting keep working and move onto it."""
    from argon2 import PasswordHasher

    older = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4).hash(PASSWORD)
    with office.db.unit_of_work() as session:
        session.get(User, office.sales.id).password_hash = older
    with office.db.reading() as session:
        events_before = session.scalar(select(func.count(Event.id)))
    assert sign_in(office.db, "sales", PASSWORD).name == "sales"
    with office.db.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.id == office.sales.id))
        events_after = session.scalar(select(func.count(Event.id)))
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$") and stored != older
    assert events_after == events_before  # the password itself did not change
    with pytest.raises(AuthenticationFailed):
        sign_in(office.db, "sales", "wrong-password")
    assert sign_in(office.db, "sales", PASSWORD).name == "sales"


def test_failures_slow_sign_in_down_but_cannot_lock_someone_out(office):
    """Five wrong passwords once locked the only service user out for 15 minutes."""
    last = fail_sign_ins(office, "mallory@pc-7", utcnow(), 9)
    # The account waits a little...
    soon = frozen_at(last + timedelta(seconds=1))
    with soon, pytest.raises(AuthenticationFailed, match="try again"):
        sign_in(office.db, "service", PASSWORD, source="service@desk-2")
    with frozen_at(last + timedelta(seconds=31)):
        assert sign_in(office.db, "service", PASSWORD, source="service@desk-2").name == "service"
        # ...the desktop the failures came from waits far longer, for any account.
        with pytest.raises(AuthenticationFailed, match="try again"):
            sign_in(office.db, "sales", PASSWORD, source="mallory@pc-7")
    with frozen_at(last + timedelta(seconds=65)):
        assert sign_in(office.db, "sales", PASSWORD, source="mallory@pc-7").name == "sales"


def test_failures_are_audited_and_told_to_the_account_holder(office):
    last = fail_sign_ins(office, "mallory@pc-7", utcnow(), 2)
    with office.db.reading() as session:
        failed = session.scalars(
            select(Event.comment).where(
                Event.entity_ref == "service", Event.action == "sign_in_failed"
            )
        ).all()
    assert failed == ["mallory@pc-7", "mallory@pc-7"]
    with frozen_at(last):
        user = sign_in(office.db, "service", PASSWORD)
    notice = take_failure_notice(office.db, user)
    assert notice.count == 2 and "mallory@pc-7" in notice.message("en")
    assert take_failure_notice(office.db, user) is None  # told once


def test_an_admin_ends_the_slowing_down(office):
    last = fail_sign_ins(office, "mallory@pc-7", utcnow(), 9)
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        unlock(session, office.service, "service")
    with office.db.unit_of_work() as session:
        unlock(session, office.admin, "service")
    with frozen_at(last + timedelta(seconds=1)):
        assert sign_in(office.db, "service", PASSWORD, source="service@desk-2").name == "service"


def test_unknown_user_and_wrong_password_look_the_same(office):
    with pytest.raises(AuthenticationFailed) as unknown:
        sign_in(office.db, "nobody", PASSWORD)
    with pytest.raises(AuthenticationFailed) as wrong:
        sign_in(office.db, "sales", "nope")
    assert unknown.value.en == wrong.value.en


def test_only_an_admin_adds_users(office):
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        add_user(session, office.owner, "eve", {"admin"}, "password")
    with pytest.raises(ValidationError, match="no role"), office.db.unit_of_work() as session:
        add_user(session, office.admin, "eve", {"superuser"}, "password")
    with pytest.raises(ValidationError, match="exists"), office.db.unit_of_work() as session:
        add_user(session, office.admin, "sales", {"sales"}, "password")


@pytest.mark.parametrize(
    "name",
    ["system", "System", "оwner", "ad\u200bmin", "admin\u202e", "ADMIN", "bob\x1b[2J", "s p"],
)
def test_names_that_deceive_are_refused(office, name):
    """The program's own name, a Cyrillic о, a zero-width space, another case of a name."""
    with pytest.raises(ValidationError), office.db.unit_of_work() as session:
        add_user(session, office.admin, name, {"sales"}, "password")


def test_names_are_normalised(office):
    with office.db.unit_of_work() as session:
        user = add_user(session, office.admin, "ｂｏｂ", {"sales"}, "password")  # full width
    assert user.name == "bob"
    assert sign_in(office.db, "ｂｏｂ", "password").name == "bob"


@pytest.mark.parametrize(
    ("name", "password", "why"),
    [
        ("小王", "1234567", "at least 8 characters"),
        ("rosalind", "rosalind", "may not be the user name"),
        ("Rosalind", "ROSALIND", "may not be the user name"),
        ("demo-user", "demo", "at least 8 characters"),
    ],
)
def test_a_weak_password_is_refused_and_nothing_is_stored(office, name, password, why):
    with pytest.raises(ValidationError, match=why) as refused, office.db.unit_of_work() as s:
        add_user(s, office.admin, name, {"sales"}, password)
    assert "密码" in refused.value.zh
    with office.db.reading() as session:
        assert session.scalar(select(User).where(User.name == name)) is None
        assert not session.scalar(select(Event).where(Event.entity_ref == name))


def test_a_reset_password_keeps_the_rules(office):
    from app.users import reset_password

    with pytest.raises(ValidationError, match="user name"), office.db.unit_of_work() as s:
        reset_password(s, office.admin, "warehouse", "warehouse")
    with pytest.raises(ValidationError, match="8 characters"), office.db.unit_of_work() as s:
        reset_password(s, office.admin, "warehouse", "demo")
    assert sign_in(office.db, "warehouse", PASSWORD).name == "warehouse"
    with office.db.unit_of_work() as session:
        reset_password(session, office.admin, "warehouse", "a longer one")
    assert sign_in(office.db, "warehouse", "a longer one").name == "warehouse"


def test_the_first_admin_keeps_the_rules_and_the_demo_keeps_its_password(database):
    from app.demo import DEMO_PASSWORD, build_demo
    from app.setup import ensure_admin

    with pytest.raises(ValidationError, match="user name"):
        ensure_admin(database, "boss-of-all", "BOSS-OF-ALL")
    with database.reading() as session:
        assert session.scalar(select(User)) is None
    build_demo(database, 1)
    assert sign_in(database, "admin", DEMO_PASSWORD).roles == {"admin"}
    with database.reading() as session:
        demo_events = session.scalars(select(Event).where(Event.entity == "user")).all()
    assert {(e.user_name, e.action, e.comment) for e in demo_events} == {
        ("system", "create", "demo")
    }
