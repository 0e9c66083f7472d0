"""The owner's dashboard and the wall display, counted by hand on a small history
(tests/dashboard_office.py), on SQLite and PostgreSQL; and its PDF and Excel exports."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pypdfium2
import pytest
from dashboard_office import NOW, build
from openpyxl import load_workbook

from app import board, dashboard, dashboard_report, queries
from app.clock import frozen_at
from app.errors import PermissionDenied


@pytest.fixture
def history(office):
    return build(office)


def read(office, user=None, days=30, lang="zh"):
    with frozen_at(NOW), office.db.reading() as session:
        return dashboard.read(session, user or office.owner, days, lang)


def numbers_behind(office, f: queries.OrderFilter) -> set[str]:
    with frozen_at(NOW), office.db.reading() as session:
        return {o.number for o in queries.list_orders(session, f)}


def by_key(figures) -> dict[str, object]:
    return {f.key: f.value for f in figures}


def test_open_orders_per_node_and_the_orders_behind_each(office, history):
    d = read(office)
    assert by_key(d.open_by_node) == {
        "sales:draft": 1,
        "sales:placed": 1,
        "sales:shipped": 1,
        "sales:delivered": 1,
        "purchase:received": 1,
    }
    assert [f.label for f in d.open_by_node][:2] == ["销售 · 草稿", "销售 · 已下单"]
    behind = {f.key: numbers_behind(office, f.orders) for f in d.open_by_node}
    assert behind["sales:placed"] == {history["so3"]}
    assert behind["sales:shipped"] == {history["so2"]}
    assert numbers_behind(office, d.open_orders) == {
        history[k] for k in ("so1", "so2", "so3", "so5", "po1")
    }
    assert d.totals["open"] == 5


def test_late_orders_per_department(office, history):
    d = read(office)
    assert by_key(d.overdue_by_role) == {"warehouse": 1, "service": 1}
    behind = {f.key: numbers_behind(office, f.orders) for f in d.overdue_by_role}
    assert behind == {"warehouse": {history["so3"]}, "service": {history["so2"]}}
    assert numbers_behind(office, d.late_orders) == {history["so2"], history["so3"]}
    assert d.totals["overdue"] == 2


def test_on_time_shipping_counts_orders_due_in_the_period(office, history):
    on_time = read(office).on_time
    # Due in the last 30 days: so1 (shipped before its day), so2 (shipped two days late),
    # so3 (not shipped); so4 was cancelled, so5 has no due date.
    assert (on_time.due, on_time.on_time) == (3, 1)
    assert on_time.rate == pytest.approx(1 / 3)
    assert numbers_behind(office, on_time.orders) == {history[k] for k in ("so1", "so2", "so3")}
    assert numbers_behind(office, on_time.late_orders) == {history["so2"], history["so3"]}


def test_time_spent_at_each_node_from_the_audit_trail(office, history):
    d = read(office)
    times = {(t.kind, t.node, t.days): t for t in d.time_in_node}
    placed = times[("sales", "placed", 30)]
    # Left 已下单: so1 after 2 h, so2 after 96 h (shipped from there), so4 after 1 h.
    assert placed.stays == 3
    assert placed.average_hours == pytest.approx(33.0)
    assert placed.p90_hours == pytest.approx(96.0)
    assert numbers_behind(office, placed.orders) == {history[k] for k in ("so1", "so2", "so4")}
    assert (times[("sales", "prepared", 30)].stays, times[("sales", "prepared", 30)].p90_hours) == (
        1,
        pytest.approx(3.0),
    )
    assert times[("sales", "shipped", 30)].average_hours == pytest.approx(25.0)
    assert times[("purchase", "placed", 30)].average_hours == pytest.approx(48.0)
    # The same stays fall in the 90-day period; nothing left 已签收 yet.
    assert times[("sales", "placed", 90)].stays == 3
    assert ("sales", "delivered", 30) not in times


def test_stays_older_than_the_period_are_left_out(office, history):
    with frozen_at(datetime(2026, 5, 1)), office.db.reading() as session:
        d = dashboard.read(session, office.owner, 30)
    assert [t for t in d.time_in_node if t.days == 30] == []
    assert {t.node for t in d.time_in_node if t.days == 90} >= {"placed", "prepared"}


def test_monthly_amounts_and_top_lists(office, history):
    d = read(office)
    assert len(d.months) == 12 and d.months[-1].month == date(2026, 3, 1)
    march = d.months[-1]
    # so1 + so2 + so3; the cancelled so4 and the draft so5 are not sales.
    assert march.sales.value == Decimal("1630.00")
    assert march.purchases.value == Decimal("200.00")
    assert d.months[-2].sales.value == 0
    assert numbers_behind(office, march.sales.orders) == {history[k] for k in ("so1", "so2", "so3")}
    assert numbers_behind(office, march.purchases.orders) == {history["po1"]}
    assert [(f.label, f.value) for f in d.top_customers] == [
        ("Acme 😀 Ltd", Decimal("1280.00")),
        ("华东贸易有限公司", Decimal("350.00")),
    ]
    assert [(f.key, f.value) for f in d.top_products] == [
        ("B-2", Decimal("1280.00")),
        ("A-1", Decimal("350.00")),
    ]
    assert numbers_behind(office, d.top_products[1].orders) == {history["so1"], history["so3"]}


def test_a_return_counts_against_the_month_it_was_booked_in(office, history):
    """A return order's total is taken off the sales: the amount is one sum of terms."""
    with office.db.reading() as session:
        signs = [str(amount) for amount, _ in dashboard.amount_terms(session, "sales")]
    assert len(signs) == 2 and signs[1].startswith("-")


def test_the_dashboard_is_for_the_owner_and_the_admin(office, history):
    assert read(office, office.admin).totals["open"] == 5
    for role in ("sales", "warehouse", "finance"):
        with pytest.raises(PermissionDenied, match="dashboard"):
            read(office, office.users[role])


def test_the_board_counts_shipments_to_make_late_orders_and_nodes(office, history):
    with frozen_at(NOW), office.db.reading() as session:
        b = board.read(session, office.warehouse, "zh")
    # To ship: so3 waits at 已下单 and is due; so2 and so1 have left.
    assert b.to_ship == 1 and [o.number for o in b.to_ship_first] == [history["so3"]]
    assert b.to_ship_first[0].node == "已下单"
    assert b.late == 2
    assert {o.number for o in b.late_first} == {history["so2"], history["so3"]}
    assert by_key(b.by_node)["sales:draft"] == 1


def test_pdf_report_reads_back_with_its_figures(office, history, tmp_path):
    d = read(office)
    with office.db.reading() as session:
        path = dashboard_report.write_pdf(session, d, tmp_path / "看板.pdf")
    pdf = pypdfium2.PdfDocument(str(path))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    for expected in (
        "经营看板报告",
        f"日期 {d.at:%Y-%m-%d}",
        "各节点未完结订单",
        "33.3% (1 / 3 张按期发完)",
        "销售 · 已下单",
        "96.0",
        "1,630.00",
        "华东贸易有限公司 350.00",
        "B-2 打印机",
    ):
        assert expected in text.replace("\r\n", "\n").replace("  ", " "), expected
    assert "No." not in text  # a report is headed by its date, not an order number


def test_an_english_report_is_english_to_its_page_footer(office, history, tmp_path):
    d = read(office, lang="en")
    with office.db.reading() as session:
        path = dashboard_report.write_pdf(session, d, tmp_path / "dashboard.pdf")
    pdf = pypdfium2.PdfDocument(str(path))
    first = pdf[0].get_textpage().get_text_range()
    assert "Dashboard report" in first and f"Date {d.at:%Y-%m-%d}" in first
    assert f"Page 1 of {len(pdf)}" in first and "第 1 页" not in first
    pdf.close()


def test_excel_export_holds_every_figure(office, history, tmp_path):
    d = read(office)
    path = dashboard_report.write_excel(d, tmp_path / "看板.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[:3] == ["概览", "各节点未完结订单", "各部门逾期订单"]
    summary = book["概览"]
    assert [c.value for c in summary[2]] == [5, 2, pytest.approx(0.3333, abs=1e-4)]
    nodes = {row[0]: row[1] for row in book["各节点未完结订单"].iter_rows(2, values_only=True)}
    assert nodes["销售 · 已发货"] == 1 and nodes["采购 · 已到货入库"] == 1
    months = list(book["月度销售与采购金额"].iter_rows(2, values_only=True))
    assert months[-1] == ("2026-03", 1630.0, 200.0)
    customers = list(book["前十客户（近 30 天）"].iter_rows(2, values_only=True))
    assert customers[0] == ("Acme 😀 Ltd", 1280.0)
