"""采购订单: what we order from a supplier, with prices and the total."""

from __future__ import annotations

from .content import PrintedOrder
from .layout import Document, Heading, note, signature_block
from .priced_order import body

TITLE = "采购订单"


def layout(order: PrintedOrder) -> Document:
    return Document(
        Heading(TITLE, order.number),
        body(order, "供应商")
        + [
            note("请按交货日期送货，送货单上注明本采购订单号。"),
            signature_block(["供应商确认（签字盖章）", "日期", "采购员", "日期"]),
        ],
    )
