"""Passwords, sign-in, lockout and user management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.clock import frozen_at, utcnow
from app.errors import AuthenticationFailed, PermissionDenied, ValidationError
from app.users import MAX_FAILED_LOGINS, add_user, sign_in
from db.models import Event, User

PASSWORD = "secret-pw"  # the office fixture's password for every role


def test_sign_in_with_the_right_password(office):
    assert sign_in(office.db, "sales", PASSWORD).roles == {"sales"}


def test_passwords_are_stored_as_argon2_hashes(office):
    with office.db.unit_of_work() as session:
        user = add_user(session, office.admin, "张三", {"finance"}, "密码-123")
    with office.db.reading() as session:
        stored = session.scalar(select(User.password_hash).where(User.id == user.id))
    assert stored.startswith("$argon2id$") and "密码-123" not in stored
    assert sign_in(office.db, "张三", "密码-123").roles == {"finance"}


def test_lockout_after_repeated_failures(office):
    for _ in range(MAX_FAILED_LOGINS):
        with pytest.raises(AuthenticationFailed, match="Wrong"):
            sign_in(office.db, "finance", "wrong")
    # Locked now: even the right password is refused, and the lock is in the audit trail.
    with pytest.raises(AuthenticationFailed, match="locked"):
        sign_in(office.db, "finance", PASSWORD)
    with office.db.reading() as session:
        assert session.scalar(select(Event.action).where(Event.entity_ref == "finance")) == "locked"
    with frozen_at(utcnow() + timedelta(minutes=16)):
        assert sign_in(office.db, "finance", PASSWORD).name == "finance"


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
