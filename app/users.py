"""Users, passwords (argon2) and sign-in, slowed down after repeated failures."""

from __future__ import annotations

import getpass
import socket
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import SignInFailure, User

from . import audit
from .clock import utcnow
from .errors import AuthenticationFailed, NotFound, ValidationError
from .roles import ACCOUNT_ROLES, BOARD, require
from .validation import clean_text

# Failures older than this no longer slow anyone down.
FAILURE_MEMORY = timedelta(minutes=15)
FREE_FAILURES = 3
# Someone else's failures can hold an account back this long at most; the desktop they
# come from is slowed down far more.
ACCOUNT_DELAY_CAP = timedelta(seconds=30)
SOURCE_DELAY_CAP = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
# The name the program's own events carry (workflow seeding, the first admin).
SYSTEM = "system"
NAME_PUNCTUATION = frozenset("._-@")


@cache
def _hasher():
    """argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): each
    command of a script signs in, and the library's default (64 MiB, 3 passes) spent
    about 0.15 s of every command's start on it. Loaded only when a password is hashed or
    checked (not for --help or a command that needs no sign-in)."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def check_password(password: str, name: str) -> None:
    """A real user's password: long enough, and not the user's own name."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"用户 {name} 的密码至少需要 {MIN_PASSWORD_LENGTH} 个字符。",
            f"The password of {name} needs at least {MIN_PASSWORD_LENGTH} characters.",
        )
    if unicodedata.normalize("NFKC", password).casefold() == name.casefold():
        raise ValidationError(
            f"用户 {name} 的密码不能与用户名相同。",
            f"The password of {name} may not be the user name.",
        )


def _user_name(session: Session, name: str) -> str:
    """The name as stored: normalised, in letters and digits, CJK ideographs and . _ - @
    only (no look-alikes, no invisible characters), not the program's own, not taken."""
    name = unicodedata.normalize("NFKC", clean_text(name, "用户名", "user name", max_length=64))
    odd = [ch for ch in name if not (ch in NAME_PUNCTUATION or _is_name_letter(ch))]
    if odd:
        shown = ", ".join(f"U+{ord(ch):04X}" for ch in dict.fromkeys(odd))
        raise ValidationError(
            f"用户名只能包含英文字母、数字、汉字和 . _ - @，不能含 {shown}。",
            f"A user name may hold Latin letters, digits, Chinese characters and . _ - @ only, "
            f"not {shown}.",
        )
    if name.casefold() == SYSTEM:
        raise ValidationError(
            f"“{name}”是程序自己的名字，不能用作用户名。",
            f"'{name}' is the program's own name and cannot be a user's.",
        )
    taken = session.scalar(select(User.name).where(func.lower(User.name) == name.lower()))
    if taken is not None:
        raise ValidationError(f"用户“{taken}”已存在。", f"User '{taken}' already exists.")
    return name


def _is_name_letter(ch: str) -> bool:
    return (ch.isascii() and ch.isalnum()) or unicodedata.name(ch, "").startswith(
        "CJK UNIFIED IDEOGRAPH"
    )


def _checked_roles(roles: Iterable[str]) -> frozenset[str]:
    chosen = frozenset(role.strip() for role in roles if role.strip())
    unknown = sorted(chosen - set(ACCOUNT_ROLES))
    if unknown or not chosen:
        known = ", ".join(ACCOUNT_ROLES)
        wrong = "、".join(unknown)
        raise ValidationError(
            f"没有角色“{wrong}”。可用角色：{known}。" if unknown else "至少要有一个角色。",
            f"There is no role '{', '.join(unknown)}'. Roles: {known}."
            if unknown
            else "A user needs at least one role.",
        )
    if BOARD in chosen and len(chosen) > 1:
        raise ValidationError(
            "大屏账号只能有“大屏”这一个角色；给真人另开一个账号。",
            "A wall display account holds the board role alone; give a person their own account.",
        )
    return chosen


def create_user(
    session: Session,
    name: str,
    roles: Iterable[str],
    password: str,
    display_name: str = "",
    *,
    by: str = SYSTEM,
) -> User:
    """Create a user without a permission check (for the first admin), audited as made
    `by` that name."""
    name = _user_name(session, name)
    check_password(password, name)
    return _new_user(session, name, _checked_roles(roles), password, display_name, by=by)


def create_demo_user(session: Session, role: str, password: str) -> User:
    """One of the demo's accounts (named for its role, with the demo's published
    password, which the rules for real users would refuse), audited as the demo's.
    Only the demo calls this, and the demo runs on an empty database only."""
    name = _user_name(session, role)
    return _new_user(session, name, _checked_roles({role}), password, "", comment="demo")


def _new_user(
    session: Session,
    name: str,
    roles: frozenset[str],
    password: str,
    display_name: str,
    *,
    by: str = SYSTEM,
    comment: str = "",
) -> User:
    """The account and its audit event: every account has one, which `audit verify`
    follows its roles from."""
    user = User(
        name=name,
        display_name=clean_text(
            display_name or name, "显示名", "display name", max_length=128, required=False
        ),
        roles=roles,
        password_hash=hash_password(password),
        active=True,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        by,
        entity="user",
        ref=user.name,
        action="create",
        after={"roles": sorted(roles)},
        comment=comment,
    )
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
    return create_user(session, name, roles, password, display_name, by=actor.name)


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id)))


def this_desktop() -> str:
    """Where sign-ins come from: the computer and its account."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        account = "?"
    return f"{account}@{socket.gethostname()}"[:200]


def _delay(failures: int, cap: timedelta) -> timedelta:
    """Each failure beyond the first few doubles the wait, up to `cap`."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES)), cap)


def _recent_failures(session: Session, column, value: str, now) -> tuple[int, datetime | None]:
    """How many failures still slow sign-in down, and when the last of them was."""
    return tuple(
        session.execute(
            select(func.count(SignInFailure.id), func.max(SignInFailure.at)).where(
                column == value, SignInFailure.counted, SignInFailure.at > now - FAILURE_MEMORY
            )
        ).one()
    )


def _wait(session: Session, column, value: str, cap: timedelta, now) -> timedelta:
    count, last = _recent_failures(session, column, value, now)
    return last + _delay(count, cap) - now if count else timedelta(0)


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
    """A new password set by an admin; it also ends the slowing-down of its sign-ins."""
    require(actor, "manage_users")
    user = find_user(session, name)
    check_password(password, user.name)
    user.password_hash = hash_password(password)
    _forgive_failures(session, user.name)
    audit.record(session, actor.name, entity="user", ref=user.name, action="reset_password")
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
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _store_current_hash(database: Database, user_id: int, password: str) -> None:
    """Re-hash a password stored at older settings, once, on its holder's sign-in. The
    password itself is unchanged, so no event is written; a busy database just leaves it
    for the next sign-in."""
    try:
        with database.unit_of_work() as session:
            session.execute(
                update(User).where(User.id == user_id).values(password_hash=hash_password(password))
            )
    except OperationalError:
        pass


def sign_in(database: Database, name: str, password: str, source: str | None = None) -> User:
    """The signed-in user, or AuthenticationFailed.

    Reading and checking take no write lock; only a failure is written (it slows the
    next attempts on that account a little and from that desktop a lot, and goes into
    the audit trail), so nobody can lock someone else out for long.
    """
    source = (source or this_desktop())[:200]
    name = unicodedata.normalize("NFKC", name)[:64]
    now = utcnow()
    with database.reading() as session:
        wait = max(
            _wait(session, SignInFailure.user_name, name, ACCOUNT_DELAY_CAP, now),
            _wait(session, SignInFailure.source, source, SOURCE_DELAY_CAP, now),
        )
        if wait > timedelta(0):
            seconds = int(wait.total_seconds()) + 1
            raise AuthenticationFailed(
                f"登录失败次数过多，请 {seconds} 秒后再试。",
                f"Too many failed sign-ins: try again in {seconds} s.",
            )
        user = session.scalar(select(User).where(User.name == name))
        if user is not None and user.active and password_matches(user.password_hash, password):
            if _hasher().check_needs_rehash(user.password_hash):
                _store_current_hash(database, user.id, password)
            return user
    with database.unit_of_work() as session:
        session.add(SignInFailure(at=now, user_name=name, source=source))
        if user is not None:
            audit.record(
                session,
                user.name,
                entity="user",
                ref=user.name,
                action="sign_in_failed",
                comment=source,
            )
    raise AuthenticationFailed("用户名或密码错误。", "Wrong user name or password.")


@dataclass(frozen=True)
class FailureNotice:
    """Failed sign-ins on an account since its holder last heard of them."""

    count: int
    last_at: datetime
    last_source: str

    def message(self, lang: str = "zh") -> str:
        at = f"{self.last_at:%Y-%m-%d %H:%M} UTC"
        if lang == "en":
            return (
                f"Since your last sign-in, {self.count} sign-in(s) with a wrong password "
                f"were tried on your account (last at {at} from {self.last_source})."
            )
        return (
            f"自您上次登录以来，有人用错误密码尝试登录您的账户 {self.count} 次"
            f"（最近一次在 {at}，来自 {self.last_source}）。"
        )


def take_failure_notice(database: Database, user: User) -> FailureNotice | None:
    """What to tell a user who just signed in about failures on their account; each failure
    is told once (a write only when there is something to tell)."""
    unnoticed = (SignInFailure.user_name == user.name) & ~SignInFailure.noticed
    with database.reading() as session:
        count, last_at = session.execute(
            select(func.count(SignInFailure.id), func.max(SignInFailure.at)).where(unnoticed)
        ).one()
        if not count:
            return None
        last_source = session.scalar(
            select(SignInFailure.source)
            .where(unnoticed)
            .order_by(SignInFailure.at.desc(), SignInFailure.id.desc())
            .limit(1)
        )
    with database.unit_of_work() as session:
        session.execute(update(SignInFailure).where(unnoticed).values(noticed=True))
    return FailureNotice(count, last_at, last_source)


def is_slowed_down(session: Session, name: str) -> bool:
    """Whether the account's recent failures slow its sign-ins down (what unlock ends)."""
    return _counted_failures(session, name) >= FREE_FAILURES


def _counted_failures(session: Session, name: str) -> int:
    return _recent_failures(session, SignInFailure.user_name, name, utcnow())[0]


def _forgive_failures(session: Session, name: str) -> None:
    session.execute(
        update(SignInFailure)
        .where(SignInFailure.user_name == name, SignInFailure.counted)
        .values(counted=False)
    )


def unlock(session: Session, actor: User, name: str) -> User:
    """An admin ends the slowing-down of an account's sign-ins at once."""
    require(actor, "manage_users")
    user = find_user(session, name)
    before = {"failed_logins": _counted_failures(session, user.name)}
    _forgive_failures(session, user.name)
    audit.record(session, actor.name, entity="user", ref=user.name, action="unlock", before=before)
    return user
