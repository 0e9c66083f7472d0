"""Random sequences of actions by random roles; after every step the books must hold.

Checked after each step: stock never negative and equal to its ledger; shipped
and received never above ordered; paid equals the sum of payments; the node
agrees with the facts (no automatic step left untaken, nothing shipped on a
cancelled order, reservations and shortfalls together match what is still to
ship); reservations never exceed on hand, and no stock sits free while an order
waits for it (backorders are filled); amendments chain the order's revisions and
totals, child orders belong to their parent's party; every accepted change wrote
events, every refused one left no trace; the audit chain verifies.
"""

from __future__ import annotations

import copy
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule
from sqlalchemy import func, select

from app import (
    amendments,
    audit,
    backorders,
    orders,
    queries,
    reconcile,
    returns,
    shipments,
    supplements,
    walkthrough,
    workflow,
    workflow_edit,
)
from app.clock import utcnow
from app.errors import OrderTrailError
from app.masterdata import add_party, add_product
from app.money import total_of
from app.periods import month_of
from app.progress import progress_of
from app.workflow_defaults import PURCHASE, SALES
from app.workflow_versions import store_version
from db.models import (
    Amendment,
    Event,
    Order,
    Payment,
    Product,
    Setting,
    Shipment,
    StockMove,
    User,
)
from tests.conftest import add_users

ROLES = ["admin", "owner", "sales", "purchasing", "warehouse", "finance", "service"]
SKUS = ["G-1", "G-2", "SV-1"]
NODES = [
    "inspected",
    "checked",
    "counted",
    "draft",
    "submitted",
    "placed",
    "prepared",
    "shipped",
    "delivered",
    "paid",
    "completed",
    "cancelled",
    "received",
]


def _with_step_after(
    definition: dict, after: str, before: str, code: str, owner: str, takes: tuple
) -> dict:
    """A manual node `code` owned by `owner` between `after` and `before`, taking over the
    facts in `takes` from `after` (an inspection before shipping, a check before paying)."""
    d = workflow_edit.insert_node(
        definition,
        after,
        before,
        code,
        label={"zh": f"{code}中", "en": code.title()},
        owner=owner,
        limit_hours=3,
        step_label={"zh": code, "en": code},
    )
    kept = [fact for fact in d["nodes"][after]["allows"] if fact not in takes]
    return workflow_edit.set_allows(d, after, kept)


def _renamed_and_retimed(definition: dict) -> dict:
    d = copy.deepcopy(definition)
    for node in d["nodes"].values():
        node["label"] = {"zh": node["label"]["zh"] + "（改）", "en": node["label"]["en"] + "*"}
        if node["limit_hours"]:
            node["limit_hours"] = max(1, node["limit_hours"] // 3)
    return d


# Workflows the books must hold on: the defaults, and versions an admin might store.
EDITS = {
    "defaults": dict,
    "inspection before shipping": lambda: {
        "sales": _with_step_after(SALES, "prepared", "shipped", "inspected", "warehouse", ("ship",))
    },
    "check before paying, renamed purchases": lambda: {
        "sales": _with_step_after(SALES, "shipped", "delivered", "checked", "service", ("sign",)),
        "purchase": _renamed_and_retimed(PURCHASE),
    },
    "quality check of received goods": lambda: {
        "purchase": _with_step_after(
            PURCHASE, "placed", "received", "counted", "purchasing", ("receive",)
        )
    },
}

# Mostly the role that may act ("right"), sometimes anyone: both paths must keep the books.
roles = st.sampled_from(ROLES)
acting = st.sampled_from(["right"] * 6 + ROLES)
RIGHT_ROLE = {
    "ship": "warehouse",
    "receive": "warehouse",
    "pay": "finance",
    "sign": "service",
    "return": "service",
    "trouble": "warehouse",
    "resolve": "service",
}
picks = st.integers(min_value=0, max_value=3)


class OrderBooks(RuleBasedStateMachine):
    backend = "sqlite"
    request = None
    password_hash = ""

    @initialize(threshold=st.sampled_from(["50000", "30"]), edit=st.sampled_from(list(EDITS)))
    def open_office(self, threshold, edit):
        self.db = self.request.getfixturevalue("fresh_database")(self.backend)
        with self.db.unit_of_work() as session:
            self.users = add_users(session, self.password_hash)
            add_party(session, self.users["sales"], "客户甲", "customer")
            add_party(session, self.users["purchasing"], "供应商乙", "supplier")
            add_product(
                session, self.users["warehouse"], "G-1", "货品一", "10.00", opening_stock=30
            )
            add_product(session, self.users["warehouse"], "G-2", "货品二", "3.50", opening_stock=10)
            add_product(session, self.users["warehouse"], "SV-1", "服务", "50", service=True)
            session.add(Setting(key="approval_threshold", value=threshold))
        for kind, definition in EDITS[edit]().items():
            with self.db.unit_of_work() as session:
                store_version(session, self.users["admin"], kind, definition)
        self.numbers: list[str] = []
        self.last_outcome = ""

    def teardown(self):
        if hasattr(self, "db"):
            self.db.dispose()

    # --- acting ------------------------------------------------------------------------

    def _fingerprint(self):
        with self.db.reading() as session:
            return (
                session.scalar(select(func.count(Event.id))),
                tuple(
                    session.execute(
                        select(Order.number, Order.status, Order.version).order_by(Order.id)
                    ).all()
                ),
                tuple(
                    session.execute(
                        select(Product.sku, Product.on_hand, Product.reserved).order_by(Product.id)
                    ).all()
                ),
                session.scalar(select(func.count(Payment.id))),
                session.scalar(select(func.count(Shipment.id))),
                session.scalar(select(func.count(StockMove.id))),
            )

    def _attempt(self, service, *args, **kwargs):
        before = self._fingerprint()
        try:
            with self.db.unit_of_work() as session:
                result = service(session, *args, **kwargs)
                number = getattr(result, "number", None)
        except OrderTrailError as refused:
            assert self._fingerprint() == before, f"refused {service.__name__} left a trace"
            self.last_outcome = f"refused: {refused.en}"
            return None
        after = self._fingerprint()
        assert after[0] > before[0], f"{service.__name__} changed data without an event"
        self.last_outcome = "done"
        return number

    def _order(self, pick: int) -> str:
        """One of the newest orders, so that sequences take orders far along."""
        return self.numbers[-1 - pick % len(self.numbers)]

    def _who(self, role: str, action: str) -> User:
        return self.users[RIGHT_ROLE[action] if role == "right" else role]

    @precondition(lambda self: len(self.numbers) < 4)
    @rule(
        kind=st.sampled_from(["sales", "purchase"]),
        role=acting,
        lines=st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 4)), min_size=1, max_size=3),
    )
    def create(self, kind, role, lines):
        party = "客户甲" if kind == "sales" else "供应商乙"
        creator = {"sales": "sales", "purchase": "purchasing"}[kind] if role == "right" else role
        number = self._attempt(
            orders.create_order,
            self.users[creator],
            kind,
            party,
            [orders.LineSpec(sku, qty) for sku, qty in lines],
        )
        if number:
            self.numbers.append(number)

    def _placed(self, kind: str, lines: list[tuple[str, int]]) -> None:
        """A new order taken by its owners until it waits for goods to move (placed, a
        backorder where stock is short)."""
        creator = self.users["sales" if kind == "sales" else "purchasing"]
        party = "客户甲" if kind == "sales" else "供应商乙"
        specs = [orders.LineSpec(sku, qty) for sku, qty in lines]
        number = self._attempt(orders.create_order, creator, kind, party, specs)
        self.numbers.append(number)
        for _ in range(4):
            with self.db.reading() as session:
                step = walkthrough.next_step(session, orders.find_order(session, number))
            if step is None or step.action != "advance":
                return  # waiting for a shipment or receipt now
            self._attempt(orders.advance, self.users[step.role], number, step.target, comment="好")

    @precondition(lambda self: len(self.numbers) < 7)
    @rule(qty=st.integers(8, 25), other=st.integers(0, 3))
    def order_beyond_stock(self, qty, other):
        """A sales order for more than there is: placed all the same, short of the rest."""
        self._placed("sales", [("G-2", qty)] + ([("G-1", other)] if other else []))

    @precondition(lambda self: len(self.numbers) < 7)
    @rule(qty=st.integers(1, 12), partly=st.booleans())
    def receipt_that_fills(self, qty, partly):
        """Goods bought and received (all, or part) fill the orders waiting for them."""
        self._placed("purchase", [("G-2", qty)])
        moves = [orders.MoveSpec("G-2", max(1, qty // 2))] if partly else None
        self._attempt(orders.receive, self.users["warehouse"], self.numbers[-1], moves)

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, node=st.sampled_from(NODES), role=roles, comment=st.sampled_from(["", "好"]))
    def advance(self, pick, node, role, comment):
        self._attempt(
            orders.advance,
            self.users[role],
            self._order(pick),
            node,
            comment=comment,
            reason=comment,
        )

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, choice=picks, role=acting, comment=st.sampled_from(["", "好"]))
    def take_a_next_step(self, pick, choice, role, comment):
        """One of the manual steps the workflow offers now, mostly by the role it names."""
        number = self._order(pick)
        with self.db.reading() as session:
            order = orders.find_order(session, number)
            steps = [t for t in workflow.spec_for(session, order).leaving(order.status) if t.manual]
        if not steps:
            return
        forward = [t for t in steps if t.forward]
        step = forward[0] if forward and choice < 3 else steps[choice % len(steps)]
        actor = self.users[
            sorted(step.roles)[choice % len(step.roles)] if role == "right" else role
        ]
        self._attempt(orders.advance, actor, number, step.target, comment=comment, reason=comment)

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, stop=st.integers(1, 8))
    def carry_forward(self, pick, stop):
        """Up to `stop` steps along the workflow's ordinary path, each by its owner."""
        number = self._order(pick)
        for _ in range(stop):
            with self.db.reading() as session:
                order = orders.find_order(session, number)
                step = walkthrough.next_step(session, order)
                balance = order.total - progress_of(session, order).paid
                unsigned = [s.number for s in order.shipments if s.delivered_at is None]
            if step is None:
                return
            user = self.users[step.role]
            if step.action == "advance":
                done = self._attempt(
                    orders.advance, user, number, step.target, comment="好", reason="好"
                )
            elif step.action == "ship":
                done = self._attempt(orders.ship, user, number, "德邦", "DB-1")
            elif step.action == "receive":
                done = self._attempt(orders.receive, user, number)
            elif step.action == "sign":
                done = self._attempt(orders.confirm_delivery, user, unsigned[0])
            else:
                done = self._attempt(orders.record_payment, user, number, balance)
            if self.last_outcome != "done" and done is None:
                return

    @precondition(lambda self: self.numbers)
    @rule(
        pick=picks,
        role=acting,
        part=st.one_of(st.none(), st.tuples(st.sampled_from(SKUS), st.integers(1, 3))),
    )
    def ship(self, pick, role, part):
        moves = [orders.MoveSpec(*part)] if part else None
        self._attempt(
            orders.ship, self._who(role, "ship"), self._order(pick), "顺丰", "SF-1", moves
        )

    @precondition(lambda self: self.numbers)
    @rule(
        pick=picks,
        role=acting,
        part=st.one_of(st.none(), st.tuples(st.sampled_from(SKUS), st.integers(1, 3))),
    )
    def receive(self, pick, role, part):
        moves = [orders.MoveSpec(*part)] if part else None
        self._attempt(orders.receive, self._who(role, "receive"), self._order(pick), moves)

    @precondition(lambda self: self.numbers)
    @rule(
        pick=picks,
        role=acting,
        amount=st.sampled_from(["5.00", "20", "-5", "99999", "0.01", "balance"]),
    )
    def pay(self, pick, role, amount):
        number = self._order(pick)
        if amount == "balance":
            with self.db.reading() as session:
                order = orders.find_order(session, number)
                amount = order.total - progress_of(session, order).paid
        self._attempt(orders.record_payment, self._who(role, "pay"), number, amount)

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, role=acting)
    def sign_for_a_shipment(self, pick, role):
        with self.db.reading() as session:
            shipments = session.scalars(select(Shipment.number).order_by(Shipment.id)).all()
        if shipments:
            self._attempt(
                orders.confirm_delivery, self._who(role, "sign"), shipments[pick % len(shipments)]
            )

    @precondition(lambda self: len(self.numbers) < 6)
    @rule(
        kind=st.sampled_from(["sales", "purchase"]),
        lines=st.lists(
            st.tuples(st.sampled_from(SKUS), st.integers(1, 4)),
            min_size=1,
            max_size=3,
            unique_by=lambda line: line[0],
        ),
    )
    def enter_and_submit(self, kind, lines):
        """Bulk entry: a new order submitted at once (placed when under the approval amount),
        so that amendments find orders to change."""
        party = "客户甲" if kind == "sales" else "供应商乙"
        creator = self.users["sales" if kind == "sales" else "purchasing"]
        draft = orders.OrderDraft(party, [orders.LineSpec(sku, qty) for sku, qty in lines])
        before = len(self.numbers)
        result = self._attempt(_first_submitted, creator, kind, draft)
        if result and len(self.numbers) == before:
            self.numbers.append(result)

    def _amendable(self) -> list[str]:
        with self.db.reading() as session:
            return [
                o.number
                for o in orders.find_orders(session, self.numbers)
                if workflow.spec_for(session, o).allows(o.status, amendments.FACT)
            ]

    @precondition(lambda self: self.numbers and self._amendable())
    @rule(
        pick=picks,
        role=acting,
        sets=st.lists(
            st.tuples(
                st.sampled_from(SKUS),
                st.integers(1, 6),
                st.sampled_from([None, None, "1.00", "9999"]),
            ),
            min_size=1,
            max_size=2,
            unique_by=lambda t: t[0],
        ),
        remove=st.lists(st.sampled_from(SKUS), max_size=1),
    )
    def amend(self, pick, role, sets, remove):
        """An order at a node where amending is allowed, mostly by the role that may."""
        amendable = self._amendable()
        number = amendable[pick % len(amendable)]
        with self.db.reading() as session:
            kind = orders.find_order(session, number).kind
        user = self.users[
            ("purchasing" if kind == "purchase" else "sales") if role == "right" else role
        ]
        self._attempt(
            amendments.amend,
            user,
            number,
            [orders.LineSpec(*line) for line in sets],
            [sku for sku in remove if sku not in {line[0] for line in sets}],
            reason="客户改单",
        )

    @precondition(lambda self: self.numbers and len(self.numbers) < 7)
    @rule(
        pick=picks,
        role=acting,
        lines=st.lists(st.tuples(st.sampled_from(SKUS), st.integers(1, 3)), min_size=1, max_size=2),
    )
    def supplement(self, pick, role, lines):
        number = self._attempt(
            supplements.supplement,
            self.users["sales" if role == "right" else role],
            self._order(pick),
            [orders.LineSpec(sku, qty) for sku, qty in lines],
            reason="补发",
        )
        if number:
            self.numbers.append(number)

    def _returns(self) -> list[str]:
        with self.db.reading() as session:
            return session.scalars(
                select(Order.number).where(Order.kind.in_(returns.RETURN_KINDS)).order_by(Order.id)
            ).all()

    @precondition(lambda self: self.numbers)
    @rule(
        pick=picks,
        role=acting,
        sku=st.sampled_from(SKUS),
        qty=st.integers(1, 4),
        swap=st.booleans(),
    )
    def take_back(self, pick, role, sku, qty, swap):
        """A return (or an exchange) of some goods, by the role that makes them or another;
        purchases go back to the supplier."""
        number = self._order(pick)
        user = self._who(role, "return")
        if role == "right" and number.startswith("PO"):
            user = self.users["purchasing"]
        service = returns.exchange if swap else returns.create_return
        self._attempt(service, user, number, [returns.ReturnLine(sku, qty)], reason="退回")

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, role=acting, lost=st.booleans())
    def report_trouble(self, pick, role, lost):
        with self.db.reading() as session:
            found = session.scalars(select(Shipment.number).order_by(Shipment.id)).all()
        if found:
            service = shipments.report_lost if lost else shipments.refuse
            shipment = found[pick % len(found)]
            self._attempt(service, self._who(role, "trouble"), shipment, reason="拒收")

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, role=acting, reship=st.booleans())
    def resolve(self, pick, role, reship):
        how = shipments.RESHIP if reship else shipments.REFUND
        self._attempt(shipments.resolve, self._who(role, "resolve"), self._order(pick), how)

    @precondition(lambda self: self.numbers)
    @rule(
        pick=picks, role=acting, part=st.one_of(st.none(), st.integers(1, 3)), broken=st.booleans()
    )
    def goods_come_back(self, pick, role, part, broken):
        found = self._returns()
        if not found:
            return
        number = found[-1 - pick % len(found)]
        if number.startswith("PR"):  # back to the supplier: shipped out
            self._attempt(orders.ship, self._who(role, "ship"), number, "德邦", "DB-9")
            return
        with self.db.reading() as session:
            skus = [line.product.sku for line in orders.find_order(session, number).lines]
        moves = [orders.MoveSpec(skus[0], part)] if part else None
        kind = {"damaged": moves} if broken and moves else {}
        self._attempt(
            returns.receive_return,
            self._who(role, "receive"),
            number,
            None if kind else moves,
            **kind,
        )

    @precondition(lambda self: self.numbers)
    @rule(pick=picks, role=acting, amount=st.sampled_from(["1", "10.00", "99999", "all"]))
    def refund(self, pick, role, amount):
        found = self._returns()
        if not found:
            return
        number = found[-1 - pick % len(found)]
        if amount == "all":
            with self.db.reading() as session:
                order = orders.find_order(session, number)
                amount = order.total + progress_of(session, order).paid
        self._attempt(returns.refund, self._who(role, "pay"), number, amount)

    # --- what must always hold ---------------------------------------------------------

    @invariant()
    def stock_is_never_negative_and_matches_its_ledger(self):
        if not hasattr(self, "db"):
            return
        with self.db.reading() as session:
            ledger = queries.stock_ledger_totals(session)
            for product in session.scalars(select(Product)):
                assert product.on_hand >= 0 and product.reserved >= 0
                assert product.reserved <= product.on_hand
                on_hand, reserved = ledger.get(product.id, (Decimal(0), Decimal(0)))
                assert (product.on_hand, product.reserved) == (on_hand, reserved)
                damaged = session.scalar(
                    select(func.coalesce(func.sum(StockMove.damaged_delta), 0)).where(
                        StockMove.product_id == product.id
                    )
                )
                assert product.damaged == damaged >= 0

    @invariant()
    def no_stock_sits_free_while_an_order_waits_for_it(self):
        if not hasattr(self, "db"):
            return
        with self.db.reading() as session:
            short = backorders.short_by_product(session)
            for product in session.scalars(select(Product)):
                if short.get(product.id):
                    assert product.on_hand == product.reserved, product.sku

    @invariant()
    def every_order_agrees_with_its_facts(self):
        if not hasattr(self, "db"):
            return
        with self.db.reading() as session:
            for order in session.scalars(select(Order)):
                self._check_order(session, order)

    def _check_order(self, session, order):
        progress = progress_of(session, order)
        spec = workflow.spec_for(session, order)
        paid = session.scalar(
            select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.order_id == order.id)
        )
        coming_back = returns.is_return(order)
        assert progress.paid == paid
        if coming_back:  # a refund: never more than the return is worth
            assert -order.total <= paid <= 0
        else:
            assert 0 <= paid <= order.total
            # Money adds up: refunds on its returns never exceed what it was paid.
            assert returns._net_paid(session, order) >= 0
        for line in progress.lines.values():
            assert line.shipped <= line.qty and line.received <= line.qty
        # Returned ≤ shipped (received, from a supplier), counting returns still to come.
        taken = returns.claimed(session, list(progress.lines))
        supplier = order.kind == "purchase"
        for line_id, line in progress.lines.items():
            moved = line.received if supplier else line.shipped
            assert line.returned <= taken[line_id] <= moved, (order.number, line_id)
        # No automatic step is left untaken.
        facts = workflow.Facts(session, [order])
        for t in spec.leaving(order.status):
            if t.automatic and t.guard:
                assert workflow.GUARDS[t.guard](facts, order) is not None, (order.number, t.name)
        # What every way into the node holds keeps holding (paid stays paid, ...).
        for guard in spec.invariants(order.status):
            assert workflow.GUARDS[guard](facts, order) is None, (order.number, guard)
        moves = session.execute(
            select(StockMove.kind, StockMove.reserved_delta).where(StockMove.order_id == order.id)
        ).all()
        reserved = sum((delta for _, delta in moves), Decimal(0))
        open_goods = sum(
            (line.qty - line.shipped for line in progress.lines.values() if not line.is_service),
            Decimal(0),
        )
        # Reserved once placed as far as stock goes (the rest is short), filled from
        # receipts, used up by shipping, released on cancelling.
        if backorders.is_waiting(session, order):
            short = backorders.short_by_order(session, [order.id]).get(order.id, {})
            assert Decimal(0) <= reserved <= open_goods
            assert reserved + sum(short.values(), Decimal(0)) == open_goods
        else:
            assert reserved == 0
        if order.status == spec.void:
            assert not progress.anything_moved and progress.paid == 0
        # Before approval nothing moves, unless an amendment took it back to approval.
        if (
            not coming_back
            and order.status in (spec.initial, spec.submission().target)
            and amendments.awaiting_approval(session, order) is None
        ):
            assert not progress.anything_moved and paid == 0
        # Each amendment takes the order to its next revision, from the total before it.
        chain = session.execute(
            select(Amendment.revision, Amendment.total_before, Amendment.total_after)
            .where(Amendment.order_id == order.id)
            .order_by(Amendment.id)
        ).all()
        assert order.revision == 1 + len(chain)
        assert [revision for revision, _, _ in chain] == list(range(2, order.revision + 1))
        for (_, _, after), (_, before, _) in zip(chain, chain[1:], strict=False):
            assert after == before
        assert order.total == total_of((line.qty, line.unit_price) for line in order.lines)
        if chain:
            assert chain[-1][2] == order.total
        if order.parent_id is not None:
            parent = session.get(Order, order.parent_id)
            assert parent.party_id == order.party_id

    @invariant()
    def the_audit_chain_verifies(self):
        if not hasattr(self, "db"):
            return
        with self.db.reading() as session:
            assert audit.verify(session).ok
            # Changed only through the services: the month's reconciliation finds nothing.
            report = reconcile.report_of(session, month_of(utcnow()))
            assert report.empty, [d.en for d in report.discrepancies]


def _first_submitted(session, user, kind, draft):
    return orders.submit_new_orders(session, user, kind, [draft])[0]


@pytest.mark.parametrize("examples", [pytest.param(40, id="sqlite")])
def test_books_hold_under_random_actions_sqlite(request, password_hash, examples):
    _run(request, password_hash, "sqlite", examples)


def test_books_hold_under_random_actions_postgresql(request, password_hash):
    _run(request, password_hash, "postgresql", 12)


def _run(request, password_hash, backend, examples):
    machine = type(
        f"OrderBooks_{backend}",
        (OrderBooks,),
        {"backend": backend, "request": request, "password_hash": password_hash},
    )
    machine.TestCase.settings = settings(
        max_examples=examples,
        stateful_step_count=40,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    machine.TestCase().runTest()
