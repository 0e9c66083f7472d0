"""The body the sales order confirmation and the purchase order share: the parties, every
line with its price and amount, and the total in figures and in 大写."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .content import PrintedOrder
from .layout import Column, info_table, lines_table, money, note, quantity, total_block

COLUMNS = [
    Column("序号", 10, numeric=True),
    Column("产品编码", 28, wraps=True),
    Column("品名", 60, wraps=True),
    Column("单位", 14),
    Column("数量", 20, numeric=True),
    Column("单价", 22, numeric=True),
    Column("金额", 26, numeric=True),
]


def body(order: PrintedOrder, party_label: str) -> list[Flowable]:
    party = order.party
    info = info_table(
        [
            (party_label, party.name),
            ("订单号", order.number),
            ("联系人", party.contact),
            ("下单日期", order.ordered_on.isoformat()),
            ("电话", party.phone),
            ("交货日期", order.due.isoformat() if order.due else ""),
            ("地址", party.address),
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
    ]
    if order.note:
        flowables += [Spacer(1, 3 * mm), note(f"备注：{order.note}")]
    return flowables
