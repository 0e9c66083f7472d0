"""The coloured chip that shows an order's node, in the list and in the detail header."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel

# One colour per node code; a node an admin adds later gets the neutral grey.
COLORS = {
    "draft": "#8a8f98",
    "submitted": "#d48806",
    "placed": "#1677ff",
    "prepared": "#13a8a8",
    "shipped": "#2f54eb",
    "delivered": "#08979c",
    "received": "#08979c",
    "paid": "#389e0d",
    "completed": "#237804",
    "cancelled": "#a8071a",
}
NEUTRAL = "#8a8f98"


def color_of(node: str) -> QColor:
    return QColor(COLORS.get(node, NEUTRAL))


def paint(painter: QPainter, cell: QRect, node: str, label: str) -> None:
    """Draw a rounded chip with the node's label, left-aligned inside `cell`."""
    metrics = painter.fontMetrics()
    width = min(cell.width() - 6, metrics.horizontalAdvance(label) + 14)
    height = min(cell.height() - 4, metrics.height() + 4)
    chip = QRect(cell.left() + 3, cell.center().y() - height // 2 + 1, width, height)
    label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 10)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color_of(node))
    painter.drawRoundedRect(chip, height / 2, height / 2)
    painter.setPen(QColor("white"))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()


class NodeChip(QLabel):
    def show_node(self, node: str, label: str) -> None:
        self.setText(label)
        self.setStyleSheet(
            f"background:{color_of(node).name()}; color:white; "
            "border-radius:9px; padding:2px 10px; font-weight:bold;"
        )
