"""Reading printed PDFs back the way a person would: their text, fonts and QR codes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app import orders


class Pdf:
    def __init__(self, data: bytes, folder: Path, name: str = "document"):
        self.path = folder / f"{name}.pdf"
        self.path.write_bytes(data)

    def text(self) -> str:
        return subprocess.run(
            ["pdftotext", "-layout", str(self.path), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    def pages(self) -> list[str]:
        return self.text().split("\f")[:-1]

    def fonts(self) -> list[dict]:
        """pdffonts' table: one dict per font (name, type, emb, sub, ...)."""
        lines = subprocess.run(
            ["pdffonts", str(self.path)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        return [{"name": line.split()[0], "emb": line.split()[-5]} for line in lines]

    def qr_codes(self, page: int = 1) -> list[str]:
        image = self.path.with_suffix("")
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "150",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(self.path),
                str(image),
            ],
            check=True,
        )
        scanned = subprocess.run(
            ["zbarimg", "--quiet", "--raw", f"{image}.png"], capture_output=True, text=True
        ).stdout
        return scanned.split()


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
