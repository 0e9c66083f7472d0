"""Writing a sheet in its layout: bold frozen header, hint row, widths, formats, drop-downs.

XlsxWriter in constant-memory mode streams rows to disk, so an export of 100,000
orders keeps memory flat.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ValidationError
from .layouts import (
    DATE_FORMAT,
    FIRST_DATA_ROW,
    HEADER_ROW,
    HINT_ROW,
    MONEY_FORMAT,
    Column,
    SheetLayout,
)

if TYPE_CHECKING:
    import xlsxwriter
    from xlsxwriter.worksheet import Worksheet

LAST_EXCEL_ROW = 1_048_575
INTEGER_FORMAT = "#,##0"
FRACTION_FORMAT = "#,##0.###"


@contextmanager
def workbook(path: str | Path) -> Iterator[xlsxwriter.Workbook]:
    """A new workbook that replaces `path` only once complete: a cancelled or failed export
    leaves no half-written file behind."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    import xlsxwriter  # loads on the first export, not at start-up
    from xlsxwriter.exceptions import FileCreateError

    book = xlsxwriter.Workbook(str(partial), {"constant_memory": True})
    try:
        yield book
        try:
            book.close()
            os.replace(partial, path)
        except (FileCreateError, OSError) as error:
            raise ValidationError(
                f"无法写入文件 {path}：{error}", f"Cannot write the file {path}: {error}"
            ) from None
    finally:
        partial.unlink(missing_ok=True)


class SheetWriter:
    def __init__(
        self, book: xlsxwriter.Workbook, layout: SheetLayout, lists: dict[str, str] | None = None
    ):
        """`lists` maps a column key to a range holding its drop-down choices."""
        self.sheet: Worksheet = book.add_worksheet(layout.title)
        self.layout = layout
        self._row = FIRST_DATA_ROW - 1
        formats = {
            "header": book.add_format(
                {
                    "bold": True,
                    "bg_color": "#D9E1F2",
                    "border": 1,
                    "align": "center",
                    "valign": "vcenter",
                }
            ),
            "hint": book.add_format(
                {
                    "italic": True,
                    "font_color": "#7F7F7F",
                    "text_wrap": True,
                    "valign": "top",
                    "font_size": 9,
                }
            ),
            "money": book.add_format({"num_format": MONEY_FORMAT}),
            "date": book.add_format({"num_format": DATE_FORMAT}),
            "integer": book.add_format({"num_format": INTEGER_FORMAT}),
            "fraction": book.add_format({"num_format": FRACTION_FORMAT}),
        }
        self._writers = [self._writer_for(column, formats) for column in layout.columns]
        sheet = self.sheet
        sheet.set_row(HINT_ROW - 1, 45)
        # Constant-memory mode writes row by row: all headers first, then all hints.
        for index, column in enumerate(layout.columns):
            sheet.set_column(index, index, column.width)
            sheet.write_string(HEADER_ROW - 1, index, column.header, formats["header"])
        for index, column in enumerate(layout.columns):
            sheet.write_string(HINT_ROW - 1, index, column.hint, formats["hint"])
            choices = layout.dropdowns.get(column.key)
            source = (lists or {}).get(column.key) or choices
            if source and not column.informational:
                sheet.data_validation(
                    FIRST_DATA_ROW - 1,
                    index,
                    LAST_EXCEL_ROW,
                    index,
                    {
                        "validate": "list",
                        "source": source,
                        "ignore_blank": True,
                        "error_type": "warning" if column.key in (lists or {}) else "stop",
                    },
                )
        sheet.freeze_panes(FIRST_DATA_ROW - 1, 0)

    def _writer_for(self, column: Column, formats) -> Callable[[int, int, object], None]:
        sheet = self.sheet
        if column.type == "money":
            return lambda r, c, v: sheet.write_number(r, c, float(v), formats["money"])
        if column.type == "quantity":

            def write_quantity(r: int, c: int, v: Decimal) -> None:
                whole = v == v.to_integral_value()
                sheet.write_number(r, c, float(v), formats["integer" if whole else "fraction"])

            return write_quantity
        if column.type == "date":
            return lambda r, c, v: sheet.write_datetime(r, c, v, formats["date"])
        # Written as text even when it looks like a number or a formula.
        return lambda r, c, v: sheet.write_string(r, c, str(v))

    def append(self, values: list[object]) -> None:
        for index, (write, value) in enumerate(zip(self._writers, values, strict=True)):
            if value is not None and value != "":
                write(self._row, index, value)
        self._row += 1
