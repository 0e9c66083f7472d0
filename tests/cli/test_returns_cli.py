"""Returns, exchanges, refunds and shipment exceptions on the command line, with CLI.md's
exit codes."""

from __future__ import annotations

import json


def _shipped(shop, qty: str = "10") -> tuple[str, str]:
    code, out, _ = shop(
        "order", "create", "--kind", "sales", "--party", "华东贸易有限公司",
        "--line", f"A-100:{qty}", user="sales",
    )  # fmt: skip
    number = out.strip()
    assert shop("order", "advance", number, "submitted", user="sales")[0] == 0
    code, out, _ = shop(
        "ship", number, "--carrier", "顺丰", "--tracking-no", "SF1", user="warehouse"
    )
    assert code == 0
    return number, out.strip()


def test_a_return_received_damaged_and_refunded(shop):
    number, shipment = _shipped(shop)
    assert shop("sign", shipment, user="service")[0] == 0
    assert shop("pay", number, "1280", user="finance")[0] == 0
    code, out, err = shop(
        "return", number, "--line", "A-100:3", "A-100:1:外箱压坏", "--reason", "客户退回 😀",
        user="service",
    )  # fmt: skip
    assert code == 0, err
    ret = out.strip()
    assert ret.startswith("RO-")
    # More than shipped and not yet returned, and acting outside one's role: nothing changes.
    assert shop("return", number, "--line", "A-100:7", "--reason", "x", user="service")[0] == 3
    assert shop("return", number, "--line", "A-100:1", "--reason", "x", user="sales")[0] == 4
    assert shop("return", number, "--line", "A-100", "--reason", "x", user="service")[0] == 3
    assert (
        shop("receive", ret, "--line", "A-100:3", "--damaged", "A-100:1", user="warehouse")[0] == 0
    )
    assert shop("refund", ret, "600", user="finance")[0] == 3  # more than the return is worth
    assert shop("refund", ret, "512", user="service")[0] == 4
    assert shop("refund", ret, "512", "--method", "转账", user="finance")[0] == 0
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert shown["children"] == [ret]
    assert shown["lines"][0]["returned_qty"] == "4"
    back = json.loads(shop("order", "show", ret, "--json", user="owner")[1])
    assert (back["parent"], back["paid"], back["total"]) == (number, "-512.00", "512.00")
    products = json.loads(shop("product", "list", "--json", user="warehouse")[1])
    assert [p["on_hand"] for p in products if p["sku"] == "A-100"] == ["43"]


def test_a_refused_shipment_through_its_exception(shop):
    number, shipment = _shipped(shop, "2")
    assert shop("shipment", "refuse", shipment, "--reason", "拒收", user="finance")[0] == 4
    assert shop("shipment", "refuse", "SH-404", "--reason", "拒收", user="service")[0] == 3
    code, _, err = shop("shipment", "refuse", shipment, "--reason", "客户拒收", user="service")
    assert code == 0 and "exception resolve" in err
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert shown["exception"] is True
    assert (shown["shipments"][0]["state"], shown["shipments"][0]["trouble_reason"]) == (
        "refused",
        "客户拒收",
    )
    listed = json.loads(shop("exception", "list", "--json", user="owner")[1])
    assert [(e["number"], e["trouble"]) for e in listed] == [(number, "refused")]
    text = shop("--lang", "en", "order", "show", number, user="owner")
    assert "refused" in text[1] or shipment in text[1]
    assert shop("sign", shipment, user="service")[0] == 3
    assert shop("exception", "resolve", number, user="service")[0] == 2  # --reship or --refund
    code, out, _ = shop("exception", "resolve", number, "--reship", user="service")
    assert code == 0
    back, again = out.split()
    assert back.startswith("RO-") and again.startswith("SP-")
    assert json.loads(shop("exception", "list", "--json", user="owner")[1]) == []
    assert shop("exception", "resolve", number, "--refund", user="service")[0] == 3
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert (shown["exception"], shown["children"]) == (False, [back, again])


def test_an_exchange(shop):
    number, shipment = _shipped(shop, "5")
    assert shop("sign", shipment, user="service")[0] == 0
    code, out, _ = shop("exchange", number, "--line", "A-100:2", "--reason", "换货", user="service")
    assert code == 0
    back, replacement = out.split()
    assert back.startswith("RO-") and replacement.startswith("SP-")
    assert shop("exchange", number, "--line", "A-100:9", "--reason", "x", user="service")[0] == 3


def test_an_exception_is_not_resolved_where_the_workflow_does_not_allow_it(shop):
    number, shipment = _shipped(shop, "2")
    assert shop("shipment", "refuse", shipment, "--reason", "拒收", user="service")[0] == 0
    assert shop("order", "advance", number, "delivered", user="service")[0] == 0
    assert shop("pay", number, "256", user="finance")[0] == 0
    code, _, err = shop("--lang", "en", "exception", "resolve", number, "--reship", user="service")
    assert code == 3
    assert "is at 'Paid': cannot resolve exceptions; only at" in err
    listed = json.loads(shop("exception", "list", "--json", user="owner")[1])
    assert [(e["number"], e["trouble"]) for e in listed] == [(number, "refused")]


def test_a_whole_export_names_each_return_whose_parent_is_missing(shop, tmp_path):
    from openpyxl import load_workbook

    number, shipment = _shipped(shop, "2")
    assert shop("sign", shipment, user="service")[0] == 0
    code, out, _ = shop("return", number, "--line", "A-100:1", "--reason", "坏", user="service")
    ret = out.strip()
    workbook = tmp_path / "whole.xlsx"
    assert shop("export", "orders", str(workbook), user="admin")[0] == 0
    book = load_workbook(workbook)
    sheet = book.active
    headers = [cell.value for cell in sheet[1]]
    for row in range(sheet.max_row, 2, -1):
        if sheet.cell(row, 1).value == number:
            sheet.delete_rows(row)
    [row] = [row for row in range(3, sheet.max_row + 1) if sheet.cell(row, 1).value == ret]
    assert sheet.cell(row, headers.index("原订单") + 1).value == number
    book.save(workbook)
    other = str(tmp_path / "new-office.db")
    assert shop("--db", other, "init", "--admin", "admin")[0] == 0
    code, _, err = shop(
        "--db", other, "--lang", "en", "import", "orders", str(workbook), user="admin"
    )
    assert code == 3
    assert (
        f"row {row}, column L（原订单）: The parent order {number} is neither in this "
        "database nor in this file: import the parent first." in err
    )
