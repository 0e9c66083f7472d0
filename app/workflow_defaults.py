"""The default sales and purchase workflows, as data.

Seeded into the `workflows` table as version 1. An admin may rename nodes,
change owners and time limits or add nodes by storing a new version; orders
keep the version they started with. This is the only module that names nodes.

A definition holds:
- `initial`, `fulfilled` and `void`: the node a new order starts at, the node from
  which it counts as fulfilled (no longer late against its due date), and the node
  that means it was called off;
- `facts`: who may record each kind of fact (`edit` a draft, `ship`, `receive`,
  `sign` for a shipment, `pay`, `amend` an approved order, report `trouble` with a shipment
  (refused, lost), `resolve` the exception it causes, make a `return` or exchange): the one
  source of those roles;
- `nodes`: per node its labels, `owner` (the role whose queue the order is in while
  it waits there), `limit_hours` (how long it may wait), `color`, `allows` (the facts
  that may be recorded there), `prints` (the documents that may be printed there),
  `tells` (who else hears when an order comes to rest there: `creator`, the person who
  made the order, or a role code) and `terminal`;
- `transitions`: `trigger` is `manual` (a person of `roles`), `auto` (taken as soon as
  the guard holds) or `semi` (either). Guards and effects name functions of
  app/workflow.py; `requires` lists inputs (`reason`, `comment`, or `amendment`: a step
  only an amendment takes, back to approval when it needs one, or back from approval when
  the owner rejects it, undone); a `forward: false`
  step (reject, cancel) goes back or aside rather than on.
"""

from __future__ import annotations

# The roles and facts a definition may name, and the documents a node may print.
FACTS = ("edit", "ship", "receive", "sign", "pay", "amend", "trouble", "resolve", "return")
DOCUMENTS = ("order", "delivery-note")
# In a node's `tells`: the person who created the order (any other entry is a role).
CREATOR = "creator"


def _node(
    zh: str,
    en: str,
    owner: str | None,
    color: str,
    limit_hours: int | None = None,
    *,
    allows: tuple[str, ...] = (),
    prints: tuple[str, ...] = ("order",),
    tells: tuple[str, ...] = (),
    terminal: bool = False,
) -> dict:
    return {
        "label": {"zh": zh, "en": en},
        "owner": owner,
        "limit_hours": limit_hours,
        "color": color,
        "allows": list(allows),
        "prints": list(prints),
        "tells": list(tells),
        "terminal": terminal,
    }


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


WAREHOUSE_PRINTS = ("order", "delivery-note")

SALES = {
    "kind": "sales",
    "initial": "draft",
    "fulfilled": "delivered",
    "void": "cancelled",
    "facts": {
        "edit": ["sales"],
        "ship": ["warehouse"],
        "sign": ["service"],
        "pay": ["finance"],
        "amend": ["sales"],
        "trouble": ["warehouse", "service"],
        "resolve": ["service", "owner"],
        "return": ["service"],
    },
    "nodes": {
        "draft": _node("草稿", "Draft", "sales", "#8a8f98", allows=("edit",), prints=()),
        "submitted": _node("待审批", "Awaiting approval", "owner", "#d48806", 8),
        "placed": _node(
            "已下单",
            "Placed",
            "warehouse",
            "#1677ff",
            24,
            allows=("ship", "sign", "pay", "amend", "trouble", "resolve"),
            prints=WAREHOUSE_PRINTS,
            tells=(CREATOR,),
        ),
        "prepared": _node(
            "已备货",
            "Prepared",
            "warehouse",
            "#13a8a8",
            24,
            allows=("ship", "sign", "pay", "amend", "trouble", "resolve"),
            prints=WAREHOUSE_PRINTS,
        ),
        "shipped": _node(
            "已发货",
            "Shipped",
            "service",
            "#2f54eb",
            72,
            allows=("sign", "pay", "trouble", "resolve", "return"),
            prints=WAREHOUSE_PRINTS,
            tells=(CREATOR,),
        ),
        "delivered": _node(
            "已签收",
            "Delivered",
            "finance",
            "#08979c",
            30 * 24,
            allows=("pay", "resolve", "return"),
            prints=WAREHOUSE_PRINTS,
            tells=(CREATOR,),
        ),
        "paid": _node(
            "已收款",
            "Paid",
            "service",
            "#389e0d",
            3 * 24,
            allows=("pay", "return"),
            prints=WAREHOUSE_PRINTS,
        ),
        # A refund after completion goes through a return.
        "completed": _node(
            "已完成",
            "Completed",
            None,
            "#237804",
            allows=("return",),
            prints=WAREHOUSE_PRINTS,
            terminal=True,
        ),
        "cancelled": _node(
            "已取消", "Cancelled", None, "#a8071a", prints=(), tells=(CREATOR,), terminal=True
        ),
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
        _step(
            "amend_review",
            ["placed", "prepared"],
            "submitted",
            "改单送审",
            "Back to approval (amended)",
            roles=["sales"],
            effect="release_stock",
            requires=["amendment"],
            forward=False,
        ),
        _step(
            "amend_reject",
            ["submitted"],
            "placed",
            "驳回改单",
            "Reject the amendment",
            roles=["owner"],
            effect="reserve_stock",
            requires=["amendment", "comment"],
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
    "void": "cancelled",
    "facts": {
        "edit": ["purchasing"],
        "receive": ["warehouse"],
        "pay": ["finance"],
        "amend": ["purchasing"],
        "return": ["purchasing"],
    },
    "nodes": {
        "draft": _node("草稿", "Draft", "purchasing", "#8a8f98", allows=("edit",), prints=()),
        "submitted": _node("待审批", "Awaiting approval", "owner", "#d48806", 8),
        "placed": _node(
            "已下单",
            "Ordered",
            "warehouse",
            "#1677ff",
            7 * 24,
            allows=("receive", "pay", "amend"),
            tells=(CREATOR,),
        ),
        "received": _node(
            "已到货入库",
            "Received",
            "finance",
            "#08979c",
            30 * 24,
            allows=("pay", "return"),
            tells=(CREATOR, "purchasing"),
        ),
        "paid": _node("已付款", "Paid", "purchasing", "#389e0d", 3 * 24, allows=("pay", "return")),
        "completed": _node(
            "已完成", "Completed", None, "#237804", allows=("return",), terminal=True
        ),
        "cancelled": _node(
            "已取消", "Cancelled", None, "#a8071a", prints=(), tells=(CREATOR,), terminal=True
        ),
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
            "amend_review",
            ["placed"],
            "submitted",
            "改单送审",
            "Back to approval (amended)",
            roles=["purchasing"],
            requires=["amendment"],
            forward=False,
        ),
        _step(
            "amend_reject",
            ["submitted"],
            "placed",
            "驳回改单",
            "Reject the amendment",
            roles=["owner"],
            requires=["amendment", "comment"],
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


def _return_workflow(kind: str, zh_waiting: str, en_waiting: str, move: str, moved: dict) -> dict:
    """Goods coming back from a customer (`receive`) or going back to a supplier (`ship`),
    then the refund: a negative payment on the return that brings it to completion. A
    return with nothing to refund (an exchange, goods not yet paid for) is closed by hand."""
    guard = {"receive": "all_received", "ship": "all_shipped"}[move]
    return {
        "kind": kind,
        "initial": "awaiting_goods",
        "fulfilled": "goods_back",
        "void": "cancelled",
        "facts": {
            "edit": ["service" if move == "receive" else "purchasing"],
            move: ["warehouse"],
            "pay": ["finance"],
        },
        "nodes": {
            "awaiting_goods": _node(
                zh_waiting, en_waiting, "warehouse", "#d46b08", 72, allows=(move,)
            ),
            "goods_back": moved,
            "completed": _node("已完成", "Completed", None, "#237804", terminal=True),
            "cancelled": _node(
                "已取消", "Cancelled", None, "#a8071a", prints=(), tells=(CREATOR,), terminal=True
            ),
        },
        "transitions": [
            _step(
                "goods_back",
                ["awaiting_goods"],
                "goods_back",
                "货物已退回",
                "Goods back",
                trigger="auto",
                guard=guard,
            ),
            _step(
                "refund",
                ["goods_back"],
                "completed",
                "退款完成",
                "Refunded",
                trigger="semi",
                roles=["finance"],
                guard="refunded",
            ),
            _step(
                "close",
                ["goods_back"],
                "completed",
                "无需退款，结案",
                "Close without refund",
                roles=["finance"],
                requires=["comment"],
            ),
            _step(
                "cancel",
                ["awaiting_goods"],
                "cancelled",
                "取消退货",
                "Cancel the return",
                roles=["service" if move == "receive" else "purchasing", "owner"],
                requires=["reason"],
                guard="nothing_moved_or_paid",
                forward=False,
            ),
        ],
    }


RETURN = _return_workflow(
    "return",
    "待退货入库",
    "Awaiting returned goods",
    "receive",
    _node(
        "已退货入库",
        "Goods back in",
        "finance",
        "#08979c",
        72,
        allows=("pay",),
        tells=(CREATOR,),
    ),
)
PURCHASE_RETURN = _return_workflow(
    "purchase_return",
    "待退回供应商",
    "Awaiting dispatch to supplier",
    "ship",
    _node(
        "已退回供应商",
        "Sent back",
        "finance",
        "#08979c",
        30 * 24,
        allows=("pay",),
        prints=WAREHOUSE_PRINTS,
        tells=(CREATOR,),
    ),
)

DEFAULT_WORKFLOWS = {
    "sales": SALES,
    "purchase": PURCHASE,
    "return": RETURN,
    "purchase_return": PURCHASE_RETURN,
}
