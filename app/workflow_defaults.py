"""The default sales and purchase workflows, as data.

Seeded into the `workflows` table as version 1. An admin may rename nodes,
change owners and time limits or add nodes by storing a new version; orders
keep the version they started with. Guards and effects name functions of
app/workflow.py; `trigger` is `manual` (a person of `roles`), `auto` (taken as
soon as the guard holds) or `semi` (either). On an automatic step, `roles` are
the people whose recorded facts (a shipment, a receipt) make the guard hold:
they own the next step while the order waits there.
"""

from __future__ import annotations


def _node(zh: str, en: str, owner: str | None, limit_hours: int | None = None, **extra) -> dict:
    return {"label": {"zh": zh, "en": en}, "owner": owner, "limit_hours": limit_hours, **extra}


def _step(name: str, sources: list[str], target: str, zh: str, en: str, **extra) -> dict:
    return {
        "name": name,
        "from": sources,
        "to": target,
        "label": {"zh": zh, "en": en},
        "trigger": extra.pop("trigger", "manual"),
        "roles": extra.pop("roles", []),
        "guard": extra.pop("guard", None),
        "effect": extra.pop("effect", None),
        "requires": extra.pop("requires", []),
        "forward": extra.pop("forward", True),
    }


SALES = {
    "kind": "sales",
    "initial": "draft",
    "fulfilled": "delivered",
    "nodes": {
        "draft": _node("草稿", "Draft", "sales"),
        "submitted": _node("待审批", "Awaiting approval", "owner", 8),
        "placed": _node("已下单", "Placed", "sales", 24),
        "prepared": _node("已备货", "Prepared", "warehouse", 24),
        "shipped": _node("已发货", "Shipped", "warehouse", 72),
        "delivered": _node("已签收", "Delivered", "service", 30 * 24),
        "paid": _node("已收款", "Paid", "finance", 3 * 24),
        "completed": _node("已完成", "Completed", "service", terminal=True),
        "cancelled": _node("已取消", "Cancelled", None, terminal=True),
    },
    "transitions": [
        _step(
            "submit", ["draft"], "submitted", "提交", "Submit", roles=["sales"], guard="has_lines"
        ),
        _step(
            "skip_approval",
            ["submitted"],
            "placed",
            "免审批下单",
            "Place (no approval needed)",
            trigger="auto",
            guard="approval_not_required",
            effect="reserve_stock",
        ),
        _step(
            "approve",
            ["submitted"],
            "placed",
            "审批通过",
            "Approve",
            roles=["owner"],
            effect="reserve_stock",
        ),
        _step(
            "reject",
            ["submitted"],
            "draft",
            "驳回",
            "Reject",
            roles=["owner"],
            requires=["comment"],
            forward=False,
        ),
        _step("prepare", ["placed"], "prepared", "备货完成", "Mark prepared", roles=["warehouse"]),
        _step(
            "ship_all",
            ["placed", "prepared"],
            "shipped",
            "全部发货",
            "All shipped",
            trigger="auto",
            guard="all_shipped",
            roles=["warehouse"],
        ),
        _step(
            "deliver",
            ["shipped"],
            "delivered",
            "确认签收",
            "Confirm delivery",
            roles=["service"],
            effect="mark_delivered",
        ),
        _step(
            "deliver_all",
            ["shipped"],
            "delivered",
            "全部签收",
            "All signed for",
            trigger="auto",
            guard="all_delivered",
            roles=["service"],
        ),
        _step(
            "settle",
            ["delivered"],
            "paid",
            "款项结清",
            "Paid in full",
            trigger="semi",
            roles=["finance"],
            guard="fully_paid",
        ),
        _step("complete", ["paid"], "completed", "完成归档", "Complete", roles=["service"]),
        _step(
            "cancel",
            ["draft", "submitted", "placed", "prepared"],
            "cancelled",
            "取消订单",
            "Cancel",
            roles=["sales", "owner"],
            requires=["reason"],
            guard="nothing_moved_or_paid",
            effect="release_stock",
            forward=False,
        ),
    ],
}

PURCHASE = {
    "kind": "purchase",
    "initial": "draft",
    "fulfilled": "received",
    "nodes": {
        "draft": _node("草稿", "Draft", "purchasing"),
        "submitted": _node("待审批", "Awaiting approval", "owner", 8),
        "placed": _node("已下单", "Ordered", "purchasing", 7 * 24),
        "received": _node("已到货入库", "Received", "warehouse", 30 * 24),
        "paid": _node("已付款", "Paid", "finance", 3 * 24),
        "completed": _node("已完成", "Completed", "purchasing", terminal=True),
        "cancelled": _node("已取消", "Cancelled", None, terminal=True),
    },
    "transitions": [
        _step(
            "submit",
            ["draft"],
            "submitted",
            "提交",
            "Submit",
            roles=["purchasing"],
            guard="has_lines",
        ),
        _step(
            "skip_approval",
            ["submitted"],
            "placed",
            "免审批下单",
            "Order (no approval needed)",
            trigger="auto",
            guard="approval_not_required",
        ),
        _step("approve", ["submitted"], "placed", "审批通过", "Approve", roles=["owner"]),
        _step(
            "reject",
            ["submitted"],
            "draft",
            "驳回",
            "Reject",
            roles=["owner"],
            requires=["comment"],
            forward=False,
        ),
        _step(
            "receive_all",
            ["placed"],
            "received",
            "全部到货",
            "All received",
            trigger="auto",
            guard="all_received",
            roles=["warehouse"],
        ),
        _step(
            "settle",
            ["received"],
            "paid",
            "款项付清",
            "Paid in full",
            trigger="semi",
            roles=["finance"],
            guard="fully_paid",
        ),
        _step("complete", ["paid"], "completed", "完成归档", "Complete", roles=["purchasing"]),
        _step(
            "cancel",
            ["draft", "submitted", "placed"],
            "cancelled",
            "取消订单",
            "Cancel",
            roles=["purchasing", "owner"],
            requires=["reason"],
            guard="nothing_moved_or_paid",
            forward=False,
        ),
    ],
}

DEFAULT_WORKFLOWS = {"sales": SALES, "purchase": PURCHASE}
