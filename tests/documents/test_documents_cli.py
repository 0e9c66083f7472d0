"""`ordertrail print` as CLI.md writes it."""

from __future__ import annotations

import pypdfium2 as pdfium


def _text(path) -> str:
    return "\n".join(page.get_textpage().get_text_bounded() for page in pdfium.PdfDocument(path))


def test_print_writes_the_order_confirmation(office, cli, tmp_path):
    number = office.placed("sales")
    target = tmp_path / "confirmation.pdf"
    code, out, err = cli("print", "order", number, "-o", str(target), user="sales")
    assert code == 0, err
    assert out == ""
    assert number in _text(target) and "贰佰伍拾元整" in _text(target)


def test_print_delivery_notes_of_every_waiting_order(office, placed, cli, tmp_path):
    target = tmp_path / "notes.pdf"
    code, _, err = cli("print", "delivery-note", "--waiting", "-o", str(target), user="warehouse")
    assert code == 0, err
    assert placed in _text(target)


def test_print_of_an_unknown_order_exits_3_and_writes_nothing(cli, tmp_path):
    target = tmp_path / "none.pdf"
    code, _, err = cli("print", "order", "SO-1999-000001", "-o", str(target), user="sales")
    assert code == 3 and "SO-1999-000001" in err
    assert not target.exists()


def test_print_of_prices_by_the_warehouse_is_denied(office, cli, tmp_path):
    number = office.placed("sales")
    code, _, _ = cli("print", "order", number, "-o", str(tmp_path / "x.pdf"), user="warehouse")
    assert code == 4


def test_print_needs_a_number_or_waiting(cli, tmp_path):
    code, _, _ = cli("print", "order", "-o", str(tmp_path / "x.pdf"), user="sales")
    assert code == 3
    code, _, _ = cli("print", "label", "X", "-o", str(tmp_path / "x.pdf"), user="sales")
    assert code == 2


def test_template_export_and_import_on_the_command_line(office, cli, tmp_path):
    import json

    from openpyxl import load_workbook

    template = tmp_path / "template.xlsx"
    assert cli("template", "orders", str(template), user="sales")[0] == 0
    assert load_workbook(template).worksheets[0]["A1"].value == "订单号"

    number = office.order("sales", lines=(("A-1", 3),))
    exported = tmp_path / "orders.xlsx"
    code, _, err = cli("export", "orders", str(exported), "--kind", "sales", user="sales")
    assert code == 0, err
    book = load_workbook(exported)
    sheet = book.active
    sheet["A3"] = "IMPORTED-1"
    sheet.append(["IMPORTED-2", "销售", "华东贸易有限公司", None, None, None, "B-2", None, -1])
    sheet.append(["IMPORTED-3", "销售", "无名公司", None, None, None, "A-1", None, 1])
    book.save(exported)

    code, out, err = cli("import", "orders", str(exported), "--json", user="sales")
    assert code == 3
    errors = json.loads(out)["errors"]
    assert [(e["sheet"], e["row"], e["column"]) for e in errors] == [
        ("订单", 4, "I（数量）"),
        ("订单", 5, "C（客户/供应商）"),
    ]
    assert err.splitlines()[0].startswith("工作表 订单，第 4 行，I（数量） 列：")
    assert "第 5 行" in err.splitlines()[1] and "无名公司" in err.splitlines()[1]

    sheet.delete_rows(4, 2)
    book.save(exported)
    code, out, err = cli("import", "orders", str(exported), "--json", user="sales")
    assert code == 0, err
    assert json.loads(out)["created"] == ["IMPORTED-1"]
    code, out, _ = cli("order", "show", "IMPORTED-1", "--json", user="sales")
    assert json.loads(out)["lines"][0]["qty"] == "3" and number != "IMPORTED-1"


def test_export_filters_apply_to_orders_only(cli, tmp_path):
    code, _, _ = cli("export", "parties", str(tmp_path / "p.xlsx"), "--kind", "sales", user="sales")
    assert code == 3
