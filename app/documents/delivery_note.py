"""发货单: the goods travelling with one shipment, for the customer to sign. No prices.

Printed before shipping, carrier and tracking number are left blank for the warehouse
to write in, and the QR code holds the order number instead of the shipment number.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from .content import PrintedOrder
from .layout import (
    CONTENT_WIDTH,
    FONT,
    Column,
    Document,
    Heading,
    info_table,
    lines_table,
    note,
    qr_code,
    quantity,
    signature_block,
)

TITLE = "发货单"
QR_SIZE_MM = 28
COLUMNS = [
    Column("序号", 10, numeric=True),
    Column("产品编码", 30, wraps=True),
    Column("品名", 70, wraps=True),
    Column("单位", 14),
    Column("发货数量", 24, numeric=True),
    Column("实收数量", 32),
]
BLANK = "____________"


def layout(order: PrintedOrder) -> Document:
    shipment = order.shipment
    party = order.party
    code = shipment.number if shipment and shipment.number else order.number
    info = info_table(
        [
            ("收货单位", party.name),
            ("订单号", order.number),
            ("联系人", party.contact),
            ("发货单号", shipment.number if shipment and shipment.number else BLANK),
            ("电话", party.phone),
            (
                "发货日期",
                shipment.shipped_on.isoformat() if shipment and shipment.shipped_on else BLANK,
            ),
            ("交货日期", order.due.isoformat() if order.due else ""),
            ("承运商", shipment.carrier if shipment and shipment.carrier else BLANK),
            # Last, so that a long address stretches no row but its own.
            ("收货地址", party.address),
            ("运单号", shipment.tracking_no if shipment and shipment.tracking_no else BLANK),
        ],
        width=CONTENT_WIDTH - (QR_SIZE_MM + 4) * mm,
    )
    top = Table(
        [[info, [qr_code(code, QR_SIZE_MM), note(code)]]],
        colWidths=[CONTENT_WIDTH - (QR_SIZE_MM + 4) * mm, (QR_SIZE_MM + 4) * mm],
    )
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    rows = [
        [str(index), line.sku, line.name, line.unit, quantity(line.qty), ""]
        for index, line in enumerate(order.lines, start=1)
    ]
    flowables: list[Flowable] = [top, Spacer(1, 4 * mm), lines_table(COLUMNS, rows)]
    if order.note:
        flowables += [Spacer(1, 3 * mm), note(f"备注：{order.note}")]
    flowables += [
        Spacer(1, 3 * mm),
        note("请收货人当面清点货物数量与包装，如有短缺或破损请在实收数量栏注明后签收。"),
        signature_block(["发货人", "承运人", "收货人签字", "签收日期"]),
    ]
    return Document(
        Heading(TITLE, shipment.number if shipment and shipment.number else order.number), flowables
    )
