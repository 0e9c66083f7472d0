"""Order services: what sales, purchasing, warehouse, finance and service do to an order.

Each takes a session (one unit of work) and the acting user, checks the
permission, records the fact, writes its audit event and lets the workflow
engine take the automatic steps that follow.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, joinedload, lazyload, make_transient_to_detached, selectinload
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from db.models import (
    Event,
    Order,
    OrderLine,
    Payment,
    Product,
    Receipt,
    ReceiptLine,
    Shipment,
    ShipmentLine,
    User,
)

from . import (
    approval,
    audit,
    backorders,
    changes,
    credit,
    kinds,
    order_writes,
    periods,
    stock,
    workflow,
)
from .clock import utcnow
from .errors import Conflict, NotFound, PermissionDenied, ValidationError
from .lookup import picked
from .masterdata import find_parties, find_party
from .money import line_amount, total_of
from .numbering import claim_number, next_number, next_numbers
from .progress import LineProgress, Progress, progress_of
from .roles import holds_any, require, roles_label
from .validation import amount, clean_text, iso_date, quantity, within_amount_limit

ZERO = Decimal(0)
# What a shipment's trouble is called (see app/shipments.py).
TROUBLE_NAMES = {"refused": ("拒收", "refused"), "lost": ("丢失", "lost")}


@dataclass(frozen=True)
class LineSpec:
    """One requested line: a SKU, a quantity and optionally a price (else the product's)."""

    sku: str
    qty: object
    unit_price: object = None


@dataclass(frozen=True)
class MoveSpec:
    """A quantity of one SKU to ship or receive."""

    sku: str
    qty: object


# --- looking orders up ------------------------------------------------------------------


def _order_queries(lines, numbered) -> tuple:
    """Orders by number with their lines loaded by `lines`: to read, and to change."""
    query = select(Order).where(numbered).options(lines).order_by(Order.id)
    return query, query.with_for_update(of=Order).execution_options(populate_existing=True)


# Built once: every action on an order starts here. One order comes with its lines in the
# same query (chained outer joins: SQLite would scan every line for a nested join); many
# take a second query for all their lines, cheaper than repeating each order per line.
_ONE = _order_queries(
    joinedload(Order.lines).joinedload(OrderLine.product, innerjoin="unnested"),
    Order.number == bindparam("numbers"),
)
_MANY = _order_queries(
    selectinload(Order.lines), Order.number.in_(bindparam("numbers", expanding=True))
)


def find_orders(session: Session, numbers: list[str], *, for_change: bool = False) -> list[Order]:
    """The orders by number, in the order asked; `for_change` locks their rows first
    (orders, then products, then numbers, then the audit head: one lock order for all)."""
    wanted = [number.strip() for number in numbers]
    query = picked((_ONE[for_change], _MANY[for_change]), "numbers", wanted)
    found = {order.number: order for order in session.scalars(*query).unique()}
    if for_change:
        stock.note_read_for_change(
            session, (line.product for order in found.values() for line in order.lines)
        )
    for number in wanted:
        if number not in found:
            raise NotFound(f"没有订单“{number}”。", f"There is no order '{number}'.")
    return [found[number] for number in wanted]


def find_order(session: Session, number: str, *, for_change: bool = False) -> Order:
    return find_orders(session, [number], for_change=for_change)[0]


def _last_change(session: Session, order: Order) -> Event | None:
    return session.scalar(
        select(Event).where(Event.order_id == order.id).order_by(Event.id.desc()).limit(1)
    )


def _conflict(session: Session, order: Order) -> Conflict:
    last = _last_change(session, order)
    who = last.user_name if last else "?"
    when = f"{last.at:%Y-%m-%d %H:%M:%S} UTC" if last else ""
    return Conflict(
        f"订单 {order.number} 已被 {who} 于 {when} 修改，请刷新后重新操作。",
        f"Order {order.number} was changed by {who} at {when}; reload it and try again.",
        changed_by=who,
    )


def _load_for_change(session: Session, number: str, expected_version: int | None) -> Order:
    order = find_order(session, number, for_change=True)
    _check_version(session, order, expected_version)
    return order


def _check_version(session: Session, order: Order, expected_version: int | None) -> None:
    if expected_version is not None and order.version != expected_version:
        raise _conflict(session, order)


def _save_all(session: Session, orders: list[Order]) -> None:
    """Write the orders; their version check turns a concurrent change into a Conflict."""
    now = utcnow()
    for order in orders:
        order.updated_at = now
    try:
        order_writes.write(session, orders)
        session.flush()
    except StaleDataError:
        numbers = ", ".join(order.number for order in orders[:5])
        raise Conflict(
            f"订单 {numbers} 刚被其他人修改，请刷新后重新操作。",
            f"Order {numbers} was just changed by someone else; reload and try again.",
        ) from None
    changes.announce(session, orders)


def _save(session: Session, order: Order) -> None:
    _save_all(session, [order])


# --- creating and changing ----------------------------------------------------------------


@dataclass(frozen=True)
class OrderDraft:
    """What a new order says: the party, the lines, optionally a due date and a note."""

    party: str
    lines: list[LineSpec]
    due: date | str | None = None
    note: str = ""
    number: str | None = None  # kept when given from elsewhere (an import)


def create_order(
    session: Session,
    user: User,
    kind: str,
    party_name: str,
    lines: list[LineSpec],
    *,
    due: date | str | None = None,
    note: str = "",
    number: str | None = None,
) -> Order:
    return create_orders(session, user, kind, [OrderDraft(party_name, lines, due, note, number)])[0]


def create_orders(
    session: Session,
    user: User,
    kind: str,
    drafts: list[OrderDraft],
    *,
    moving_office: bool = False,
    parent: Order | None = None,
) -> list[Order]:
    """New draft orders, all or none (many at once for imports and bulk entry); with a
    `parent`, child orders of a kind made from it (a supplementary order, a return), for
    its party: the caller has checked that the user may make them.

    `moving_office`: an administrator bringing in a whole export of another database
    creates orders of every kind, whoever may create them day to day (child orders with
    the parent they came from)."""
    if moving_office:
        require(user, "import_whole_export")
        order_kind = kinds.kind_of(kind) if parent is not None else kinds.creatable_kind(kind)
        spec = workflow.active_workflow(session, order_kind.workflow)
    elif parent is not None:
        spec = workflow.active_workflow(session, kinds.kind_of(kind).workflow)
    else:
        spec = require_may_create(session, user, kind)
    now = utcnow()
    periods.refuse_if_locked(session, now, "订单", "order")
    parties = find_parties(session, [d.party for d in drafts], kinds.KINDS[kind].party_kind)
    products = _products_for(session, [line for d in drafts for line in d.lines])
    rows, lines_of = [], []
    for draft in drafts:
        if not draft.lines:
            raise ValidationError("订单至少需要一行明细。", "An order needs at least one line.")
        lines = _line_values(draft.lines, products)
        lines_of.append(lines)
        rows.append(
            {
                "kind": kind,
                "workflow_id": spec.id,
                "party_id": parties[draft.party.strip()].id,
                "parent_id": parent.id if parent is not None else None,
                "revision": 1,
                "version": 1,
                "status": spec.initial,
                "status_since": now,
                "currency": "CNY",
                "created_by_id": user.id,
                "created_at": now,
                "updated_at": now,
                "due": iso_date(draft.due, "交期", "due date")
                if draft.due not in (None, "")
                else None,
                "note": clean_text(
                    draft.note, "备注", "note", max_length=2000, required=False, multiline=True
                ),
                "total": total_of((qty, price) for _, qty, price in lines),
            }
        )
    # Given numbers are claimed first, so the fresh ones that follow never collide.
    given = {
        i: _given_number(session, kind, d.number)
        for i, d in enumerate(drafts)
        if d.number is not None
    }
    if len(set(given.values())) < len(given):
        raise ValidationError("同一批订单中订单号重复。", "Order numbers repeat within the batch.")
    missing = len(drafts) - len(given)
    fresh = iter(next_numbers(session, kind, missing) if missing else [])
    for index, row in enumerate(rows):
        row["number"] = given[index] if index in given else next(fresh)
    # Written as plain rows: many orders at once go several times faster than through
    # the unit of work; the orders are read back as objects below.
    id_of = dict(session.execute(_INSERT_ORDERS, rows).all())
    ids = [id_of[row["number"]] for row in rows]
    session.execute(
        _INSERT_LINES,
        [
            {
                "order_id": order_id,
                "line_no": line_no,
                "product_id": product.id,
                "qty": qty,
                "unit_price": price,
                "origin_line_id": None,
            }
            for order_id, lines in zip(ids, lines_of, strict=True)
            for line_no, (product, qty, price) in enumerate(lines, start=1)
        ],
    )
    for order_id, row, lines, draft in zip(ids, rows, lines_of, drafts, strict=True):
        audit.record(
            session,
            user.name,
            entity="order",
            ref=row["number"],
            order_id=order_id,
            action="create",
            after={
                "kind": kind,
                "party": draft.party.strip(),
                **({"parent": parent.number} if parent is not None else {}),
                "status": row["status"],
                "due": row["due"],
                "total": row["total"],
                "lines": [[product.sku, qty, price] for product, qty, price in lines],
            },
        )
    numbers = [row["number"] for row in rows]
    created = session.scalars(*picked(_CREATED, "numbers", numbers)).unique()
    found = {order.number: order for order in created}
    orders = [found[number] for number in numbers]
    # Their party and products are at hand: given, not read again with every order.
    product_of = {product.id: product for product in products.values()}
    for order, draft in zip(orders, drafts, strict=True):
        set_committed_value(order, "party", parties[draft.party.strip()])
        for line in order.lines:
            set_committed_value(line, "product", product_of[line.product_id])
    workflow.record_stays(session, [(order, order.status) for order in orders], now, new=True)
    changes.announce(session, orders)
    return orders


# Ids come back by number: asked in the order of the rows, SQLite would take a statement
# per row.
_INSERT_ORDERS = Order.__table__.insert().returning(Order.__table__.c.number, Order.__table__.c.id)
_INSERT_LINES = OrderLine.__table__.insert()
# New orders read back as `_ONE` and `_MANY` read, without their party and products.
_CREATED = (
    _order_queries(
        joinedload(Order.lines).lazyload(OrderLine.product), Order.number == bindparam("numbers")
    )[0].options(lazyload(Order.party)),
    _order_queries(
        selectinload(Order.lines).lazyload(OrderLine.product),
        Order.number.in_(bindparam("numbers", expanding=True)),
    )[0].options(lazyload(Order.party)),
)


def require_may_create(
    session: Session, user: User, kind: str, *, child: bool = False
) -> workflow.WorkflowSpec:
    """The workflow new orders of `kind` start on, if this user may create them: whoever
    may edit its drafts (`child`: made from a parent order, as kinds not created directly are)."""
    order_kind = kinds.kind_of(kind) if child else kinds.creatable_kind(kind)
    spec = workflow.active_workflow(session, order_kind.workflow)
    creators = spec.facts.get("edit", frozenset())
    if not holds_any(user, creators):
        raise PermissionDenied(
            f"{roles_label(user.roles)}（{user.name}）无权创建{order_kind.zh}订单；"
            f"可由{roles_label(creators)}操作。",
            f"{user.name} ({roles_label(user.roles, 'en')}) may not create "
            f"{order_kind.en.lower()} orders; allowed: {roles_label(creators, 'en')}.",
        )
    return spec


def may_create(session: Session, user: User, kind: str) -> bool:
    try:
        require_may_create(session, user, kind)
    except PermissionDenied:
        return False
    return True


def _given_number(session: Session, kind: str, number: str) -> str:
    number = clean_text(number, "订单号", "order number", max_length=32)
    if any(ch.isspace() for ch in number):
        raise ValidationError(
            f"订单号“{number}”不能包含空格。",
            f"The order number '{number}' must not contain spaces.",
        )
    if session.scalar(select(Order.id).where(Order.number == number)) is not None:
        raise ValidationError(f"订单号 {number} 已存在。", f"Order {number} already exists.")
    claim_number(session, kind, number)
    return number


def _products_for(session: Session, specs: list[LineSpec]) -> dict[str, Product]:
    skus = list({spec.sku.strip() for spec in specs})
    return {p.sku: p for p in session.scalars(_PRODUCTS, {"skus": skus})}


_PRODUCTS = select(Product).where(Product.sku.in_(bindparam("skus", expanding=True)))


def _line_values(
    specs: list[LineSpec], products: dict[str, Product]
) -> list[tuple[Product, Decimal, Decimal]]:
    """Each requested line checked: (product, quantity, unit price), or an error naming it."""
    result = []
    for number, spec in enumerate(specs, start=1):
        where_zh, where_en = f"第 {number} 行", f"line {number}"
        product = products.get(spec.sku.strip())
        if product is None:
            raise NotFound(
                f"{where_zh}：没有产品编码“{spec.sku}”。",
                f"{where_en}: there is no product with SKU '{spec.sku}'.",
            )
        qty = quantity(spec.qty, f"{where_zh}数量", f"quantity on {where_en}")
        price = (
            product.price
            if spec.unit_price in (None, "")
            else amount(spec.unit_price, f"{where_zh}单价", f"price on {where_en}")
        )
        within_amount_limit(line_amount(qty, price), f"{where_zh}金额", f"amount of {where_en}")
        result.append((product, qty, price))
    within_amount_limit(
        total_of((qty, price) for _, qty, price in result), "订单金额", "order total"
    )
    return result


def _build_lines(
    session: Session, specs: list[LineSpec], products: dict[str, Product] | None = None
) -> list[OrderLine]:
    products = _products_for(session, specs) if products is None else products
    return [
        OrderLine(line_no=number, product=product, qty=qty, unit_price=price)
        for number, (product, qty, price) in enumerate(_line_values(specs, products), 1)
    ]


def update_draft(
    session: Session,
    user: User,
    number: str,
    party_name: str,
    lines: list[LineSpec],
    *,
    due: date | str | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Order:
    """Change a draft in place: party, due date, note and lines, as one audit event.

    Once submitted an order is no longer edited in place."""
    order = _load_for_change(session, number, expected_version)
    if not lines:
        raise ValidationError("订单至少需要一行明细。", "An order needs at least one line.")
    before = snapshot(order)

    def record() -> tuple[object, dict]:
        order.party = find_party(session, party_name, kinds.KINDS[order.kind].party_kind)
        order.due = iso_date(due, "交期", "due date") if due not in (None, "") else None
        order.note = clean_text(
            note, "备注", "note", max_length=2000, required=False, multiline=True
        )
        order.lines = _build_lines(session, lines)
        order.total = total_of((line.qty, line.unit_price) for line in order.lines)
        return order, snapshot(order)

    return _record_fact(session, user, order, "edit", "edit", record, before=before)


def snapshot(order: Order) -> dict:
    """What an order says, as stored in its audit events."""
    return {
        "kind": order.kind,
        "party": order.party.name,
        "status": order.status,
        "due": order.due,
        "total": order.total,
        "lines": [[line.product.sku, line.qty, line.unit_price] for line in order.lines],
    }


def advance(
    session: Session,
    user: User,
    number: str,
    node: str,
    *,
    comment: str = "",
    reason: str = "",
    expected_version: int | None = None,
) -> Order:
    """A manual step of the workflow (submit, approve, prepare, deliver, complete, ...);
    turning down an order that waits on an amendment's approval rejects the amendment."""
    from . import amendments  # amendments are made through these services

    order = _load_for_change(session, number, expected_version)
    pending = amendments.awaiting_approval(session, order)
    if pending is not None and amendments.rejects(session, order, node):
        workflow.require_transition_role(session, user, order, node)
        amendments.reject(session, user, order, pending, comment or reason)
        _save(session, order)
        return order
    refusal = approval.second_person_refusal(session, user, order, node)
    if refusal is not None:
        raise refusal
    over_limit = credit.approval_warning(session, order, node)
    if over_limit is not None:
        credit.note_warning(session, user.name, order, over_limit)
    workflow.advance(session, user, [order], node, comment=comment, reason=reason)
    _save(session, order)
    return order


def submit_new_orders(
    session: Session, user: User, kind: str, drafts: list[OrderDraft]
) -> list[Order]:
    """Create orders and submit them at once (bulk entry): those under the approval
    amount are placed, with their stock reserved, all in the caller's unit of work."""
    orders = create_orders(session, user, kind, drafts)
    workflow.submit(session, user, orders)
    _save_all(session, orders)
    return orders


def cancel(
    session: Session, user: User, number: str, reason: str, *, expected_version: int | None = None
) -> Order:
    order = _load_for_change(session, number, expected_version)
    target = workflow.spec_for(session, order).void
    workflow.advance(session, user, [order], target, reason=reason)
    _save(session, order)
    return order


# --- facts: shipments, receipts, signatures, payments ------------------------------------


def _record_fact(
    session: Session,
    user: User,
    order: Order,
    fact: str,
    action: str,
    record: Callable[[], tuple[object, dict]],
    *,
    before: dict | None = None,
    facts: workflow.Facts | None = None,
) -> object:
    """The one way a fact is recorded on an order: the workflow must allow `fact` at the
    order's node for this user; `record()` writes it and says what to audit; the facts
    must still justify the node the order is at; then the automatic steps follow.
    `facts`: what the guards read, kept current by `record()` (else read afresh)."""
    spec = workflow.require_fact(session, user, order, fact)
    periods.refuse_fact_if_locked(session, fact)
    document, after = record()
    session.flush()
    workflow.require_node_still_holds(session, spec, order, facts)
    audit.record_on_order(session, user.name, order, action, before=before, after=after)
    workflow.settle(session, user, [order], facts)
    _save(session, order)
    return document


def _remaining(order: Order, done: dict[int, Decimal]) -> dict[int, Decimal]:
    return {
        line.id: line.qty - done.get(line.id, ZERO)
        for line in order.lines
        if not line.product.is_service and line.qty > done.get(line.id, ZERO)
    }


@dataclass(frozen=True)
class Movement:
    """A kind of goods movement against an order's lines: how much of a line it has done
    so far, what it does to stock, and the document that records it with its lines."""

    fact: str
    zh: str
    en: str
    series: str  # the number series of its documents
    done: Callable[[LineProgress], Decimal]
    # What a document of these quantities per line adds to the order's progress.
    count: Callable[[Progress, dict[int, Decimal]], None]
    # Moves the stock (per product) and names the document's number in the ledger.
    move_stock: Callable[[Session, User, Order, dict[int, Decimal], str], None]
    document: type[Shipment] | type[Receipt]
    # The document's own columns: (its number, the order, the user, the details).
    values: Callable[..., dict]
    line: type[ShipmentLine] | type[ReceiptLine]
    line_of: str  # the column of a line naming its document
    # Per product, the most that may move now (None: no limit); locks the products.
    room: Callable[[Session, Order], dict[int, Decimal]] | None = None


SHIPPING = Movement(
    "ship",
    "发",
    "ship",
    "shipment",
    lambda line: line.shipped,
    Progress.count_shipment,
    stock.issue,
    Shipment,
    lambda number, order, user, **details: dict(
        number=number, order_id=order.id, shipped_at=utcnow(), shipped_by_id=user.id, **details
    ),
    ShipmentLine,
    "shipment_id",
    stock.room_to_ship,
)
RECEIVING = Movement(
    "receive",
    "收",
    "receive",
    "receipt",
    lambda line: line.received,
    Progress.count_receipt,
    backorders.receive,
    Receipt,
    lambda number, order, user: dict(
        number=number, order_id=order.id, received_at=utcnow(), received_by_id=user.id
    ),
    ReceiptLine,
    "receipt_id",
)


def _move_goods(
    session: Session,
    user: User,
    movement: Movement,
    order: Order,
    lines: list[MoveSpec] | None,
    **details: str,
) -> Shipment | Receipt:
    # Read once: the document's own lines are added to it below, for the guards that follow.
    facts = workflow.Facts(session, [order])

    def record() -> tuple[object, dict]:
        progress = facts.progress(order)
        done = {lid: movement.done(lp) for lid, lp in progress.lines.items()}
        verb = (movement.zh, movement.en)
        remaining = _remaining(order, done)
        if not lines and movement.room is not None:  # everything that can move now
            remaining = _within_room(order, remaining, movement.room(session, order), verb)
        per_line = _allocate(order, lines, remaining, verb)
        per_product = _per_product(order, per_line)
        # Products before the document's number: the one lock order.
        stock.lock_products(session, set(per_product))
        number = next_number(session, movement.series)
        movement.move_stock(session, user, order, per_product, number)
        document = _insert_document(
            session, movement.document, movement.values(number, order, user, **details)
        )
        # The lines go in as rows, in one statement: the unit of work would insert them one
        # at a time on SQLite, to read back ids nobody needs; `document.lines` loads on use.
        session.execute(
            movement.line.__table__.insert(),
            [
                {movement.line_of: document.id, "order_line_id": lid, "qty": qty}
                for lid, qty in per_line.items()
            ],
        )
        movement.count(progress, per_line)
        skus = {line.id: line.product.sku for line in order.lines}
        after = {
            "document": document.number,
            **details,
            "lines": [[skus[lid], qty] for lid, qty in per_line.items()],
        }
        return document, after

    return _record_fact(session, user, order, movement.fact, movement.fact, record, facts=facts)


def _insert_document(session: Session, model: type[Shipment] | type[Receipt], values: dict):
    """A shipment or receipt written as a row, returned as a persistent object: every
    column given (the others at their fixed defaults), so none is left to load later."""
    table = model.__table__
    row = {
        column.key: column.default.arg if column.default is not None else None
        for column in table.columns
        if not column.primary_key and (column.default is None or column.default.is_scalar)
    } | values
    document = model(id=session.execute(_INSERT_DOCUMENT[model], row).scalar_one(), **row)
    make_transient_to_detached(document)
    session.add(document)
    return document


_INSERT_DOCUMENT = {
    model: model.__table__.insert().returning(model.__table__.c.id) for model in (Shipment, Receipt)
}


def _within_room(
    order: Order,
    remaining: dict[int, Decimal],
    room: dict[int, Decimal],
    verb: tuple[str, str],
) -> dict[int, Decimal]:
    """What remains per line, as far as the room per product goes (first lines first)."""
    left = dict(room)
    result = {}
    for line in order.lines:
        take = min(remaining.get(line.id, ZERO), left.get(line.product_id, ZERO))
        if take > 0:
            result[line.id] = take
            left[line.product_id] -= take
    if remaining and not result:
        raise ValidationError(
            f"订单 {order.number} 缺货：现在没有可{verb[0]}的库存，请等到货后再{verb[0]}。",
            f"Order {order.number} is short: nothing on hand to {verb[1]} now; "
            f"{verb[1]} once the goods arrive.",
        )
    return result


def _allocate(
    order: Order,
    moves: list[MoveSpec] | None,
    remaining: dict[int, Decimal],
    verb: tuple[str, str],
) -> dict[int, Decimal]:
    """Quantities per order line: all that remains, or the requested SKUs spread over lines."""
    if not moves:
        if not remaining:
            raise ValidationError(
                f"订单 {order.number} 没有待{verb[0]}的货物。",
                f"Order {order.number} has nothing left to {verb[1]}.",
            )
        return dict(remaining)
    result: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for move in moves:
        sku = move.sku.strip()
        qty = quantity(move.qty, f"{sku} 的数量", f"quantity of {sku}")
        lines = [line for line in order.lines if line.product.sku == sku]
        if not lines:
            raise ValidationError(
                f"订单 {order.number} 中没有产品 {sku}。",
                f"Order {order.number} has no line for {sku}.",
            )
        if all(line.product.is_service for line in lines):
            raise ValidationError(
                f"{sku} 是服务项目，无需{verb[0]}。",
                f"{sku} is a service; it needs no {verb[1]}ing.",
            )
        left = sum((remaining.get(line.id, ZERO) - result[line.id] for line in lines), ZERO)
        if qty > left:
            raise ValidationError(
                f"{sku} 只剩 {left:f} 待{verb[0]}，不能{verb[0]} {qty:f}。",
                f"{sku}: only {left:f} left to {verb[1]}, not {qty:f}.",
            )
        for line in lines:
            take = min(qty, remaining.get(line.id, ZERO) - result[line.id])
            if take > 0:
                result[line.id] += take
                qty -= take
    return {line_id: qty for line_id, qty in result.items() if qty > 0}


def _per_product(order: Order, per_line: dict[int, Decimal]) -> dict[int, Decimal]:
    totals: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in order.lines:
        if line.id in per_line:
            totals[line.product_id] += per_line[line.id]
    return totals


def ship(
    session: Session,
    user: User,
    number: str,
    carrier: str,
    tracking_no: str,
    lines: list[MoveSpec] | None = None,
    *,
    expected_version: int | None = None,
) -> Shipment:
    """Record a shipment (delivery note) with its carrier and tracking number."""
    carrier = clean_text(carrier, "承运商", "carrier", max_length=100)
    tracking_no = clean_text(tracking_no, "运单号", "tracking number", max_length=100)
    order = _load_for_change(session, number, expected_version)
    return _move_goods(
        session, user, SHIPPING, order, lines, carrier=carrier, tracking_no=tracking_no
    )


def receive(
    session: Session,
    user: User,
    number: str,
    lines: list[MoveSpec] | None = None,
    *,
    expected_version: int | None = None,
) -> Receipt:
    """Record goods of a purchase order arriving; stock rises. Goods of a return are
    received by the return's own service (damaged ones, a lost shipment's write-off)."""
    order = find_order(session, number, for_change=True)
    if order.kind in kinds.RETURN_KINDS:
        from .returns import receive_return  # returns are made of orders: imported late

        return receive_return(session, user, number, lines)
    _check_version(session, order, expected_version)
    return _move_goods(session, user, RECEIVING, order, lines)


def confirm_delivery(session: Session, user: User, shipment_number: str) -> Shipment:
    """The customer signed for one shipment; the order follows once all are signed."""
    shipment = session.scalar(select(Shipment).where(Shipment.number == shipment_number.strip()))
    if shipment is None:
        raise NotFound(
            f"没有发货单“{shipment_number}”。", f"There is no shipment '{shipment_number}'."
        )
    order = find_order(session, shipment.order.number, for_change=True)

    def record() -> tuple[object, dict]:
        if shipment.delivered_at is not None:
            raise ValidationError(
                f"发货单 {shipment.number} 已签收。",
                f"Shipment {shipment.number} is already signed for.",
            )
        if shipment.trouble is not None:
            raise ValidationError(
                f"发货单 {shipment.number} 已登记为"
                f"{TROUBLE_NAMES[shipment.trouble][0]}，不能签收。",
                f"Shipment {shipment.number} is reported {shipment.trouble}; it cannot be signed.",
            )
        shipment.delivered_at = utcnow()
        return shipment, {"document": shipment.number}

    return _record_fact(session, user, order, "sign", "signed", record)


def record_payment(
    session: Session,
    user: User,
    number: str,
    value: object,
    *,
    method: str = "",
    reference: str = "",
    expected_version: int | None = None,
) -> Payment:
    """Money in (sales) or out (purchase); a negative amount is a refund."""
    order = _load_for_change(session, number, expected_version)
    money = amount(value, "金额", "amount", allow_negative=True)
    if money == 0:
        raise ValidationError("金额不能为 0。", "The amount must not be 0.")
    method = clean_text(method, "付款方式", "method", max_length=50, required=False)
    reference = clean_text(reference, "参考号", "reference", max_length=100, required=False)

    def record() -> tuple[object, dict]:
        paid = progress_of(session, order).paid
        if paid + money < 0:
            raise ValidationError(
                f"退款 {-money:,.2f} 超过已收付的 {paid:,.2f}。",
                f"The refund {-money:,.2f} exceeds the {paid:,.2f} paid.",
            )
        if paid + money > order.total:
            raise ValidationError(
                f"金额 {money:,.2f} 超过未付余额 {order.total - paid:,.2f}。",
                f"The amount {money:,.2f} exceeds the open balance {order.total - paid:,.2f}.",
            )
        payment = Payment(
            order=order,
            amount=money,
            paid_at=utcnow(),
            recorded_by_id=user.id,
            method=method,
            reference=reference,
        )
        session.add(payment)
        return payment, {"amount": money, "method": method, "reference": reference}

    return _record_fact(session, user, order, "pay", "refund" if money < 0 else "payment", record)
