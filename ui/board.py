"""The wall display (数字大屏): full screen, read only, large type, refreshing by itself.

It reads app/board.py off the UI thread whenever the change watcher hears that orders
changed (here or on another desktop), and once a minute for the clock's sake. It holds
nothing a person can press: Esc or F11 closes it.
"""

from __future__ import annotations

from datetime import UTC

from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app import board
from app.board import Board, BoardOrder
from db.engine import Database
from db.models import User
from ui import background
from ui.live import ChangeWatcher

BACKGROUND = "#0b1526"
PANEL = "#13233d"
TEXT = "#e6edf7"
MUTED = "#8ea3c0"
SHIP_COLOR = "#4096ff"
LATE_COLOR = "#ff4d4f"
NODE_COLOR = "#36cfc9"
# Several notices in a burst (a batch of orders) cause one read.
REFRESH_DELAY_MS = 500
CLOCK_MS = 60_000


class Panel(QFrame):
    """A heading, a big count and the first orders under it."""

    def __init__(self, title: str, color: str, parent=None):
        super().__init__(parent)
        self.setStyleSheet(f"QFrame {{ background: {PANEL}; border-radius: 10px; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = QLabel(title)
        self.count = QLabel("–")
        self.count.setStyleSheet(f"color: {color}; background: transparent;")
        self.rows = QLabel()
        self.rows.setTextFormat(Qt.TextFormat.RichText)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.rows.setWordWrap(False)
        for label in (self.title, self.rows):
            label.setStyleSheet(f"color: {TEXT}; background: transparent;")
        layout.addWidget(self.title)
        layout.addWidget(self.count)
        layout.addWidget(self.rows, 1)


class BoardWindow(QWidget):
    def __init__(self, database: Database, user: User, lang: str, parent=None):
        super().__init__(parent)
        self.database, self.user, self.lang = database, user, lang
        self.data: Board | None = None
        self._loading = self._again = False
        self.setWindowTitle(self.tr("OrderTrail wall display"))
        self.setStyleSheet(f"background: {BACKGROUND}; color: {TEXT};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        layout.setSpacing(16)
        top = QHBoxLayout()
        self.heading = QLabel(self.tr("Orders today"))
        self.clock = QLabel()
        self.clock.setStyleSheet(f"color: {MUTED};")
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.clock)
        layout.addLayout(top)
        panels = QHBoxLayout()
        panels.setSpacing(16)
        self.to_ship = Panel(self.tr("To ship today"), SHIP_COLOR)
        self.late = Panel(self.tr("Late"), LATE_COLOR)
        panels.addWidget(self.to_ship, 1)
        panels.addWidget(self.late, 1)
        layout.addLayout(panels, 3)
        self.nodes_title = QLabel(self.tr("Orders at each node"))
        layout.addWidget(self.nodes_title)
        self.nodes = QGridLayout()
        self.nodes.setSpacing(12)
        layout.addLayout(self.nodes, 2)
        self.node_tiles: list[tuple[QLabel, QLabel]] = []

        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self.watcher = ChangeWatcher(database, self)
        self.watcher.changed.connect(self._heard)
        self._clock = QTimer(self, interval=CLOCK_MS)
        self._clock.timeout.connect(self.reload)
        self._clock.start()
        for keys in ("Esc", "F11"):
            QShortcut(QKeySequence(keys), self, self.close)
        self._fonts()
        self.reload()

    # --- large type, sized to the screen ----------------------------------------------------

    def _fonts(self) -> None:
        unit = max(self.height(), 600) / 40  # about 27 px on a 1080-line screen
        for label, scale, bold in (
            (self.heading, 1.6, True),
            (self.clock, 1.1, False),
            (self.nodes_title, 1.2, True),
            (self.to_ship.title, 1.4, True),
            (self.late.title, 1.4, True),
            (self.to_ship.count, 4.2, True),
            (self.late.count, 4.2, True),
            (self.to_ship.rows, 1.0, False),
            (self.late.rows, 1.0, False),
        ):
            font = label.font()
            font.setPixelSize(int(unit * scale))
            font.setBold(bold)
            label.setFont(font)
        for name, count in self.node_tiles:
            for label, scale, bold in ((name, 0.9, False), (count, 2.2, True)):
                font = label.font()
                font.setPixelSize(int(unit * scale))
                font.setBold(bold)
                label.setFont(font)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fonts()

    # --- reading ----------------------------------------------------------------------------

    def _heard(self, changes) -> None:
        if changes.concerns_lists():
            self._timer.start()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        database, user, lang = self.database, self.user, self.lang

        def work() -> Board:
            with database.reading() as session:
                return board.read(session, user, lang)

        background.run(work, self._loaded, self._failed)

    def _loaded(self, data: Board) -> None:
        self._loading = False
        self.show_board(data)
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, error: Exception) -> None:
        # Nobody stands at a wall display to click a message away: say it where it shows.
        self._loading = False
        self.clock.setText(self.tr("Cannot read the database: %1").replace("%1", str(error)))

    # --- showing ----------------------------------------------------------------------------

    def show_board(self, data: Board) -> None:
        self.data = data
        local = data.at.replace(tzinfo=UTC).astimezone()
        self.clock.setText(self.tr("Updated %1").replace("%1", local.strftime("%Y-%m-%d %H:%M")))
        self.to_ship.count.setText(str(data.to_ship))
        self.late.count.setText(str(data.late))
        self.to_ship.rows.setText(self._rows(data.to_ship_first, data.to_ship, due=True))
        self.late.rows.setText(self._rows(data.late_first, data.late, due=False))
        self._node_tiles(data)
        self._fonts()

    def _rows(self, orders: list[BoardOrder], total: int, *, due: bool) -> str:
        lines = []
        today = self.data.at.date()
        for o in orders:
            color = LATE_COLOR if o.due is not None and o.due < today else MUTED
            if due:
                when = (
                    self.tr("due %1").replace("%1", o.due.strftime("%m-%d"))
                    if o.due
                    else self.tr("no due date")
                )
            else:
                when = self.tr("%1 h at node").replace("%1", f"{o.waiting_hours:.0f}")
            lines.append(
                f"<tr><td style='padding-right:18px'>{_escaped(o.number)}</td>"
                f"<td style='padding-right:18px'>{_escaped(o.party[:14])}</td>"
                f"<td style='padding-right:18px; color:{MUTED}'>{_escaped(o.node)}</td>"
                f"<td style='color:{color}'>{_escaped(when)}</td></tr>"
            )
        more = total - len(orders)
        if more > 0:
            lines.append(
                f"<tr><td colspan=4 style='color:{MUTED}'>"
                + _escaped(self.tr("and %1 more").replace("%1", str(more)))
                + "</td></tr>"
            )
        return "<table>" + "".join(lines) + "</table>"

    def _node_tiles(self, data: Board) -> None:
        while self.nodes.count():
            item = self.nodes.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.node_tiles = []
        columns = max(1, min(7, (len(data.by_node) + 1) // 2))
        for i, figure in enumerate(data.by_node):
            tile = QFrame()
            tile.setStyleSheet(f"QFrame {{ background: {PANEL}; border-radius: 8px; }}")
            box = QVBoxLayout(tile)
            box.setContentsMargins(12, 6, 12, 6)
            name = QLabel(figure.label)
            count = QLabel(str(figure.value))
            name.setStyleSheet(f"color: {MUTED}; background: transparent;")
            count.setStyleSheet(f"color: {NODE_COLOR}; background: transparent;")
            box.addWidget(name)
            box.addWidget(count)
            self.nodes.addWidget(tile, i // columns, i % columns)
            self.node_tiles.append((name, count))

    def closeEvent(self, event) -> None:
        self.watcher.stop()
        self._clock.stop()
        QThreadPool.globalInstance().waitForDone(5000)  # a read in flight ends before the database
        super().closeEvent(event)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
