"""A workbook exported from one database imports into an empty one and gives the same
orders, lines, parties and products."""

from __future__ import annotations

from sqlalchemy import select

from app import orders
from app.masterdata import add_party, add_product
from app.orders import LineSpec
from app.queries import OrderFilter
from app.spreadsheets.export import export_orders, export_parties, export_products
from app.spreadsheets.importing import import_orders, import_parties, import_products
from db.models import Order, Party, Product


def _parties(db):
    with db.reading() as session:
        return sorted(
            (p.name, p.kind, p.contact, p.phone, p.address) for p in session.scalars(select(Party))
        )


def _products(db):
    with db.reading() as session:
        return sorted(
            (p.sku, p.name, p.unit, p.price, p.is_service, p.on_hand)
            for p in session.scalars(select(Product))
        )


def _orders(db):
    with db.reading() as session:
        return sorted(
            (
                o.number,
                o.kind,
                o.party.name,
                o.due,
                o.note,
                o.total,
                tuple((line.product.sku, line.qty, line.unit_price) for line in o.lines),
            )
            for o in session.scalars(select(Order))
        )


def _fill(office):
    with office.db.unit_of_work() as session:
        add_party(
            session,
            office.admin,
            "深圳新材料有限公司",
            "supplier",
            contact="李四",
            phone="0755-8888 0000",
            address="深圳市南山区",
        )
        add_product(session, office.admin, "C-3", "订书机", "12.50", unit="台", opening_stock="7.5")
    office.order(
        "sales",
        lines=(("A-1", 10), ("B-2", "1.5", "1199.99"), ("S-9", 1)),
        due="2026-12-31",
        note="=SUM(A1) 不是公式",
    )
    placed = office.order("sales", party="Acme 😀 Ltd", lines=(("C-3", 2),))
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, placed, "submitted")
    office.order("purchase", lines=(("B-2", 3, "1000"),))
    office.order("purchase", party="深圳新材料有限公司", lines=(("C-3", 100),))


def test_export_then_import_into_an_empty_database_gives_the_same_data(
    office, empty_office, tmp_path
):
    _fill(office)
    files = {
        name: tmp_path / f"{name}.xlsx" for name in ("parties", "products", "sales", "purchase")
    }
    with office.db.reading() as session:
        assert export_parties(session, office.sales, files["parties"]) == 4
        assert export_products(session, office.sales, files["products"]) == 4
        assert export_orders(session, office.sales, files["sales"], OrderFilter(kind="sales")) == 2
        assert (
            export_orders(
                session, office.purchasing, files["purchase"], OrderFilter(kind="purchase")
            )
            == 2
        )

    with empty_office.db.unit_of_work() as session:
        assert len(import_parties(session, empty_office.admin, files["parties"]).created) == 4
        assert len(import_products(session, empty_office.admin, files["products"]).created) == 4
    with empty_office.db.unit_of_work() as session:
        result = import_orders(session, empty_office.sales, files["sales"])
        assert result.rows == 4 and len(result.created) == 2
    with empty_office.db.unit_of_work() as session:
        import_orders(session, empty_office.purchasing, files["purchase"])

    assert _parties(empty_office.db) == _parties(office.db)
    # Stock on hand travels as opening stock; the placed order's reservation does not.
    assert _products(empty_office.db) == _products(office.db)
    assert _orders(empty_office.db) == _orders(office.db)
    with empty_office.db.reading() as session:
        assert {o.status for o in session.scalars(select(Order))} == {"draft"}


def test_imported_numbers_move_the_numbering_on(office, empty_office, tmp_path):
    number = office.order("sales")
    path = tmp_path / "orders.xlsx"
    with office.db.reading() as session:
        export_orders(session, office.sales, path)
    with empty_office.db.unit_of_work() as session:
        import_parties(session, empty_office.admin, _export(office, "parties", tmp_path))
        import_products(session, empty_office.admin, _export(office, "products", tmp_path))
    with empty_office.db.unit_of_work() as session:
        import_orders(session, empty_office.sales, path)
    with empty_office.db.unit_of_work() as session:
        fresh = orders.create_order(
            session, empty_office.sales, "sales", "华东贸易有限公司", [LineSpec("A-1", 1)]
        )
        prefix, year, last = number.rsplit("-", 2)[0], *number.rsplit("-", 2)[1:]
        assert fresh.number == f"{prefix}-{year}-{int(last) + 1:06d}"


def _export(office, name, folder):
    path = folder / f"{name}.xlsx"
    exporter = {"parties": export_parties, "products": export_products}[name]
    with office.db.reading() as session:
        exporter(session, office.sales, path)
    return path
