"""销售订单确认书: the sales order as the customer confirms it, with prices and the total."""

from __future__ import annotations

from .content import PrintedOrder
from .layout import Document, Heading, signature_block
from .priced_order import body

TITLE = "销售订单确认书"


def layout(order: PrintedOrder) -> Document:
    return Document(
        Heading(TITLE, order.number),
        body(order, "客户")
        + [signature_block(["客户确认（签字盖章）", "日期", "销售代表", "日期"])],
    )
