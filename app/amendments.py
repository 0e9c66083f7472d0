"""Amendments (改单/加单): an approved order is never edited in place; a change is a document
of its own that moves the order to its next revision.

An amendment adds lines, removes them or changes quantities and prices, never below what was
already shipped or received, nor the total below what was paid. It records its diff in the
audit trail, and re-checks approval with the workflow's own approval rule: a total that grows
past it sends the order back to approval by the step the workflow declares for amendments,
even once goods or money have moved (nothing ships or is received while it waits there).
Reservations follow the new quantities. The owner's rejection undoes the amendment: lines,
total and revision as they were, and the order back by the workflow's step for that, which
reserves again what is still to ship.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from db.models import Amendment, Order, OrderLine, Product, User

from . import audit, backorders, orders, workflow
from .clock import stamp, utcnow
from .errors import InvalidTransition, NotFound, ValidationError
from .money import total_of
from .numbering import next_number
from .progress import Progress, progress_of
from .validation import amount, clean_text, quantity, within_amount_limit

ZERO = Decimal(0)
FACT = "amend"


def amend(
    session: Session,
    user: User,
    number: str,
    lines: list[orders.LineSpec] = (),
    remove: list[str] = (),
    *,
    reason: str,
    expected_version: int | None = None,
) -> Amendment:
    """Set lines (`lines`: quantity and, if given, price per SKU; a new SKU adds a line) and
    remove others (`remove`: SKUs), as one amendment with its reason."""
    order = orders._load_for_change(session, number, expected_version)
    reason = clean_text(
        reason, "改单原因", "reason for the amendment", max_length=2000, multiline=True
    )
    spec = workflow.require_fact(session, user, order, FACT)
    progress = progress_of(session, order)
    before = orders.snapshot(order)
    why_before = approval_reason(session, spec, order)
    list_before = workflow.list_value_and_discount(order)
    diff = _apply(session, order, list(lines), list(remove), progress)
    order.total = within_amount_limit(
        total_of((line.qty, line.unit_price) for line in order.lines), "订单金额", "order total"
    )
    if order.total < progress.paid:
        raise ValidationError(
            f"改单后金额 {order.total:,.2f} 少于已收付的 {progress.paid:,.2f}。",
            f"The amended total {order.total:,.2f} is below the {progress.paid:,.2f} paid.",
        )
    session.flush()
    reapproval = _needs_reapproval(session, spec, order, before, why_before, list_before)
    back = _way_back(spec, order) if reapproval else None
    order.revision += 1
    amendment = Amendment(
        number=next_number(session, "amendment"),
        order_id=order.id,
        revision=order.revision,
        reason=reason,
        diff=audit.jsonable(diff),
        total_before=before["total"],
        total_after=order.total,
        reapproval=reapproval,
        created_at=utcnow(),
        created_by_id=user.id,
    )
    session.add(amendment)
    if not reapproval and order.status in backorders.holding_nodes(spec):
        backorders.follow(session, user, order, _still_to_ship(order, progress))
    audit.record_on_order(
        session,
        user.name,
        order,
        FACT,
        before={"revision": order.revision - 1, "total": before["total"], "lines": before["lines"]},
        after={
            "document": amendment.number,
            "revision": order.revision,
            "total": order.total,
            "lines": orders.snapshot(order)["lines"],
            "diff": diff,
            "reapproval": reapproval,
        },
        comment=reason,
    )
    session.flush()
    if back is not None:
        workflow.advance(
            session, user, [order], back.target, reason=reason, amendment=amendment.number
        )
    else:
        workflow.require_node_still_holds(session, spec, order)
        workflow.settle(session, user, [order])
    orders._save(session, order)
    return amendment


def approval_reason(
    session: Session, spec: workflow.WorkflowSpec, order: Order
) -> tuple[str, str] | None:
    """Why the order as it stands would need approval (zh, en), by the rule of the step
    that places a submitted order without one; None when it would not."""
    at = spec.submission().target
    rules = [t.guard for t in spec.leaving(at) if t.automatic and t.forward and t.guard]
    facts = workflow.Facts(session, [order])
    return next(
        (why for guard in rules if (why := workflow.GUARDS[guard](facts, order)) is not None),
        None,
    )


def _needs_reapproval(session, spec, order, before, why_before, list_before) -> bool:
    """An amendment goes back to approval when the order now needs it and either did not
    before, or has grown (in total, list value or discount) past what was approved."""
    if approval_reason(session, spec, order) is None:
        return False
    if why_before is None or order.total > before["total"]:
        return True
    list_after = workflow.list_value_and_discount(order)
    if list_before is None or list_after is None:
        return False
    return list_after[0] > list_before[0] or list_after[1] > list_before[1]


def _way_back(spec: workflow.WorkflowSpec, order: Order) -> workflow.Transition:
    """The step an amendment takes back to approval, as the workflow declares it."""
    steps = _amendment_steps(spec, order.status)
    node = spec.node(order.status)
    if not steps:
        raise ValidationError(
            f"改单后订单 {order.number} 需要重新审批，但流程在“{node.zh}”没有送审的步骤。",
            f"The amended order {order.number} needs approval again, but its workflow has "
            f"no step back to approval at '{node.en}'.",
        )
    return steps[0]


def _amendment_steps(spec: workflow.WorkflowSpec, code: str) -> list[workflow.Transition]:
    return [t for t in spec.leaving(code) if workflow.AMENDMENT in t.requires]


# --- the owner's rejection ----------------------------------------------------------------


def awaiting_approval(session: Session, order: Order) -> Amendment | None:
    """The amendment the order waits on approval for: its latest, which sent it back to
    a node reached by an amendment's step from where orders are amended."""
    spec = workflow.spec_for(session, order)
    review = {
        t.target
        for t in spec.transitions
        if workflow.AMENDMENT in t.requires and any(spec.allows(s, FACT) for s in t.sources)
    }
    if order.status not in review:
        return None
    latest = session.scalars(
        select(Amendment).where(Amendment.order_id == order.id).order_by(Amendment.id.desc())
    ).first()
    if latest is None or not latest.reapproval or latest.rejected_at is not None:
        return None
    return latest if latest.revision == order.revision else None


def rejects(session: Session, order: Order, target: str) -> bool:
    """Whether the step to `target` turns the order down (back, not called off)."""
    spec = workflow.spec_for(session, order)
    code = workflow.find_node(spec, target)
    steps = [t for t in spec.leaving(order.status) if t.manual and t.target == code]
    return bool(steps) and not steps[0].forward and code != spec.void


def reject(session: Session, user: User, order: Order, amendment: Amendment, comment: str) -> None:
    """Undo the amendment the order waits on: its lines, total and revision as they were
    before it, then the workflow's step back for a rejected amendment."""
    spec = workflow.spec_for(session, order)
    steps = _amendment_steps(spec, order.status)
    node = spec.node(order.status)
    if not steps:
        raise InvalidTransition(
            f"订单 {order.number} 的流程在“{node.zh}”没有驳回改单的步骤。",
            f"The workflow of order {order.number} has no step to reject an amendment at "
            f"'{node.en}'.",
        )
    before = {"revision": order.revision, "total": order.total, **_lines_of(order)}
    _undo(session, order, amendment.diff)
    order.total = amendment.total_before
    order.revision -= 1
    amendment.rejected_at = utcnow()
    session.flush()
    audit.record_on_order(
        session,
        user.name,
        order,
        "amend_rejected",
        before=before,
        after={
            "document": amendment.number,
            "revision": order.revision,
            "total": order.total,
            **_lines_of(order),
            "diff": [
                {**c, "qty_before": c["qty_after"], "qty_after": c["qty_before"]}
                for c in amendment.diff
            ],
        },
        comment=comment,
    )
    workflow.advance(
        session, user, [order], steps[0].target, comment=comment, amendment=amendment.number
    )


def _lines_of(order: Order) -> dict:
    return {"lines": orders.snapshot(order)["lines"]}


def _undo(session: Session, order: Order, diff: list[dict]) -> None:
    """Each line as the diff says it was: added lines go, removed ones come back."""
    removed = [c for c in diff if Decimal(c["qty_after"]) == 0]
    products = {p.sku: p for p in session.scalars(_PRODUCTS, {"skus": [c["sku"] for c in removed]})}
    for change in diff:
        qty, price = Decimal(change["qty_before"]), change["price"]["before"]
        if change in removed:
            line_no = max((line.line_no for line in order.lines), default=0) + 1
            order.lines.append(
                OrderLine(
                    line_no=line_no,
                    product=products[change["sku"]],
                    qty=qty,
                    unit_price=Decimal(price),
                )
            )
            continue
        line = _line_of(order, change["sku"])
        if qty == 0:
            order.lines.remove(line)
        else:
            line.qty, line.unit_price = qty, Decimal(price)


def _still_to_ship(order: Order, progress: Progress) -> dict[int, Decimal]:
    wanted: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in order.lines:
        if not line.product.is_service:
            done = progress.lines[line.id].shipped if line.id in progress.lines else ZERO
            wanted[line.product_id] += max(line.qty - done, ZERO)
    return {pid: qty for pid, qty in wanted.items() if qty > 0}


def _apply(
    session: Session,
    order: Order,
    specs: list[orders.LineSpec],
    remove: list[str],
    progress: Progress,
) -> list[dict]:
    """Change the order's lines; the diff, one entry per line that changed."""
    if not specs and not remove:
        raise ValidationError(
            "改单至少要改一行：设置数量或价格，或删除一行。",
            "An amendment changes at least one line: set a quantity or price, or remove one.",
        )
    skus = [spec.sku.strip() for spec in specs] + [sku.strip() for sku in remove]
    repeated = sorted({sku for sku in skus if skus.count(sku) > 1})
    if repeated:
        raise ValidationError(
            f"改单中产品 {'、'.join(repeated)} 出现了不止一次。",
            f"The amendment names {', '.join(repeated)} more than once.",
        )
    products = {
        p.sku: p for p in session.scalars(_PRODUCTS, {"skus": [s.sku.strip() for s in specs]})
    }
    diff = []
    for sku in remove:
        line = _line_of(order, sku.strip())
        _keep_floor(order, line, ZERO, progress)
        diff.append(_change(line.product.sku, line.qty, ZERO, line.unit_price, None))
        order.lines.remove(line)
    for index, spec in enumerate(specs, start=1):
        sku = spec.sku.strip()
        where_zh, where_en = f"改单第 {index} 行（{sku}）", f"amendment line {index} ({sku})"
        qty = quantity(spec.qty, f"{where_zh}数量", f"quantity on {where_en}")
        price = (
            None
            if spec.unit_price in (None, "")
            else amount(spec.unit_price, f"{where_zh}单价", f"price on {where_en}")
        )
        existing = [line for line in order.lines if line.product.sku == sku]
        if not existing:
            product = products.get(sku)
            if product is None:
                raise NotFound(
                    f"{where_zh}：没有产品编码“{sku}”。",
                    f"{where_en}: there is no product with SKU '{sku}'.",
                )
            price = product.price if price is None else price
            line_no = max((line.line_no for line in order.lines), default=0) + 1
            order.lines.append(
                OrderLine(line_no=line_no, product=product, qty=qty, unit_price=price)
            )
            diff.append(_change(sku, ZERO, qty, None, price))
            continue
        line = _line_of(order, sku)
        price = line.unit_price if price is None else price
        if (qty, price) == (line.qty, line.unit_price):
            continue
        _keep_floor(order, line, qty, progress)
        diff.append(_change(sku, line.qty, qty, line.unit_price, price))
        line.qty, line.unit_price = qty, price
    if not diff:
        raise ValidationError(
            f"改单没有改变订单 {order.number} 的任何一行。",
            f"The amendment changes nothing on order {order.number}.",
        )
    return diff


_PRODUCTS = select(Product).where(Product.sku.in_(bindparam("skus", expanding=True)))


def _change(sku, qty_before, qty_after, price_before, price_after) -> dict:
    # Prices sit under "price", so an output that hides prices drops them whole.
    def qty(value: Decimal) -> str:
        return format(Decimal(value).normalize(), "f")

    def money(value: Decimal | None) -> str | None:
        return None if value is None else f"{value:.2f}"

    return {
        "sku": sku,
        "qty_before": qty(qty_before),
        "qty_after": qty(qty_after),
        "price": {"before": money(price_before), "after": money(price_after)},
    }


def _line_of(order: Order, sku: str) -> OrderLine:
    lines = [line for line in order.lines if line.product.sku == sku]
    if not lines:
        raise ValidationError(
            f"订单 {order.number} 中没有产品 {sku}。",
            f"Order {order.number} has no line for {sku}.",
        )
    if len(lines) > 1:
        raise ValidationError(
            f"订单 {order.number} 中产品 {sku} 有 {len(lines)} 行，无法按产品改单。",
            f"Order {order.number} has {len(lines)} lines for {sku}; it cannot be amended by SKU.",
        )
    return lines[0]


def _keep_floor(order: Order, line: OrderLine, qty: Decimal, progress: Progress) -> None:
    """Never below what already moved on the line (shipped or received)."""
    moved = progress.lines[line.id]
    done = max(moved.shipped, moved.received)
    if qty < done:
        sku = line.product.sku
        raise ValidationError(
            f"订单 {order.number} 的 {sku} 已发货或入库 {done:f}，改单后不能少于此数（{qty:f}）。",
            f"Order {order.number}: {done:f} of {sku} already moved; the amendment may not "
            f"go below that ({qty:f}).",
        )


# --- reading ------------------------------------------------------------------------------


def amendments_of(session: Session, order: Order) -> list[dict]:
    """The order's amendments, oldest first, as the timeline and `amend --list` show them."""
    rows = session.execute(
        select(Amendment, User.name)
        .join(User, User.id == Amendment.created_by_id)
        .where(Amendment.order_id == order.id)
        .order_by(Amendment.id)
    ).all()
    return [
        {
            "number": a.number,
            "revision": a.revision,
            "at": stamp(a.created_at),
            "user": name,
            "reason": a.reason,
            "reapproval": a.reapproval,
            "rejected": a.rejected_at is not None,
            "total": {"before": f"{a.total_before:.2f}", "after": f"{a.total_after:.2f}"},
            "lines": a.diff,
        }
        for a, name in rows
    ]


def list_amendments(session: Session, user: User, number: str) -> list[dict]:
    return amendments_of(session, orders.find_order(session, number))
