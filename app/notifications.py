"""Notifications: who is told what, stored as a kind and its parameters.

The workflow engine writes them in the unit of work of the change. A row names its
kind (`next_step`: an order reached a node whose next step the recipient role owns)
and the facts behind it; each reader sees it in their own language.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import Notification

from .roles import role_label
from .workflow import spec_by_id


def text(session: Session, notification: Notification, lang: str = "zh") -> str:
    """The notification as a sentence in the reader's language."""
    p = notification.params
    if "message" in p:  # written before notifications kept their parameters: Chinese only
        return p["message"]
    node = spec_by_id(session, p["workflow_id"]).node(p["node"]).label(lang)
    role = role_label(notification.recipient_role, lang)
    if lang == "en":
        return f"Order {p['number']} ({p['party']}) is at '{node}', waiting for {role}."
    return f"订单 {p['number']}（{p['party']}）已到“{node}”，等待{role}处理。"
