"""The audit trail (留痕): append-only events chained by hashes, and their verification."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.event import listens_for
from sqlalchemy.orm import Session

from db.models import AuditHead, Event

from .clock import utcnow

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


# Built once: every committing unit of work runs them.
_HEAD = AuditHead.__table__
_LOCK_HEAD = (
    select(_HEAD.c.last_event_id, _HEAD.c.last_hash).where(_HEAD.c.id == 1).with_for_update()
)
_MOVE_HEAD = (
    _HEAD.update()
    .where(_HEAD.c.id == 1)
    .values(last_event_id=bindparam("new_id"), last_hash=bindparam("new_hash"))
)
_INSERT_EVENTS = Event.__table__.insert()


@listens_for(Session, "before_commit")
def _chain_pending_events(session: Session) -> None:
    """Link the transaction's events to the chain as its very last step.

    The head row is locked last and only for the moment before commit, so
    writers always take their locks in the same order (order, products,
    numbers, head) and never deadlock on PostgreSQL.
    """
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    last_id, last_hash = session.execute(_LOCK_HEAD).one()
    for row in pending:
        last_id += 1
        row["id"] = last_id
        row["prev_hash"] = last_hash
        row["hash"] = last_hash = _digest(last_hash, row)
    session.execute(_INSERT_EVENTS, pending)
    session.execute(_MOVE_HEAD, {"new_id": last_id, "new_hash": last_hash})


@listens_for(Session, "after_rollback")
def _drop_pending_events(session: Session) -> None:
    session.info.pop(_PENDING, None)


@dataclass
class VerifyResult:
    ok: bool
    checked: int
    bad_event_id: int | None = None
    zh: str = ""
    en: str = ""


def verify(session: Session) -> VerifyResult:
    """Walk the whole chain; name the first event whose content or link does not hold.

    The head is read first and the walk stops at the event it names, so events that
    other desktops commit meanwhile are not mistaken for a broken chain.
    """
    head = session.get(AuditHead, 1)
    newest = head.last_event_id if head is not None else 0
    expected_prev = GENESIS
    checked = 0
    last_id = 0
    rows = session.scalars(
        select(Event).where(Event.id <= newest).order_by(Event.id).execution_options(yield_per=2000)
    )
    for event in rows:
        checked += 1
        described = f"#{event.id} {event.at:%Y-%m-%d %H:%M:%S} {event.action} {event.entity_ref}"
        if event.id != last_id + 1 or event.prev_hash != expected_prev:
            return VerifyResult(
                False,
                checked,
                event.id,
                f"审计记录 {described} 与前一条记录接不上：它之前的记录被修改或删除。",
                f"Audit record {described}: link to the previous record broken; "
                "a record before it was edited or deleted.",
            )
        if _digest(event.prev_hash, {name: getattr(event, name) for name in _FIELDS}) != event.hash:
            return VerifyResult(
                False,
                checked,
                event.id,
                f"审计记录 {described} 的内容被改动过（哈希不符）。",
                f"Audit record {described} was edited (hash mismatch).",
            )
        expected_prev = event.hash
        last_id = event.id
    if head is not None and (head.last_hash != expected_prev or last_id != newest):
        return VerifyResult(
            False,
            checked,
            last_id + 1,
            f"审计记录 #{last_id} 之后的最新记录不见了：记录被删除。",
            f"The newest audit records after #{last_id} are missing: records were deleted.",
        )
    return VerifyResult(
        True,
        checked,
        zh=f"审计链完整，共 {checked} 条记录。",
        en=f"Audit chain intact: {checked} records.",
    )
