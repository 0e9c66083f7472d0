"""Demo data: users of every role, parties, products and orders spread over every node.

Everything goes through the ordinary services, acting as the user whose role
owns each step, with the clock set back so that some orders are late.
Same seed, same data.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Order, Party, Product, Setting, User

from . import kinds, masterdata, orders, walkthrough, workflow
from .clock import frozen_at, utcnow
from .demo_returns import add_change_documents
from .errors import ValidationError
from .orders import LineSpec, MoveSpec
from .progress import progress_of
from .roles import ROLES
from .users import create_demo_user

DEMO_PASSWORD = "demo"
MAX_DEMO_ORDERS = 100_000
# Present while demo data is being made: a demo stopped half-way may be run again to finish.
UNFINISHED = "demo_unfinished"

CUSTOMERS = [
    "华东贸易有限公司",
    "上海恒丰商贸有限公司",
    "杭州西子电器有限公司",
    "苏州工业园区明达科技",
    "南京金陵办公用品公司",
    "宁波港城物流有限公司",
    "广州天河数码城",
    "深圳华强电子市场",
    "北京中关村科贸",
    "成都蜀锦商贸有限公司",
    "武汉江城实业",
    "Acme Trading Ltd.",
]
SUPPLIERS = [
    "东莞精工制造厂",
    "佛山美的配件供应商",
    "义乌小商品批发中心",
    "温州永强五金",
    "青岛海纳包装材料",
    "天津港联电子元件",
]
PRODUCTS = [
    ("A-100", "A4 复印纸（500张/包）", "包", "25.00"),
    ("A-200", "中性笔 0.5mm 黑色（12支/盒）", "盒", "18.50"),
    ("B-110", "激光打印机 HL-2260", "台", "1280.00"),
    ("B-120", "硒鼓 TN-2325", "个", "329.00"),
    ("C-300", "办公椅 人体工学", "把", "899.00"),
    ("C-310", "文件柜 四层钢制", "个", "1560.00"),
    ("D-400", "无线键鼠套装", "套", "149.00"),
    ("D-410", "27 英寸显示器", "台", "1699.00"),
    ("E-500", "碎纸机 5 级保密", "台", "760.00"),
    ("E-510", "装订机 热熔式", "台", "2350.00"),
    ("F-600", "饮水机 立式冷热", "台", "1099.00"),
    ("F-610", "桶装水（18.9L）", "桶", "22.00"),
]
SERVICES = [
    ("S-900", "上门安装服务", "次", "200.00"),
    ("S-910", "加急配送费", "次", "80.00"),
]
CARRIERS = ["顺丰速运", "中通快递", "德邦物流", "京东物流"]

# How often the demo orders stop at each kind of place, so that every node appears.
WEIGHT_OF_NODE, WEIGHT_OF_FINISHED, WEIGHT_OF_CANCELLED, WEIGHT_OF_PART_MOVED = 3, 6, 2, 2
PART_MOVED = "part_moved"  # a target: half of one line shipped or received, then stop


def _holds_anything(session: Session) -> bool:
    return any(
        session.scalar(select(table.id).limit(1)) is not None
        for table in (User, Party, Product, Order)
    )


def _users(session: Session) -> dict[str, User]:
    return {role: create_demo_user(session, role, DEMO_PASSWORD) for role in ROLES}


def _master_data(session: Session, users: dict[str, User]) -> None:
    for name in CUSTOMERS:
        masterdata.add_party(
            session, users["sales"], name, "customer", phone="021-5555-0100", address="中国"
        )
    for name in SUPPLIERS:
        masterdata.add_party(session, users["purchasing"], name, "supplier")
    for sku, name, unit, price in PRODUCTS:
        masterdata.add_product(
            session, users["warehouse"], sku, name, price, unit=unit, opening_stock=5000
        )
    for sku, name, unit, price in SERVICES:
        masterdata.add_product(
            session, users["warehouse"], sku, name, price, unit=unit, service=True
        )


MAX_STEPS = 30  # more than any workflow's ordinary path


class _Story:
    """Takes one order along its workflow up to a target, advancing a private clock, each
    step in its own unit of work by a user of the role that owns it."""

    def __init__(
        self, database: Database, users: dict[str, User], rng: random.Random, start: datetime
    ):
        self.database = database
        self.users = users
        self.rng = rng
        self.moment = start

    def step(self, action, *args, hours: tuple[float, float] = (1, 30), **kwargs):
        self.moment = min(self.moment + timedelta(hours=self.rng.uniform(*hours)), utcnow())
        with frozen_at(self.moment), self.database.unit_of_work() as session:
            return action(session, *args, **kwargs)

    def take(self, step: walkthrough.Step, number: str, lines: list[MoveSpec] | None = None):
        user = self.users[step.role]
        if step.action == "advance":
            text = "同意" if "comment" in step.requires else ""
            self.step(orders.advance, user, number, step.target, comment=text, reason=text)
        elif step.action == "ship":
            carrier = self.rng.choice(CARRIERS)
            tracking = f"{self.rng.randint(10**11, 10**12 - 1)}"
            self.step(orders.ship, user, number, carrier, tracking, lines, hours=(2, 20))
        elif step.action == "receive":
            self.step(orders.receive, user, number, lines, hours=(48, 120))
        elif step.action == "sign":
            self.step(_sign_all, user, number, hours=(24, 60))
        elif step.action == "pay":
            reference = f"BK{self.rng.randint(100000, 999999)}"
            balance = _balance(self, number)
            self.step(
                orders.record_payment, user, number, balance, method="银行转账", reference=reference
            )

    def walk_to(self, number: str, target: str) -> None:
        """Along the workflow's ordinary path until the order reaches `target`; for
        PART_MOVED, until half of one line can be shipped or received."""
        for _ in range(MAX_STEPS):
            with self.database.reading() as session:
                order = orders.find_order(session, number)
                if order.status == target:
                    return
                step = walkthrough.next_step(session, order)
                part = _half_a_line(session, order) if target == PART_MOVED else None
            if step is None:
                return
            if part is not None and step.action in ("ship", "receive"):
                self.take(step, number, part)
                return
            self.take(step, number)

    def cancel(self, number: str, spec: workflow.WorkflowSpec, creator: str) -> None:
        """Cancelled somewhere after submission, before anything happens that would make
        cancelling impossible."""
        sources = next(t for t in spec.transitions if t.target == spec.void).sources
        for _ in range(MAX_STEPS):
            with self.database.reading() as session:
                order = orders.find_order(session, number)
                step = walkthrough.next_step(session, order)
            if order.status in sources and order.status != spec.initial:
                stays = step is not None and step.action == "advance" and step.target in sources
                if not stays or self.rng.random() < 0.5:
                    break
            if step is None:
                break
            self.take(step, number)
        self.step(orders.cancel, self.users[creator], number, "客户取消订单")


def _sign_all(session, user: User, number: str) -> None:
    order = orders.find_order(session, number)
    for shipment in [s.number for s in order.shipments if s.delivered_at is None]:
        orders.confirm_delivery(session, user, shipment)


def _half_a_line(session, order) -> list[MoveSpec] | None:
    """Half of the first goods line, for an order on which nothing has moved yet."""
    if progress_of(session, order).anything_moved:
        return None
    goods = [line for line in order.lines if not line.product.is_service and line.qty >= 2]
    return [MoveSpec(goods[0].product.sku, goods[0].qty // 2)] if goods else None


def _lines(rng: random.Random, large: bool) -> list[LineSpec]:
    chosen = rng.sample(PRODUCTS, rng.randint(1, 4))
    lines = [
        LineSpec(sku, rng.randint(30, 60) if large else rng.randint(1, 20)) for sku, *_ in chosen
    ]
    if rng.random() < 0.25:
        lines.append(LineSpec(rng.choice(SERVICES)[0], 1))
    return lines


def _targets(spec: workflow.WorkflowSpec) -> dict[str, int]:
    """Where demo orders of this workflow stop, with weights."""
    targets = {}
    for code, node in spec.nodes.items():
        if code == spec.void:
            targets[code] = WEIGHT_OF_CANCELLED
        else:
            targets[code] = WEIGHT_OF_FINISHED if node.terminal else WEIGHT_OF_NODE
    targets[PART_MOVED] = WEIGHT_OF_PART_MOVED
    return targets


def _balance(story: _Story, number: str) -> Decimal:
    with story.database.reading() as session:
        order = orders.find_order(session, number)
        return order.total - progress_of(session, order).paid


def _start(database: Database, orders_wanted: int) -> tuple[dict[str, User], int, int]:
    """Demo users and master data in one unit, or those of a demo stopped half-way;
    returns them with the number of orders already made and the number wanted."""
    with database.unit_of_work() as session:
        unfinished = session.get(Setting, UNFINISHED)
        if unfinished is not None:
            users = {u.name: u for u in session.scalars(select(User).where(User.name.in_(ROLES)))}
            made = session.scalar(
                select(func.count(Order.id)).where(Order.kind.in_(kinds.CREATABLE))
            )
            return users, made, int(unfinished.value)
        if _holds_anything(session):
            raise ValidationError(
                "数据库里已有用户或数据：演示数据只能放进新的空数据库。",
                "The database already holds users or data: demo data goes into a new, "
                "empty database only.",
            )
        session.add(Setting(key=UNFINISHED, value=str(orders_wanted)))
        users = _users(session)
        _master_data(session, users)
        return users, 0, orders_wanted


def build_demo(database: Database, orders_wanted: int = 200, seed: int = 1) -> int:
    """Fill a new, empty database; returns how many orders were made.

    A database with users or data is refused: demo users have a known password. A demo
    stopped half-way (killed, or failed) is finished by running it again, as first asked.
    """
    if not 0 <= orders_wanted <= MAX_DEMO_ORDERS:
        raise ValidationError(
            f"--orders 必须在 0 到 {MAX_DEMO_ORDERS:,} 之间。",
            f"--orders must be between 0 and {MAX_DEMO_ORDERS:,}.",
        )
    users, made, orders_wanted = _start(database, orders_wanted)
    rng = random.Random(seed + made)
    with database.reading() as session:
        specs = {kind: workflow.active_workflow(session, kind) for kind in ("sales", "purchase")}
    targets = {kind: _targets(spec) for kind, spec in specs.items()}
    now = utcnow()
    for index in range(made, orders_wanted):
        kind = "purchase" if rng.random() < 0.25 else "sales"
        spec = specs[kind]
        target = rng.choices(list(targets[kind]), weights=list(targets[kind].values()))[0]
        start = now - timedelta(
            days=30 * (orders_wanted - index) / orders_wanted, hours=rng.uniform(0, 12)
        )
        # Orders meant to wait for approval are large enough to need it.
        large = target == spec.submission().target or rng.random() < 0.05
        lines = _lines(rng, large)
        if kind == "purchase":
            lines = [line for line in lines if not line.sku.startswith("S-")]
        story = _Story(database, users, rng, start)
        due = (start + timedelta(days=rng.randint(3, 20))).date()
        creator = min(spec.facts["edit"])
        party = rng.choice(SUPPLIERS if kind == "purchase" else CUSTOMERS)
        order = story.step(
            orders.create_order, users[creator], kind, party, lines, due=due, hours=(0, 0)
        )
        if target == spec.void:
            story.cancel(order.number, spec, creator)
        else:
            story.walk_to(order.number, target)
    add_change_documents(database, users, rng)
    with database.unit_of_work() as session:
        session.delete(session.get(Setting, UNFINISHED))
    return max(orders_wanted - made, 0)
