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

from db.engine import Database
from db.models import Order, User

from . import masterdata, orders
from .clock import frozen_at, utcnow
from .orders import LineSpec, MoveSpec
from .progress import progress_of
from .roles import ROLES
from .users import create_user

DEMO_PASSWORD = "demo"

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

# Where the demo orders stop, with weights: every node appears.
SALES_TARGETS = {
    "draft": 3,
    "submitted": 3,
    "placed": 4,
    "prepared": 3,
    "partly_shipped": 2,
    "shipped": 4,
    "delivered": 3,
    "paid": 3,
    "completed": 6,
    "cancelled": 2,
}
PURCHASE_TARGETS = {
    "draft": 2,
    "submitted": 2,
    "placed": 4,
    "partly_received": 2,
    "received": 3,
    "paid": 2,
    "completed": 5,
    "cancelled": 1,
}


def has_orders(database: Database) -> bool:
    with database.reading() as session:
        return bool(session.scalar(select(func.count(Order.id))))


def _users(database: Database) -> dict[str, User]:
    with database.unit_of_work() as session:
        existing = {u.name: u for u in session.scalars(select(User))}
        for role in ROLES:
            if role not in existing:
                existing[role] = create_user(session, role, role, DEMO_PASSWORD)
    return existing


def _master_data(database: Database, users: dict[str, User]) -> None:
    with database.unit_of_work() as session:
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


class _Story:
    """Takes one order through the steps up to its target, advancing a private clock."""

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


def _lines(rng: random.Random, large: bool) -> list[LineSpec]:
    chosen = rng.sample(PRODUCTS, rng.randint(1, 4))
    lines = [
        LineSpec(sku, rng.randint(30, 60) if large else rng.randint(1, 20)) for sku, *_ in chosen
    ]
    if rng.random() < 0.25:
        lines.append(LineSpec(rng.choice(SERVICES)[0], 1))
    return lines


def _placed(story: _Story, number: str, target: str, creator: str, cancel_reason: str) -> bool:
    """Submit (and approve where needed) up to `target`; True if the story goes on."""
    u = story.users
    if target == "draft":
        return False
    story.step(orders.advance, u[creator], number, "submitted")
    if target == "submitted":
        return False
    with story.database.reading() as session:
        status = orders.find_order(session, number).status
    if status == "submitted":
        story.step(orders.advance, u["owner"], number, "placed", comment="同意")
    if target == "cancelled":
        story.step(orders.cancel, u[creator], number, cancel_reason)
        return False
    return target != "placed"


def _sales_story(story: _Story, number: str, target: str) -> None:
    u, rng = story.users, story.rng
    if not _placed(story, number, target, "sales", "客户取消订单"):
        return
    story.step(orders.advance, u["warehouse"], number, "prepared")
    if target == "prepared":
        return
    carrier = rng.choice(CARRIERS)
    tracking = f"{rng.randint(10**11, 10**12 - 1)}"
    if target == "partly_shipped":
        with story.database.reading() as session:
            first = orders.find_order(session, number).lines[0]
            sku, qty = first.product.sku, first.qty
        if first.product.is_service or qty < 2:
            return
        story.step(
            orders.ship, u["warehouse"], number, carrier, tracking, [MoveSpec(sku, (qty // 2))]
        )
        return
    story.step(orders.ship, u["warehouse"], number, carrier, tracking, hours=(2, 20))
    if target == "shipped":
        return
    story.step(orders.advance, u["service"], number, "delivered", hours=(24, 60))
    if target == "delivered":
        if rng.random() < 0.5:
            story.step(
                orders.record_payment, u["finance"], number, _part(story, number), method="银行转账"
            )
        return
    story.step(
        orders.record_payment,
        u["finance"],
        number,
        _balance(story, number),
        method="银行转账",
        reference=f"BK{rng.randint(100000, 999999)}",
    )
    if target == "paid":
        return
    story.step(orders.advance, u["service"], number, "completed", hours=(4, 48))


def _purchase_story(story: _Story, number: str, target: str) -> None:
    u = story.users
    if not _placed(story, number, target, "purchasing", "供应商缺货"):
        return
    if target == "partly_received":
        with story.database.reading() as session:
            first = orders.find_order(session, number).lines[0]
            sku, qty = first.product.sku, first.qty
        if qty >= 2:
            story.step(
                orders.receive, u["warehouse"], number, [MoveSpec(sku, qty // 2)], hours=(48, 120)
            )
        return
    story.step(orders.receive, u["warehouse"], number, hours=(48, 120))
    if target == "received":
        return
    story.step(
        orders.record_payment, u["finance"], number, _balance(story, number), method="银行转账"
    )
    if target == "paid":
        return
    story.step(orders.advance, u["purchasing"], number, "completed")


def _balance(story: _Story, number: str) -> Decimal:
    with story.database.reading() as session:
        order = orders.find_order(session, number)
        return order.total - progress_of(session, order).paid


def _part(story: _Story, number: str) -> Decimal:
    return (_balance(story, number) / 2).quantize(Decimal("0.01"))


def build_demo(database: Database, orders_wanted: int = 200, seed: int = 1) -> int:
    """Fill an empty database; returns how many orders were made (0 if it had orders)."""
    if has_orders(database):
        return 0
    rng = random.Random(seed)
    users = _users(database)
    _master_data(database, users)
    now = utcnow()
    for index in range(orders_wanted):
        purchase = rng.random() < 0.25
        targets = PURCHASE_TARGETS if purchase else SALES_TARGETS
        target = rng.choices(list(targets), weights=list(targets.values()))[0]
        start = now - timedelta(
            days=30 * (orders_wanted - index) / orders_wanted, hours=rng.uniform(0, 12)
        )
        large = target == "submitted" or rng.random() < 0.05
        lines = _lines(rng, large)
        story = _Story(database, users, rng, start)
        due = (start + timedelta(days=rng.randint(3, 20))).date()
        if purchase:
            lines = [line for line in lines if line.sku.startswith(tuple("ABCDEF"))]
            order = story.step(
                orders.create_order,
                users["purchasing"],
                "purchase",
                rng.choice(SUPPLIERS),
                lines,
                due=due,
                hours=(0, 0),
            )
            _purchase_story(story, order.number, target)
        else:
            order = story.step(
                orders.create_order,
                users["sales"],
                "sales",
                rng.choice(CUSTOMERS),
                lines,
                due=due,
                hours=(0, 0),
            )
            _sales_story(story, order.number, target)
    return orders_wanted
