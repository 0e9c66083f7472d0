"""The sheets OrderTrail reads and writes: their columns, headers, hints and formats.

Row 1 holds the headers, row 2 a hint per column (skipped on import), data starts
at row 3. Columns marked `informational` are written on export and ignored on import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..kinds import CREATABLE, KINDS

HEADER_ROW, HINT_ROW, FIRST_DATA_ROW = 1, 2, 3

KIND_LABELS = {code: kind.zh for code, kind in KINDS.items()}
IMPORTABLE_ORDER_KINDS = {name: code for code in CREATABLE for name in (code, KINDS[code].zh)}
PARTY_KINDS = {
    "客户": "customer",
    "供应商": "supplier",
    "customer": "customer",
    "supplier": "supplier",
}
PARTY_KIND_LABELS = {"customer": "客户", "supplier": "供应商"}
YES_NO = {
    "是": True,
    "否": False,
    "yes": True,
    "no": False,
    "true": True,
    "false": False,
    "y": True,
    "n": False,
    "1": True,
    "0": False,
}

MONEY_FORMAT = "#,##0.00"
QUANTITY_FORMAT = "#,##0.###"
DATE_FORMAT = "yyyy-mm-dd"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    en: str
    hint: str
    width: float
    type: str = "text"  # text | quantity | money | date | choice | yes_no
    required: bool = False
    choices: dict[str, object] = field(default_factory=dict)
    number_format: str | None = None
    informational: bool = False
    max_length: int = 200


@dataclass(frozen=True)
class SheetLayout:
    name: str  # what the command line and the services call it
    title: str  # the sheet's name in the workbook
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    @property
    def dropdowns(self) -> dict[str, list[str]]:
        """Fixed drop-down lists per column: the Chinese choices."""
        return {
            c.key: [label for label in c.choices if not label.isascii()]
            for c in self.columns
            if c.choices
        }


ORDERS = SheetLayout(
    "orders",
    "订单",
    (
        Column(
            "number",
            "订单号",
            "order number",
            "必填。同一订单的各行明细写在相邻行、订单号相同；导入后保留此订单号，已存在的订单号不能导入",
            20,
            required=True,
            max_length=32,
        ),
        Column(
            "kind",
            "类型",
            "kind",
            "必填：销售 或 采购",
            8,
            "choice",
            required=True,
            choices=IMPORTABLE_ORDER_KINDS,
        ),
        Column(
            "party",
            "客户/供应商",
            "customer/supplier",
            "必填：已有的客户（销售）或供应商（采购）名称",
            28,
            required=True,
        ),
        Column(
            "due",
            "交货日期",
            "due date",
            "可空：日期，如 2026-12-31",
            12,
            "date",
            number_format=DATE_FORMAT,
        ),
        Column("note", "备注", "note", "可空", 24, max_length=2000),
        Column(
            "status",
            "状态",
            "status",
            "仅供参考，导入时忽略：导入的订单均为草稿",
            10,
            informational=True,
        ),
        Column("sku", "产品编码", "SKU", "必填：已有的产品编码", 14, required=True, max_length=64),
        Column(
            "product_name", "品名", "product name", "仅供参考，导入时忽略", 20, informational=True
        ),
        Column(
            "qty",
            "数量",
            "quantity",
            "必填：大于 0 的数字，最多 3 位小数",
            10,
            "quantity",
            required=True,
            number_format=QUANTITY_FORMAT,
        ),
        Column(
            "unit_price",
            "单价",
            "unit price",
            "可空：留空则用产品单价；最多 2 位小数",
            12,
            "money",
            number_format=MONEY_FORMAT,
        ),
        Column(
            "amount",
            "金额",
            "amount",
            "仅供参考，导入时忽略：数量 × 单价",
            14,
            "money",
            number_format=MONEY_FORMAT,
            informational=True,
        ),
        Column(
            "parent",
            "原订单",
            "parent order",
            "仅供参考，导入时忽略：补单、退货单所属的原订单号（整库导出据此关联）",
            20,
            informational=True,
            max_length=32,
        ),
    ),
)

PARTIES = SheetLayout(
    "parties",
    "客户与供应商",
    (
        Column("name", "名称", "name", "必填，不能与已有名称重复", 30, required=True),
        Column(
            "kind",
            "类型",
            "kind",
            "必填：客户 或 供应商",
            10,
            "choice",
            required=True,
            choices=PARTY_KINDS,
        ),
        Column("contact", "联系人", "contact", "可空", 14, max_length=100),
        Column("phone", "电话", "phone", "可空", 18, max_length=50),
        Column("address", "地址", "address", "可空", 40, max_length=300),
    ),
)

PRODUCTS = SheetLayout(
    "products",
    "产品",
    (
        Column(
            "sku",
            "产品编码",
            "SKU",
            "必填，不能重复，不能含空格或冒号",
            16,
            required=True,
            max_length=64,
        ),
        Column("name", "产品名称", "product name", "必填", 28, required=True),
        Column("unit", "单位", "unit", "可空：默认“个”", 8, max_length=16),
        Column(
            "price",
            "单价",
            "price",
            "必填：不小于 0，最多 2 位小数",
            12,
            "money",
            required=True,
            number_format=MONEY_FORMAT,
        ),
        Column(
            "service",
            "服务项目",
            "service",
            "可空：是 或 否（默认否）；服务项目没有库存",
            10,
            "yes_no",
            choices=YES_NO,
        ),
        Column(
            "stock",
            "库存",
            "stock",
            "可空：导入时记为期初库存",
            12,
            "quantity",
            number_format=QUANTITY_FORMAT,
        ),
    ),
)

LAYOUTS = {layout.name: layout for layout in (ORDERS, PARTIES, PRODUCTS)}
