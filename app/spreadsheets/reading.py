"""Reading an import workbook into checked values, collecting every problem with its place.

Whatever the file is — not a workbook, a CSV renamed .xlsx, empty, full of formulas
or merged cells, far too long — the answer is a list of problems naming sheet, row,
column and why, never a crash.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from ..errors import ValidationError
from ..jobs import Job
from ..validation import amount, clean_text, iso_date, quantity
from .layouts import FIRST_DATA_ROW, HEADER_ROW, HINT_ROW, Column, SheetLayout

# More rows than an office enters at once; beyond this, split the file.
MAX_ROWS = 20_000
MAX_SCANNED_ROWS = 5 * MAX_ROWS
ZIP_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"
MERGED_RANGE = re.compile(rb'<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"')


@dataclass(frozen=True)
class RowProblem:
    """One reason a row (or the file, at row 0) cannot be imported."""

    sheet: str
    row: int
    column: str
    zh: str
    en: str

    def as_dict(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "message": self.zh,
            "message_en": self.en,
        }

    def describe(self, lang: str = "zh") -> str:
        if lang == "en":
            place = f"sheet {self.sheet or '-'}, row {self.row}, column {self.column or '-'}"
            return f"{place}: {self.en}"
        return f"工作表 {self.sheet or '-'}，第 {self.row} 行，{self.column or '-'} 列：{self.zh}"


class ImportRejected(ValidationError):
    """Nothing was imported; `problems` lists every bad row."""

    def __init__(self, problems: list[RowProblem]):
        self.problems = problems
        super().__init__(
            f"导入失败，共 {len(problems)} 处错误，未导入任何数据。",
            f"Import rejected: {len(problems)} problems; nothing was imported.",
        )


class _CellError(Exception):
    def __init__(self, zh: str, en: str):
        super().__init__(en)
        self.zh, self.en = zh, en


@dataclass
class SheetRow:
    number: int  # as the spreadsheet numbers it
    values: dict[str, object] = field(default_factory=dict)


class SheetReader:
    """The rows of one import sheet, each value parsed to its column's type."""

    def __init__(self, path: str | Path, layout: SheetLayout, job: Job):
        self.layout = layout
        self.job = job
        self.sheet_title = layout.title
        self.problems: list[RowProblem] = []
        self._columns: dict[str, int] = {}
        self._path = Path(path)

    # --- problems ---------------------------------------------------------------------

    def column_label(self, key: str) -> str:
        column = self.layout.column(key)
        index = self._columns.get(key)
        from openpyxl.utils import get_column_letter  # openpyxl loads on first use

        letter = get_column_letter(index + 1) if index is not None else "?"
        return f"{letter}（{column.header}）"

    def problem(self, row: int, key: str | None, zh: str, en: str) -> None:
        self.problems.append(
            RowProblem(self.sheet_title, row, self.column_label(key) if key else "", zh, en)
        )

    def _reject_file(self, zh: str, en: str) -> ImportRejected:
        return ImportRejected([RowProblem("", 0, "", zh, en)])

    # --- reading ------------------------------------------------------------------------

    def rows(self) -> list[SheetRow]:
        """Every data row; problems are collected, not raised (except for the file itself)."""
        workbook = self._open()
        try:
            sheet = (
                workbook[self.layout.title]
                if self.layout.title in workbook.sheetnames
                else workbook.worksheets[0]
            )
            self.sheet_title = sheet.title
            self._check_merged_cells(workbook, sheet)
            return list(self._data_rows(sheet))
        finally:
            workbook.close()

    def _open(self):
        path = self._path
        if not path.is_file():
            raise self._reject_file(f"找不到文件 {path}。", f"There is no file {path}.")
        with path.open("rb") as file:
            head = file.read(8)
        if not head:
            raise self._reject_file(
                "文件是空的（0 字节），不是 Excel 工作簿。",
                "The file is empty (0 bytes); it is no Excel workbook.",
            )
        if head.startswith(OLD_EXCEL_MAGIC):
            raise self._reject_file(
                "这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后导入。",
                "This is an old Excel (.xls) file; save it as .xlsx first.",
            )
        if not head.startswith(ZIP_MAGIC):
            raise self._reject_file(
                "文件不是 Excel 工作簿（.xlsx），可能是改了扩展名的 CSV 或文本文件；"
                "请用模板填写后导入。",
                "The file is not an Excel workbook (.xlsx); it may be a CSV or text file renamed "
                ".xlsx. Fill in the template and import that.",
            )
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            return load_workbook(path, read_only=True, data_only=False)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError):
            raise self._reject_file(
                "文件已损坏或不是有效的 Excel 工作簿（.xlsx）。",
                "The file is damaged or not a valid Excel workbook (.xlsx).",
            ) from None

    def _too_long(self) -> ImportRejected:
        return ImportRejected(
            [
                RowProblem(
                    self.sheet_title,
                    FIRST_DATA_ROW + MAX_ROWS,
                    "",
                    f"工作表的数据超过 {MAX_ROWS:,} 行，一次最多导入 {MAX_ROWS:,} 行；"
                    "请分成几个文件导入。",
                    f"The sheet has more than {MAX_ROWS:,} data rows; "
                    f"at most {MAX_ROWS:,} import at once. Split it into several files.",
                )
            ]
        )

    def _check_merged_cells(self, workbook, sheet) -> None:
        # Read-only mode does not parse merged ranges; they sit at the end of the sheet's XML.
        # `_worksheet_path` is openpyxl's name for that part of the file (pinned version).
        seen: set[bytes] = set()
        with workbook._archive.open(sheet._worksheet_path) as xml:
            tail = b""
            for chunk in iter(lambda: xml.read(1 << 20), b""):
                data = tail + chunk
                for match in MERGED_RANGE.finditer(data):
                    if match[1] in seen:
                        continue
                    seen.add(match[1])
                    cell_range = match[1].decode()
                    self.problems.append(
                        RowProblem(
                            sheet.title,
                            int(re.search(r"\d+", cell_range)[0]),
                            cell_range,
                            f"合并单元格 {cell_range}：请取消合并，每个单元格填写自己的值。",
                            f"Merged cells {cell_range}: unmerge them; every cell holds its own "
                            "value.",
                        )
                    )
                tail = data[-200:]  # a range split between two chunks is found next time

    def _map_headers(self, cells) -> bool:
        by_name = {}
        for column in self.layout.columns:
            by_name[column.header] = column.key
            by_name[column.en.lower()] = column.key
            by_name[column.key] = column.key
        for index, cell in enumerate(cells):
            text = "" if cell.value is None else str(cell.value).strip()
            key = by_name.get(text) or by_name.get(text.lower())
            if key is not None and key not in self._columns:
                self._columns[key] = index
        missing = [
            c
            for c in self.layout.columns
            if c.required and not c.informational and c.key not in self._columns
        ]
        for column in missing:
            self.problems.append(
                RowProblem(
                    self.sheet_title,
                    HEADER_ROW,
                    "",
                    f"缺少“{column.header}”列：第 1 行应为模板的表头。",
                    f"The column '{column.header}' ({column.en}) is missing: row 1 must hold the "
                    "template's headers.",
                )
            )
        return not missing

    def _data_rows(self, sheet) -> Iterator[SheetRow]:
        wanted = [c for c in self.layout.columns if not c.informational]
        rows = sheet.iter_rows(min_row=HEADER_ROW)
        header = next(rows, None)
        if header is None or not self._map_headers(header):
            if header is None:
                self.problems.append(
                    RowProblem(
                        self.sheet_title,
                        HEADER_ROW,
                        "",
                        "工作表是空的：没有表头，也没有数据。",
                        "The sheet is empty: no headers, no data.",
                    )
                )
            return
        # Some writers leave out the sheet's size: then the total is unknown (0).
        estimate = max((sheet.max_row or 0) - HEADER_ROW, 0)
        count = 0
        for number, cells in enumerate(rows, start=HEADER_ROW + 1):
            if number % 1000 == 0:
                self.job.step(min(number, estimate), estimate)
                # The sheet's stated size counts formatted empty rows too, so rows are
                # counted here; a sheet mostly of empty rows must still end somewhere.
                if number > MAX_SCANNED_ROWS:
                    raise self._too_long()
            if number == HINT_ROW and self._is_hint_row(cells):
                continue
            row = self._parse(number, cells, wanted)
            if row is None:
                continue
            count += 1
            if count > MAX_ROWS:
                raise self._too_long()
            yield row

    def _cell(self, cells, key: str):
        index = self._columns.get(key)
        return cells[index] if index is not None and index < len(cells) else None

    def _is_hint_row(self, cells) -> bool:
        first = self.layout.columns[0]
        cell = self._cell(cells, first.key)
        return cell is not None and cell.value == first.hint

    def _parse(self, number: int, cells, wanted: list[Column]) -> SheetRow | None:
        raw = {c.key: self._cell(cells, c.key) for c in wanted}
        if all(
            cell is None or cell.value is None or str(cell.value).strip() == ""
            for cell in raw.values()
        ):
            return None  # blank rows between data are harmless
        row = SheetRow(number)
        for column in wanted:
            cell = raw[column.key]
            try:
                if cell is not None and cell.data_type == "f":
                    raise _CellError(
                        f"单元格是公式（{cell.value}）：请复制后“粘贴为数值”。",
                        f"The cell holds a formula ({cell.value}); paste it as values.",
                    )
                row.values[column.key] = parse_value(column, None if cell is None else cell.value)
            except _CellError as error:
                self.problem(number, column.key, error.zh, error.en)
            except ValidationError as error:
                self.problem(number, column.key, error.zh, error.en)
        return row


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _text(column: Column, value: object) -> str:
    if isinstance(value, bool | datetime | date):
        raise _CellError(
            f"“{column.header}”应为文字，而不是 {value}。",
            f"'{column.en}' must be text, not {value}.",
        )
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a number typed into a text column: 1001 stays 1001
    return clean_text(
        value, column.header, column.en, max_length=column.max_length, required=column.required
    )


def _number(column: Column, value: object) -> Decimal:
    if isinstance(value, bool | datetime | date):
        raise _CellError(
            f"“{column.header}”应为数字，而不是 {value}。",
            f"'{column.en}' must be a number, not {value}.",
        )
    if column.type == "money":
        return amount(value, column.header, column.en)
    return quantity(value, column.header, column.en, allow_zero=not column.required)


def _date(column: Column, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        return iso_date(value, column.header, column.en)
    raise _CellError(
        f"“{column.header}”应为日期（如 2026-12-31），而不是 {value}。",
        f"'{column.en}' must be a date such as 2026-12-31, not {value}.",
    )


def _choice(column: Column, value: object) -> object:
    key = str(value).strip().lower()
    if key in column.choices:
        return column.choices[key]
    choices = "、".join(label for label in column.choices if not label.isascii())
    raise _CellError(
        f"“{column.header}”应为 {choices} 之一，而不是“{value}”。",
        f"'{column.en}' must be one of {choices}, not '{value}'.",
    )


PARSERS = {
    "text": _text,
    "quantity": _number,
    "money": _number,
    "date": _date,
    "choice": _choice,
    "yes_no": _choice,
}


def parse_value(column: Column, value: object) -> object:
    """The cell's value as its column's type; None for an empty optional cell."""
    if _blank(value):
        if column.required:
            raise _CellError(f"“{column.header}”必填。", f"'{column.en}' is required.")
        return "" if column.type == "text" else None
    return PARSERS[column.type](column, value)
