"""Users, passwords (argon2) and sign-in with lockout after repeated failures."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import User

from . import audit
from .clock import utcnow
from .errors import AuthenticationFailed, NotFound, ValidationError
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


def _checked_roles(roles: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(role.strip() for role in roles if role.strip())
    unknown = sorted(chosen - set(ROLES))
    if unknown or not chosen:
        known = ", ".join(ROLES)
        wrong = "、".join(unknown)
        raise ValidationError(
            f"没有角色“{wrong}”。可用角色：{known}。" if unknown else "至少要有一个角色。",
            f"There is no role '{', '.join(unknown)}'. Roles: {known}."
            if unknown
            else "A user needs at least one role.",
        )
    return chosen


def create_user(
    session: Session, name: str, roles: Iterable[str], password: str, display_name: str = ""
) -> User:
    """Create a user without a permission check: for the first admin and demo data."""
    name = clean_text(name, "用户名", "user name", max_length=64)
    roles = _checked_roles(roles)
    _check_password(password)
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise ValidationError(f"用户“{name}”已存在。", f"User '{name}' already exists.")
    user = User(
        name=name,
        display_name=clean_text(
            display_name or name, "显示名", "display name", max_length=128, required=False
        ),
        roles=roles,
        password_hash=_hasher.hash(password),
        failed_logins=0,
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    return user


def add_user(
    session: Session,
    actor: User,
    name: str,
    roles: Iterable[str],
    password: str,
    display_name: str = "",
) -> User:
    require(actor, "manage_users")
    user = create_user(session, name, roles, password, display_name)
    audit.record(
        session,
        actor.name,
        entity="user",
        ref=user.name,
        action="create",
        after={"roles": sorted(user.roles)},
    )
    return user


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id)))


def list_users(session: Session, actor: User) -> list[User]:
    require(actor, "manage_users")
    return list(session.scalars(select(User).order_by(User.name)))


def find_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name.strip()).with_for_update())
    if user is None:
        raise NotFound(f"没有用户“{name}”。", f"There is no user '{name}'.")
    return user


def _keep_an_admin(session: Session, user: User, *, roles: frozenset[str], active: bool) -> None:
    """Refuse a change that would leave the office without an active admin."""
    if "admin" not in user.roles or not user.active or ("admin" in roles and active):
        return
    others = [
        u
        for u in session.scalars(select(User).where(User.active, User.id != user.id))
        if "admin" in u.roles
    ]
    if not others:
        raise ValidationError(
            f"{user.name} 是最后一个管理员，不能取消其管理员身份或停用。",
            f"{user.name} is the last admin: they cannot lose the admin role or be deactivated.",
        )


def set_roles(session: Session, actor: User, name: str, roles: Iterable[str]) -> User:
    require(actor, "manage_users")
    user = find_user(session, name)
    roles = _checked_roles(roles)
    _keep_an_admin(session, user, roles=roles, active=user.active)
    before = sorted(user.roles)
    user.roles = roles
    audit.record(
        session,
        actor.name,
        entity="user",
        ref=user.name,
        action="roles",
        before={"roles": before},
        after={"roles": sorted(roles)},
    )
    return user


def reset_password(session: Session, actor: User, name: str, password: str) -> User:
    """A new password set by an admin; it also lifts a lock."""
    require(actor, "manage_users")
    user = find_user(session, name)
    _check_password(password)
    user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, actor.name, entity="user", ref=user.name, action="reset_password")
    return user


def unlock(session: Session, actor: User, name: str) -> User:
    require(actor, "manage_users")
    user = find_user(session, name)
    before = {"failed_logins": user.failed_logins, "locked": user.locked_until is not None}
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, actor.name, entity="user", ref=user.name, action="unlock", before=before)
    return user


def set_active(session: Session, actor: User, name: str, active: bool) -> User:
    """Deactivate (or reactivate) a user; users are never deleted, the audit trail names them."""
    require(actor, "manage_users")
    user = find_user(session, name)
    if user.active == active:
        return user
    _keep_an_admin(session, user, roles=user.roles, active=active)
    user.active = active
    audit.record(
        session,
        actor.name,
        entity="user",
        ref=user.name,
        action="activate" if active else "deactivate",
        before={"active": not active},
        after={"active": active},
    )
    return user


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


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
