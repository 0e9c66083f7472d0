"""The peer workload: one office's day, one unit of work per click, on SQLite and PostgreSQL.

The same work that was timed on Tryton 8.2 (SQLite, one transaction per click):
50 customers, 10 suppliers, 200 products with stock; N sales orders of 3 distinct
products (1-5 each) created as drafts, each submitted (placed with approval skipped,
stock reserved), marked prepared and shipped with a carrier and tracking number; the
first 50 rows of the order list newest first and the count by node; N/2 purchase
orders of 3 products (10-50 each) created, submitted and received. Each click goes
through the services the window calls, in a unit of work of its own.

Printed per phase: milliseconds per order (the median order) and SQL statements per
click, beside the same work written by hand in plain SQL (one transaction per click,
the same rows, locks and hash-chained events) measured in the same run, the same
statements sent through SQLAlchemy's connection instead of the driver's ("via SA": what
SQLAlchemy alone adds), and Tryton's figures.

    uv run python bench/peer_workload.py                    # 1,000 sales orders, both databases
    uv run python bench/peer_workload.py --orders 200 --backend sqlite
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import event, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import orders, queries, worklist  # noqa: E402
from app.masterdata import add_party, add_product  # noqa: E402
from app.orders import LineSpec  # noqa: E402
from app.setup import open_database  # noqa: E402
from app.users import create_user  # noqa: E402
from bench.core import scratch_database  # noqa: E402

CUSTOMERS = 50
SUPPLIERS = 10
PRODUCTS = 200
OPENING_STOCK = 10**6
# Orders the plain-SQL reference runs: enough for a steady median.
PLAIN_ORDERS = 200
# Tryton 8.2 on SQLite, the same workload on this kind of machine (ms per order).
TRYTON_MS = {
    "sale: create draft": 33,
    "sale: submit (placed, stock reserved)": 182,
    "sale: prepare + ship": 316,
    "sale: all three": 532,
    "purchase: create, submit, receive": 372,
}
# What OrderTrail is to take at most (ms per order, the median order), per database.
TARGET_MS = {
    ("sqlite", "sale: all three"): 5,
    ("sqlite", "purchase: create, submit, receive"): 4,
    ("postgresql", "sale: all three"): 10,
}


class StatementCounter:
    """Counts the SQL statements an engine sends (executemany counts once), SQLite's BEGIN
    included: the engine sends it on the driver's connection, past the cursor events."""

    def __init__(self, engine):
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)
        if engine.dialect.name == "sqlite":
            event.listen(engine, "begin", self._seen)

    def _seen(self, *_args) -> None:
        self.count += 1


class Phase:
    """Time and statements of one phase, order by order."""

    def __init__(self, name: str, clicks_per_order: int):
        self.name = name
        self.clicks_per_order = clicks_per_order
        self.samples: list[float] = []
        self.cpu_samples: list[float] = []
        self.statements = 0

    @property
    def ms_per_order(self) -> float:
        """The median order: on a shared machine the mean mostly measures the neighbours."""
        return statistics.median(self.samples) * 1000

    @property
    def cpu_ms_per_order(self) -> float:
        """This process's CPU time for the median order: what the work costs here however
        busy the machine is (on SQLite it includes the database's own work)."""
        return statistics.median(self.cpu_samples) * 1000

    @property
    def statements_per_click(self) -> float:
        return self.statements / (len(self.samples) * self.clicks_per_order)


class Workload:
    """Phases of work, each timed order by order with the statements it sent."""

    def __init__(self):
        self.phases: dict[str, Phase] = {}

    def statements_sent(self) -> int:
        raise NotImplementedError

    def timed(self, name: str, clicks: int, items, work: Callable) -> None:
        phase = self.phases.setdefault(name, Phase(name, clicks))
        statements = self.statements_sent()
        for item in items:
            start, cpu_start = time.perf_counter(), time.process_time()
            work(item)
            phase.samples.append(time.perf_counter() - start)
            phase.cpu_samples.append(time.process_time() - cpu_start)
        phase.statements += self.statements_sent() - statements


class Office(Workload):
    """The workload through the services, one unit of work per click."""

    def __init__(self, url: str, count: int):
        super().__init__()
        self.count = count
        self.db, _ = open_database(url)
        self.counter = StatementCounter(self.db.engine)
        self.rng = random.Random(8)

    def statements_sent(self) -> int:
        return self.counter.count

    def click(self, service: Callable, user, *args, **kwargs):
        """What the window's `Workspace.act` does: the service in a unit of work of its own."""
        with self.db.unit_of_work() as session:
            return service(session, user, *args, **kwargs)

    def seed(self) -> None:
        with self.db.unit_of_work() as session:
            self.users = {
                role: create_user(session, role, {role}, "bench-pw")
                for role in ("sales", "purchasing", "warehouse", "admin")
            }
        admin = self.users["admin"]
        self.customers = [f"客户{i:02d}商贸有限公司" for i in range(CUSTOMERS)]
        self.suppliers = [f"供应商{i:02d}制造厂" for i in range(SUPPLIERS)]
        self.skus = [f"SKU-{i:04d}" for i in range(PRODUCTS)]
        with self.db.unit_of_work() as session:
            for name in self.customers:
                add_party(session, admin, name, "customer")
            for name in self.suppliers:
                add_party(session, admin, name, "supplier")
            for sku in self.skus:
                # At most 3 x 50 x 300 = 45,000 per purchase: under the approval amount.
                price = f"{self.rng.randint(5, 300)}.00"
                add_product(session, admin, sku, f"产品 {sku}", price, opening_stock=OPENING_STOCK)

    def lines(self, low: int, high: int) -> list[LineSpec]:
        return [LineSpec(sku, self.rng.randint(low, high)) for sku in self.rng.sample(self.skus, 3)]

    def sales(self) -> None:
        sales, warehouse = self.users["sales"], self.users["warehouse"]
        drafts = [(self.rng.choice(self.customers), self.lines(1, 5)) for _ in range(self.count)]
        numbers: list[str] = []
        self.timed(
            "sale: create draft",
            1,
            drafts,
            lambda d: numbers.append(self.click(orders.create_order, sales, "sales", *d).number),
        )
        self.timed(
            "sale: submit (placed, stock reserved)",
            1,
            numbers,
            lambda n: self.click(orders.advance, sales, n, "submitted"),
        )

        def prepare_and_ship(number: str) -> None:
            self.click(orders.advance, warehouse, number, "prepared")
            self.click(orders.ship, warehouse, number, "顺丰速运", f"SF{number[-6:]}0000")

        self.timed("sale: prepare + ship", 2, numbers, prepare_and_ship)

    def reading(self) -> None:
        def first_page(_):
            with self.db.reading() as session:
                worklist.page(session, queries.OrderFilter(), 0, 50)

        def count_by_node(_):
            with self.db.reading() as session:
                queries.count_by_status(session)

        self.timed("order list: first 50, newest first", 1, range(20), first_page)
        self.timed("order list: count by node", 1, range(20), count_by_node)

    def purchases(self) -> None:
        purchasing, warehouse = self.users["purchasing"], self.users["warehouse"]
        count = self.count // 2
        drafts = [(self.rng.choice(self.suppliers), self.lines(10, 50)) for _ in range(count)]

        def purchase(draft) -> None:
            number = self.click(orders.create_order, purchasing, "purchase", *draft).number
            self.click(orders.advance, purchasing, number, "submitted")
            self.click(orders.receive, warehouse, number)

        self.timed("purchase: create, submit, receive", 3, drafts, purchase)

    def run(self) -> None:
        self.seed()
        self.sales()
        self.reading()
        self.purchases()


class PlainOffice(Workload):
    """The same clicks written by hand on the driver's connection: the floor to compare with.

    Each click is one transaction with the rows, locks and audit events the services
    write, without an ORM, validation messages or a workflow read from data.
    """

    def __init__(self, office: Office):
        super().__init__()
        self.office = office
        self.backend = office.db.backend
        self.open()
        self.lock = " FOR UPDATE" if self.backend == "postgresql" else ""
        self.statements = 0  # counted by `sql`
        self.user_ids = {role: user.id for role, user in office.users.items()}
        with office.db.reading() as session:
            self.party_ids = dict(session.execute(text("SELECT name, id FROM parties")).all())

    def open(self) -> None:
        self.raw = self.office.db.engine.raw_connection()
        self.cursor = self.raw.cursor()

    def close(self) -> None:
        self.cursor.close()
        self.raw.close()

    def sql(self, statement: str, params: tuple | list = (), *, many: bool = False):
        self.statements += 1
        if self.backend == "postgresql":
            statement = statement.replace("?", "%s")
        return self.send(statement, params, many)

    def send(self, statement: str, params: tuple | list, many: bool):
        if many:
            self.cursor.executemany(statement, params)
        else:
            self.cursor.execute(statement, params)
        return self.cursor

    def fetch(self, statement: str, params: tuple) -> list[tuple]:
        return self.sql(statement, params).fetchall()

    def click(self, work: Callable, *args):
        if self.backend == "sqlite":
            self.sql("BEGIN IMMEDIATE")
        result = work(*args)
        self.raw.commit()
        return result

    def read(self, statement: str) -> None:
        if self.backend == "sqlite":
            self.sql("BEGIN")
        self.fetch(statement, ())
        self.raw.commit()

    def statements_sent(self) -> int:
        return self.statements

    # --- the pieces every click shares ---------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC).replace(tzinfo=None)

    def events(self, order_id: int, number: str, user: str, actions: list[tuple[str, dict]]):
        """Chain the events onto the audit head, as app.audit does."""
        head_id, head_hash = self.fetch(
            f"SELECT last_event_id, last_hash FROM audit_head WHERE id = 1{self.lock}", ()
        )[0]
        at = self.now()
        rows = []
        for action, after in actions:
            head_id += 1
            content = json.dumps([head_hash, at.isoformat(), user, order_id, action, after])
            digest = hashlib.sha256(content.encode()).hexdigest()
            rows.append(
                (head_id, at, user, order_id, "order", number, action, json.dumps(after), "")
                + (head_hash, digest)
            )
            head_hash = digest
        self.sql(
            "INSERT INTO events (id, at, user_name, order_id, entity, entity_ref, action,"
            " after, comment, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
            many=True,
        )
        self.sql(
            "UPDATE audit_head SET last_event_id = ?, last_hash = ? WHERE id = 1",
            (head_id, head_hash),
        )

    def next_number(self, prefix: str) -> str:
        year = self.now().year
        [(last,)] = self.sql(
            "UPDATE number_sequences SET last = last + 1 WHERE prefix = ? AND year = ?"
            " RETURNING last",
            (prefix, year),
        ).fetchall()
        return f"{prefix}-{year}-{last:06d}"

    def load(self, number: str) -> tuple[int, int, int]:
        """The order's id, version and workflow, its row locked."""
        [(order_id, version, workflow_id)] = self.fetch(
            f"SELECT id, version, workflow_id FROM orders WHERE number = ?{self.lock}", (number,)
        )
        return order_id, version, workflow_id

    def stays(self, order_id: int, workflow_id: int, nodes: list[str], *, new: bool = False):
        """The click's node stays, as app.workflow writes them: the open one ends, one begins
        at each node the order comes to (all but the last ended at once)."""
        now = self.now()
        if not new:
            lasted = (
                "(julianday(?) - julianday(entered_at)) * 86400"
                if self.backend == "sqlite"
                else "EXTRACT(epoch FROM ?::timestamp - entered_at)"
            )
            self.sql(
                f"UPDATE node_stays SET left_at = ?, seconds = CAST(round({lasted}) AS INTEGER)"
                " WHERE order_id = ? AND left_at IS NULL",
                (now, now, order_id),
            )
        last = len(nodes) - 1
        self.sql(
            "INSERT INTO node_stays (order_id, workflow_id, node, entered_at, left_at, seconds)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (order_id, workflow_id, node, now, *((None, None) if i == last else (now, 0)))
                for i, node in enumerate(nodes)
            ],
            many=True,
        )

    def move_to(
        self, order_id: int, version: int, workflow_id: int, nodes: list[str], role: str
    ) -> None:
        """The order passes `nodes` and rests at the last, whose owner is told."""
        now = self.now()
        status = nodes[-1]
        self.sql(
            "UPDATE orders SET status = ?, status_since = ?, updated_at = ?, version = ?"
            " WHERE id = ? AND version = ?",
            (status, now, now, version + 1, order_id, version),
        )
        self.stays(order_id, workflow_id, nodes)
        self.sql(
            "INSERT INTO notifications (at, recipient_role, order_id, kind, params)"
            " VALUES (?, ?, ?, 'next_step', ?)",
            (now, role, order_id, json.dumps({"order_id": order_id, "node": status})),
        )

    def lock_products(self, product_ids: list[int]) -> None:
        marks = ", ".join("?" * len(product_ids))
        self.fetch(
            f"SELECT id, on_hand, reserved FROM products WHERE id IN ({marks})"
            f" ORDER BY id{self.lock}",
            tuple(sorted(product_ids)),
        )

    def stock_moves(self, order_id: int, kind: str, user_id: int, rows: list[tuple]) -> None:
        """`rows` of (product id, on-hand delta, reserved delta)."""
        self.sql(
            "UPDATE products SET on_hand = on_hand + ?, reserved = reserved + ? WHERE id = ?",
            [(on_hand, reserved, pid) for pid, on_hand, reserved in rows],
            many=True,
        )
        at = self.now()
        self.sql(
            "INSERT INTO stock_moves (product_id, order_id, kind, on_hand_delta, reserved_delta,"
            " at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(pid, order_id, kind, dh, dr, at, user_id) for pid, dh, dr in rows],
            many=True,
        )

    # --- the clicks ---------------------------------------------------------------------

    def create(self, kind: str, role: str, party: str, lines: list[LineSpec]) -> str:
        skus = [line.sku for line in lines]
        prices = {
            sku: (pid, price)
            for sku, pid, price in self.fetch(
                "SELECT sku, id, price FROM products WHERE sku IN (?, ?, ?)", tuple(skus)
            )
        }
        number = self.next_number("SO" if kind == "sales" else "PO")
        now = self.now()
        total = sum(line.qty * float(prices[line.sku][1]) for line in lines)
        workflow_id = 1 if kind == "sales" else 2
        [(order_id,)] = self.sql(
            "INSERT INTO orders (number, kind, workflow_id, party_id, revision, version, status,"
            " status_since, currency, total, note, created_by_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, 1, 1, 'draft', ?, 'CNY', ?, '', ?, ?, ?) RETURNING id",
            (number, kind, workflow_id, self.party_ids[party], now)
            + (total, self.user_ids[role], now, now),
        ).fetchall()
        self.sql(
            "INSERT INTO order_lines (order_id, line_no, product_id, qty, unit_price)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (order_id, no, prices[line.sku][0], line.qty, prices[line.sku][1])
                for no, line in enumerate(lines, 1)
            ],
            many=True,
        )
        self.stays(order_id, workflow_id, ["draft"], new=True)
        self.events(order_id, number, role, [("create", {"status": "draft", "lines": skus})])
        return number

    def submit(self, number: str, role: str, reserve: bool) -> None:
        order_id, version, workflow_id = self.load(number)
        self.fetch("SELECT value FROM settings WHERE key = 'approval_threshold'", ())
        if reserve:
            lines = self.fetch(
                "SELECT product_id, qty FROM order_lines WHERE order_id = ?", (order_id,)
            )
            self.lock_products([pid for pid, _ in lines])
            self.stock_moves(
                order_id, "reserve", self.user_ids[role], [(pid, 0, qty) for pid, qty in lines]
            )
        self.move_to(order_id, version, workflow_id, ["submitted", "placed"], role)
        steps = [("transition", {"status": "submitted"}), ("transition", {"status": "placed"})]
        self.events(order_id, number, role, steps)

    def prepare(self, number: str) -> None:
        order_id, version, workflow_id = self.load(number)
        self.move_to(order_id, version, workflow_id, ["prepared"], "warehouse")
        self.events(order_id, number, "warehouse", [("transition", {"status": "prepared"})])

    def move_goods(self, number: str, table: str, prefix: str, target: str) -> None:
        """A shipment or a receipt of everything that remains, and the node that follows."""
        order_id, version, workflow_id = self.load(number)
        document_lines = "shipment_lines" if table == "shipments" else "receipt_lines"
        lines = self.fetch(
            "SELECT l.id, l.product_id, l.qty - COALESCE((SELECT SUM(d.qty) FROM"
            f" {document_lines} d WHERE d.order_line_id = l.id), 0) FROM order_lines l"
            " WHERE l.order_id = ?",
            (order_id,),
        )
        self.lock_products([pid for _, pid, _ in lines])
        user_id = self.user_ids["warehouse"]
        sales = table == "shipments"
        self.stock_moves(
            order_id,
            "issue" if sales else "receipt",
            user_id,
            [(pid, -qty if sales else qty, -qty if sales else 0) for _, pid, qty in lines],
        )
        document = self.next_number(prefix)
        now = self.now()
        if sales:
            [(document_id,)] = self.sql(
                "INSERT INTO shipments (number, order_id, carrier, tracking_no, shipped_at,"
                " shipped_by_id) VALUES (?, ?, '顺丰速运', ?, ?, ?) RETURNING id",
                (document, order_id, f"SF{number[-6:]}0000", now, user_id),
            ).fetchall()
        else:
            [(document_id,)] = self.sql(
                "INSERT INTO receipts (number, order_id, received_at, received_by_id)"
                " VALUES (?, ?, ?, ?) RETURNING id",
                (document, order_id, now, user_id),
            ).fetchall()
        parent = "shipment_id" if sales else "receipt_id"
        self.sql(
            f"INSERT INTO {document_lines} ({parent}, order_line_id, qty) VALUES (?, ?, ?)",
            [(document_id, line_id, qty) for line_id, _, qty in lines],
            many=True,
        )
        self.move_to(order_id, version, workflow_id, [target], "service" if sales else "finance")
        fact = "ship" if sales else "receive"
        actions = [(fact, {"document": document}), ("transition", {"status": target})]
        self.events(order_id, number, "warehouse", actions)

    def run(self) -> None:
        rng = random.Random(9)
        office = self.office
        count = min(office.count, PLAIN_ORDERS)

        def lines(low: int, high: int) -> list[LineSpec]:
            return [LineSpec(sku, rng.randint(low, high)) for sku in rng.sample(office.skus, 3)]

        drafts = [(rng.choice(office.customers), lines(1, 5)) for _ in range(count)]
        numbers: list[str] = []
        self.timed(
            "sale: create draft",
            1,
            drafts,
            lambda d: numbers.append(self.click(self.create, "sales", "sales", *d)),
        )
        self.timed(
            "sale: submit (placed, stock reserved)",
            1,
            numbers,
            lambda n: self.click(self.submit, n, "sales", True),
        )

        def prepare_and_ship(number: str) -> None:
            self.click(self.prepare, number)
            self.click(self.move_goods, number, "shipments", "SH", "shipped")

        self.timed("sale: prepare + ship", 2, numbers, prepare_and_ship)
        newest = (
            "SELECT o.id, o.number, o.status, o.total, p.name FROM orders o"
            " JOIN parties p ON p.id = o.party_id ORDER BY o.created_at DESC, o.id DESC LIMIT 50"
        )
        self.timed("order list: first 50, newest first", 1, range(20), lambda _: self.read(newest))
        self.timed(
            "order list: count by node",
            1,
            range(20),
            lambda _: self.read("SELECT status, COUNT(*) FROM orders GROUP BY status"),
        )

        def purchase(draft) -> None:
            number = self.click(self.create, "purchase", "purchasing", *draft)
            self.click(self.submit, number, "purchasing", False)
            self.click(self.move_goods, number, "receipts", "GR", "received")

        purchases = [(rng.choice(office.suppliers), lines(10, 50)) for _ in range(count // 2)]
        self.timed("purchase: create, submit, receive", 3, purchases, purchase)
        self.close()


class CoreOffice(PlainOffice):
    """The same statements as `PlainOffice`, sent through SQLAlchemy's own connection
    (`exec_driver_sql`, a transaction per click begun by the program's engine): what
    SQLAlchemy alone adds to the work, before any ORM, validation or workflow."""

    def open(self) -> None:
        self.connection = self.office.db.engine.connect()

    def send(self, statement: str, params: tuple | list, many: bool):
        return self.connection.exec_driver_sql(statement, list(params) if many else params)

    def click(self, work: Callable, *args):
        # The engine's begin event opens the transaction (BEGIN IMMEDIATE on SQLite).
        with self.connection.begin():
            return work(*args)

    def read(self, statement: str) -> None:
        # A connection's options change in place: reading, then writing again.
        self.connection.execution_options(read_only=True)
        with self.connection.begin():
            self.fetch(statement, ())
        self.connection.execution_options(read_only=False)

    def close(self) -> None:
        self.connection.close()


def report(backend: str, office: Office, plain: PlainOffice, core: CoreOffice) -> None:
    print(f"\n{backend}: {office.count:,} sales orders, {office.count // 2:,} purchase orders")
    print(
        f"{'':38} {'ms/order':>9} {'target':>6} {'plain':>6} {'via SA':>6} {'cost x':>6}"
        f" {'Tryton':>6} {'cpu ms':>7} {'plain':>6} {'via SA':>6} {'stmts/click':>11} {'plain':>5}"
    )
    sale_phases = [p.name for p in office.phases.values() if p.name.startswith("sale:")]
    runs = (office, plain, core)
    for name in office.phases:
        phases = [run.phases[name] for run in runs]
        ms, cpu = [p.ms_per_order for p in phases], [p.cpu_ms_per_order for p in phases]
        # Statements per click: the services' and the plain reference's (the same via SA).
        line(
            backend, name, ms, cpu, (phases[0].statements_per_click, phases[1].statements_per_click)
        )
        if name == sale_phases[-1]:
            line(
                backend,
                "sale: all three",
                [sum(run.phases[n].ms_per_order for n in sale_phases) for run in runs],
                [sum(run.phases[n].cpu_ms_per_order for n in sale_phases) for run in runs],
            )


def line(
    backend: str, name: str, ms: list[float], cpu: list[float], statements: tuple | None = None
) -> None:
    """The services' figure, the plain reference's, and the same statements through
    SQLAlchemy's connection (the least any code on SQLAlchemy can take)."""
    tryton = TRYTON_MS.get(name)
    tryton_text = f"{tryton:6d}" if tryton else f"{'':6}"
    target = TARGET_MS.get((backend, name))
    target_text = f"{'<=' + str(target):>6}" if target else f"{'':6}"
    counts = f" {statements[0]:11.1f} {statements[1]:5.1f}" if statements else ""
    print(
        f"{name:38} {ms[0]:9.2f} {target_text} {ms[1]:6.2f} {ms[2]:6.2f} {ms[0] / ms[1]:6.1f}"
        f" {tryton_text} {cpu[0]:7.2f} {cpu[1]:6.2f} {cpu[2]:6.2f}{counts}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000, help="sales orders (half as many POs)")
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        with scratch_database(backend) as url:
            office = Office(url, args.orders)
            office.run()
            plain = PlainOffice(office)
            plain.run()
            core = CoreOffice(office)
            core.run()
            office.db.dispose()
        report(backend, office, plain, core)


if __name__ == "__main__":
    main()
