"""The stays at each node and the time-in-node figures as the audit trail tells them,
worked out in Python from the events: what the node stays table and the dashboard must
agree with."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from sqlalchemy import select

from app import dashboard
from db.models import Event, NodeStay, Order, Workflow


def stays_from_events(session) -> set[tuple]:
    """(order id, node, entered, left) of every stay: each step's event names the node the
    order left and since when (older events: since its step or creation before); the
    node each order stands at now is a stay still open."""
    stays, came = set(), {}
    for order_id, at, action, before in session.execute(
        select(Event.order_id, Event.at, Event.action, Event.before)
        .where(Event.order_id.is_not(None), Event.action.in_(("create", "transition")))
        .order_by(Event.id)
    ):
        if action == "transition":
            since = before.get("since")
            entered = datetime.fromisoformat(since) if since else came[order_id]
            stays.add((order_id, before["status"], entered, at))
        came[order_id] = max(at, came.get(order_id, at))
    for order_id, node, since in session.execute(
        select(Order.id, Order.status, Order.status_since)
    ):
        stays.add((order_id, node, since, None))
    return stays


def stays_kept(session) -> set[tuple]:
    return set(
        session.execute(
            select(NodeStay.order_id, NodeStay.node, NodeStay.entered_at, NodeStay.left_at)
        ).all()
    )


def figures_from_events(session, now: datetime) -> dict[tuple[str, str, int], tuple]:
    """(workflow kind, node, days) -> (stays, average hours, 90th percentile hours) of the
    stays that ended in each period, the percentile the nearest-rank one."""
    kind_of = dict(
        session.execute(
            select(Order.id, Workflow.kind).join(Workflow, Workflow.id == Order.workflow_id)
        ).all()
    )
    hours: dict[tuple[str, str, int], list[float]] = {}
    for order_id, node, entered, left in stays_from_events(session):
        for days in dashboard.PERIODS:
            if left is not None and left >= now - timedelta(days=days):
                lasted = (left - entered).total_seconds() / 3600
                hours.setdefault((kind_of[order_id], node, days), []).append(lasted)
    figures = {}
    for key, found in hours.items():
        found.sort()
        rank = math.ceil(len(found) * dashboard.PERCENTILE / 100)
        figures[key] = (len(found), round(sum(found) / len(found), 1), round(found[rank - 1], 1))
    return figures


def figures_shown(session, now: datetime) -> dict[tuple[str, str, int], tuple]:
    return {
        (t.kind, t.node, t.days): (t.stays, t.average_hours, t.p90_hours)
        for t in dashboard.time_in_node(session, now)
    }
