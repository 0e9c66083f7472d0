"""Draw the program's icon: resources/icons/ordertrail.png (256 px) and ordertrail.ico.

A white order sheet on a teal tile, with a trail of checkpoints ending in a tick.
Run it after changing the drawing: `uv run python packaging/make_icon.py`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402  (reportlab's dependency)
from PySide6.QtCore import QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 128, 256]
TEAL, DEEP, SHEET, DONE = "#0f7b8a", "#0a5a66", "#ffffff", "#f5a623"


def draw(size: int = SIZE) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / SIZE, size / SIZE)
    tile = QPainterPath()
    tile.addRoundedRect(QRectF(8, 8, 240, 240), 48, 48)
    p.fillPath(tile, QColor(TEAL))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(SHEET))
    p.drawRoundedRect(QRectF(56, 40, 144, 180), 16, 16)
    # the trail: three checkpoints joined by a line, the last one done
    points = [QPointF(92, 84), QPointF(164, 130), QPointF(104, 176)]
    p.setPen(QPen(QColor(DEEP), 10, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawPolyline(points)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(DEEP))
    for point in points[:2]:
        p.drawEllipse(point, 15, 15)
    p.setBrush(QColor(DONE))
    p.drawEllipse(points[2], 26, 26)
    tick = QPainterPath(QPointF(91, 176))
    tick.lineTo(101, 187)
    tick.lineTo(118, 165)
    p.setPen(
        QPen(
            QColor(SHEET),
            8,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(tick)
    p.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    ICONS.mkdir(parents=True, exist_ok=True)
    png = ICONS / "ordertrail.png"
    draw().save(str(png))
    Image.open(png).save(ICONS / "ordertrail.ico", sizes=[(s, s) for s in ICO_SIZES])
    print(f"wrote {png} and {png.with_suffix('.ico')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
