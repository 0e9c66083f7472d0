"""The problems of a rejected import as a workbook, to fix the file from or pass on."""

from __future__ import annotations

from pathlib import Path

from .reading import RowProblem
from .writing import workbook

HEADERS = [("工作表", 16), ("行", 8), ("列", 16), ("问题", 60), ("Problem", 60)]


def write_problems(problems: list[RowProblem], path: str | Path) -> None:
    with workbook(path) as book:
        sheet = book.add_worksheet("导入错误")
        bold = book.add_format({"bold": True, "bg_color": "#F4CCCC", "border": 1})
        for column, (header, width) in enumerate(HEADERS):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, header, bold)
        sheet.freeze_panes(1, 0)
        for row, problem in enumerate(problems, start=1):
            sheet.write_row(
                row, 0, [problem.sheet, problem.row, problem.column, problem.zh, problem.en]
            )
