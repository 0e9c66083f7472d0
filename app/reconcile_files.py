"""The month-end reconciliation report as a file: an Excel workbook or a PDF (A4, the
embedded Chinese font and company header every printed document has)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from .errors import ValidationError
from .reconcile import CHECKS, Report

TITLE = "月末对账报告"
SUFFIXES = (".xlsx", ".pdf")


def write_report(session: Session, report: Report, path: str | Path) -> Path:
    """Write the report to `path`, as its suffix says (.xlsx or .pdf)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        write_workbook(report, path)
    elif suffix == ".pdf":
        path.write_bytes(report_pdf(session, report))
    else:
        raise ValidationError(
            f"对账报告只能导出为 .xlsx 或 .pdf，而不是“{path.name}”。",
            f"The reconciliation report is written as .xlsx or .pdf, not '{path.name}'.",
        )
    return path


def _summary(report: Report) -> list[tuple[str, int]]:
    return [(check.zh, report.count(check.code)) for check in CHECKS]


def write_workbook(report: Report, path: str | Path) -> None:
    from .spreadsheets.writing import workbook

    labels = {check.code: check.zh for check in CHECKS}
    with workbook(path) as book:
        bold = book.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        money = book.add_format({"num_format": "#,##0.00"})
        summary = book.add_worksheet("汇总")
        summary.set_column(0, 0, 30)
        summary.set_column(1, 1, 12)
        summary.write_string(0, 0, f"{TITLE} {report.month}", bold)
        summary.write_string(1, 0, "检查项目", bold)
        summary.write_string(1, 1, "差异数", bold)
        for row, (label, count) in enumerate(_summary(report), start=2):
            summary.write_string(row, 0, label)
            summary.write_number(row, 1, count)
        sheet = book.add_worksheet("差异明细")
        headers = [("检查项目", 26), ("单号/产品", 20), ("客户/供应商", 24), ("金额/数量", 14)]
        headers += [("说明", 70), ("Description", 70)]
        for column, (header, width) in enumerate(headers):
            sheet.set_column(column, column, width)
            sheet.write_string(0, column, header, bold)
        sheet.freeze_panes(1, 0)
        for row, d in enumerate(report.discrepancies, start=1):
            sheet.write_string(row, 0, labels[d.check])
            sheet.write_string(row, 1, d.subject)
            sheet.write_string(row, 2, d.party)
            if d.amount is not None:
                sheet.write_number(row, 3, float(d.amount), money)
            sheet.write_string(row, 4, d.zh)
            sheet.write_string(row, 5, d.en)


def report_pdf(session: Session, report: Report) -> bytes:
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from .documents.content import company
    from .documents.layout import (
        Column,
        Document,
        Heading,
        info_table,
        lines_table,
        money,
        note,
        render,
    )

    labels = {check.code: check.zh for check in CHECKS}
    info = info_table(
        [
            ("对账月份", report.month),
            ("生成时间", f"{report.made_at:%Y-%m-%d %H:%M} UTC"),
            ("差异合计", str(len(report.discrepancies))),
            ("结论", "账实相符，无差异" if report.empty else "存在差异，请逐项核对"),
        ]
    )
    summary = lines_table(
        [Column("检查项目", 120, wraps=True), Column("差异数", 60, numeric=True)],
        [[label, str(count)] for label, count in _summary(report)],
    )
    flowables = [info, Spacer(1, 4 * mm), summary, Spacer(1, 5 * mm)]
    if report.discrepancies:
        columns = [
            Column("序号", 10, numeric=True),
            Column("检查项目", 40, wraps=True),
            Column("单号/产品", 30, wraps=True),
            Column("金额", 22, numeric=True),
            Column("说明", 78, wraps=True),
        ]
        rows = [
            [
                str(index),
                labels[d.check],
                d.subject,
                "" if d.amount is None else money(d.amount),
                d.zh,
            ]
            for index, d in enumerate(report.discrepancies, start=1)
        ]
        flowables.append(lines_table(columns, rows))
    else:
        flowables.append(note("本月所有检查项目均无差异。"))
    return render([Document(Heading(TITLE, report.month, "月份"), flowables)], company(session))
