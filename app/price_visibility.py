"""Who may see prices: everyone but the warehouse, unless the setting lets the warehouse too.

The rule holds in every output: the window, printed documents, exports and each command's
output, JSON included.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import User

from . import settings
from .errors import PermissionDenied
from .roles import ROLES, holds_any

# The output fields a price-hidden role does not see: prices, amounts, totals and the
# payments and event details that carry them.
# (One string: the field "paid" is not the node of that name.)
PRICE_KEYS = frozenset(
    "price unit_price total paid amount payments details list_value discount_pct".split()  # noqa: SIM905
)


# Someone who also holds another role sees prices through that role.
PRICE_SEEING_ROLES = frozenset(ROLES) - {"warehouse"}


def prices_hidden_from(session: Session, user: User) -> bool:
    return not holds_any(user, PRICE_SEEING_ROLES) and not settings.flag(
        session, "warehouse_sees_prices"
    )


def require_prices_visible(session: Session, user: User) -> None:
    if prices_hidden_from(session, user):
        raise PermissionDenied(
            "仓库人员不能查看或导出价格；发货单可以打印。",
            "Warehouse staff may not see or export prices; delivery notes they may print.",
        )


def _without_prices(value):
    if isinstance(value, dict):
        return {k: _without_prices(v) for k, v in value.items() if k not in PRICE_KEYS}
    if isinstance(value, list):
        return [_without_prices(v) for v in value]
    return value


def as_seen_by(session: Session, user: User, value):
    """`value` (an output of dicts and lists) without prices if the user may not see them."""
    return _without_prices(value) if prices_hidden_from(session, user) else value
