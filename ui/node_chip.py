"""The coloured chip that shows an order's node, in the list and in the detail header."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel


def paint(painter: QPainter, cell: QRect, color: str, label: str) -> None:
    """Draw a rounded chip in the node's colour (from its workflow) with its label,
    left-aligned inside `cell`."""
    metrics = painter.fontMetrics()
    width = min(cell.width() - 6, metrics.horizontalAdvance(label) + 14)
    height = min(cell.height() - 4, metrics.height() + 4)
    chip = QRect(cell.left() + 3, cell.center().y() - height // 2 + 1, width, height)
    label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, width - 10)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(chip, height / 2, height / 2)
    painter.setPen(QColor("white"))
    painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)
    painter.restore()


class NodeChip(QLabel):
    def show_node(self, color: str, label: str) -> None:
        self.setText(label)
        self.setStyleSheet(
            f"background:{QColor(color).name()}; color:white; "
            "border-radius:9px; padding:2px 10px; font-weight:bold;"
        )
