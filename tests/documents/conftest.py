"""Reading printed PDFs back the way a person would: their text, fonts and QR codes."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp

from app import orders


class Pdf:
    """A PDF read with pdfium (pypdfium2 ships its own binary): no system tools needed."""

    def __init__(self, data: bytes, folder: Path, name: str = "document"):
        self.path = folder / f"{name}.pdf"
        self.path.write_bytes(data)
        self.document = pdfium.PdfDocument(data)

    def pages(self) -> list[str]:
        return [page.get_textpage().get_text_bounded() for page in self.document]

    def text(self) -> str:
        return "\f".join(self.pages())

    def fonts(self) -> list[dict]:
        """Every font the text uses: its name and whether the file embeds it."""
        fonts = {}
        for page in self.document:
            for text in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
                font = pdfium_c.FPDFTextObj_GetFont(text.raw)
                size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
                name = ctypes.create_string_buffer(size)
                pdfium_c.FPDFFont_GetBaseFontName(font, name, size)
                embedded = pdfium_c.FPDFFont_GetIsEmbedded(font) == 1
                fonts[name.value.decode()] = "yes" if embedded else "no"
        return [{"name": name, "emb": emb} for name, emb in fonts.items()]

    def images(self) -> list[tuple[int, int]]:
        """Width and height in pixels of every image on every page."""
        return [
            image.get_px_size()
            for page in self.document
            for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])
        ]

    def qr_codes(self, page: int = 1) -> list[str]:
        image = self.document[page - 1].render(scale=150 / 72).to_pil()
        return [code.text for code in zxingcpp.read_barcodes(image)]


@pytest.fixture
def pdf(tmp_path):
    def read(data: bytes, name: str = "document") -> Pdf:
        assert data.startswith(b"%PDF-")
        return Pdf(data, tmp_path, name)

    return read


@pytest.fixture
def shipped(office):
    """A sales order placed and shipped with DHL; returns (order number, shipment number)."""
    number = office.order("sales", lines=(("A-1", 10), ("B-2", 1), ("S-9", 1)))
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    with office.db.unit_of_work() as session:
        shipment = orders.ship(session, office.warehouse, number, "顺丰速运", "SF1234567890")
        return number, shipment.number


@pytest.fixture
def placed(office):
    """A sales order placed and waiting at the warehouse; returns its number."""
    number = office.order("sales", lines=(("A-1", 4), ("S-9", 1)))
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    return number
