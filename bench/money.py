"""Benchmark of the money views on SQLite: the month-end reconciliation report and the
ageing table at 100,000 orders, each printed beside a reference measured in the same run
on the same database — the plain SQL that reads the same rows (every order with its
shipped value and its payments) without any of the checks — and the target.

    uv run python bench/money.py                  # 100,000 orders
    uv run python bench/money.py --orders 20000

The orders (3 lines each, spread over twelve months, about 70 % shipped and half of those
paid, each shipment and payment with its audit event) are written with executemany,
as bench/core.py's plain reference does: building them through the services would take
the better part of an hour and measure something else.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import ageing, reconcile, workflow  # noqa: E402
from app.clock import frozen_at  # noqa: E402
from app.masterdata import add_party, add_product  # noqa: E402
from app.setup import open_database  # noqa: E402
from app.users import create_user  # noqa: E402

BATCH = 5000
PARTIES = 200
SUPPLIERS = 40
PRODUCTS = 300
START = datetime(2026, 1, 1, 9)
MONTH = "2026-11"
AS_OF = datetime(2026, 12, 5, 12)
TARGETS = {"reconcile": 2.0, "ageing": 0.3}  # seconds
TERMS = ["月结30天", "30天", "货到付款", "", "Net 60", "月结60天"]


def timed(fn, repeat: int = 3) -> tuple[float, object]:
    durations, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        durations.append(time.perf_counter() - start)
    return statistics.median(durations), result


class Build:
    def __init__(self, url: str, count: int):
        self.db, _ = open_database(url)
        self.count = count
        self.rng = random.Random(11)

    def seed(self) -> None:
        with self.db.unit_of_work() as session:
            users = {
                r: create_user(session, r, {r}, "bench-pw")
                for r in ("sales", "purchasing", "warehouse", "finance")
            }
            for i in range(PARTIES):
                add_party(
                    session,
                    users["sales"],
                    f"客户{i:03d}号贸易有限公司",
                    "customer",
                    payment_terms=TERMS[i % len(TERMS)],
                )
            for i in range(SUPPLIERS):
                add_party(session, users["purchasing"], f"供应商{i:03d}", "supplier")
            for i in range(PRODUCTS):
                add_product(
                    session, users["warehouse"], f"P-{i:04d}", f"产品 {i}", f"{1 + i % 97}.00"
                )
            self.finance = users["finance"]
            self.spec = {k: workflow.active_workflow(session, k) for k in ("sales", "purchase")}
        with self.db.reading() as session:
            self.party_ids = [
                r[0] for r in session.execute(text("SELECT id FROM parties ORDER BY id"))
            ]
            self.product_prices = list(
                session.execute(text("SELECT id, sku, price FROM products ORDER BY id"))
            )
            self.user_id = session.execute(text("SELECT min(id) FROM users")).scalar_one()
            self.next_event = session.execute(
                text("SELECT last_event_id FROM audit_head")
            ).scalar_one()

    def build(self) -> None:
        span = (AS_OF - START).total_seconds()
        order_id = line_id = shipment_id = 0
        event_id = self.next_event
        with self.db.engine.begin() as connection:
            cursor = connection.connection.driver_connection.cursor()
            for base in range(0, self.count, BATCH):
                orders, lines, payments, events = [], [], [], []
                shipments, shipped, receipts, received = [], [], [], []
                for _ in range(min(BATCH, self.count - base)):
                    order_id += 1
                    purchase = self.rng.random() < 0.2
                    kind = "purchase" if purchase else "sales"
                    spec = self.spec[kind]
                    party = self.party_ids[
                        PARTIES + self.rng.randrange(SUPPLIERS)
                        if purchase
                        else self.rng.randrange(PARTIES)
                    ]
                    made = START + timedelta(seconds=self.rng.random() * span * 0.97)
                    picked = self.rng.sample(self.product_prices, 3)
                    qtys = [self.rng.randint(1, 20) for _ in picked]
                    total = sum(q * p for q, (_, _, p) in zip(qtys, picked, strict=True))
                    moved = self.rng.random() < 0.7
                    paid = moved and self.rng.random() < 0.5
                    status = spec.fulfilled if paid else spec.order[3 if moved else 2]
                    number = f"{'PO' if purchase else 'SO'}-B-{order_id:07d}"
                    due = (made + timedelta(days=self.rng.randint(3, 40))).date()
                    orders.append(
                        (order_id, number, kind, spec.id, party, status, made, due, total, made)
                    )
                    ids = []
                    for n, ((pid, _sku, price), qty) in enumerate(
                        zip(picked, qtys, strict=True), 1
                    ):
                        line_id += 1
                        ids.append(line_id)
                        lines.append((line_id, order_id, n, pid, qty, price))
                    at = made + timedelta(days=2)
                    if moved:
                        shipment_id += 1
                        doc = f"{'GR' if purchase else 'SH'}-B-{shipment_id:07d}"
                        (receipts if purchase else shipments).append(
                            (shipment_id, doc, order_id, at)
                        )
                        (received if purchase else shipped).extend(
                            (shipment_id, lid, q) for lid, q in zip(ids, qtys, strict=True)
                        )
                        event_id += 1
                        after = {
                            "document": doc,
                            "lines": [
                                [s, str(q)] for (_, s, _), q in zip(picked, qtys, strict=True)
                            ],
                        }
                        action = "receive" if purchase else "ship"
                        events.append((event_id, at, order_id, number, action, json.dumps(after)))
                    if paid:
                        payments.append((order_id, total, at + timedelta(days=5)))
                        event_id += 1
                        after = {"amount": f"{total}.00", "method": "", "reference": ""}
                        events.append(
                            (
                                event_id,
                                at + timedelta(days=5),
                                order_id,
                                number,
                                "payment",
                                json.dumps(after),
                            )
                        )
                cursor.executemany(
                    "INSERT INTO orders (id, number, kind, workflow_id, party_id, revision,"
                    " version, status, status_since, due, currency, total, note, created_by_id,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, 1, ?, ?, ?, 'CNY', ?, '',"
                    f" {self.user_id}, ?, ?)",
                    [(*o, o[-1]) for o in orders],
                )
                cursor.executemany(
                    "INSERT INTO order_lines (id, order_id, line_no, product_id, qty, unit_price)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(a, b, c, d, e, float(f)) for a, b, c, d, e, f in lines],
                )
                cursor.executemany(
                    "INSERT INTO shipments (id, number, order_id, carrier, tracking_no, shipped_at,"
                    f" shipped_by_id) VALUES (?, ?, ?, '顺丰', 'SF', ?, {self.user_id})",
                    shipments,
                )
                cursor.executemany(
                    "INSERT INTO shipment_lines (shipment_id, order_line_id, qty) VALUES (?, ?, ?)",
                    shipped,
                )
                cursor.executemany(
                    "INSERT INTO receipts (id, number, order_id, received_at, received_by_id)"
                    f" VALUES (?, ?, ?, ?, {self.user_id})",
                    receipts,
                )
                cursor.executemany(
                    "INSERT INTO receipt_lines (receipt_id, order_line_id, qty) VALUES (?, ?, ?)",
                    received,
                )
                cursor.executemany(
                    "INSERT INTO payments (order_id, amount, method, reference, paid_at,"
                    f" recorded_by_id) VALUES (?, ?, '', '', ?, {self.user_id})",
                    [(o, float(a), at) for o, a, at in payments],
                )
                cursor.executemany(
                    "INSERT INTO events (id, at, user_name, order_id, entity, entity_ref, action,"
                    " after, comment, prev_hash, hash) VALUES (?, ?, 'bench', ?, 'order', ?, ?, ?,"
                    " '', '', '')",
                    events,
                )
        with self.db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))

    # --- measuring ----------------------------------------------------------------------

    def reference_reconcile(self):
        """The rows the report reads, in plain SQL: each order with its shipped value and
        payments to the month's end, and the month's shipment and payment events."""
        with self.db.engine.connect() as connection:
            end = "2026-12-01 00:00:00"
            a = connection.execute(
                text(
                    "SELECT o.id, o.total, o.due,"
                    " (SELECT sum(sl.qty * ol.unit_price) FROM order_lines ol"
                    "  JOIN shipment_lines sl ON sl.order_line_id = ol.id"
                    "  JOIN shipments s ON s.id = sl.shipment_id"
                    "  WHERE ol.order_id = o.id AND s.shipped_at < :end),"
                    " (SELECT sum(p.amount) FROM payments p"
                    "  WHERE p.order_id = o.id AND p.paid_at < :end)"
                    " FROM orders o WHERE o.created_at < :end"
                ),
                {"end": end},
            ).all()
            b = connection.execute(
                text(
                    "SELECT after FROM events WHERE action IN ('ship', 'receive', 'payment')"
                    " AND at >= '2026-11-01' AND at < :end"
                ),
                {"end": end},
            ).all()
            return len(a) + len(b)

    def reference_ageing(self):
        with self.db.engine.connect() as connection:
            return connection.execute(
                text(
                    "SELECT o.party_id, o.due, o.total - coalesce(p.paid, 0) FROM orders o"
                    " LEFT JOIN (SELECT order_id, sum(amount) AS paid FROM payments"
                    " GROUP BY order_id) p ON p.order_id = o.id"
                    " WHERE o.total != coalesce(p.paid, 0)"
                )
            ).all()

    def ours_reconcile(self):
        with frozen_at(AS_OF), self.db.reading() as session:
            return reconcile.reconcile(session, self.finance, MONTH)

    def ours_ageing(self):
        with frozen_at(AS_OF), self.db.reading() as session:
            return ageing.ageing(session, self.finance)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        build = Build(str(Path(folder) / "money.db"), args.orders)
        start = time.perf_counter()
        build.seed()
        build.build()
        print(f"sqlite, {args.orders:,} orders built in {time.perf_counter() - start:.1f} s")
        rows = []
        for name, ours, reference in (
            ("reconcile", build.ours_reconcile, build.reference_reconcile),
            ("ageing", build.ours_ageing, build.reference_ageing),
        ):
            ours_s, result = timed(ours)
            reference_s, _ = timed(reference)
            rows.append((name, ours_s, reference_s, TARGETS[name], result))
        build.db.dispose()
    print(f"{'':28} {'ours (s)':>10} {'plain SQL (s)':>14} {'target (s)':>11}  within")
    for name, ours_s, reference_s, target, _ in rows:
        print(
            f"{name:28} {ours_s:10.3f} {reference_s:14.3f} {target:11.3f}  "
            f"{'yes' if ours_s <= target else 'NO'}"
        )
    report, table = rows[0][4], rows[1][4]
    print(
        f"\nreport {MONTH}: {len(report.discrepancies):,} discrepancies "
        f"({', '.join(f'{c.code} {report.count(c.code)}' for c in reconcile.CHECKS)}); "
        f"ageing: {len(table.parties)} parties"
    )


if __name__ == "__main__":
    main()
