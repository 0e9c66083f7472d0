"""Hostile and broken files get a clear answer naming sheet, row, column and why, and
nothing is imported."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.clock import utcnow
from app.jobs import Cancelled
from app.spreadsheets import reading
from app.spreadsheets.importing import import_orders, import_products
from app.spreadsheets.layouts import ORDERS, PRODUCTS
from app.spreadsheets.reading import ImportRejected
from db.models import Order, Product


def row(number, party="华东贸易有限公司", sku="A-1", qty=1, kind="销售", **extra) -> dict:
    return {"number": number, "kind": kind, "party": party, "sku": sku, "qty": qty, **extra}


def _order_count(office) -> int:
    with office.db.reading() as session:
        return session.scalar(select(func.count()).select_from(Order))


def _rejected(office, path, user=None) -> list:
    before = _order_count(office)
    with pytest.raises(ImportRejected) as caught, office.db.unit_of_work() as session:
        import_orders(session, user or office.sales, path)
    assert _order_count(office) == before
    return caught.value.problems


def _one_file_problem(office, path) -> str:
    [problem] = _rejected(office, path)
    assert problem.row == 0
    return problem.zh + problem.en


def test_a_good_file_imports(office, write_sheet):
    path = write_sheet(
        [row("A-001", qty=2), row("A-001", sku="B-2", unit_price="99.5"), row("A-002")]
    )
    with office.db.unit_of_work() as session:
        result = import_orders(session, office.sales, path)
    assert result.created == ["A-001", "A-002"]


def test_not_a_workbook(office, tmp_path):
    path = tmp_path / "picture.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "不是 Excel 工作簿" in _one_file_problem(office, path)


def test_a_csv_renamed_xlsx(office, tmp_path):
    path = tmp_path / "orders.xlsx"
    path.write_text(
        "订单号,类型,客户/供应商,产品编码,数量\nX-1,销售,华东贸易有限公司,A-1,1\n", encoding="utf-8"
    )
    assert "CSV" in _one_file_problem(office, path)


def test_an_empty_file(office, tmp_path):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "空的" in _one_file_problem(office, path)


def test_an_old_xls_file(office, tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    assert ".xls" in _one_file_problem(office, path)


def test_a_damaged_zip(office, tmp_path):
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 100)
    assert "损坏" in _one_file_problem(office, path)


def test_a_workbook_without_the_headers(office, tmp_path):
    book = Workbook()
    book.active.append(["foo", "bar"])
    book.active.append([1, 2])
    path = tmp_path / "other.xlsx"
    book.save(path)
    problems = _rejected(office, path)
    assert {p.row for p in problems} == {1}
    assert any("订单号" in p.zh for p in problems) and any("数量" in p.zh for p in problems)


def test_a_template_with_no_rows(office, write_sheet):
    [problem] = _rejected(office, write_sheet([]))
    assert "没有可导入的数据行" in problem.zh


def test_formulas_are_refused(office, write_sheet):
    path = write_sheet([row("F-1", qty="=2*3")])
    [problem] = _rejected(office, path)
    assert (problem.sheet, problem.row, problem.column) == ("订单", 2, "I（数量）")
    assert "公式" in problem.zh and "=2*3" in problem.zh


def test_merged_cells_are_refused(office, write_sheet):
    path = write_sheet([row("M-1"), row("M-1", sku="B-2")])
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.merge_cells("C2:C3")
    book.save(path)
    problems = _rejected(office, path)
    assert any(p.column == "C2:C3" and "合并单元格" in p.zh for p in problems)


def test_text_in_number_columns(office, write_sheet):
    path = write_sheet([row("T-1", qty="十个"), row("T-2", unit_price="abc")])
    problems = _rejected(office, path)
    assert [(p.row, p.column) for p in problems] == [(2, "I（数量）"), (3, "J（单价）")]
    assert "不是数字" in problems[0].zh


@pytest.mark.parametrize("qty", [-5, 0, 1e12, "1.23456", "NaN"])
def test_negative_zero_absurd_or_too_precise_quantities(office, write_sheet, qty):
    [problem] = _rejected(office, write_sheet([row("Q-1", qty=qty)]))
    assert problem.column == "I（数量）"


def test_unknown_skus_and_parties_and_wrong_party_kind(office, write_sheet):
    path = write_sheet(
        [
            row("U-1", sku="NOPE"),
            row("U-2", party="不存在的公司"),
            row("U-3", party="东莞精工制造厂"),
        ]
    )
    problems = _rejected(office, path)
    assert [(p.row, p.column) for p in problems] == [
        (2, "G（产品编码）"),
        (3, "C（客户/供应商）"),
        (4, "C（客户/供应商）"),
    ]
    assert "NOPE" in problems[0].zh and "不是客户" in problems[2].zh


def test_duplicate_order_numbers_in_the_file_and_in_the_database(office, write_sheet):
    existing = office.order("sales")
    path = write_sheet([row("D-1"), row("D-2"), row("D-1"), row(existing)])
    problems = _rejected(office, path)
    assert [(p.row, p.column) for p in problems] == [(4, "A（订单号）"), (5, "A（订单号）")]
    assert "已在第 2 行" in problems[0].zh and "已存在" in problems[1].zh


def test_rows_of_one_order_must_agree(office, write_sheet):
    path = write_sheet([row("C-1"), row("C-1", party="Acme 😀 Ltd")])
    [problem] = _rejected(office, path)
    assert (problem.row, problem.column) == (3, "C（客户/供应商）")


def test_every_bad_row_is_reported_at_once(office, write_sheet):
    path = write_sheet(
        [
            row("E-1", qty="x"),
            row("E-2"),
            row("E-3", sku="?"),
            row("E-4", kind="退货"),
            row("E-5", due="明天"),
        ]
    )
    problems = _rejected(office, path)
    assert [p.row for p in problems] == [2, 4, 5, 6]
    assert all(p.sheet == "订单" and p.column and p.zh and p.en for p in problems)


def test_a_purchase_order_file_needs_a_buyer(office, write_sheet):
    from app.errors import PermissionDenied

    path = write_sheet([row("P-1", kind="采购", party="东莞精工制造厂")])
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        import_orders(session, office.sales, path)


def test_duplicate_skus_in_a_product_file(office, write_sheet):
    path = write_sheet(
        [
            {"sku": "N-1", "name": "甲", "price": 1},
            {"sku": "N-1", "name": "乙", "price": 2},
            {"sku": "A-1", "name": "丙", "price": 3},
            {"sku": "N 2", "name": "丁", "price": 4},
        ],
        layout=PRODUCTS,
    )
    with pytest.raises(ImportRejected) as caught, office.db.unit_of_work() as session:
        import_products(session, office.admin, path)
    assert [p.row for p in caught.value.problems] == [3, 4, 5]
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Product)) == 3


@pytest.fixture(scope="session")
def fifty_thousand_rows(tmp_path_factory):
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet(ORDERS.title)
    sheet.append([c.header for c in ORDERS.columns])
    for index in range(50_000):
        sheet.append([f"B-{index}", "销售", "华东贸易有限公司", None, None, None, "A-1", None, 1])
    book.save(path)
    return path


def test_fifty_thousand_rows_are_refused_whole(office, fifty_thousand_rows):
    [problem] = _rejected(office, fifty_thousand_rows)
    assert _order_count(office) == 0
    assert f"{reading.MAX_ROWS:,}" in problem.zh and "分成几个文件" in problem.zh


def test_formatted_empty_rows_below_the_data_do_not_count(office, write_sheet):
    from openpyxl import load_workbook
    from openpyxl.styles import Font

    path = write_sheet([row("S-1")])
    book = load_workbook(path)
    book.active.cell(row=30_000, column=1).font = Font(bold=True)
    book.save(path)
    assert load_workbook(path, read_only=True).active.max_row == 30_000
    with office.db.unit_of_work() as session:
        assert import_orders(session, office.sales, path).created == ["S-1"]


def test_cancelling_leaves_nothing_imported(office, write_sheet):
    path = write_sheet([row(f"K-{i}") for i in range(120)])
    with pytest.raises(Cancelled), office.db.unit_of_work() as session:
        import_orders(session, office.sales, path, cancelled=lambda: _order_count_in(session) >= 60)
    assert _order_count(office) == 0


def _order_count_in(session) -> int:
    return session.scalar(select(func.count()).select_from(Order))


def test_a_number_of_the_other_series_is_refused_and_entry_goes_on(office, write_sheet):
    """A purchase order numbered like the sales series once stopped every later sales order."""
    sales_like = f"SO-{utcnow().year}-000001"
    path = write_sheet([row(sales_like, kind="采购", party="东莞精工制造厂")])
    [problem] = _rejected(office, path, office.purchasing)
    assert problem.row == 2 and "订单号" in problem.column
    assert "SO-" in problem.en and "sales" in problem.en
    # Either series given in its own kind moves that series on.
    purchase_like = f"PO-{utcnow().year}-000040"
    with office.db.unit_of_work() as session:
        import_orders(
            session,
            office.purchasing,
            write_sheet([row(purchase_like, kind="采购", party="东莞精工制造厂")], name="po.xlsx"),
        )
    assert office.order("sales").endswith("-000001")
    assert office.order("purchase").endswith("-000041")
