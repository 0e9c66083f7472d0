"""Empty workbooks to fill in and import, with headers, hints and drop-down lists.

The orders template also lists the database's customers, suppliers and SKUs on a
hidden sheet, so the party and SKU columns offer them as drop-downs.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Party, Product

from ..errors import ValidationError
from .layouts import LAYOUTS, ORDERS
from .writing import SheetWriter, workbook

CHOICES_SHEET = "选项"


def write_template(session: Session, name: str, path: str | Path) -> None:
    if name not in LAYOUTS:
        raise ValidationError(
            f"没有“{name}”模板；可选：{'、'.join(LAYOUTS)}。",
            f"There is no template '{name}'; choose from {', '.join(LAYOUTS)}.",
        )
    with workbook(path) as book:
        if LAYOUTS[name] is not ORDERS:
            SheetWriter(book, LAYOUTS[name])
            return
        parties = list(session.scalars(select(Party.name).order_by(Party.kind, Party.name)))
        skus = list(session.scalars(select(Product.sku).order_by(Product.sku)))
        columns = [("party", "客户/供应商", parties), ("sku", "产品编码", skus)]
        lists = {
            key: f"='{CHOICES_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
            for letter, (key, _header, values) in zip("AB", columns, strict=True)
            if values
        }
        SheetWriter(book, ORDERS, lists)
        sheet = book.add_worksheet(CHOICES_SHEET)
        # Constant-memory mode writes row by row, so the two lists are written side by side.
        sheet.write_row(0, 0, [header for _key, header, _values in columns])
        for row, pair in enumerate(itertools.zip_longest(parties, skus), start=1):
            for column, value in enumerate(pair):
                if value is not None:
                    sheet.write_string(row, column, value)
        sheet.hide()
