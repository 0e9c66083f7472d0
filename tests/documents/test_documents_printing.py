"""Printed documents read back as a person sees them: text, embedded fonts, QR codes, pages."""

from __future__ import annotations

import struct
import zlib
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import audit, orders, printing, settings
from app.documents import return_note
from app.documents.content import PartyDetails, PrintedLine, PrintedOrder
from app.documents.layout import Company, render
from app.errors import PermissionDenied, ValidationError
from app.jobs import Cancelled
from db.models import Event


def _squeezed(text: str) -> str:
    """Extracted text spaces Chinese and digits unevenly; compare without spaces."""
    return "".join(text.split())


def _print(office, user, kind, number) -> bytes:
    with office.db.unit_of_work() as session:
        return printing.print_document(session, user, kind, number)


def _prints(office) -> list[tuple[str, dict]]:
    with office.db.reading() as session:
        return [
            (e.entity_ref, e.after)
            for e in session.scalars(
                select(Event).where(Event.action == "print").order_by(Event.id)
            )
        ]


def _set_company(office):
    with office.db.unit_of_work() as session:
        for key, value in [
            ("company_name", "上海明德办公用品有限公司"),
            ("company_address", "上海市浦东新区张江路 88 号"),
            ("company_phone", "021-5888 6666"),
        ]:
            settings.change(session, office.admin, key, value)


def test_the_order_confirmation_shows_parties_lines_and_the_total_in_words(office, pdf):
    _set_company(office)
    number = office.placed("sales", lines=(("A-1", 10), ("B-2", 1, "1280.00")))
    document = pdf(_print(office, office.sales, "order", number))
    text = document.text()
    for expected in [
        "销售订单确认书",
        number,
        "华东贸易有限公司",
        "A-1",
        "复印纸",
        "B-2",
        "打印机",
        "上海明德办公用品有限公司",
        "021-5888 6666",
        "壹仟伍佰叁拾元整",
    ]:
        assert expected in text
    assert "第1页/共1页" in _squeezed(text)
    # Amounts right-aligned with two decimals: the line amounts end their rows.
    assert any(line.rstrip().endswith("250.00") and "A-1" in line for line in text.splitlines())
    assert "1,530.00" in text
    assert document.fonts() and all(font["emb"] == "yes" for font in document.fonts())
    assert _prints(office) == [(number, {"document": "order"})]


def test_emoji_and_symbols_print_as_themselves_not_as_empty_boxes(office, pdf):
    from app.masterdata import add_party

    with office.db.unit_of_work() as session:
        add_party(session, office.sales, "🚀星际贸易 ✈️", "customer")
    number = office.placed("sales", party="🚀星际贸易 ✈️")
    document = pdf(_print(office, office.sales, "order", number))
    # The rocket lies outside the Basic Multilingual Plane, which the PDF's text layer
    # (copy and search) maps only in part: what it shows is checked through its font.
    assert "星际贸易 ✈" in document.text()
    fonts = {font["name"].split("+")[-1] for font in document.fonts()}
    assert any("Symbola" in name for name in fonts), fonts  # the rocket and the plane
    assert all(font["emb"] == "yes" for font in document.fonts())


def test_the_purchase_order_is_addressed_to_the_supplier(office, pdf):
    number = office.placed("purchase", lines=(("B-2", 2, "1000.00"),))
    document = pdf(_print(office, office.purchasing, "purchase-order", number))
    text = document.text()
    for expected in ["采购订单", number, "东莞精工制造厂", "供应商", "B-2", "2,000.00", "贰仟元整"]:
        assert expected in text
    assert all(font["emb"] == "yes" for font in document.fonts())


def test_a_sales_order_is_no_purchase_order(office):
    number = office.placed("sales")
    with pytest.raises(ValidationError):
        _print(office, office.sales, "purchase-order", number)
    assert _prints(office) == []


def test_the_delivery_note_shows_goods_carrier_tracking_and_no_price(office, shipped, pdf):
    number, shipment = shipped
    document = pdf(_print(office, office.warehouse, "delivery-note", number))
    text = document.text()
    for expected in [
        "发货单",
        number,
        shipment,
        "华东贸易有限公司",
        "A-1",
        "复印纸",
        "B-2",
        "顺丰速运",
        "SF1234567890",
        "收货人签字",
    ]:
        assert expected in text
    # Services need no delivery; and no price or amount appears anywhere.
    assert "S-9" not in text
    for price in ["25.00", "1,280.00", "1280", "单价", "金额", "壹"]:
        assert price not in text
    assert document.qr_codes() == [shipment]
    assert all(font["emb"] == "yes" for font in document.fonts())
    assert _prints(office) == [(number, {"document": "delivery-note", "shipment": shipment})]


def test_a_delivery_note_prints_by_its_shipment_number_too(office, shipped, pdf):
    number, shipment = shipped
    text = pdf(_print(office, office.warehouse, "delivery-note", shipment)).text()
    assert shipment in text and number in text


def test_before_shipping_the_note_lists_what_is_to_ship_with_blanks_to_fill(office, placed, pdf):
    document = pdf(_print(office, office.warehouse, "delivery-note", placed))
    text = document.text()
    assert "A-1" in text and "S-9" not in text
    assert "____" in text
    assert document.qr_codes() == [placed]


def test_a_draft_has_no_document_yet(office):
    number = office.order("sales")
    for user, kind in ((office.warehouse, "delivery-note"), (office.sales, "order")):
        with pytest.raises(ValidationError, match="at 'Draft'"):
            _print(office, user, kind, number)
    assert _prints(office) == []


def test_the_company_logo_prints_in_the_header(office, pdf, tmp_path):
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png(40, 40))
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "company_logo", str(logo))
    document = pdf(_print(office, office.sales, "order", office.placed("sales")))
    assert document.images() == [(40, 40)]


def _png(width: int, height: int) -> bytes:
    """A red square as PNG bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\0" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_the_warehouse_may_not_print_prices_unless_allowed(office):
    number = office.placed("sales")
    with pytest.raises(PermissionDenied):
        _print(office, office.warehouse, "order", number)
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "warehouse_sees_prices", "true")
    assert _print(office, office.warehouse, "order", number).startswith(b"%PDF")


def test_a_long_order_runs_over_pages_that_repeat_the_table_header(office, pdf):
    lines = tuple(("A-1" if i % 2 else "B-2", i + 1) for i in range(60))
    number = office.order("sales", lines=lines)
    with office.db.unit_of_work() as session:  # large enough to wait for approval
        orders.advance(session, office.sales, number, "submitted")
    pages = pdf(_print(office, office.sales, "order", number)).pages()
    assert len(pages) == 2
    for index, page in enumerate(pages, start=1):
        assert f"第{index}页/共{len(pages)}页" in _squeezed(page)
        assert "产品编码" in page and number in page
    assert "合计金额" in pages[-1] and "客户确认" in pages[-1]


def test_a_batch_prints_one_note_per_order_waiting_at_the_warehouse(office, placed, pdf):
    second = office.order("sales", lines=(("B-2", 1),))
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, second, "submitted")
    office.order("sales")  # a draft is not at the warehouse yet
    seen = []
    with office.db.unit_of_work() as session:
        data = printing.print_delivery_notes(
            session, office.warehouse, progress=lambda done, total: seen.append(done)
        )
    pages = pdf(data).pages()
    assert len(pages) == 2
    assert placed in pages[0] and second in pages[1]
    assert all("第1页/共1页" in _squeezed(page) for page in pages)
    assert seen[-1] == 2
    assert [ref for ref, _ in _prints(office)] == [placed, second]


def test_a_cancelled_batch_records_no_print(office, placed):
    with pytest.raises(Cancelled), office.db.unit_of_work() as session:
        printing.print_delivery_notes(session, office.warehouse, cancelled=lambda: True)
    assert _prints(office) == []


def test_the_return_note_layout_lists_returned_goods_and_the_refund(pdf):
    # The core has no return service yet: the layout is shown over a return's data.
    returned = PrintedOrder(
        number="RO-2026-000004",
        kind="return",
        status_label="草稿",
        party=PartyDetails("华东贸易有限公司", "王经理", "021-1234 5678", "上海市徐汇区"),
        ordered_on=date(2026, 11, 25),
        due=None,
        note="包装破损",
        currency="CNY",
        total=Decimal("50.00"),
        origin="SO-2026-000123",
        lines=[PrintedLine("A-1", "复印纸", "箱", Decimal(2), Decimal("25.00"))],
    )
    company = Company("上海明德办公用品有限公司", "", "", "")
    document = pdf(render([return_note.layout(returned)], company))
    text = document.text()
    for expected in [
        "退货单",
        "RO-2026-000004",
        "SO-2026-000123",
        "包装破损",
        "A-1",
        "50.00",
        "伍拾元整",
        "仓库收货",
    ]:
        assert expected in text
    assert all(font["emb"] == "yes" for font in document.fonts())


def test_each_note_of_a_batch_numbers_its_own_pages(office, placed, pdf):
    long_order = office.order("sales", lines=tuple(("A-1", 1) for _ in range(60)))
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, long_order, "submitted")
    with office.db.reading() as session:  # each page shows the chain's head when made
        head = audit.newest(session)
    with office.db.unit_of_work() as session:
        pages = pdf(printing.print_delivery_notes(session, office.warehouse)).pages()
    long_pages = len(pages) - 1
    assert long_pages >= 2
    assert [_squeezed(page).split("第")[-1].split("审计")[0] for page in pages] == [
        "1页/共1页",
        *(f"{n}页/共{long_pages}页" for n in range(1, long_pages + 1)),
    ]
    assert placed in pages[0] and all(long_order in page for page in pages[1:])
    assert all(f"审计#{head.event_id}:{head.hash[:12]}" in _squeezed(page) for page in pages)
