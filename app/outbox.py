"""The outbox: outbound notices written with the change, sent later by any sender.

A notice that reaches a user by e-mail, WeCom, DingTalk or webhook becomes an outbox
row in the same transaction as the change, so it exists exactly when the change does.
Senders (the window's background sender, `ordertrail notify --run`) claim due rows with
a lease, send them outside any transaction, and mark each sent in the same transaction
as the delivery record. A sender that dies mid-way leaves its rows claimed until the
lease runs out; then another sends them. Failures are retried with exponential backoff;
after MAX_ATTEMPTS the row is dead, listed for the admin, who may retry it.

"Exactly once" here: every message is handed to its receiver at least once, and never
twice by two senders at the same time; only a crash between the receiver's answer and
the commit can repeat it (at most the one message each worker had in flight), and then
with the same idempotency key.
"""

from __future__ import annotations

import contextvars
import os
import socket
import ssl
import threading
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import insert, literal_column, or_, select, text, update
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Delivery, Notification, NotificationPreference, Order, OutboxMessage, User

from . import audit, settings
from .channels import SENDERS, DeliveryFailed, Message
from .clock import utcnow
from .errors import NotFound, ValidationError
from .lookup import by_keys, picked
from .notifications import DEFAULT_CHANNELS, IN_APP, KINDS
from .notifications import text as wording
from .roles import holds_any, require

LEASE = timedelta(minutes=5)  # longer than a batch takes even when every receiver times out
BATCH = 20
SENDER_WORKERS = 4  # for `notify --run` and the window's sender
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)  # then 1, 2, 4 ... minutes
LONGEST_WAIT = timedelta(hours=1)


def _subject(notice: Notification, lang: str) -> str:
    kind = KINDS[notice.kind][1 if lang == "en" else 0]
    return f"[OrderTrail] {notice.params.get('number', '')} {kind}"


_NOTICES = Notification.__table__
# A notice in a batch is the one for its order, kind and recipient (each is told once).
_NOTICE_KEY = (
    _NOTICES.c.order_id,
    _NOTICES.c.kind,
    _NOTICES.c.recipient_role,
    _NOTICES.c.recipient_user_id,
)
_PREFERENCES = NotificationPreference.__table__
# Each notice comes back with its id and whether anyone chose channels for its kind: where
# nobody did (the usual case), everyone hears in the program alone and that is all.
_INSERT_NOTICES = _NOTICES.insert().returning(
    *_NOTICE_KEY,
    _NOTICES.c.id,
    # Written out: neither database lets RETURNING name another table but in a subquery,
    # and the subquery built would name the notices' table again instead of the new row.
    literal_column(
        "EXISTS (SELECT 1 FROM notification_preferences"
        " WHERE notification_preferences.kind = notifications.kind)"
    ).label("chosen"),
)
_CHOSEN = by_keys(
    select(_PREFERENCES.c.user_id, _PREFERENCES.c.kind, _PREFERENCES.c.channels),
    _PREFERENCES.c.kind,
    "kinds",
)


def enqueue(session: Session, rows: list[dict]) -> None:
    """Write the notices (rows of notifications) and outbox rows for their recipients who
    chose an outbound channel for them.

    A group robot or webhook gets a notice once, however many of its users chose it.
    """
    # Plain rows, in one statement: through the unit of work they would take a flush of
    # their own (writing the orders twice) and a statement per notice on SQLite.
    # One notice (the usual step) as one row: a list would take the batching of many.
    written = session.execute(_INSERT_NOTICES, rows[0] if len(rows) == 1 else rows).all()
    kinds = sorted({notice.kind for notice in written if notice.chosen})
    if not kinds:
        return
    chosen = {
        (user_id, kind): channels
        for user_id, kind, channels in session.execute(*picked(_CHOSEN, "kinds", kinds))
    }
    if not any(set(channels) - {IN_APP} for channels in chosen.values()):
        return
    ids = {tuple(r[: len(_NOTICE_KEY)]): r.id for r in written}
    notices = [  # not added to the session: they are written already
        Notification(**row, id=ids[tuple(row[c.name] for c in _NOTICE_KEY)]) for row in rows
    ]
    users = session.scalars(select(User).where(User.active.is_(True))).all()
    lang = settings.get(session, "message_language")
    messages, seen, now = [], set(), utcnow()
    for notice in notices:
        if notice.recipient_user_id is not None:
            recipients = [u for u in users if u.id == notice.recipient_user_id]
        else:
            recipients = [u for u in users if holds_any(u, {notice.recipient_role})]
        body = None
        for user in recipients:
            for channel in chosen.get((user.id, notice.kind), DEFAULT_CHANNELS):
                if channel == IN_APP or (channel == "email" and not user.email):
                    continue
                address = user.email if channel == "email" else ""
                if (notice.id, channel, address) in seen:
                    continue
                seen.add((notice.id, channel, address))
                body = body or wording(session, notice, lang)
                messages.append(
                    {
                        "key": uuid.uuid4().hex,
                        "created_at": now,
                        "notification_id": notice.id,
                        "channel": channel,
                        "recipient": address,
                        "subject": _subject(notice, lang),
                        "body": body,
                        "state": "pending",
                        "attempts": 0,
                        "next_attempt_at": now,
                        "claimed_by": "",
                        "last_error": "",
                    }
                )
    if messages:
        session.execute(insert(OutboxMessage), messages)


@dataclass(frozen=True)
class Claimed:
    id: int
    channel: str
    message: Message


@dataclass
class Report:
    sent: int = 0
    failed: int = 0
    dead: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def sender_name() -> str:
    return f"{socket.gethostname()[:30]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _claim(
    database: Database, sender: str, limit: int, lease: timedelta
) -> tuple[list[Claimed], dict[str, str]]:
    now = utcnow()
    free = or_(OutboxMessage.claimed_until.is_(None), OutboxMessage.claimed_until < now)
    with database.unit_of_work() as session:
        due = (
            select(OutboxMessage.id)
            .where(OutboxMessage.state == "pending", OutboxMessage.next_attempt_at <= now, free)
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
        if database.backend == "postgresql":
            # Two senders skip each other's rows instead of waiting for them; on SQLite
            # the write lock taken at BEGIN makes claims one at a time.
            due = due.with_for_update(skip_locked=True)
        ids = session.scalars(due).all()
        if not ids:
            return [], {}
        claimed = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_(ids), free)
            .values(claimed_until=now + lease, claimed_by=sender)
            .returning(OutboxMessage.id)
        ).scalars()
        claimed_ids = set(claimed)
        rows = session.execute(
            select(OutboxMessage, Notification.kind, Order.number)
            .outerjoin(Notification, Notification.id == OutboxMessage.notification_id)
            .outerjoin(Order, Order.id == Notification.order_id)
            .where(OutboxMessage.id.in_(claimed_ids))
            .order_by(OutboxMessage.id)
        ).all()
        config = {key: settings.get(session, key) for key in settings.DEFAULTS}
    return [
        Claimed(
            row.id,
            row.channel,
            Message(row.key, row.subject, row.body, row.recipient, kind or "", number),
        )
        for row, kind, number in rows
    ], config


def _backoff(attempts: int) -> timedelta:
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def _record(database: Database, sender: str, claimed: Claimed, detail: str, ok: bool) -> str:
    """Mark the row sent (or due again, or dead) with its delivery record; its new state."""
    now = utcnow()
    with database.unit_of_work() as session:
        if database.backend == "postgresql":
            # Not waiting for the server's disk: should the server itself crash before
            # writing this, the message is sent again with the same key (at least once).
            session.execute(text("SET LOCAL synchronous_commit = off"))
        row = session.get(OutboxMessage, claimed.id, with_for_update=True)
        session.add(
            Delivery(outbox_id=claimed.id, at=now, sender=sender, ok=ok, detail=detail[:2000])
        )
        if row.state != "pending" or row.claimed_by != sender:
            return row.state  # our lease ran out and another sender took the row over
        row.attempts += 1
        row.claimed_until = None
        if ok:
            row.state, row.sent_at, row.last_error = "sent", now, ""
        else:
            row.last_error = detail[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.state = "dead"
            else:
                row.next_attempt_at = now + _backoff(row.attempts)
        return row.state


def _send_batches(database: Database, sender: str, lease: timedelta, tls, report: Report):
    while True:
        claimed, config = _claim(database, sender, BATCH, lease)
        if not claimed:
            return
        for item in claimed:
            try:
                detail, ok = SENDERS[item.channel](config, item.message, tls), True
            except DeliveryFailed as error:
                detail, ok = str(error), False
            state = _record(database, sender, item, detail, ok)
            with report.lock:
                report.sent += ok
                report.failed += not ok
                report.dead += state == "dead"


def send_due(
    database: Database,
    sender: str | None = None,
    *,
    workers: int = 1,
    lease: timedelta = LEASE,
    tls: ssl.SSLContext | None = None,
) -> Report:
    """Send what is due now, batch after batch, until nothing is left.

    With several workers, each claims batches of its own (as separate senders would), so
    one receiver's or the database's wait overlaps another's work.
    """
    sender = sender or sender_name()
    report = Report()
    # Each worker runs in a copy of the caller's context, so it keeps the caller's clock.
    threads = [
        threading.Thread(
            target=contextvars.copy_context().run,
            args=(_send_batches, database, f"{sender}/{n}", lease, tls, report),
        )
        for n in range(workers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return report


@dataclass(frozen=True)
class DeadLetter:
    id: int
    channel: str
    recipient: str
    subject: str
    attempts: int
    last_error: str
    created_at: datetime


def dead_letters(session: Session, user: User) -> list[DeadLetter]:
    """Messages that failed too often, oldest first (for the admin)."""
    require(user, "change_settings")
    rows = session.scalars(
        select(OutboxMessage).where(OutboxMessage.state == "dead").order_by(OutboxMessage.id)
    )
    return [
        DeadLetter(r.id, r.channel, r.recipient, r.subject, r.attempts, r.last_error, r.created_at)
        for r in rows
    ]


def retry(session: Session, user: User, outbox_id: int) -> None:
    """Give a dead message a fresh set of attempts, due now."""
    require(user, "change_settings")
    row = session.get(OutboxMessage, outbox_id)
    if row is None:
        raise NotFound(f"没有编号为 {outbox_id} 的外发消息。", f"No outbox message {outbox_id}.")
    if row.state != "dead":
        raise ValidationError(
            f"外发消息 {outbox_id} 不在失败列表中（状态：{row.state}）。",
            f"Outbox message {outbox_id} is not dead (it is {row.state}).",
        )
    row.state, row.attempts, row.next_attempt_at = "pending", 0, utcnow()
    audit.record(
        session,
        user.name,
        entity="outbox",
        ref=str(outbox_id),
        action="retry",
        before={"state": "dead"},
        after={"state": "pending"},
    )


def send_test(session: Session, user: User, channel: str, tls: ssl.SSLContext | None = None) -> str:
    """Send a test message on a channel now (not through the outbox); what the receiver said.

    E-mail goes to the admin's own address.
    """
    require(user, "change_settings")
    if channel not in SENDERS:
        raise ValidationError(
            f"未知通知渠道“{channel}”。可选：{', '.join(SENDERS)}。",
            f"Unknown channel '{channel}'. Channels: {', '.join(SENDERS)}.",
        )
    config = {key: settings.get(session, key) for key in settings.DEFAULTS}
    message = Message(
        uuid.uuid4().hex,
        "[OrderTrail] 测试消息 Test message",
        f"这是来自 OrderTrail 的测试消息（{user.name}）。\nA test message from OrderTrail.",
        user.email,
        "test",
    )
    try:
        answer = SENDERS[channel](config, message, tls)
    except DeliveryFailed as error:
        raise ValidationError(
            f"测试消息未能通过{channel}发出：{error}",
            f"The test message could not be sent by {channel}: {error}",
        ) from error
    audit.record(session, user.name, entity="setting", ref=channel, action="test_message", after={})
    return answer
