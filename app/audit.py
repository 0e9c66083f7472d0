"""The audit trail (留痕): append-only events chained by hashes, and their verification."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.engine import URL
from sqlalchemy.event import listens_for
from sqlalchemy.orm import Session

from db.models import AuditHead, Event, Order, User

from . import config
from .clock import utcnow
from .errors import AuditBroken, ValidationError

GENESIS = "0" * 64


def jsonable(value: Any) -> Any:
    """Decimals, dates and nested containers as plain JSON values (amounts as strings)."""
    if value is None or isinstance(value, str | int):  # most values: checked first
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


_FIELDS = (
    "at",
    "user_name",
    "order_id",
    "entity",
    "entity_ref",
    "action",
    "before",
    "after",
    "comment",
)


def _digest(prev_hash: str, fields: dict) -> str:
    content = [prev_hash, fields["at"].isoformat()] + [fields[name] for name in _FIELDS[1:]]
    encoded = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


_PENDING = "audit_pending"


def record(
    session: Session,
    user_name: str,
    *,
    entity: str,
    ref: str,
    action: str,
    order_id: int | None = None,
    before: dict | None = None,
    after: dict | None = None,
    comment: str = "",
) -> None:
    """Queue one event; it joins the chain when the caller's transaction commits."""
    session.info.setdefault(_PENDING, []).append(
        {
            "at": utcnow(),
            "user_name": user_name,
            "order_id": order_id,
            "entity": entity,
            "entity_ref": ref,
            "action": action,
            "before": jsonable(before) if before is not None else None,
            "after": jsonable(after) if after is not None else None,
            "comment": comment or "",
        }
    )


def record_on_order(
    session: Session,
    user_name: str,
    order,
    action: str,
    *,
    before: dict | None = None,
    after: dict | None = None,
    comment: str = "",
) -> None:
    """Queue one event in an order's timeline."""
    record(
        session,
        user_name,
        entity="order",
        ref=order.number,
        order_id=order.id,
        action=action,
        before=before,
        after=after,
        comment=comment,
    )


def pending(session: Session) -> list[dict]:
    """The events the session's transaction has queued so far."""
    return session.info.get(_PENDING, [])


_NOTICES = "audit_notices"


def notify_on_commit(session: Session, channel: str, payload: str) -> None:
    """On PostgreSQL, a NOTIFY sent with the transaction's events, in the statement that
    chains them (other desktops hear it at commit, as they would any NOTIFY)."""
    session.info.setdefault(_NOTICES, []).append([channel, payload])


# Built once: every committing unit of work runs them.
_HEAD = AuditHead.__table__
_LOCK_HEAD = (
    select(_HEAD.c.last_event_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1).with_for_update()
)
# The head moves only from where the events were linked: a head that moved meanwhile
# (another desktop wrote) matches no row, and the events are linked again from it.
_MOVE_HEAD = (
    _HEAD.update()
    .where(
        _HEAD.c.id == 1,
        _HEAD.c.last_event_id == bindparam("old_id"),
        _HEAD.c.last_hash == bindparam("old_hash"),
    )
    .values(last_event_id=bindparam("new_id"), last_hash=bindparam("new_hash"))
)
_INSERT_EVENTS = Event.__table__.insert()
# On PostgreSQL the head's move, the events, the transaction's notices and the writes that
# ride along (`ride_with_events`) are one statement, round trips fewer for every change:
# the events travel as one JSON array of rows, the notices as one of [channel, payload];
# nothing is written unless the head moved.
_COLUMNS = ", ".join(("id", "prev_hash", "hash", *_FIELDS))
_MOVE_AND_APPEND = (
    "WITH moved AS (UPDATE audit_head SET last_event_id = :new_id, last_hash = :new_hash"
    " WHERE id = 1 AND last_event_id = :old_id AND last_hash = :old_hash RETURNING id),"
    f" added AS (INSERT INTO events ({_COLUMNS}) SELECT {_COLUMNS}"
    " FROM json_populate_recordset(NULL::events, :rows) WHERE EXISTS (SELECT FROM moved)),"
    " told AS (SELECT pg_notify(notice->>0, notice->>1)"
    " FROM json_array_elements(:notices) AS notice WHERE EXISTS (SELECT FROM moved))"
)


@cache
def _append_on_server(riders: tuple[str, ...]):
    return text(
        _MOVE_AND_APPEND
        + "".join(f", {rider}" for rider in riders)
        + " SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM told)"
    )


@cache
def _riders_alone(riders: tuple[str, ...]):
    return text("WITH moved AS (SELECT)" + "".join(f", {r}" for r in riders) + " SELECT 1")


_RIDERS = "audit_riders"


def ride_with_events(session: Session, ctes: str, params: dict) -> None:
    """On PostgreSQL, writes sent in the statement that chains the transaction's events
    (a round trip fewer): `ctes` are data-modifying common table expressions, each writing
    only `WHERE EXISTS (SELECT FROM moved)` (that statement runs again when the head had
    moved); their parameters' names are the caller's to keep apart."""
    session.info.setdefault(_RIDERS, []).append((ctes, params))


_NOTIFY = select(func.pg_notify(bindparam("channel"), bindparam("payload")))
# Per database, the head this process's last commit left: where the next events are
# linked from without reading the head first (a statement fewer for every change).
_HEAD_LEFT: dict[URL, tuple[int, str]] = {}
_MOVED = "audit_moved_head"


@listens_for(Session, "before_commit")
def _chain_pending_events(session: Session) -> None:
    """Link the transaction's events to the chain as its very last step.

    The head row is locked last and only for the moment before commit, so
    writers always take their locks in the same order (order, products,
    numbers, head) and never deadlock on PostgreSQL.
    """
    pending = session.info.pop(_PENDING, None)
    notices = session.info.pop(_NOTICES, [])
    riders = session.info.pop(_RIDERS, [])
    if not pending:
        if riders:
            session.execute(_riders_alone(tuple(r for r, _ in riders)), _ridden(riders))
        for channel, payload in notices:
            session.execute(_NOTIFY, {"channel": channel, "payload": payload})
        return
    database = session.get_bind().url
    head = _HEAD_LEFT.get(database)
    if head is None or not _append(session, pending, notices, riders, head):
        head = session.execute(_LOCK_HEAD).one_or_none()
        if head is None:  # deleted behind the program's back: never start a second chain
            raise AuditBroken(
                "审计链的链头记录不见了，无法再记录任何修改；请运行 audit verify 并联系管理员。",
                "The audit chain's head record is missing, so no change can be recorded; "
                "run audit verify and call the administrator.",
            )
        _append(session, pending, notices, riders, tuple(head))  # locked: it stays
    session.info[_MOVED] = (database, (pending[-1]["id"], pending[-1]["hash"]))


def _ridden(riders: list[tuple[str, dict]]) -> dict:
    return {name: value for _, params in riders for name, value in params.items()}


def _append(
    session: Session,
    pending: list[dict],
    notices: list,
    riders: list[tuple[str, dict]],
    head: tuple[int, str],
) -> bool:
    """Link the events after `head` and write them, if the head still stands there."""
    last_id, last_hash = head
    for row in pending:
        last_id += 1
        row["id"] = last_id
        row["prev_hash"] = last_hash
        row["hash"] = last_hash = _digest(last_hash, row)
    move = {"old_id": head[0], "old_hash": head[1], "new_id": last_id, "new_hash": last_hash}
    if session.get_bind().dialect.name == "postgresql":
        rows = [{**row, "at": row["at"].isoformat()} for row in pending]
        moved = session.execute(
            _append_on_server(tuple(ctes for ctes, _ in riders)),
            {
                "rows": json.dumps(rows, ensure_ascii=False),
                "notices": json.dumps(notices, ensure_ascii=False),
                **move,
                **_ridden(riders),
            },
        ).scalar_one()
        return moved == 1
    if session.execute(_MOVE_HEAD, move).rowcount != 1:
        return False
    session.execute(_INSERT_EVENTS, pending)
    return True


@listens_for(Session, "after_commit")
def _remember_head(session: Session) -> None:
    moved = session.info.pop(_MOVED, None)
    if moved is not None:
        database, head = moved
        _HEAD_LEFT[database] = head


@listens_for(Session, "after_rollback")
def _drop_pending_events(session: Session) -> None:
    session.info.pop(_PENDING, None)
    session.info.pop(_NOTICES, None)
    session.info.pop(_MOVED, None)
    session.info.pop(_RIDERS, None)


@dataclass(frozen=True)
class Witness:
    """The newest record someone has seen of the chain: a shorter or different chain
    later means records were removed or rewritten, even with the head made to match."""

    event_id: int
    hash: str  # in full, or its first SHORT_HASH digits (as printed on paper)

    def printed(self) -> str:
        """As a printed document shows it, for `audit verify --seen` later."""
        return f"#{self.event_id}:{self.hash[:SHORT_HASH]}"

    @classmethod
    def parse(cls, text: str) -> Witness:
        """A witness as printed ("#1234:3fa9c1e2d4b7") or given in full."""
        number, _, digest = text.strip().removeprefix("#").partition(":")
        digest = digest.strip().lower()
        if not (number.isdecimal() and len(digest) >= SHORT_HASH and _is_hex(digest)):
            raise ValidationError(
                f"“{text}”不是审计记录的见证（应写成 #编号:哈希，如 #1234:3fa9c1e2d4b7）。",
                f"'{text}' is not an audit witness (write #ID:HASH, e.g. #1234:3fa9c1e2d4b7).",
            )
        return cls(int(number), digest)


SHORT_HASH = 12


def _is_hex(text: str) -> bool:
    return all(ch in "0123456789abcdef" for ch in text)


def newest(session: Session) -> Witness | None:
    """The chain's head as it stands: what a window or a printed document has seen."""
    head = session.get(AuditHead, 1)
    return Witness(head.last_event_id, head.last_hash) if head and head.last_event_id else None


def witness_key(database) -> str:
    """Which database a desktop's witness belongs to: its URL without the password."""
    return database.engine.url.render_as_string(hide_password=True)


def remember_head(database) -> Witness | None:
    """Keep the head this desktop sees now as its witness (the window does, as it shows
    the office's data); returns it."""
    with database.reading() as session:
        seen = newest(session)
    if seen is not None:
        remember_seen(witness_key(database), seen)
    return seen


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    bad_event_id: int | None = None
    zh: str = ""
    en: str = ""
    newest: Witness | None = None
    # Every facts-table row the events do not bear out (app/fact_trail.py), when any.
    facts: list = field(default_factory=list)


_WITNESSES = "audit_witness"


def seen_here(database_key: str) -> Witness | None:
    """The newest record of this database's chain this desktop has seen."""
    seen = config.load().get(_WITNESSES, {}).get(database_key)
    return Witness(int(seen["id"]), str(seen["hash"])) if seen else None


def remember_seen(database_key: str, newest: Witness) -> None:
    """Keep `newest` as this desktop's witness; a witness only ever moves forward."""
    seen = seen_here(database_key)
    if seen is not None and seen.event_id >= newest.event_id:
        return
    witnesses = config.load().get(_WITNESSES, {})
    witnesses[database_key] = {"id": newest.event_id, "hash": newest.hash}
    config.save(**{_WITNESSES: witnesses})


def witness_of_backup(path: str | Path) -> Witness:
    """The head of a backup copy: the chain it holds must still be in the database."""
    try:
        copy = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = copy.execute("SELECT last_event_id, last_hash FROM audit_head").fetchone()
        finally:
            copy.close()
    except sqlite3.Error:
        row = None
    if row is None:
        raise ValidationError(
            f"{path} 不是 OrderTrail 数据库的备份。",
            f"{path} is not a backup of an OrderTrail database.",
        )
    return Witness(int(row[0]), str(row[1]))


def _broken(checked: int, event_id: int | None, zh: str, en: str) -> VerifyResult:
    return VerifyResult(False, checked, event_id, zh, en)


def verify(session: Session, witnesses: tuple[Witness, ...] = ()) -> VerifyResult:
    """Walk the whole chain from its first event; name the first record that does not hold.

    The session reads one snapshot, so events that other desktops commit meanwhile are not
    mistaken for a broken chain. Beyond the links and hashes: the head must name the newest
    event, the chain must reach and agree with every witness, every order's node must be the
    one its events end at, and every user's role the one last recorded.
    """
    head = session.get(AuditHead, 1)
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    expected: dict[int, set[str]] = {}
    for witness in witnesses:
        expected.setdefault(witness.event_id, set()).add(witness.hash)
    statuses: dict[int, str] = {}
    roles: dict[str, frozenset[str]] = {}
    rows = session.scalars(select(Event).order_by(Event.id).execution_options(yield_per=2000))
    for event in rows:
        checked += 1
        described = f"#{event.id} {event.at:%Y-%m-%d %H:%M:%S} {event.action} {event.entity_ref}"
        if event.id != last_id + 1 or event.prev_hash != expected_prev:
            return _broken(
                checked,
                event.id,
                f"审计记录 {described} 与前一条记录接不上：它之前的记录被修改或删除。",
                f"Audit record {described}: link to the previous record broken; "
                "a record before it was edited or deleted.",
            )
        if _digest(event.prev_hash, {name: getattr(event, name) for name in _FIELDS}) != event.hash:
            return _broken(
                checked,
                event.id,
                f"审计记录 {described} 的内容被改动过（哈希不符）。",
                f"Audit record {described} was edited (hash mismatch).",
            )
        if any(not event.hash.startswith(seen) for seen in expected.get(event.id, ())):
            return _broken(
                checked,
                event.id,
                f"审计记录 {described} 与之前见过的（本机或备份中的）不同：审计链被改写。",
                f"Audit record {described} differs from the one seen before (on this desktop "
                "or in a backup): the chain was rewritten.",
            )
        _follow(event, statuses, roles)
        expected_prev = event.hash
        last_id = event.id
    if head is None and checked:
        return _broken(
            checked,
            None,
            "审计链的链头记录（audit_head）不见了：它被删除了。",
            "The audit chain's head record (audit_head) is missing: it was deleted.",
        )
    if head is not None and (head.last_hash != expected_prev or head.last_event_id != last_id):
        if last_id < head.last_event_id:
            return _broken(
                checked,
                last_id + 1,
                f"审计记录 #{last_id} 之后的最新记录不见了：记录被删除。",
                f"The newest audit records after #{last_id} are missing: records were deleted.",
            )
        return _broken(
            checked,
            head.last_event_id,
            f"审计链头指向 #{head.last_event_id}，与最新记录 #{last_id} 不符：链头被改动。",
            f"The audit chain's head names #{head.last_event_id}, not the newest record "
            f"#{last_id}: the head was altered.",
        )
    seen = max(expected, default=0)
    if seen > last_id:
        return _broken(
            checked,
            last_id + 1,
            f"审计链只到 #{last_id}，但之前（本机或备份中）已见过 #{seen}：最新的记录被删除了。",
            f"The audit chain ends at #{last_id}, but #{seen} was seen before (on this "
            "desktop or in a backup): the newest records were deleted.",
        )
    mismatch = _history_mismatch(session, statuses, roles)
    if mismatch is not None:
        return _broken(checked, None, *mismatch)
    from .fact_trail import mismatches  # the facts tables against what the events recorded

    facts = mismatches(session)
    if facts:
        more_zh = f"（另有 {len(facts) - 1} 处）" if len(facts) > 1 else ""
        more_en = f" (and {len(facts) - 1} more)" if len(facts) > 1 else ""
        broken = _broken(checked, None, facts[0].zh + more_zh, facts[0].en + more_en)
        broken.facts = facts
        return broken
    return VerifyResult(
        True,
        checked,
        zh=f"审计链完整，共 {checked} 条记录。",
        en=f"Audit chain intact: {checked} records.",
        newest=Witness(last_id, expected_prev) if checked else None,
    )


def _follow(event: Event, statuses: dict[int, str], roles: dict[str, frozenset[str]]) -> None:
    """Note the order node and the user role an event leaves behind."""
    after = event.after if isinstance(event.after, dict) else {}
    if event.entity == "order" and event.order_id is not None and "status" in after:
        statuses[event.order_id] = after["status"]
    elif event.entity == "user" and "roles" in after:
        roles[event.entity_ref] = frozenset(after["roles"])
    elif event.entity == "user" and "role" in after:  # written before users held several
        roles[event.entity_ref] = frozenset({after["role"]})


def _history_mismatch(
    session: Session, statuses: dict[int, str], roles: dict[str, frozenset[str]]
) -> tuple[str, str] | None:
    """An order or a user changed behind the program's back: its row and its events disagree."""
    for order_id, number, status in session.execute(
        select(Order.id, Order.number, Order.status).order_by(Order.id)
    ):
        recorded = statuses.get(order_id)
        if recorded != status:
            return (
                f"订单 {number} 在“{status}”，但审计记录显示它应在“{recorded or '—'}”："
                "状态被绕过程序改动。",
                f"Order {number} is at '{status}' but its audit records end at "
                f"'{recorded or '-'}': its status was changed behind the program's back.",
            )
    for name, held in session.execute(select(User.name, User.roles).order_by(User.id)):
        recorded = roles.get(name)
        if recorded != held:
            shown, said = (", ".join(sorted(r)) if r else "-" for r in (held, recorded))
            return (
                f"用户 {name} 的角色是“{shown}”，但审计记录中是“{said}”：角色被绕过程序改动。",
                f"User {name} has the roles '{shown}' but the audit records say "
                f"'{said}': the roles were changed behind the program's back.",
            )
    return None
