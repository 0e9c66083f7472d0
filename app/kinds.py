"""The kinds of order, one record each: its workflow, its party, its numbers and its document.

Adding a kind of order is one entry here (and, for a new workflow, its definition);
nothing else dispatches on the kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import ValidationError


@dataclass(frozen=True)
class OrderKind:
    code: str
    zh: str  # short name, as in a workbook's 类型 column
    en: str
    title_zh: str  # what one such order is called
    title_en: str
    workflow: str  # the workflow its new orders start on
    party_kind: str  # "customer" or "supplier"
    number_prefix: str
    document: str  # the layout module in app/documents/ of its own priced document
    document_zh: str
    document_en: str
    print_name: str  # what `print KIND` calls its own document on the command line
    creatable: bool  # whether people create it directly (else it is made from a parent)
    delivery_notes: bool  # whether its goods go out with delivery notes
    # How its amounts count in the sales or purchase figures of its party's side: +1 adds,
    # -1 takes away (goods coming back).
    figures_sign: int = 1
    return_kind: str | None = None  # the kind of order that returns its goods, if any

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def title(self, lang: str = "zh") -> str:
        return self.title_en if lang == "en" else self.title_zh

    def document_label(self, lang: str = "zh") -> str:
        return self.document_en if lang == "en" else self.document_zh


_SALES_CONFIRMATION = {
    "document": "order_confirmation",
    "document_zh": "销售订单确认书",
    "document_en": "Sales order confirmation",
    "print_name": "order",
}

# Goods coming back: made from their parent, never created directly, counted against their side.
_RETURN_NOTE = {
    "document": "return_note",
    "document_zh": "退货单",
    "document_en": "Return note",
    "print_name": "return-note",
    "creatable": False,
    "delivery_notes": False,
    "figures_sign": -1,
}

KINDS: dict[str, OrderKind] = {
    kind.code: kind
    for kind in (
        OrderKind(
            code="sales",
            zh="销售",
            en="Sales",
            title_zh="销售订单",
            title_en="Sales order",
            workflow="sales",
            party_kind="customer",
            number_prefix="SO",
            creatable=True,
            delivery_notes=True,
            return_kind="return",
            **_SALES_CONFIRMATION,
        ),
        OrderKind(
            code="purchase",
            zh="采购",
            en="Purchase",
            title_zh="采购订单",
            title_en="Purchase order",
            workflow="purchase",
            party_kind="supplier",
            number_prefix="PO",
            document="purchase_order",
            document_zh="采购订单",
            document_en="Purchase order",
            print_name="purchase-order",
            creatable=True,
            delivery_notes=False,
            return_kind="purchase_return",
        ),
        OrderKind(
            code="supplementary",
            zh="补单",
            en="Supplementary",
            title_zh="补单",
            title_en="Supplementary order",
            workflow="sales",
            party_kind="customer",
            number_prefix="SP",
            creatable=False,
            delivery_notes=True,
            return_kind="return",
            **_SALES_CONFIRMATION,
        ),
        OrderKind(
            code="return",
            zh="退货",
            en="Return",
            title_zh="退货单",
            title_en="Return order",
            workflow="return",
            party_kind="customer",
            number_prefix="RO",
            **_RETURN_NOTE,
        ),
        OrderKind(
            code="purchase_return",
            zh="采购退货",
            en="Purchase return",
            title_zh="采购退货单",
            title_en="Purchase return",
            workflow="purchase_return",
            party_kind="supplier",
            number_prefix="PR",
            **_RETURN_NOTE,
        ),
    )
}
CREATABLE = tuple(code for code, kind in KINDS.items() if kind.creatable)
# The kinds that bring goods back (see app/returns.py).
RETURN_KINDS = frozenset(kind.return_kind for kind in KINDS.values() if kind.return_kind)


def kind_of(code: str) -> OrderKind:
    """The kind by its code, or a clear refusal naming the kinds there are."""
    kind = KINDS.get((code or "").strip())
    if kind is None:
        known = ", ".join(KINDS)
        raise ValidationError(
            f"订单类型必须是 {known} 之一，而不是“{code}”。",
            f"The order kind must be one of {known}, not '{code}'.",
        )
    return kind


def creatable_kind(code: str) -> OrderKind:
    kind = kind_of(code)
    if not kind.creatable:
        known = ", ".join(CREATABLE)
        raise ValidationError(
            f"“{kind.zh}”不能直接创建，只能从原订单生成；可直接创建：{known}。",
            f"A {kind.en.lower()} order is made from its parent order, not created directly; "
            f"kinds to create: {known}.",
        )
    return kind


DELIVERY_NOTE = "delivery-note"
# What `print KIND` may name: an order's own document by its general name or its kind's.
PRINT_KINDS = (
    "order",
    *dict.fromkeys(k.print_name for k in KINDS.values() if k.print_name != "order"),
    DELIVERY_NOTE,
)
