"""ageing, reconcile and period on the command line: output, files and exit codes."""

from __future__ import annotations

import json
from decimal import Decimal

import pypdfium2
from openpyxl import load_workbook
from sqlalchemy import update

from app import orders
from app.clock import utcnow
from app.periods import month_of
from db.models import Payment


def _shipped_and_paid(office) -> str:
    number = office.placed(lines=[("A-1", 20)])
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, number, "顺丰", "SF1")
    with office.db.unit_of_work() as session:
        orders.record_payment(session, office.finance, number, "500")
    return number


def test_ageing_json_and_who_may_see_it(office, cli):
    number = office.placed(lines=[("A-1", 4)], due="2026-01-05")
    code, out, _ = cli("ageing", "--as-of", "2026-03-01", "--json", user="finance")
    assert code == 0
    (party,) = json.loads(out)["receivable"]["parties"]
    assert party["party"] == "华东贸易有限公司" and party["d31_60"] == "100.00"
    code, _, err = cli("ageing", user="warehouse")
    assert code == 4 and "财务" in err
    code, out, _ = cli("ageing", "--as-of", "2026-03-01", user="owner")
    assert code == 0 and "华东贸易有限公司" in out and "100.00" in out
    assert number


def test_reconcile_to_pdf_and_excel_naming_a_tampered_payment(office, cli, tmp_path):
    number = _shipped_and_paid(office)
    with office.db.engine.begin() as connection:
        connection.execute(update(Payment).values(amount=Decimal("50")))
    month = month_of(utcnow())
    pdf, xlsx = tmp_path / "对账.pdf", tmp_path / "对账.xlsx"
    code, out, err = cli("reconcile", "--month", month, "-o", str(pdf), user="finance")
    assert code == 0 and "记录与审计不符" in out and number in out
    text = pypdfium2.PdfDocument(str(pdf))[0].get_textpage().get_text_range()
    assert "月末对账报告" in text and number in text and "500.00" in text
    assert f"月份 {month}" in text and "No." not in text
    code, _, _ = cli("reconcile", "--month", month, "-o", str(xlsx), user="owner")
    assert code == 0
    sheet = load_workbook(xlsx)["差异明细"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert ["记录与审计不符", number] in [row[:2] for row in rows]
    code, out, _ = cli("reconcile", "--month", month, "--json", user="admin")
    assert json.loads(out)["checks"]["facts_vs_audit"] == 1
    code, _, err = cli("audit", "verify", user="admin")
    assert code == 6 and number in err and "payment #" in err.replace("收付款记录 #", "payment #")
    code, _, err = cli("reconcile", "--month", month, "-o", str(tmp_path / "r.txt"), user="finance")
    assert code == 3 and ".xlsx" in err


def test_period_lock_exit_codes(office, cli):
    assert cli("period", "lock", "2026-13", user="finance")[0] == 3
    assert cli("period", "lock", "2020-01", user="sales")[0] == 4
    code, _, err = cli("period", "lock", "2020-01", user="finance")
    assert code == 0 and "2020-01" in err
    assert cli("period", "lock", "2020-01", user="owner")[0] == 3
    code, out, _ = cli("period", "list", "--json", user="sales")
    assert [lock["month"] for lock in json.loads(out)] == ["2020-01"]


def test_approving_over_the_credit_limit_says_so(office, cli):
    from app import settings
    from app.masterdata import edit_party

    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "approval_threshold", "1000")
    with office.db.unit_of_work() as session:
        edit_party(session, office.sales, "华东贸易有限公司", credit_limit="2000")
    number = office.placed(lines=[("B-2", 2)])
    code, _, err = cli("--lang", "en", "order", "advance", number, "placed", user="owner")
    assert code == 0 and "2,560.00" in err and "560.00 over the limit" in err
