"""`ordertrail print` as CLI.md writes it."""

from __future__ import annotations

import subprocess


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_print_writes_the_order_confirmation(office, cli, tmp_path):
    number = office.order("sales")
    target = tmp_path / "confirmation.pdf"
    code, out, err = cli("print", "order", number, "-o", str(target), user="sales")
    assert code == 0, err
    assert out == ""
    assert number in _text(target) and "贰佰伍拾元整" in _text(target)


def test_print_delivery_notes_of_every_waiting_order(office, placed, cli, tmp_path):
    target = tmp_path / "notes.pdf"
    code, _, err = cli("print", "delivery-note", "--waiting", "-o", str(target),
                       user="warehouse")
    assert code == 0, err
    assert placed in _text(target)


def test_print_of_an_unknown_order_exits_3_and_writes_nothing(cli, tmp_path):
    target = tmp_path / "none.pdf"
    code, _, err = cli("print", "order", "SO-1999-000001", "-o", str(target), user="sales")
    assert code == 3 and "SO-1999-000001" in err
    assert not target.exists()


def test_print_of_prices_by_the_warehouse_is_denied(office, cli, tmp_path):
    number = office.order("sales")
    code, _, _ = cli("print", "order", number, "-o", str(tmp_path / "x.pdf"), user="warehouse")
    assert code == 4


def test_print_needs_a_number_or_waiting(cli, tmp_path):
    code, _, _ = cli("print", "order", "-o", str(tmp_path / "x.pdf"), user="sales")
    assert code == 3
    code, _, _ = cli("print", "label", "X", "-o", str(tmp_path / "x.pdf"), user="sales")
    assert code == 2
