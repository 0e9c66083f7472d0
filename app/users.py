"""Users, passwords (argon2) and sign-in with lockout after repeated failures."""

from __future__ import annotations

from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import User

from . import audit
from .clock import utcnow
from .errors import AuthenticationFailed, ValidationError
from .roles import ROLES, require
from .validation import clean_text

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 4

_hasher = PasswordHasher()


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
            f"A password needs at least {MIN_PASSWORD_LENGTH} characters.",
        )


def create_user(
    session: Session, name: str, role: str, password: str, display_name: str = ""
) -> User:
    """Create a user without a permission check: for the first admin and demo data."""
    name = clean_text(name, "用户名", "user name", max_length=64)
    if role not in ROLES:
        known = ", ".join(ROLES)
        raise ValidationError(
            f"没有角色“{role}”。可用角色：{known}。", f"There is no role '{role}'. Roles: {known}."
        )
    _check_password(password)
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise ValidationError(f"用户“{name}”已存在。", f"User '{name}' already exists.")
    user = User(
        name=name,
        display_name=display_name or name,
        role=role,
        password_hash=_hasher.hash(password),
        failed_logins=0,
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user


def add_user(session: Session, actor: User, name: str, role: str, password: str) -> User:
    require(actor, "manage_users")
    user = create_user(session, name, role, password)
    audit.record(
        session, actor.name, entity="user", ref=user.name, action="create", after={"role": role}
    )
    return user


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id)))


def authenticate(session: Session, name: str, password: str) -> User:
    """The signed-in user, or AuthenticationFailed.

    Failures are counted (and committed by the caller even though sign-in fails);
    after MAX_FAILED_LOGINS the account is locked for LOCKOUT.
    """
    wrong = AuthenticationFailed("用户名或密码错误。", "Wrong user name or password.")
    user = session.scalar(select(User).where(User.name == name).with_for_update())
    if user is None or not user.active:
        raise wrong
    now = utcnow()
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        raise AuthenticationFailed(
            f"连续输错密码，账户已锁定，请 {minutes} 分钟后再试。",
            f"Too many failed sign-ins: the account is locked for {minutes} more minute(s).",
        )
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            audit.record(
                session,
                user.name,
                entity="user",
                ref=user.name,
                action="locked",
                comment=f"{MAX_FAILED_LOGINS} failed sign-ins",
            )
        raise wrong from None
    if user.failed_logins or user.locked_until:
        user.failed_logins = 0
        user.locked_until = None
    return user


def sign_in(database: Database, name: str, password: str) -> User:
    """Authenticate in a unit of its own, so a failed attempt is counted even though it fails."""
    failure: AuthenticationFailed | None = None
    with database.unit_of_work() as session:
        try:
            user = authenticate(session, name, password)
        except AuthenticationFailed as error:
            failure = error
    if failure is not None:
        raise failure
    return user
