"""Customers, suppliers and products."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Party, Product, User

from . import audit, stock
from .clock import utcnow
from .errors import NotFound, ValidationError
from .lookup import by_keys, picked
from .roles import require
from .validation import amount, clean_text, quantity

PARTY_KINDS = {"customer": ("客户", "customer"), "supplier": ("供应商", "supplier")}


def _optional_amount(value: object, zh: str, en: str) -> Decimal | None:
    return None if value in (None, "") else amount(value, zh, en)


def _lead_time(value: object) -> int | None:
    if value in (None, ""):
        return None
    days = quantity(value, "交货周期（天）", "lead time (days)", allow_zero=True)
    if days != days.to_integral_value() or days > MAX_LEAD_TIME_DAYS:
        raise ValidationError(
            f"交货周期必须是 0 到 {MAX_LEAD_TIME_DAYS} 之间的整数天，而不是“{value}”。",
            f"The lead time must be whole days from 0 to {MAX_LEAD_TIME_DAYS}, not '{value}'.",
        )
    return int(days)


MAX_LEAD_TIME_DAYS = 365
# What may be changed on a party, each with its check; the same for adding, editing and import.
PARTY_FIELDS = {
    "contact": lambda v: clean_text(v, "联系人", "contact", max_length=100, required=False),
    "phone": lambda v: clean_text(v, "电话", "phone", max_length=50, required=False),
    "address": lambda v: clean_text(v, "地址", "address", max_length=300, required=False),
    "payment_terms": lambda v: clean_text(
        v, "付款条件", "payment terms", max_length=100, required=False
    ),
    "tax_number": lambda v: clean_text(v, "税号", "tax number", max_length=50, required=False),
    "credit_limit": lambda v: _optional_amount(v, "信用额度", "credit limit"),
}


def _checked(fields: dict, given: dict[str, object]) -> dict[str, object]:
    unknown = sorted(set(given) - set(fields))
    if unknown:
        raise ValidationError(f"不能修改：{', '.join(unknown)}。", f"Cannot change: {unknown}.")
    return {key: fields[key](value) for key, value in given.items()}


def _party_name(session: Session, name: object, *, other_than: Party | None = None) -> str:
    name = clean_text(name, "名称", "name", max_length=200)
    existing = session.scalar(select(Party.id).where(Party.name == name))
    if existing is not None and (other_than is None or existing != other_than.id):
        raise ValidationError(f"“{name}”已存在。", f"'{name}' already exists.")
    return name


def add_party(session: Session, user: User, name: str, kind: str, **details: object) -> Party:
    require(user, "add_party")
    name = _party_name(session, name)
    if kind not in PARTY_KINDS:
        raise ValidationError(
            f"类型必须是 customer 或 supplier，而不是“{kind}”。",
            f"The kind must be customer or supplier, not '{kind}'.",
        )
    values = _checked(PARTY_FIELDS, {key: "" for key in PARTY_FIELDS} | details)
    party = Party(name=name, kind=kind, created_at=utcnow(), **values)
    session.add(party)
    session.flush()
    audit.record(
        session,
        user.name,
        entity="party",
        ref=name,
        action="create",
        after={"kind": kind} | {k: v for k, v in values.items() if v not in ("", None)},
    )
    return party


def _record_edit(
    session: Session, user: User, entity: str, ref: str, record: object, values: dict
) -> None:
    """Apply the changed values and audit them (before and after); unchanged ones are left."""
    changed = {key: value for key, value in values.items() if getattr(record, key) != value}
    if not changed:
        return
    before = {key: getattr(record, key) for key in changed}
    for key, value in changed.items():
        setattr(record, key, value)
    audit.record(
        session, user.name, entity=entity, ref=ref, action="change", before=before, after=changed
    )


def edit_party(session: Session, user: User, name: str, **changes: object) -> Party:
    """Change a customer's or supplier's details; `new_name` renames it."""
    require(user, "add_party")
    party = find_party(session, name)
    new_name = changes.pop("new_name", None)
    values = _checked(PARTY_FIELDS, changes)
    if new_name is not None:
        values["name"] = _party_name(session, new_name, other_than=party)
    _record_edit(session, user, "party", party.name, party, values)
    return party


def list_parties(
    session: Session, kind: str | None = None, search: str | None = None
) -> list[Party]:
    query = select(Party).order_by(Party.kind, Party.name)
    if kind:
        query = query.where(Party.kind == kind)
    if search and search.strip():
        pattern = f"%{search.strip()}%"
        query = query.where(
            Party.name.contains(search.strip(), autoescape=True)
            | Party.contact.contains(search.strip(), autoescape=True)
            | Party.phone.contains(search.strip(), autoescape=True)
            | Party.tax_number.like(pattern)
        )
    return list(session.scalars(query))


# Built once: every new order looks its party up.
_PARTIES_NAMED = by_keys(select(Party), Party.name, "names")


def find_parties(session: Session, names: list[str], kind: str | None = None) -> dict[str, Party]:
    """Parties by name; the first unknown name or one of the wrong kind is an error."""
    wanted = [name.strip() for name in names]
    found = {p.name: p for p in session.scalars(*picked(_PARTIES_NAMED, "names", set(wanted)))}
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


def _product_fields(session: Session) -> dict:
    """What may be changed on a product, each with its check (adding, editing, import)."""

    def supplier(value: object) -> int | None:
        if value in (None, ""):
            return None
        return find_party(session, str(value), "supplier").id

    return {
        "name": lambda v: clean_text(v, "产品名称", "product name", max_length=200),
        "unit": lambda v: clean_text(v, "单位", "unit", max_length=16),
        "price": lambda v: amount(v, "单价", "price"),
        "min_stock": lambda v: quantity(
            0 if v in (None, "") else v, "最低库存", "minimum stock", allow_zero=True
        ),
        "is_service": bool,
        "supplier_id": supplier,
        "lead_time_days": _lead_time,
    }


def _product_values(session: Session, given: dict[str, object]) -> dict[str, object]:
    renamed = dict(given)
    if "service" in renamed:
        renamed["is_service"] = renamed.pop("service")
    if "supplier" in renamed:
        renamed["supplier_id"] = renamed.pop("supplier")
    return _checked(_product_fields(session), renamed)


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
    **details: object,
) -> Product:
    require(user, "add_product")
    sku = clean_text(sku, "产品编码", "SKU", max_length=64)
    if any(ch.isspace() for ch in sku) or ":" in sku:
        raise ValidationError(
            f"产品编码“{sku}”不能包含空格或冒号。",
            f"The SKU '{sku}' must not contain spaces or colons.",
        )
    values = _product_values(
        session, {"name": name, "price": price, "unit": unit, "service": service} | details
    )
    if session.scalar(select(Product.id).where(Product.sku == sku)) is not None:
        raise ValidationError(f"产品编码“{sku}”已存在。", f"The SKU '{sku}' already exists.")
    if service and opening_stock not in (None, "", 0):
        raise ValidationError(f"服务项目“{sku}”没有库存。", f"The service '{sku}' has no stock.")
    product = Product(
        sku=sku, on_hand=Decimal(0), reserved=Decimal(0), created_at=utcnow(), **values
    )
    session.add(product)
    session.flush()
    after = {"name": values["name"], "price": values["price"], "service": service} | {
        key: values[key] for key in details if values.get(key) not in (None, "")
    }
    if opening_stock not in (None, ""):
        qty = quantity(opening_stock, "期初库存", "opening stock", allow_zero=True)
        if qty:
            stock.book_opening_stock(session, user, product, qty)
            after["opening_stock"] = qty
    audit.record(session, user.name, entity="product", ref=sku, action="create", after=after)
    return product


def find_product(session: Session, sku: str) -> Product:
    product = session.scalar(select(Product).where(Product.sku == sku.strip()))
    if product is None:
        raise NotFound(f"没有产品编码“{sku}”。", f"There is no product with SKU '{sku}'.")
    return product


def edit_product(session: Session, user: User, sku: str, **changes: object) -> Product:
    """Change a product's details; the stock moves only through the ledger, never here."""
    require(user, "add_product")
    product = find_product(session, sku)
    values = _product_values(session, changes)
    if values.get("is_service") and (product.on_hand or product.reserved):
        raise ValidationError(
            f"产品“{sku}”还有库存，不能改为服务项目。",
            f"The product '{sku}' has stock: it cannot become a service.",
        )
    _record_edit(session, user, "product", product.sku, product, values)
    return product


def list_products(session: Session, search: str | None = None) -> list[Product]:
    query = select(Product).order_by(Product.sku)
    if search and search.strip():
        text = search.strip()
        query = query.where(
            Product.sku.contains(text, autoescape=True)
            | Product.name.contains(text, autoescape=True)
        )
    return list(session.scalars(query))
