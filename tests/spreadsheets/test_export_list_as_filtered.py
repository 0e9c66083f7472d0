"""The window exports its order list exactly as it is filtered, queue and dates included."""

from __future__ import annotations

from openpyxl import load_workbook

from app import orders
from app.queries import OrderFilter
from app.spreadsheets.export import export_orders


def exported_numbers(office, tmp_path, query: OrderFilter) -> set[str]:
    path = tmp_path / "orders.xlsx"
    with office.db.reading() as session:
        export_orders(session, office.owner, path, query)
    rows = list(load_workbook(path, read_only=True).active.values)
    return {row[0] for row in rows[2:] if row[0]}  # after the header and hint rows


def test_export_follows_the_list_query(office, tmp_path):
    draft = office.order()
    placed = office.order(lines=(("A-1", 2), ("B-2", 1)))
    purchase = office.order("purchase")
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, placed, "submitted")
    assert exported_numbers(office, tmp_path, OrderFilter()) == {draft, placed, purchase}
    assert exported_numbers(office, tmp_path, OrderFilter(kind="purchase")) == {purchase}
    assert exported_numbers(office, tmp_path, OrderFilter(queue_of=frozenset({"warehouse"}))) == {
        placed
    }
    assert exported_numbers(office, tmp_path, OrderFilter(text=draft)) == {draft}
