"""Notifications: who is told what, stored as a kind and its parameters.

The workflow engine writes them in the unit of work of the change. A row names its
kind and the facts behind it; each reader sees it in their own language:
- `next_step`: an order reached a node whose next step the recipient role owns;
- `my_order`: an order the recipient created reached a node that tells its creator
  (placed, shipped, signed for, cancelled in the default workflows);
- `reached`: an order reached a node that tells the recipient role (goods arrived);
- `escalated`: an order waited at its node past twice its limit (app/lateness.py).

A role's notice is read by each of its users separately. Each user chooses, per kind,
the channels that reach them (no choice stored: in the window only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from db.models import Notification, NotificationPreference, NotificationRead, Order, User

from . import audit
from .clock import utcnow
from .errors import ValidationError
from .lateness import escalation_words
from .roles import ROLES, holds_any, role_label
from .validation import clean_text
from .workflow import spec_by_id

KINDS: dict[str, tuple[str, str]] = {
    "next_step": ("轮到我处理的订单", "Orders waiting for my step"),
    "my_order": ("我创建的订单的进展", "Progress of orders I created"),
    "reached": ("订单到达我关注的节点（如到货）", "Orders reaching nodes I follow (goods arrived)"),
    "escalated": ("超过时限两倍的订单（升级）", "Orders late past twice their limit (escalated)"),
    "backorder": ("缺货订单到货，可以发货", "Backorders whose goods came in"),
}
IN_APP = "in_app"
CHANNELS: dict[str, tuple[str, str]] = {
    IN_APP: ("程序内", "In the window"),
    "email": ("电子邮件", "E-mail"),
    "wecom": ("企业微信群机器人", "WeCom group robot"),
    "dingtalk": ("钉钉群机器人", "DingTalk group robot"),
    "webhook": ("Webhook", "Webhook"),
}
DEFAULT_CHANNELS = (IN_APP,)


def text(session: Session, notification: Notification, lang: str = "zh") -> str:
    """The notification as a sentence in the reader's language."""
    p = notification.params
    if "message" in p:  # written before notifications kept their parameters: Chinese only
        return p["message"]
    if notification.kind == "backorder":
        return _backorder_text(p, lang)
    node = spec_by_id(session, p["workflow_id"]).node(p["node"]).label(lang)
    if notification.kind == "escalated":
        return escalation_words(p, node, lang)
    if notification.kind == "next_step":
        role = role_label(notification.recipient_role, lang)
        if lang == "en":
            return f"Order {p['number']} ({p['party']}) is at '{node}', waiting for {role}."
        return f"订单 {p['number']}（{p['party']}）已到“{node}”，等待{role}处理。"
    if notification.kind == "my_order":
        if lang == "en":
            return f"Your order {p['number']} ({p['party']}) is now '{node}'."
        return f"您创建的订单 {p['number']}（{p['party']}）已到“{node}”。"
    if lang == "en":
        return f"Order {p['number']} ({p['party']}) is now '{node}'."
    return f"订单 {p['number']}（{p['party']}）已到“{node}”。"


def _backorder_text(p: dict, lang: str) -> str:
    if lang == "en":
        goods = ", ".join(
            f"{sku} × {qty}" + (f" ({still} still short)" if still != "0" else "")
            for sku, qty, still in p["lines"]
        )
        source = f" from {p['document']}" if p["document"] else ""
        return f"Backorder {p['number']} ({p['party']}): {goods} reserved{source}, ready to ship."
    goods = "、".join(
        f"{sku} × {qty}" + (f"（仍缺 {still}）" if still != "0" else "")
        for sku, qty, still in p["lines"]
    )
    source = f"（来自 {p['document']}）" if p["document"] else ""
    return f"缺货订单 {p['number']}（{p['party']}）已补上库存{source}：{goods}，可以发货。"


def _roles_of(user: User) -> list[str]:
    return [role for role in ROLES if holds_any(user, {role})]


def channels_of(session: Session, user: User) -> dict[str, list[str]]:
    """Per kind, the channels by which it reaches this user."""
    stored = {
        p.kind: p.channels
        for p in session.scalars(
            select(NotificationPreference).where(NotificationPreference.user_id == user.id)
        )
    }
    return {kind: stored.get(kind, list(DEFAULT_CHANNELS)) for kind in KINDS}


def choose_channels(session: Session, user: User, kind: str, channels: list[str]) -> None:
    """The user's own choice of how one kind of notification reaches them."""
    if kind not in KINDS:
        raise ValidationError(
            f"没有“{kind}”这种通知。可选：{', '.join(KINDS)}。",
            f"There is no notification kind '{kind}'. Kinds: {', '.join(KINDS)}.",
        )
    unknown = [c for c in channels if c not in CHANNELS]
    if unknown:
        raise ValidationError(
            f"未知通知渠道“{unknown[0]}”。可选：{', '.join(CHANNELS)}。",
            f"Unknown channel '{unknown[0]}'. Channels: {', '.join(CHANNELS)}.",
        )
    channels = sorted(set(channels), key=list(CHANNELS).index)
    if "email" in channels and not user.email:
        raise ValidationError(
            "请先填写您的电子邮件地址，再选择用电子邮件接收通知。",
            "Give your e-mail address before choosing to be told by e-mail.",
        )
    before = channels_of(session, user)[kind]
    row = session.get(NotificationPreference, (user.id, kind))
    if row is None:
        session.add(NotificationPreference(user_id=user.id, kind=kind, channels=channels))
    else:
        row.channels = channels
    audit.record(
        session,
        user.name,
        entity="user",
        ref=user.name,
        action="notification_channels",
        before={kind: before},
        after={kind: channels},
    )


def set_email(session: Session, user: User, address: str) -> None:
    """The user's own e-mail address for e-mail notices ("" for none)."""
    address = clean_text(address, "电子邮件地址", "e-mail address", max_length=320, required=False)
    if address and (address.count("@") != 1 or " " in address or "." not in address.split("@")[1]):
        raise ValidationError(
            f"“{address}”不是电子邮件地址（形如 name@example.com）。",
            f"'{address}' is not an e-mail address (like name@example.com).",
        )
    stored = session.get(User, user.id)
    before, stored.email = stored.email, address
    user.email = address
    audit.record(
        session,
        user.name,
        entity="user",
        ref=user.name,
        action="email",
        before={"email": before},
        after={"email": address},
    )


def _hidden_kinds(session: Session, user: User) -> list[str]:
    return [kind for kind, chosen in channels_of(session, user).items() if IN_APP not in chosen]


def _visible_to(session: Session, user: User):
    addressed = or_(
        Notification.recipient_user_id == user.id,
        and_(
            Notification.recipient_user_id.is_(None),
            Notification.recipient_role.in_(_roles_of(user)),
        ),
    )
    hidden = _hidden_kinds(session, user)
    return and_(addressed, Notification.kind.not_in(hidden)) if hidden else addressed


def _unread(user: User):
    return (
        ~select(NotificationRead.notification_id)
        .where(
            NotificationRead.notification_id == Notification.id,
            NotificationRead.user_id == user.id,
        )
        .exists()
    )


@dataclass(frozen=True)
class Seen:
    """One notification as one reader sees it."""

    id: int
    at: datetime
    kind: str
    number: str | None
    text: str
    read: bool


def for_user(
    session: Session, user: User, lang: str = "zh", *, unread_only: bool = False, limit: int = 100
) -> list[Seen]:
    """The user's notifications, newest first."""
    query = (
        select(Notification, Order.number, _unread(user).label("unread"))
        .outerjoin(Order, Order.id == Notification.order_id)
        .where(_visible_to(session, user))
        .order_by(Notification.at.desc(), Notification.id.desc())
        .limit(limit)
    )
    if unread_only:
        query = query.where(_unread(user))
    return [
        Seen(n.id, n.at, n.kind, number, text(session, n, lang), not unread)
        for n, number, unread in session.execute(query)
    ]


def unread_count(session: Session, user: User) -> int:
    return session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(_visible_to(session, user), _unread(user))
    )


def mark_read(session: Session, user: User, notification_ids: list[int]) -> int:
    """Mark these of the user's notifications read (for this user only); how many were new."""
    ids = session.scalars(
        select(Notification.id).where(
            Notification.id.in_(notification_ids), _visible_to(session, user), _unread(user)
        )
    ).all()
    now = utcnow()
    session.add_all(NotificationRead(notification_id=i, user_id=user.id, read_at=now) for i in ids)
    return len(ids)


def mark_all_read(session: Session, user: User) -> int:
    ids = session.scalars(
        select(Notification.id).where(_visible_to(session, user), _unread(user))
    ).all()
    return mark_read(session, user, list(ids))


def set_preferences(
    session: Session, user: User, email: str, choices: dict[str, list[str]]
) -> None:
    """The user's e-mail address and channels per kind, saved together or not at all."""
    set_email(session, user, email)
    for kind, channels in choices.items():
        if channels != channels_of(session, user)[kind]:
            choose_channels(session, user, kind, channels)
