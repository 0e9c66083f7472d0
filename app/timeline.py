"""An order's audit events in plain words, in either language: the window's timeline and
`order show` on the command line say the same."""

from __future__ import annotations

from . import printing

# What each kind of event is called; a step between nodes is shown by its nodes alone.
ACTIONS = {
    "create": ("创建", "Created"),
    "edit": ("编辑草稿", "Edited draft"),
    "transition": ("", ""),
    "ship": ("发货", "Shipped"),
    "signed": ("签收", "Signed for"),
    "receive": ("收货入库", "Received goods"),
    "payment": ("收付款", "Payment"),
    "refund": ("退款", "Refund"),
    "print": ("已打印", "Printed"),
    "escalated": ("超过时限两倍，已通知老板", "Late past twice its limit: owner told"),
    "carrier_status": ("快递状态", "Carrier status"),
    "backorder_filled": ("缺货已补足", "Backorder filled"),
    "amend": ("改单", "Amended"),
    "amend_rejected": ("驳回改单", "Amendment rejected"),
    "supplement": ("补单", "Supplementary order"),
    "shipment_refused": ("发货被拒收", "Shipment refused"),
    "shipment_lost": ("发货丢失", "Shipment lost"),
    "exception_resolved": ("异常已处理", "Exception resolved"),
    "return": ("退货", "Return"),
    "exchange": ("换货", "Exchange"),
}


def action_words(action: str, lang: str) -> str:
    words = ACTIONS.get(action)
    if words is None:
        return action
    return words[1] if lang == "en" else words[0]


def details_words(event: dict, order_kind: str, lang: str, sees_prices: bool) -> str:
    """What the event recorded, in a line: the document, the goods, the amount..."""
    details = event.get("details") or {}  # left out where prices are hidden
    action = event["action"]
    en = lang == "en"
    if action in ("ship", "receive", "backorder_filled"):
        parts = [details.get("document", "")]
        if details.get("carrier"):
            parts.append(f"{details['carrier']} {details.get('tracking_no', '')}")
        parts += [f"{sku}×{qty}" for sku, qty in details.get("lines", [])]
        return " ".join(part for part in parts if part)
    if action in ("amend", "amend_rejected"):
        changes = [
            f"{c['sku']} {c['qty_before']}→{c['qty_after']}" for c in details.get("diff", [])
        ]
        revision = details.get("revision", "")
        revision = f"revision {revision}" if en else f"第 {revision} 版"
        return " ".join([details.get("document", ""), revision, *changes])
    if action == "supplement":
        return details.get("document", "")
    if action in ("shipment_refused", "shipment_lost"):
        return f"{details.get('document', '')} {details.get('reason', '')}".strip()
    if action in ("return", "exchange", "exception_resolved"):
        made = details.get("made") or [details.get("document"), details.get("replacement")]
        return " ".join(filter(None, made))
    if action == "print":
        name = printing.document_name(details.get("document", ""), order_kind, lang)
        return " ".join(filter(None, [name, details.get("shipment", "")]))
    if action == "carrier_status":
        if details.get("source") == "service":
            source = "from the tracking service" if en else "来自快递查询服务"
        else:
            source = f"from {details.get('from', '')}" if en else f"来自 {details.get('from', '')}"
        said = (details.get("tracking_no", ""), details.get("carrier_said", ""), source)
        return " ".join(part for part in said if part)
    if action in ("payment", "refund") and sees_prices:
        return f"{details.get('amount', '')} {details.get('method', '')}".strip()
    return ""


def note(event: dict, order_kind: str, lang: str, sees_prices: bool) -> str:
    """Why (the person's comment) first, then what was recorded."""
    what = " ".join(
        filter(
            None,
            [
                action_words(event["action"], lang),
                details_words(event, order_kind, lang, sees_prices),
            ],
        )
    )
    return " · ".join(filter(None, [event["comment"], what]))


def move(event: dict, node_labels: dict[str, str]) -> str:
    """'已下单 → 已备货' for a step, empty for anything else."""
    if not event["to"]:
        return ""
    return (
        f"{node_labels.get(event['from'], event['from'])} → "
        f"{node_labels.get(event['to'], event['to'])}"
    )
