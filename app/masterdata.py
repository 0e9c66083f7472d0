"""Customers, suppliers and products."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Party, Product, User

from . import audit, stock
from .clock import utcnow
from .errors import NotFound, ValidationError
from .roles import require
from .validation import amount, clean_text, quantity

PARTY_KINDS = {"customer": ("客户", "customer"), "supplier": ("供应商", "supplier")}


def add_party(
    session: Session,
    user: User,
    name: str,
    kind: str,
    *,
    contact: str = "",
    phone: str = "",
    address: str = "",
) -> Party:
    require(user, "add_party")
    name = clean_text(name, "名称", "name", max_length=200)
    if kind not in PARTY_KINDS:
        raise ValidationError(
            f"类型必须是 customer 或 supplier，而不是“{kind}”。",
            f"The kind must be customer or supplier, not '{kind}'.",
        )
    if session.scalar(select(Party.id).where(Party.name == name)) is not None:
        raise ValidationError(f"“{name}”已存在。", f"'{name}' already exists.")
    party = Party(
        name=name,
        kind=kind,
        contact=clean_text(contact, "联系人", "contact", max_length=100, required=False),
        phone=clean_text(phone, "电话", "phone", max_length=50, required=False),
        address=clean_text(address, "地址", "address", max_length=300, required=False),
        created_at=utcnow(),
    )
    session.add(party)
    session.flush()
    audit.record(
        session, user.name, entity="party", ref=name, action="create", after={"kind": kind}
    )
    return party


def find_parties(session: Session, names: list[str], kind: str | None = None) -> dict[str, Party]:
    """Parties by name; the first unknown name or one of the wrong kind is an error."""
    wanted = [name.strip() for name in names]
    found = {p.name: p for p in session.scalars(select(Party).where(Party.name.in_(set(wanted))))}
    for name in wanted:
        party = found.get(name)
        if party is None:
            raise NotFound(
                f"没有名为“{name}”的客户或供应商。",
                f"There is no customer or supplier named '{name}'.",
            )
        if kind is not None and party.kind != kind:
            zh, en = PARTY_KINDS[kind]
            raise ValidationError(f"“{name}”不是{zh}。", f"'{name}' is not a {en}.")
    return found


def find_party(session: Session, name: str, kind: str | None = None) -> Party:
    return find_parties(session, [name], kind)[name.strip()]


def add_product(
    session: Session,
    user: User,
    sku: str,
    name: str,
    price: object,
    *,
    unit: str = "个",
    opening_stock: object = None,
    service: bool = False,
) -> Product:
    require(user, "add_product")
    sku = clean_text(sku, "产品编码", "SKU", max_length=64)
    if any(ch.isspace() for ch in sku) or ":" in sku:
        raise ValidationError(
            f"产品编码“{sku}”不能包含空格或冒号。",
            f"The SKU '{sku}' must not contain spaces or colons.",
        )
    name = clean_text(name, "产品名称", "product name", max_length=200)
    price = amount(price, "单价", "price")
    if session.scalar(select(Product.id).where(Product.sku == sku)) is not None:
        raise ValidationError(f"产品编码“{sku}”已存在。", f"The SKU '{sku}' already exists.")
    if service and opening_stock not in (None, "", 0):
        raise ValidationError(f"服务项目“{sku}”没有库存。", f"The service '{sku}' has no stock.")
    product = Product(
        sku=sku,
        name=name,
        price=price,
        is_service=service,
        unit=clean_text(unit, "单位", "unit", max_length=16),
        on_hand=Decimal(0),
        reserved=Decimal(0),
        created_at=utcnow(),
    )
    session.add(product)
    session.flush()
    after = {"name": name, "price": price, "service": service}
    if opening_stock not in (None, ""):
        qty = quantity(opening_stock, "期初库存", "opening stock", allow_zero=True)
        if qty:
            stock.book_opening_stock(session, user, product, qty)
            after["opening_stock"] = qty
    audit.record(session, user.name, entity="product", ref=sku, action="create", after=after)
    return product


def list_products(session: Session) -> list[Product]:
    return list(session.scalars(select(Product).order_by(Product.sku)))
