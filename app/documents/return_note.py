"""退货单: goods a customer sends back against an earlier order, and the amount to refund."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .content import PrintedOrder
from .layout import (
    Column,
    Document,
    Heading,
    info_table,
    lines_table,
    money,
    quantity,
    signature_block,
    total_block,
)

TITLE = "退货单"
COLUMNS = [
    Column("序号", 10, numeric=True),
    Column("产品编码", 28, wraps=True),
    Column("品名", 56, wraps=True),
    Column("单位", 14),
    Column("退货数量", 22, numeric=True),
    Column("单价", 24, numeric=True),
    Column("退款金额", 26, numeric=True),
]


def layout(order: PrintedOrder) -> Document:
    party = order.party
    info = info_table(
        [
            ("退货单位", party.name),
            ("退货单号", order.number),
            ("联系人", party.contact),
            ("原订单号", order.origin or ""),
            ("电话", party.phone),
            ("退货日期", order.ordered_on.isoformat()),
            ("退货原因", order.note),
            ("状态", order.status_label),
        ]
    )
    rows = [
        [
            str(index),
            line.sku,
            line.name,
            line.unit,
            quantity(line.qty),
            money(line.unit_price),
            money(line.amount),
        ]
        for index, line in enumerate(order.lines, start=1)
    ]
    flowables: list[Flowable] = [
        info,
        Spacer(1, 4 * mm),
        lines_table(COLUMNS, rows),
        total_block(order.total, order.currency),
        signature_block(["退货人", "日期", "仓库收货", "日期", "客服审核", "日期"]),
    ]
    return Document(Heading(TITLE, order.number), flowables)
