"""What a person sees opening a template or an export in Excel: Chinese bold frozen headers,
a hint row, widths, number and date formats, drop-down lists."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from openpyxl import load_workbook

from app.queries import OrderFilter
from app.spreadsheets.export import export_orders, export_products
from app.spreadsheets.layouts import ORDERS, PRODUCTS
from app.spreadsheets.template import write_template


def _open(path):
    return load_workbook(path)  # full mode: styles, validations and panes are read


def _header_is_formatted(sheet, layout):
    assert [cell.value for cell in sheet[1]] == [c.header for c in layout.columns]
    assert all(cell.font.b for cell in sheet[1])
    assert [cell.value for cell in sheet[2]] == [c.hint for c in layout.columns]
    assert sheet.freeze_panes == "A3"
    assert sheet.column_dimensions["A"].width > 10


def test_the_orders_template_offers_kinds_parties_and_skus_as_drop_downs(office, tmp_path):
    path = tmp_path / "orders-template.xlsx"
    with office.db.reading() as session:
        write_template(session, "orders", path)
    book = _open(path)
    sheet = book.worksheets[0]
    assert sheet.title == "订单" and book["选项"].sheet_state == "hidden"
    _header_is_formatted(sheet, ORDERS)
    assert sheet.max_row == 2
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["B3"] == '"销售,采购"'
    assert lists["C3"].startswith("'选项'!$A$2") and lists["G3"].startswith("'选项'!$B$2")
    choices = book["选项"]
    assert [c.value for c in choices["A"]][1:] == [
        "Acme 😀 Ltd",
        "华东贸易有限公司",
        "东莞精工制造厂",
    ]
    assert [c.value for c in choices["B"]][1:] == ["A-1", "B-2", "S-9"]


def test_the_order_export_formats_amounts_dates_and_quantities(office, tmp_path):
    number = office.order(
        "sales", lines=(("A-1", 10), ("B-2", "1.5", "1199.99")), due="2026-12-31", note="加急"
    )
    path = tmp_path / "orders.xlsx"
    with office.db.reading() as session:
        assert export_orders(session, office.sales, path, OrderFilter(kind="sales")) == 1
    sheet = _open(path).active
    _header_is_formatted(sheet, ORDERS)
    first, second = sheet[3], sheet[4]
    assert [c.value for c in first] == [
        number,
        "销售",
        "华东贸易有限公司",
        datetime(2026, 12, 31),
        "加急",
        "草稿",
        "A-1",
        "复印纸",
        10,
        25,
        250,
        None,  # a sales order has no parent order
    ]
    assert first[3].number_format == "yyyy-mm-dd"
    assert first[8].number_format == "#,##0" and second[8].number_format == "#,##0.###"
    assert second[8].value == 1.5
    assert first[9].number_format == first[10].number_format == "#,##0.00"
    assert Decimal(str(second[10].value)) == Decimal("1799.99")


def test_the_product_export_lists_stock_and_services(office, tmp_path):
    path = tmp_path / "products.xlsx"
    with office.db.reading() as session:
        export_products(session, office.warehouse, path)
    sheet = _open(path).active
    _header_is_formatted(sheet, PRODUCTS)
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=3)] == [
        ["A-1", "复印纸", "个", 25, "否", 100],
        ["B-2", "打印机", "个", 1280, "否", 5],
        ["S-9", "安装服务", "个", 200, "是", None],
    ]


def test_the_problems_of_a_rejected_import_export_as_a_workbook(tmp_path):
    from app.spreadsheets.problem_report import write_problems
    from app.spreadsheets.reading import RowProblem

    path = tmp_path / "problems.xlsx"
    write_problems([RowProblem("订单", 4, "I（数量）", "数量必须大于 0", "quantity > 0")], path)
    sheet = _open(path).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["工作表", "行", "列", "问题", "Problem"],
        ["订单", 4, "I（数量）", "数量必须大于 0", "quantity > 0"],
    ]
    assert sheet["A1"].font.b and sheet.freeze_panes == "A2"
