"""The dashboard as a PDF report (A4, embedded Chinese font, charts) and as an Excel workbook
(one sheet per figure), for the owner to keep or pass on."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer
from sqlalchemy.orm import Session

from .dashboard import PERIODS, Dashboard, Figure
from .documents.content import company
from .documents.layout import (
    CONTENT_WIDTH,
    FONT,
    TEXT,
    Column,
    Document,
    Heading,
    lines_table,
    paragraph,
    render,
)
from .documents.layout import _style as style

SALES_COLOR = "#1677ff"
PURCHASE_COLOR = "#fa8c16"
HEADING = style("report-heading", 12, spaceBefore=6, spaceAfter=3)

# Every text of the report, in both languages.
TEXTS = {
    "title": ("经营看板报告", "Dashboard report"),
    "date": ("日期", "Date"),
    "made": ("生成于 {at}（近 {days} 天）", "Made {at} (last {days} days)"),
    "summary": ("概览", "Summary"),
    "open": ("未完结订单", "Open orders"),
    "late": ("逾期订单", "Late orders"),
    "on_time": ("准时发货率", "On-time shipping"),
    "on_time_of": ("{kept} / {due} 张按期发完", "{kept} of {due} shipped by the due day"),
    "none": ("无", "none"),
    "open_by_node": ("各节点未完结订单", "Open orders per node"),
    "overdue_by_role": ("各部门逾期订单", "Late orders per department"),
    "node": ("节点", "Node"),
    "role": ("部门", "Department"),
    "orders": ("订单数", "Orders"),
    "time_in_node": ("各节点停留时间（小时）", "Time spent at each node (hours)"),
    "days": ("天", " days"),
    "period": ("天数", "Days"),
    "stays": ("次数", "Stays"),
    "average": ("平均", "Average"),
    "p90": ("90% 分位", "90th pct."),
    "months": ("月度销售与采购金额", "Monthly sales and purchases"),
    "month": ("月份", "Month"),
    "sales": ("销售额", "Sales"),
    "purchases": ("采购额", "Purchases"),
    "top_customers": ("前十客户（近 {days} 天）", "Top customers (last {days} days)"),
    "top_products": ("前十产品（近 {days} 天）", "Top products (last {days} days)"),
    "customer": ("客户", "Customer"),
    "product": ("产品", "Product"),
    "amount": ("金额", "Amount"),
}


def text(key: str, lang: str, **values) -> str:
    zh, en = TEXTS[key]
    return (en if lang == "en" else zh).format(**values)


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _rate(d: Dashboard) -> str:
    rate = d.on_time.rate
    return text("none", d.lang) if rate is None else f"{rate * 100:.1f}%"


def _local(moment: datetime) -> str:
    """A stored UTC time as this desktop's clock shows it."""
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


# --- PDF ---------------------------------------------------------------------------------


def _bars(figures: list[Figure], color: str, width: float = CONTENT_WIDTH) -> Drawing:
    """A horizontal bar per figure, labelled, in the report's font."""
    height = max(14 * len(figures), 14) + 20
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 40 * mm, 10
    chart.width, chart.height = width - 50 * mm, height - 20
    chart.data = [[float(f.value) for f in figures] or [0]]
    chart.categoryAxis.categoryNames = [f.label for f in figures] or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.reverseDirection = True
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor(color)
    chart.bars.strokeColor = None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7
    chart.barLabelFormat = "%d"
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    return drawing


def _months_chart(d: Dashboard) -> Drawing:
    drawing = Drawing(CONTENT_WIDTH, 62 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y = 18 * mm, 12 * mm
    chart.width, chart.height = CONTENT_WIDTH - 22 * mm, 44 * mm
    chart.data = [
        [float(m.sales.value) for m in d.months],
        [float(m.purchases.value) for m in d.months],
    ]
    chart.categoryAxis.categoryNames = [m.month.strftime("%y-%m") for m in d.months]
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = FONT
        axis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: (
        f"{v / 10000:,.0f}万" if d.lang == "zh" else f"{v:,.0f}"
    )
    chart.bars[0].fillColor = colors.HexColor(SALES_COLOR)
    chart.bars[1].fillColor = colors.HexColor(PURCHASE_COLOR)
    chart.bars.strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 20 * mm, 60 * mm
    legend.fontName = FONT
    legend.fontSize = 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [
        (colors.HexColor(SALES_COLOR), text("sales", d.lang)),
        (colors.HexColor(PURCHASE_COLOR), text("purchases", d.lang)),
    ]
    drawing.add(legend)
    return drawing


def _table(headers: list[tuple[str, float, bool]], rows: list[list[str]]):
    columns = [Column(h, w, numeric=n, wraps=not n) for h, w, n in headers]
    return lines_table(columns, rows)


def _node_times(d: Dashboard):
    lang = d.lang
    headers = [(text("node", lang), 48, False)]
    for days in PERIODS:
        headers += [
            (f"{days}{text('days', lang)}·{text('stays', lang)}", 22, True),
            (text("average", lang), 22, True),
            (text("p90", lang), 22, True),
        ]
    rows = []
    for label, by_days in d.node_times():
        row = [label]
        for days in PERIODS:
            t = by_days.get(days)
            row += (
                [str(t.stays), f"{t.average_hours:.1f}", f"{t.p90_hours:.1f}"]
                if t
                else ["0", "", ""]
            )
        rows.append(row)
    return _table(headers, rows or [[text("none", lang)] + [""] * 3 * len(PERIODS)])


def _section(title: str, *content: Flowable) -> Flowable:
    """A heading kept on the page of what it heads."""
    return KeepTogether([paragraph(title, HEADING), *content])


def pdf(session: Session, d: Dashboard) -> bytes:
    """The report: summary, every figure as a table, bar charts for nodes and months."""
    lang = d.lang
    story: list[Flowable] = [
        paragraph(text("made", lang, at=_local(d.at), days=d.days), TEXT),
        _section(
            text("summary", lang),
            _table(
                [
                    (text(key, lang), w, True)
                    for key, w in (("open", 45), ("late", 45), ("on_time", 90))
                ],
                [
                    [
                        str(d.totals["open"]),
                        str(d.totals["overdue"]),
                        f"{_rate(d)}  ("
                        + text("on_time_of", lang, kept=d.on_time.on_time, due=d.on_time.due)
                        + ")",
                    ]
                ],
            ),
        ),
        _section(text("open_by_node", lang), _bars(d.open_by_node, SALES_COLOR)),
        _section(
            text("overdue_by_role", lang),
            _table(
                [(text("role", lang), 120, False), (text("orders", lang), 60, True)],
                [[f.label, str(f.value)] for f in d.overdue_by_role] or [[text("none", lang), "0"]],
            ),
        ),
        _section(text("time_in_node", lang), _node_times(d)),
        _section(
            text("months", lang),
            _months_chart(d),
            _table(
                [
                    (text("month", lang), 60, False),
                    (text("sales", lang), 60, True),
                    (text("purchases", lang), 60, True),
                ],
                [
                    [m.month.strftime("%Y-%m"), _money(m.sales.value), _money(m.purchases.value)]
                    for m in d.months
                ],
            ),
        ),
        _section(
            text("top_customers", lang, days=d.days),
            _table(
                [(text("customer", lang), 130, False), (text("amount", lang), 50, True)],
                [[f.label, _money(f.value)] for f in d.top_customers] or [[text("none", lang), ""]],
            ),
        ),
        _section(
            text("top_products", lang, days=d.days),
            _table(
                [(text("product", lang), 130, False), (text("amount", lang), 50, True)],
                [[f.label, _money(f.value)] for f in d.top_products] or [[text("none", lang), ""]],
            ),
        ),
        Spacer(1, 4 * mm),
    ]
    heading = Heading(text("title", lang), d.at.strftime("%Y-%m-%d"), text("date", lang), lang)
    return render([Document(heading, story)], company(session))


def write_pdf(session: Session, d: Dashboard, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(pdf(session, d))
    return path


# --- Excel -------------------------------------------------------------------------------


def write_excel(d: Dashboard, path: str | Path) -> Path:
    """One sheet per figure, with a bold header row; amounts as numbers in money format."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    lang = d.lang
    book = Workbook()
    sheets = [
        (
            text("summary", lang),
            [text("open", lang), text("late", lang), text("on_time", lang)],
            [
                [
                    d.totals["open"],
                    d.totals["overdue"],
                    None if d.on_time.rate is None else round(d.on_time.rate, 4),
                ]
            ],
        ),
        (
            text("open_by_node", lang),
            [text("node", lang), text("orders", lang)],
            [[f.label, f.value] for f in d.open_by_node],
        ),
        (
            text("overdue_by_role", lang),
            [text("role", lang), text("orders", lang)],
            [[f.label, f.value] for f in d.overdue_by_role],
        ),
        (
            text("time_in_node", lang),
            [
                text("node", lang),
                text("period", lang),
                text("stays", lang),
                text("average", lang),
                text("p90", lang),
            ],
            [[t.label, t.days, t.stays, t.average_hours, t.p90_hours] for t in d.time_in_node],
        ),
        (
            text("months", lang),
            [text("month", lang), text("sales", lang), text("purchases", lang)],
            [[m.month.strftime("%Y-%m"), m.sales.value, m.purchases.value] for m in d.months],
        ),
        (
            text("top_customers", lang, days=d.days),
            [text("customer", lang), text("amount", lang)],
            [[f.label, f.value] for f in d.top_customers],
        ),
        (
            text("top_products", lang, days=d.days),
            [text("product", lang), text("amount", lang)],
            [[f.label, f.value] for f in d.top_products],
        ),
    ]
    book.remove(book.active)
    for title, header, rows in sheets:
        sheet = book.create_sheet(title[:31].replace("/", "-"))
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float) and title in (
                    text("months", lang),
                    text("top_customers", lang, days=d.days),
                    text("top_products", lang, days=d.days),
                ):
                    cell.number_format = "#,##0.00"
        if title == text("summary", lang):
            sheet["C2"].number_format = "0.0%"
        sheet.column_dimensions["A"].width = 36
        for column in "BCDE":
            sheet.column_dimensions[column].width = 14
    path = Path(path)
    book.save(path)
    return path
