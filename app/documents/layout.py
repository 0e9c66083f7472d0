"""What every printed document shares: A4 page, embedded Chinese font, company header,
"第 x 页 / 共 y 页" footer, and the building blocks the document modules put together.

A document module returns a `Document` (its heading and its flowables); `render`
turns one or many of them into one PDF, each numbering its own pages.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from resources import CJK_FONT, SYMBOL_FONT

from ..chinese_amount import capital_amount

if TYPE_CHECKING:
    from ..audit import Witness

FONT = "CJK"
SYMBOL = "Symbols"
PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 15 * mm
HEADER_HEIGHT = 30 * mm
FOOTER_HEIGHT = 12 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
GRID = colors.HexColor("#888888")
HEADER_FILL = colors.HexColor("#E8E8E8")


@functools.cache
def _register_font() -> None:
    # Subset-embedded TrueType: the PDF prints the same on desktops without a CJK font.
    # Loaded on first use: reading the font file takes about 0.3 s.
    pdfmetrics.registerFont(TTFont(FONT, str(CJK_FONT), subfontIndex=0))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)


# Where characters the CJK font lacks may be: symbols, dingbats and emoji.
_MAYBE_SYMBOL = re.compile("[\u2000-\u2bff\ufe0e\ufe0f\U0001f000-\U0001faff]+")
_PRESENTATION = str.maketrans("", "", "\ufe0e\ufe0f")  # invisible: text or emoji style


@functools.cache
def _symbol_font() -> frozenset[int]:
    """The symbol font, registered on first need; the characters it has that the CJK
    font lacks."""
    pdfmetrics.registerFont(TTFont(SYMBOL, str(SYMBOL_FONT)))
    cjk = pdfmetrics.getFont(FONT).face.charToGlyph
    return frozenset(set(pdfmetrics.getFont(SYMBOL).face.charToGlyph) - set(cjk))


def _in_symbol_font(match: re.Match) -> str:
    """A run of symbols, each the CJK font lacks set in the symbol font (an emoji in a
    party's name would otherwise print as an empty box)."""
    run = match.group().translate(_PRESENTATION)
    symbols = _symbol_font()
    return "".join(
        f'<font name="{SYMBOL}">{char}</font>' if ord(char) in symbols else char for char in run
    )


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    _register_font()
    return Paragraph(_MAYBE_SYMBOL.sub(_in_symbol_font, text), style)


def _style(name: str, size: float, **extra) -> ParagraphStyle:
    return ParagraphStyle(
        name, fontName=FONT, fontSize=size, leading=size * 1.35, wordWrap="CJK", **extra
    )


TEXT = _style("text", 9)
SMALL = _style("small", 8)
TOTAL = _style("total", 10.5, alignment=TA_RIGHT)


@dataclass(frozen=True)
class Company:
    name: str
    address: str
    phone: str
    logo: str


@dataclass(frozen=True)
class Heading:
    """What the page header of each page of one document shows beside the company."""

    title: str
    number: str
    label: str = "No."  # what the number is: a report is headed by its date or month
    lang: str = "zh"  # of the page footer: documents go out in Chinese, a report may not


@dataclass(frozen=True)
class Document:
    heading: Heading
    flowables: list[Flowable]


# --- formatting ---------------------------------------------------------------------------


def money(value: Decimal) -> str:
    return f"{value:,.2f}"


def quantity(value: Decimal) -> str:
    return format(value.normalize(), "f")


# --- building blocks ----------------------------------------------------------------------


def info_table(pairs: list[tuple[str, str]], width: float = CONTENT_WIDTH) -> Table:
    """Label/value pairs, two pairs per row."""
    cells = [[paragraph(label, SMALL), paragraph(value or "", TEXT)] for label, value in pairs]
    if len(cells) % 2:
        cells.append(["", ""])
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    label_width = 20 * mm
    value_width = width / 2 - label_width
    table = Table(rows, colWidths=[label_width, value_width] * 2)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TEXTCOLOR", (0, 0), (0, -1), colors.HexColor("#444444")),
                ("TEXTCOLOR", (2, 0), (2, -1), colors.HexColor("#444444")),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


@dataclass(frozen=True)
class Column:
    header: str
    width_mm: float
    numeric: bool = False
    wraps: bool = False


def lines_table(columns: list[Column], rows: list[list[str]]) -> Table:
    """The goods table; it repeats its header on every page it runs over."""
    body = [
        [
            paragraph(cell, TEXT) if column.wraps else cell
            for column, cell in zip(columns, row, strict=True)
        ]
        for row in rows
    ]
    table = Table(
        [[c.header for c in columns], *body],
        colWidths=[c.width_mm * mm for c in columns],
        repeatRows=1,
    )
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.numeric]
    table.setStyle(TableStyle(style))
    return table


def total_block(total: Decimal, currency: str) -> KeepTogether:
    """The total in figures, right-aligned, and in Chinese capital figures (大写)."""
    return KeepTogether(
        [
            Spacer(1, 3 * mm),
            paragraph(f"合计金额（{currency}）：{money(total)}", TOTAL),
            paragraph(f"金额大写：{capital_amount(total)}", TOTAL),
        ]
    )


def signature_block(labels: list[str]) -> KeepTogether:
    """Lines to sign on, two per row; kept on one page with each other."""
    cells = [f"{label}：" for label in labels]
    if len(cells) % 2:
        cells.append("")
    rows = [[cells[i], "", cells[i + 1], ""] for i in range(0, len(cells), 2)]
    _register_font()
    # Each label column as wide as its longest label, so no label runs onto its line.
    left, right = (
        max(pdfmetrics.stringWidth(text, FONT, 9) for text in cells[side::2]) + 4 * mm
        for side in (0, 1)
    )
    line = (CONTENT_WIDTH - left - right) / 2
    table = Table(rows, colWidths=[left, line, right, line], rowHeights=10 * mm)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
    ]
    for row_index in range(len(rows)):
        style.append(("LINEBELOW", (1, row_index), (1, row_index), 0.6, colors.black))
        if rows[row_index][2]:
            style.append(("LINEBELOW", (3, row_index), (3, row_index), 0.6, colors.black))
    table.setStyle(TableStyle(style))
    return KeepTogether([Spacer(1, 4 * mm), table])


def note(text: str) -> Paragraph:
    return paragraph(text, SMALL)


def qr_code(text: str, size_mm: float = 28) -> Drawing:
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    size = size_mm * mm
    drawing = Drawing(
        size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0], initialFontName=FONT
    )  # not the unembedded default
    drawing.add(widget)
    return drawing


# --- pages --------------------------------------------------------------------------------


class _StartOfDocument(Flowable):
    """Invisible; tells the canvas which document the following pages belong to."""

    def __init__(self, index: int, heading: Heading):
        super().__init__()
        self.index = index
        self.heading = heading

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.current_document = (self.index, self.heading)


class _DocumentCanvas(Canvas):
    """Holds every page back until the end, so each can say how many pages its document has."""

    def __init__(self, *args, company: Company, witness: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.company = company
        self.witness = witness
        self.current_document: tuple[int, Heading] | None = None
        self._pages: list[tuple[dict, tuple[int, Heading] | None]] = []

    def showPage(self):
        self._pages.append((dict(self.__dict__), self.current_document))
        self._startPage()

    def save(self):
        counts: dict[int | None, int] = {}
        for _state, document in self._pages:
            key = document[0] if document else None
            counts[key] = counts.get(key, 0) + 1
        seen: dict[int | None, int] = {}
        for state, document in self._pages:
            self.__dict__.update(state)
            key = document[0] if document else None
            seen[key] = seen.get(key, 0) + 1
            if document is not None:
                self._draw_header(document[1])
            self._draw_footer(seen[key], counts[key], document[1].lang if document else "zh")
            super().showPage()
        super().save()

    def _draw_header(self, heading: Heading) -> None:
        top = PAGE_HEIGHT - MARGIN
        left = MARGIN
        logo = self.company.logo
        if logo and Path(logo).is_file():
            size = 16 * mm
            self.drawImage(
                logo,
                left,
                top - size,
                width=size,
                height=size,
                preserveAspectRatio=True,
                mask="auto",
            )
            left += size + 3 * mm
        self.setFont(FONT, 13)
        self.drawString(left, top - 6 * mm, self.company.name)
        self.setFont(FONT, 8)
        contact = "   ".join(
            part
            for part in (
                f"地址：{self.company.address}" if self.company.address else "",
                f"电话：{self.company.phone}" if self.company.phone else "",
            )
            if part
        )
        self.drawString(left, top - 11 * mm, contact)
        right = PAGE_WIDTH - MARGIN
        self.setFont(FONT, 16)
        self.drawRightString(right, top - 6.5 * mm, heading.title)
        self.setFont(FONT, 10)
        self.drawRightString(right, top - 12 * mm, f"{heading.label} {heading.number}")
        self.setLineWidth(0.8)
        self.line(MARGIN, top - 19 * mm, right, top - 19 * mm)

    def _draw_footer(self, page: int, pages: int, lang: str) -> None:
        self.setFont(FONT, 8)
        numbering = f"Page {page} of {pages}" if lang == "en" else f"第 {page} 页 / 共 {pages} 页"
        self.drawCentredString(PAGE_WIDTH / 2, MARGIN - 4 * mm, numbering)
        if self.witness:  # the audit chain's newest record when printed: checkable later
            self.setFont(FONT, 6.5)
            self.setFillGray(0.45)
            self.drawRightString(
                PAGE_WIDTH - MARGIN,
                MARGIN - 4 * mm,
                f"{'Audit' if lang == 'en' else '审计'} {self.witness}",
            )
            self.setFillGray(0)


def render(documents: list[Document], company: Company, witness: Witness | None = None) -> bytes:
    """One PDF holding the documents one after another, each starting on a new page; each
    page's footer shows the audit chain's `witness` (its newest record when printed)."""
    _register_font()
    story: list[Flowable] = []
    for index, document in enumerate(documents):
        if index:
            story.append(PageBreak())
        story.append(_StartOfDocument(index, document.heading))
        story.extend(document.flowables)
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + HEADER_HEIGHT - 8 * mm,
        bottomMargin=MARGIN + FOOTER_HEIGHT - 6 * mm,
        title=", ".join(f"{d.heading.title} {d.heading.number}" for d in documents[:3]),
        author=company.name,
        # Else the canvas starts in Helvetica, which is never embedded.
        initialFontName=FONT,
    )
    maker = functools.partial(
        _DocumentCanvas, company=company, witness=witness.printed() if witness else ""
    )
    template.build(story, canvasmaker=maker)
    return buffer.getvalue()
