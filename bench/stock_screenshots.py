"""Pictures of the stock view and of an order short of stock, to look at what people see.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python bench/stock_screenshots.py [FOLDER]

Demo data, then a printer sold beyond stock (a backorder), part of it bought and
received (the receipt fills the backorder), minimums, suppliers and lead times: saves
the stock view with the printer's ledger and the reorder suggestions, and the sales
order with its shortfall, in Chinese and in English.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screenshots import settle  # noqa: E402


def _backorder(database, demo) -> str:
    """A printer order beyond stock, then a purchase of some of it, received."""
    from app import masterdata, orders, runner
    from app.demo import DEMO_PASSWORD
    from app.users import sign_in

    users = {r: sign_in(database, r, DEMO_PASSWORD) for r in ("sales", "purchasing", "warehouse")}
    owner = sign_in(database, "owner", DEMO_PASSWORD)
    for sku, minimum, supplier, lead in (
        ("B-110", "20", demo.SUPPLIERS[5], 10),
        ("B-120", "6000", demo.SUPPLIERS[5], 7),
        ("A-100", "5000", demo.SUPPLIERS[3], 5),
    ):
        runner.run(
            database,
            users["warehouse"],
            masterdata.edit_product,
            sku,
            min_stock=minimum,
            supplier=supplier,
            lead_time_days=lead,
        )
    with database.reading() as session:
        printer = masterdata.find_product(session, "B-110")
        free = int(printer.on_hand - printer.reserved)
    due = (date.today() + timedelta(days=5)).isoformat()
    order = runner.run(
        database,
        users["sales"],
        orders.create_order,
        "sales",
        demo.CUSTOMERS[0],
        [orders.LineSpec("B-110", free + 40), orders.LineSpec("A-100", 10)],
        due=due,
    ).value.number
    runner.run(database, users["sales"], orders.advance, order, "submitted")
    runner.run(database, owner, orders.advance, order, "placed")
    bought = runner.run(
        database,
        users["purchasing"],
        orders.create_order,
        "purchase",
        demo.SUPPLIERS[5],
        [orders.LineSpec("B-110", 25)],
    ).value.number
    runner.run(database, users["purchasing"], orders.advance, bought, "submitted")
    runner.run(database, users["warehouse"], orders.receive, bought, [orders.MoveSpec("B-110", 15)])
    return order


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ordertrail-shots-"))
    os.environ["ORDERTRAIL_CONFIG"] = str(work / "desktop.json")  # no remembered layout

    from app import demo
    from app.demo import DEMO_PASSWORD
    from app.setup import open_database
    from app.users import sign_in
    from ui import i18n
    from ui.app import application, open_window

    database, _ = open_database(str(work / "demo.db"))
    demo.build_demo(database, 160, seed=3)
    number = _backorder(database, demo)
    app = application("zh")
    for lang in ("zh", "en"):
        i18n.install(app, lang)
        window = open_window(database, sign_in(database, "purchasing", DEMO_PASSWORD), lang)
        window.resize(1366, 740)
        settle(app)
        keys = [window.nav.item(i).data(256) for i in range(window.nav.count())]
        window.nav.setCurrentRow(keys.index("stock"))
        settle(app)
        skus = [r["sku"] for r in window.stock.rows]
        window.stock.products.setCurrentCell(skus.index("B-110"), 0)
        settle(app, 5)
        window.grab().save(str(folder / f"stock-{lang}.png"))
        window.nav.setCurrentRow(keys.index("sales"))
        settle(app)
        window.show_order(number)
        settle(app, 5)
        window.grab().save(str(folder / f"backorder-{lang}.png"))
        window.close()
    print(f"saved in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
