"""How the stock view and the reorder suggestions cope with 100,000 orders in SQLite.

    python bench/stock_view.py [--orders 100000] [--db bench/out/window.db]

Uses the database of bench/window.py (made on first use: orders spread evenly over
every node, so a third of the sales orders wait for goods that were never reserved,
far more backorders than an office has). Prints, best of three, the time of each read
beside a reference measured in the same run: one plain pass over every order line.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.window import build  # noqa: E402


def best_of(database, read, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        with database.reading() as session:
            start = time.perf_counter()
            read(session)
            best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "window.db"))
    args = parser.parse_args()
    path = Path(args.db)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        build(path, args.orders)

    from sqlalchemy import func, select

    from app import reorder, stock_view, worklist
    from app.demo import DEMO_PASSWORD
    from app.queries import OrderFilter
    from app.setup import open_database
    from app.users import sign_in
    from db.models import OrderLine

    database, _ = open_database(str(path))
    user = sign_in(database, "purchasing", DEMO_PASSWORD)
    reads = {
        "reference: sum over every order line": lambda s: s.scalar(select(func.sum(OrderLine.qty))),
        "stock view: every product's figures": lambda s: stock_view.stock_rows(s, user),
        "stock view: one product with its ledger": lambda s: stock_view.product_stock(
            s, user, "B-110"
        ),
        "reorder suggestions": lambda s: reorder.suggestions(s, user),
        "order list: first page with its shortfalls": lambda s: worklist.page(
            s, OrderFilter(), 0, 100
        ),
    }
    with database.reading() as session:
        orders = session.scalar(select(func.count()).select_from(OrderLine.__table__))
    print(f"{orders:,} order lines")
    for name, read in reads.items():
        print(f"{name:<45} {best_of(database, read):8.0f} ms")
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
