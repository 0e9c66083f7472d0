"""Money rules: amounts in CNY, each line rounded half up to the fen (四舍五入).

The order total is the sum of its rounded lines, so it always equals the sum of
the amounts printed on the order.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def line_amount(qty: Decimal, unit_price: Decimal) -> Decimal:
    return (qty * unit_price).quantize(CENT, rounding=ROUND_HALF_UP)


def total_of(lines: Iterable[tuple[Decimal, Decimal]]) -> Decimal:
    """The total of (quantity, unit price) pairs."""
    return sum((line_amount(qty, price) for qty, price in lines), Decimal("0.00"))
