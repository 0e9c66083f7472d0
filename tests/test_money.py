"""Receivables and payables ageing, credit limits, closed months and the month-end
reconciliation, on SQLite and PostgreSQL — including rows changed behind the program's back."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, select, update

from app import ageing, audit, credit, orders, periods, reconcile, settings
from app.ageing import parse_terms
from app.clock import frozen_at
from app.errors import PermissionDenied, ValidationError
from app.masterdata import edit_party
from db.models import (
    Event,
    Order,
    Payment,
    PeriodLock,
    Product,
    ReceiptLine,
    Shipment,
    ShipmentLine,
    StockMove,
)

CUSTOMER = "华东贸易有限公司"


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


def shipped_order(office, lines=(("A-1", 20),), when=None, **kwargs) -> str:
    """A sales order placed and shipped in full (500.00 for 20 × A-1)."""
    number = office.placed(lines=lines, **kwargs)
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1001")
    return number


def report(office, month: str) -> reconcile.Report:
    with office.db.reading() as session:
        return reconcile.reconcile(session, office.finance, month)


def verify(office) -> audit.VerifyResult:
    with office.db.reading() as session:
        return audit.verify(session)


def this_month() -> str:
    return periods.month_of(datetime.now())


# --- payment terms and ageing -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "basis", "due"),
    [
        ("月结30天", date(2026, 3, 10), date(2026, 4, 30)),
        ("月结 60 日", date(2026, 2, 5), date(2026, 4, 29)),
        ("月结", date(2026, 2, 5), date(2026, 2, 28)),
        ("月结三十天", date(2026, 1, 31), date(2026, 3, 2)),
        ("30天", date(2026, 3, 10), date(2026, 4, 9)),
        ("账期45天", date(2026, 3, 10), date(2026, 4, 24)),
        ("Net 15", date(2026, 3, 10), date(2026, 3, 25)),
        ("货到付款", date(2026, 3, 10), date(2026, 3, 10)),
        ("款到发货", date(2026, 3, 10), date(2026, 3, 10)),
        ("", date(2026, 3, 10), date(2026, 3, 10)),
    ],
)
def test_payment_terms_in_their_common_forms(text, basis, due):
    assert parse_terms(text).due_from(basis) == due


def test_unknown_terms_are_due_on_the_day_and_say_so():
    terms = parse_terms("看心情")
    assert not terms.understood and terms.due_from(date(2026, 5, 1)) == date(2026, 5, 1)
    assert "未能识别" in terms.describe("zh")


def test_ageing_buckets_by_days_past_the_due_date(office):
    """Hand-checked: terms 30 days from the order's due date, as at 2026-12-31."""
    act(office, edit_party, office.sales, CUSTOMER, payment_terms="30天")
    # due date → pays by (due + 30) → days past at 12-31 → bucket
    cases = [
        ("2026-12-20", "A-1", 4),  # 2027-01-19: not due          100.00
        ("2026-11-15", "A-1", 8),  # 12-15: 16 days → 0–30        200.00
        ("2026-10-20", "A-1", 12),  # 11-19: 42 days → 31–60      300.00
        ("2026-09-20", "A-1", 16),  # 10-20: 72 days → 61–90      400.00
        ("2026-08-01", "A-1", 20),  # 08-31: 122 days → over 90   500.00
        ("2026-11-01", "A-1", 2),  # 12-01: exactly 30 days → 0–30  50.00
    ]
    numbers = [office.placed(lines=[(sku, qty)], due=due) for due, sku, qty in cases]
    # 40.00 of the 200.00 paid: 160.00 remains in 0–30; a draft owes nothing.
    act(office, orders.record_payment, office.finance, numbers[1], "40")
    office.order(lines=[("A-1", 1)], due="2026-01-01")
    with office.db.reading() as session:
        table = ageing.ageing(session, office.finance, date(2026, 12, 31))
    (row,) = table.side("receivable")
    assert row.party == CUSTOMER
    assert row.buckets == {
        "not_due": Decimal("100.00"),
        "d0_30": Decimal("210.00"),
        "d31_60": Decimal("300.00"),
        "d61_90": Decimal("400.00"),
        "over_90": Decimal("500.00"),
    }
    assert row.total == Decimal("1510.00")
    with office.db.reading() as session:
        listed = ageing.party_orders(
            session, office.finance, CUSTOMER, "receivable", date(2026, 12, 31)
        )
    assert [o.number for o in listed][:1] == [numbers[4]]  # the most overdue first
    assert sum((o.open for o in listed), Decimal(0)) == row.total
    by_number = {o.number: o for o in listed}
    assert by_number[numbers[1]].open == Decimal("160.00")
    assert by_number[numbers[5]].days_past == 30
    assert table.side("payable") == []
    assert table.as_dict()["receivable"]["totals"]["over_90"] == "500.00"


def test_payables_age_on_the_supplier_side_and_only_money_roles_see_them(office):
    number = office.placed("purchase", lines=[("A-1", 10)], due="2026-06-01")
    with office.db.reading() as session:
        table = ageing.ageing(session, office.owner, date(2026, 12, 31))
        with pytest.raises(PermissionDenied):
            ageing.ageing(session, office.sales)
    (row,) = table.side("payable")
    assert row.buckets["over_90"] == Decimal("250.00")
    with office.db.reading() as session:
        (listed,) = ageing.party_orders(
            session, office.owner, row.party, "payable", date(2026, 12, 31)
        )
    assert listed.number == number and listed.days_past == 213


# --- credit limit -------------------------------------------------------------------------


def test_approver_is_warned_of_the_credit_limit_and_the_warning_is_kept(office):
    act(office, settings.change, office.admin, "approval_threshold", "1000")
    act(office, edit_party, office.sales, CUSTOMER, credit_limit="3000")
    shipped_order(office, lines=[("A-1", 40)])  # 1,000.00 open
    big = office.placed(lines=[("B-2", 2)])  # 2,560.00, waits for the owner
    with office.db.reading() as session:
        order = orders.find_order(session, big)
        warning = credit.approval_warning(session, order, "placed")
    assert warning is not None
    assert (warning.open_receivable, warning.this_order, warning.limit) == (
        Decimal("1000.00"),
        Decimal("2560.00"),
        Decimal("3000.00"),
    )
    assert "超出额度 560.00" in warning.message("zh")
    act(office, orders.advance, office.owner, big, "placed", comment="老客户")
    with office.db.reading() as session:
        actions = list(
            session.scalars(select(Event.action).where(Event.entity_ref == big).order_by(Event.id))
        )
        kept = session.scalar(select(Event).where(Event.action == "credit_warning"))
    assert actions[-2:] == ["credit_warning", "transition"]
    assert kept.after["exposure"] == "3560.00" and "3,000.00" in kept.comment


def test_no_warning_within_the_limit(office):
    act(office, settings.change, office.admin, "approval_threshold", "1000")
    act(office, edit_party, office.sales, CUSTOMER, credit_limit="10000")
    big = office.placed(lines=[("B-2", 2)])
    with office.db.reading() as session:
        assert credit.approval_warning(session, orders.find_order(session, big), "placed") is None


# --- closed months ----------------------------------------------------------------------------


def test_a_locked_month_refuses_a_payment_dated_in_it_and_the_lock_is_audited(office):
    with frozen_at(datetime(2026, 11, 10, 9)):
        number = shipped_order(office)
    with frozen_at(datetime(2026, 12, 3, 9)):
        with pytest.raises(ValidationError, match="2026-12 is not over"):
            act(office, periods.lock_month, office.finance, "2026-12")
        with pytest.raises(PermissionDenied):
            act(office, periods.lock_month, office.admin, "2026-11")
        act(office, periods.lock_month, office.finance, "2026-11")
        with pytest.raises(ValidationError, match="already locked"):
            act(office, periods.lock_month, office.owner, "2026-11")
    with frozen_at(datetime(2026, 11, 30, 23, 59)), pytest.raises(ValidationError) as refused:
        act(office, orders.record_payment, office.finance, number, "100")
    assert "2026-11" in refused.value.zh and "2026-11" in refused.value.en
    with frozen_at(datetime(2026, 11, 30, 12)), pytest.raises(ValidationError, match="2026-11"):
        office.order()
    with office.db.reading() as session:
        assert session.scalar(select(Payment.id)) is None
        lock = session.get(PeriodLock, "2026-11")
        event = session.scalar(select(Event).where(Event.entity == "period"))
    assert lock.locked_by == "finance"
    assert (event.action, event.entity_ref, event.user_name) == ("lock", "2026-11", "finance")
    with frozen_at(datetime(2026, 12, 3, 10)):
        act(office, orders.record_payment, office.finance, number, "100")  # December is open
    assert verify(office).ok


@pytest.mark.parametrize("month", ["2026-13", "26-11", "november", ""])
def test_a_month_must_be_written_yyyy_mm(office, month):
    with pytest.raises(ValidationError, match="YYYY-MM"):
        act(office, periods.lock_month, office.finance, month)


# --- reconciliation ---------------------------------------------------------------------------


def test_a_database_changed_only_through_the_services_reconciles(office):
    number = shipped_order(office)
    act(office, orders.record_payment, office.finance, number, "200")
    purchase = office.placed("purchase", lines=[("B-2", 2)])
    act(office, orders.receive, office.warehouse, purchase)
    result = report(office, this_month())
    assert result.empty, [d.en for d in result.discrepancies]
    assert verify(office).ok


def test_shipped_but_unpaid_past_terms_and_received_but_unpaid(office):
    with frozen_at(datetime(2026, 10, 5, 9)):
        sold = shipped_order(office)
        act(office, orders.record_payment, office.finance, sold, "120")
        bought = office.placed("purchase", lines=[("B-2", 1)])
        act(office, orders.receive, office.warehouse, bought)
    result = report(office, "2026-10")
    by_check = {d.check: d for d in result.discrepancies}
    assert set(by_check) == {"shipped_not_paid", "received_not_paid"}
    assert by_check["shipped_not_paid"].subject == sold
    assert by_check["shipped_not_paid"].amount == Decimal("380.00")
    assert "26 days past terms" in by_check["shipped_not_paid"].en
    assert by_check["received_not_paid"].amount == Decimal("1280.00")
    # With 月结60天 the same sale is not yet late at the end of October.
    act(office, edit_party, office.sales, CUSTOMER, payment_terms="月结60天")
    assert {d.check for d in report(office, "2026-10").discrepancies} == {"received_not_paid"}


def test_service_lines_count_once_the_goods_are_out(office):
    """The service lines' value is summed apart from the goods moved: owed, and the most
    that may be paid, once every goods line has gone."""
    with frozen_at(datetime(2026, 10, 5, 9)):
        short = shipped_order(office, lines=(("A-1", 20), ("S-9", 1)))  # 500 + 200
        act(office, orders.record_payment, office.finance, short, "100")
        over = shipped_order(office, lines=(("A-1", 20), ("S-9", 1)))
        act(office, orders.record_payment, office.finance, over, "700")
        settled = shipped_order(office, lines=(("A-1", 20), ("S-9", 1)))
        act(office, orders.record_payment, office.finance, settled, "700")
    with office.db.engine.begin() as connection:
        over_id = connection.execute(select(Order.id).where(Order.number == over)).scalar_one()
        connection.execute(
            update(Payment).where(Payment.order_id == over_id).values(amount=Decimal("900"))
        )
    found = {
        (d.check, d.subject): d.amount
        for d in report(office, "2026-10").discrepancies
        if d.check != "facts_vs_audit"
    }
    assert found == {
        ("shipped_not_paid", short): Decimal("600.00"),
        ("paid_more_than_shipped", over): Decimal("200.00"),
    }


def test_a_payment_changed_behind_the_programs_back_is_reported(office):
    number = shipped_order(office)
    act(office, orders.record_payment, office.finance, number, "500")
    with office.db.engine.begin() as connection:
        payment_id = connection.execute(select(Payment.id)).scalar_one()
        connection.execute(update(Payment).values(amount=Decimal("50")))
    result = verify(office)
    assert not result.ok
    assert number in result.en and f"payment #{payment_id}" in result.en
    assert "50.00" in result.zh and "500.00" in result.zh
    found = report(office, this_month()).discrepancies
    assert [(d.check, d.subject) for d in found] == [
        ("shipped_not_paid", number),
        ("facts_vs_audit", number),
    ] or [(d.check, d.subject) for d in found] == [("facts_vs_audit", number)]
    assert any(f"payment #{payment_id}" in d.en for d in found)


def test_a_shipment_line_changed_behind_the_programs_back_is_reported(office):
    number = shipped_order(office)
    with office.db.engine.begin() as connection:
        connection.execute(update(ShipmentLine).values(qty=Decimal("2")))
    result = verify(office)
    assert not result.ok and number in result.en and "A-1 2 in the table, 20 recorded" in result.en
    (found,) = [
        d for d in report(office, this_month()).discrepancies if d.check == "facts_vs_audit"
    ]
    assert found.subject == number and "发货单" in found.zh


def test_every_row_changed_behind_the_back_is_found_by_the_month_and_by_verify(office):
    """The database names the orders and documents whose rows and events differ: each way
    of differing must still be among them, and be worded by its row."""
    untouched = shipped_order(office)  # paid in full, in the table as in the trail
    act(office, orders.record_payment, office.finance, untouched, "500")
    deleted_payment = shipped_order(office)
    act(office, orders.record_payment, office.finance, deleted_payment, "120")
    unrecorded_payment = shipped_order(office)
    deleted_shipment = shipped_order(office)
    unrecorded_shipment = office.placed()
    bought = office.placed("purchase", lines=[("B-2", 2)])
    act(office, orders.receive, office.warehouse, bought)
    act(office, orders.record_payment, office.finance, bought, "2560")
    with office.db.engine.begin() as connection:
        ids = dict(connection.execute(select(Order.number, Order.id)).all())
        connection.execute(
            update(Payment).where(Payment.order_id == ids[bought]).values(amount=Decimal("3000"))
        )
        connection.execute(delete(Payment).where(Payment.order_id == ids[deleted_payment]))
        connection.execute(
            Payment.__table__.insert().values(
                order_id=ids[unrecorded_payment],
                amount=Decimal("77"),
                method="",
                reference="",
                paid_at=datetime.now(),
                recorded_by_id=office.finance.id,
            )
        )
        connection.execute(update(ReceiptLine).values(qty=Decimal("1")))
        gone = connection.execute(
            select(Shipment.id, Shipment.number).where(Shipment.order_id == ids[deleted_shipment])
        ).one()
        connection.execute(delete(ShipmentLine).where(ShipmentLine.shipment_id == gone.id))
        connection.execute(delete(Shipment).where(Shipment.id == gone.id))
        connection.execute(
            Shipment.__table__.insert().values(
                number="SH-BEHIND-1",
                order_id=ids[unrecorded_shipment],
                carrier="顺丰",
                tracking_no="SF9",
                shipped_at=datetime.now(),
                shipped_by_id=office.warehouse.id,
            )
        )
    found = report(office, this_month()).discrepancies
    audit_found = sorted((d.subject, d.en) for d in found if d.check == "facts_vs_audit")
    assert [subject for subject, _ in audit_found] == sorted(
        [bought, bought, deleted_payment, unrecorded_payment, deleted_shipment, unrecorded_shipment]
    )
    said = " | ".join(en for _, en in audit_found)
    assert "payment #" in said and "is 3,000.00 but the audit trail says 2,560.00" in said
    assert f"Order {deleted_payment}: the audit trail records a payment of 120.00" in said
    assert "is 77.00 but the audit trail has no such payment" in said
    assert "B-2 1 in the table, 2 recorded" in said
    assert f"shipment {gone.number} is in the audit trail but not in the table" in said
    assert "shipment SH-BEHIND-1 has no audit record" in said
    extra = [(d.subject, d.amount) for d in found if d.check == "paid_more_than_received"]
    assert extra == [(bought, Decimal("440.00"))]
    # The whole trail, undated, finds the same rows.
    assert sorted((m.order, m.en) for m in verify(office).facts) == audit_found


def test_a_deleted_stock_move_and_a_changed_on_hand_are_reported(office):
    shipped_order(office)
    with office.db.engine.begin() as connection:
        move = connection.execute(
            select(StockMove.id).where(StockMove.kind == "issue").limit(1)
        ).scalar_one()
        connection.execute(delete(StockMove).where(StockMove.id == move))
        connection.execute(update(Product).where(Product.sku == "B-2").values(on_hand=7))
    found = [d for d in report(office, this_month()).discrepancies if d.check == "stock_vs_ledger"]
    subjects = sorted(d.subject for d in found)
    assert "A-1" in subjects and "B-2" in subjects
    b2 = next(d for d in found if d.subject == "B-2")
    assert "on hand is 7, its stock ledger sums to 5" in b2.en


def test_paid_more_than_shipped_when_an_amount_is_raised_behind_the_back(office):
    number = shipped_order(office)
    act(office, orders.record_payment, office.finance, number, "500")
    with office.db.engine.begin() as connection:
        connection.execute(update(Payment).values(amount=Decimal("800")))
    checks = {d.check: d for d in report(office, this_month()).discrepancies}
    assert checks["paid_more_than_shipped"].amount == Decimal("300.00")
    assert "facts_vs_audit" in checks


def test_only_money_roles_reconcile(office):
    with office.db.reading() as session, pytest.raises(PermissionDenied):
        reconcile.reconcile(session, office.warehouse, "2026-11")


def test_the_checks_are_named_entries():
    codes = [check.code for check in reconcile.CHECKS]
    assert codes == [
        "shipped_not_paid",
        "paid_more_than_shipped",
        "received_not_paid",
        "paid_more_than_received",
        "stock_vs_ledger",
        "return_not_refunded",
        "facts_vs_audit",
    ]


# --- moving an office: a whole export imported by an administrator ------------------------


def test_admin_imports_a_whole_export_sales_and_purchases_together(
    office, fresh_database, backend, password_hash, tmp_path
):
    from app.spreadsheets.export import export_orders
    from app.spreadsheets.importing import import_orders
    from tests.conftest import add_users

    sold = shipped_order(office, lines=[("A-1", 4), ("S-9", 1)], due="2027-01-15")
    bought = office.placed("purchase", lines=[("B-2", 3)])
    draft = office.order(party="Acme 😀 Ltd", lines=[("B-2", 1, "999.50")])
    workbook = tmp_path / "整库导出.xlsx"
    with office.db.reading() as session:
        assert export_orders(session, office.admin, workbook) == 3

    other = fresh_database(backend)
    try:
        with other.unit_of_work() as session:
            users = add_users(session, password_hash)
        with other.unit_of_work() as session:
            result = import_orders(session, users["admin"], workbook)
        assert sorted(result.created) == sorted([sold, bought, draft])
        with other.reading() as session:
            moved = {o.number: o for o in orders.find_orders(session, [sold, bought, draft])}
            assert moved[sold].kind == "sales" and moved[bought].kind == "purchase"
            assert [(ln.product.sku, ln.qty, ln.unit_price) for ln in moved[sold].lines] == [
                ("A-1", Decimal(4), Decimal("25.00")),
                ("S-9", Decimal(1), Decimal("200.00")),
            ]
            assert moved[draft].party.name == "Acme 😀 Ltd"
            assert moved[draft].lines[0].unit_price == Decimal("999.50")
            assert moved[sold].due == date(2027, 1, 15)
            assert moved[bought].party.kind == "supplier"
            assert {o.status for o in moved.values()} == {"draft"}
            product = session.scalar(select(Product).where(Product.sku == "B-2"))
            assert (product.name, product.price, product.on_hand) == (
                "打印机",
                Decimal("999.50"),
                0,
            )
            imported = {
                e.entity_ref: e
                for e in session.scalars(select(Event).where(Event.action == "imported"))
            }
            assert imported[sold].after["exported_status"] == "已发货"
            assert imported[bought].after["exported_status"] == "已下单"
            assert "整库导出.xlsx" in imported[sold].comment
            assert audit.verify(session).ok
        # The series moved on: the next sales order follows the imported numbers.
        with other.unit_of_work() as session:
            nxt = orders.create_order(
                session, users["sales"], "sales", "华东贸易有限公司", [orders.LineSpec("A-1", 1)]
            )
        assert nxt.number > max(sold, draft)
    finally:
        other.dispose()


def test_a_whole_export_brings_child_orders_after_their_parents(
    office, fresh_database, backend, password_hash, tmp_path
):
    from openpyxl import load_workbook

    from app import queries, returns, supplements
    from app.spreadsheets.export import export_orders
    from app.spreadsheets.importing import import_orders
    from app.spreadsheets.reading import ImportRejected
    from tests.conftest import add_users

    sold = shipped_order(office, lines=[("A-1", 4), ("B-2", 1)])
    with office.db.unit_of_work() as session:
        extra = supplements.supplement(
            session, office.sales, sold, [orders.LineSpec("A-1", 2)], reason="补发"
        ).number
        back = returns.create_return(
            session, office.service, sold, [returns.ReturnLine("B-2", 1)], reason="坏了"
        ).number
    bought = office.placed("purchase", lines=[("B-2", 3)])
    act(office, orders.receive, office.warehouse, bought)
    with office.db.unit_of_work() as session:
        sent_back = returns.create_return(
            session, office.purchasing, bought, [returns.ReturnLine("B-2", 2)], reason="瑕疵"
        ).number
    workbook = tmp_path / "整库导出.xlsx"
    with office.db.reading() as session:
        assert export_orders(session, office.admin, workbook) == 5

    # Without their parents, each child row says which parent is missing; nothing comes in.
    sheet_book = load_workbook(workbook)
    sheet = sheet_book.active
    for row in range(sheet.max_row, 2, -1):
        if sheet.cell(row, 1).value in (sold, bought):
            sheet.delete_rows(row)
    orphans = tmp_path / "orphans.xlsx"
    sheet_book.save(orphans)
    other = fresh_database(backend)
    try:
        with other.unit_of_work() as session:
            users = add_users(session, password_hash)
        with other.unit_of_work() as session, pytest.raises(ImportRejected) as rejected:
            import_orders(session, users["admin"], orphans)
        said = sorted(p.en for p in rejected.value.problems)
        assert said == sorted(
            f"The parent order {parent} is neither in this database nor in this file: "
            "import the parent first."
            for parent in (sold, sold, bought)
        )
        with other.reading() as session:
            assert session.scalar(select(Order.id)) is None

        with other.unit_of_work() as session:
            result = import_orders(session, users["admin"], workbook)
        assert sorted(result.created) == sorted([sold, extra, back, bought, sent_back])
        # Parents were made first, whatever the rows' order (the export lists newest first).
        assert result.created.index(sold) < min(map(result.created.index, (extra, back)))
        with other.reading() as session:
            moved = {o.number: o for o in orders.find_orders(session, result.created)}
            assert {n: moved[n].kind for n in (extra, back, sent_back)} == {
                extra: "supplementary",
                back: "return",
                sent_back: "purchase_return",
            }
            assert {n: moved[n].parent.number for n in (extra, back, sent_back)} == {
                extra: sold,
                back: sold,
                sent_back: bought,
            }
            # A return's lines know the parent's lines they take back.
            [line] = moved[sent_back].lines
            assert line.origin_line_id == moved[bought].lines[0].id
            linked = queries.order_detail(session, moved[sold])["children"]
            assert sorted(linked) == sorted([extra, back])
            assert audit.verify(session).ok
    finally:
        other.dispose()


def test_other_roles_keep_their_own_import_rules(office, tmp_path):
    from app.spreadsheets.export import export_orders
    from app.spreadsheets.importing import import_orders

    office.order()
    office.order("purchase", lines=[("B-2", 1)])
    workbook = tmp_path / "orders.xlsx"
    with office.db.reading() as session:
        export_orders(session, office.admin, workbook)
    with pytest.raises(PermissionDenied, match="purchase"):
        act(office, import_orders, office.sales, workbook)


@pytest.mark.parametrize("text", ["月结30天", "月结", "45天", "货到付款", "月结 90 日"])
def test_bucket_boundaries_are_the_latest_days_that_fall_due_in_time(text):
    from datetime import timedelta

    terms = parse_terms(text)
    for offset in range(0, 400, 7):
        pay_by = date(2026, 12, 31) - timedelta(days=offset)
        latest = ageing.latest_basis(terms, pay_by)
        assert terms.due_from(latest) <= pay_by < terms.due_from(latest + timedelta(days=1))


def test_a_return_received_and_not_refunded(office):
    """Return orders are made from their parent; here one is written as its rows would be
    (a return line per returned line, goods received back against it)."""
    from app.clock import utcnow
    from db.models import Order, OrderLine, Receipt, ReceiptLine

    number = shipped_order(office)  # 20 × A-1 = 500.00
    act(office, orders.record_payment, office.finance, number, "500")
    with office.db.unit_of_work() as session:
        parent = orders.find_order(session, number)
        now = utcnow()
        back = Order(
            number="RO-TEST-1",
            kind="return",
            workflow_id=parent.workflow_id,
            party_id=parent.party_id,
            parent_id=parent.id,
            status=parent.status,
            status_since=now,
            total=Decimal("100.00"),
            created_by_id=office.service.id,
            created_at=now,
            updated_at=now,
            lines=[
                OrderLine(
                    line_no=1,
                    product_id=parent.lines[0].product_id,
                    qty=Decimal(4),
                    unit_price=Decimal("25.00"),
                    origin_line_id=parent.lines[0].id,
                )
            ],
        )
        session.add(back)
        session.flush()
        receipt = Receipt(
            number="GR-TEST-1",
            order_id=back.id,
            received_at=now,
            received_by_id=office.warehouse.id,
        )
        session.add(receipt)
        session.flush()
        session.add(ReceiptLine(receipt_id=receipt.id, order_line_id=back.lines[0].id, qty=4))
    found = [
        d for d in report(office, this_month()).discrepancies if d.check == "return_not_refunded"
    ]
    assert [(d.subject, d.amount) for d in found] == [(number, Decimal("100.00"))]
    act(office, orders.record_payment, office.finance, number, "-100")
    assert not [
        d for d in report(office, this_month()).discrepancies if d.check == "return_not_refunded"
    ]
