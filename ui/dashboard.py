"""The owner's dashboard page: figures, charts (QtCharts) and tables that open the orders
behind them; export as a PDF report or an Excel workbook."""

from __future__ import annotations

from datetime import UTC, date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import dashboard, dashboard_report
from app.dashboard import Dashboard, Figure
from app.roles import may
from ui import background, dialogs
from ui.tables import picking_table
from ui.workspace import Workspace

SALES_COLOR = dashboard_report.SALES_COLOR
PURCHASE_COLOR = dashboard_report.PURCHASE_COLOR
LATE_COLOR = "#cf1322"
CHART_HEIGHT = 250
TABLE_HEIGHT = 250


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


class Tile(QPushButton):
    """A big number with its label; a click opens the orders behind it."""

    def __init__(self, label: str, color: str, parent=None):
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(74)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            "QPushButton { text-align: left; padding: 8px 14px; border: 1px solid #d9d9d9;"
            " border-radius: 6px; background: white; }"
            " QPushButton:hover { border-color: #1677ff; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(0)
        self.caption = QLabel(label)
        self.caption.setStyleSheet("color: #595959; font-size: 13px;")
        self.value = QLabel("–")
        self.value.setStyleSheet(f"color: {color}; font-size: 26px; font-weight: 600;")
        for widget in (self.caption, self.value):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(widget)


class Card(QFrame):
    """A titled box holding one chart or table."""

    def __init__(self, title: str, content: QWidget, parent=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.setStyleSheet("QFrame#card { border: 1px solid #e8e8e8; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = QLabel(title)
        self.title.setStyleSheet("font-size: 14px; font-weight: 600;")
        layout.addWidget(self.title)
        layout.addWidget(content)


def _chart_view() -> QChartView:
    chart = QChart()
    chart.legend().hide()
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(0)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_HEIGHT)
    return view


def _table(headers: list[str]) -> QTableWidget:
    table = picking_table(headers, stretch=0)
    table.setMinimumHeight(TABLE_HEIGHT)
    table.setCursor(Qt.CursorShape.PointingHandCursor)
    return table


def _cell(text: str, numeric: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class DashboardPage(QWidget):
    """The owner's figures; every bar, tile and row opens the orders behind it."""

    open_orders = Signal(object, str)  # an OrderFilter and what it shows
    message = Signal(str)

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.data: Dashboard | None = None
        self._loading = False
        self._again = False
        self.allowed = may(workspace.user, "view_dashboard")

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        if not self.allowed:
            refused = QLabel(self.tr("The dashboard is for the owner and the administrator."))
            refused.setAlignment(Qt.AlignmentFlag.AlignCenter)
            refused.setStyleSheet("color: #8c8c8c; font-size: 15px;")
            outer.addWidget(refused)
            return
        bar = QHBoxLayout()
        bar.setContentsMargins(10, 8, 10, 0)
        title = QLabel(self.tr("Dashboard"))
        title.setStyleSheet("font-size: 18px; font-weight: 600;")
        self.period = QComboBox()
        for days in dashboard.PERIODS:
            self.period.addItem(self.tr("Last %1 days").replace("%1", str(days)), days)
        self.period.currentIndexChanged.connect(self.reload)
        self.updated = QLabel()
        self.updated.setStyleSheet("color: #8c8c8c;")
        self.pdf_button = QPushButton(self.tr("Export PDF report…"))
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.excel_button.clicked.connect(self.choose_excel)
        bar.addWidget(title)
        bar.addSpacing(12)
        bar.addWidget(self.period)
        bar.addWidget(self.updated)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.excel_button)
        outer.addLayout(bar)

        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(10, 8, 10, 10)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        self.tiles = {
            "open": Tile(self.tr("Open orders"), "#1f1f1f"),
            "late": Tile(self.tr("Late orders"), LATE_COLOR),
            "on_time": Tile(self.tr("Shipped on time"), "#389e0d"),
            "sales": Tile(self.tr("Sales this month"), SALES_COLOR),
        }
        tiles = QHBoxLayout()
        tiles.setSpacing(10)
        for key, tile in self.tiles.items():
            tile.clicked.connect(lambda _=False, k=key: self._tile_clicked(k))
            tiles.addWidget(tile)
        grid.addLayout(tiles, 0, 0, 1, 2)

        self.nodes_view = _chart_view()
        self.late_view = _chart_view()
        self.months_view = _chart_view()
        self.months_view.chart().legend().show()
        self.months_view.chart().legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        self.times = _table(
            [
                self.tr("Node"),
                self.tr("Stays (%1 d)").replace("%1", str(dashboard.PERIODS[0])),
                self.tr("Average h"),
                self.tr("90% h"),
                self.tr("Stays (%1 d)").replace("%1", str(dashboard.PERIODS[1])),
                self.tr("Average h"),
                self.tr("90% h"),
            ]
        )
        self.times.cellClicked.connect(self._time_clicked)
        self.customers = _table([self.tr("Customer"), self.tr("Amount")])
        self.customers.cellClicked.connect(
            lambda row, _c: self._figure_clicked(self.data.top_customers, row)
        )
        self.products = _table([self.tr("Product"), self.tr("Amount")])
        self.products.cellClicked.connect(
            lambda row, _c: self._figure_clicked(self.data.top_products, row)
        )
        self.cards = {
            "nodes": Card(self.tr("Open orders per node"), self.nodes_view),
            "late": Card(self.tr("Late orders per department"), self.late_view),
            "months": Card(self.tr("Sales and purchases per month"), self.months_view),
            "times": Card(self.tr("Where orders wait: hours spent at each node"), self.times),
            "customers": Card(self.tr("Top customers"), self.customers),
            "products": Card(self.tr("Top products"), self.products),
        }
        grid.addWidget(self.cards["nodes"], 1, 0)
        grid.addWidget(self.cards["late"], 1, 1)
        grid.addWidget(self.cards["months"], 2, 0)
        grid.addWidget(self.cards["times"], 2, 1)
        grid.addWidget(self.cards["customers"], 3, 0)
        grid.addWidget(self.cards["products"], 3, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll)

    # --- reading ----------------------------------------------------------------------------

    @property
    def days(self) -> int:
        return self.period.currentData() if self.allowed else dashboard.PERIODS[0]

    def reload(self) -> None:
        """Read the figures off the UI thread (a large database takes a moment)."""
        if not self.allowed:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        database, user, lang, days = (
            self.workspace.database,
            self.workspace.user,
            self.workspace.lang,
            self.days,
        )

        def work() -> Dashboard:
            with database.reading() as session:
                return dashboard.read(session, user, days, lang)

        background.run(work, self._loaded, self._failed)

    def _loaded(self, data: Dashboard) -> None:
        self._loading = False
        self.show_dashboard(data)
        if self._again:
            self._again = False
            self.reload()

    def _failed(self, error: Exception) -> None:
        self._loading = False
        dialogs.show_error(self, error, self.workspace.lang)

    # --- showing ----------------------------------------------------------------------------

    def show_dashboard(self, d: Dashboard) -> None:
        self.data = d
        self.updated.setText(
            self.tr("updated %1").replace(
                "%1", d.at.replace(tzinfo=UTC).astimezone().strftime("%H:%M:%S")
            )
        )
        self.tiles["open"].value.setText(str(d.totals["open"]))
        self.tiles["late"].value.setText(str(d.totals["overdue"]))
        rate = d.on_time.rate
        self.tiles["on_time"].value.setText(
            "–" if rate is None else f"{rate * 100:.1f}%  ({d.on_time.on_time}/{d.on_time.due})"
        )
        self.tiles["sales"].value.setText(_money(d.months[-1].sales.value))
        self._bars(self.nodes_view, d.open_by_node, SALES_COLOR)
        self._bars(self.late_view, d.overdue_by_role, LATE_COLOR)
        self._months(d)
        self._times(d)
        for table, figures in ((self.customers, d.top_customers), (self.products, d.top_products)):
            table.setRowCount(len(figures))
            for row, figure in enumerate(figures):
                table.setItem(row, 0, _cell(figure.label))
                table.setItem(row, 1, _cell(_money(figure.value), numeric=True))
        for key, title in (
            ("customers", self.tr("Top customers (last %1 days)")),
            ("products", self.tr("Top products (last %1 days)")),
        ):
            self.cards[key].title.setText(title.replace("%1", str(d.days)))

    def _bars(self, view: QChartView, figures: list[Figure], color: str) -> None:
        """Horizontal bars, the first figure on top."""
        chart = view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        shown = list(reversed(figures))
        bars = QBarSet("")
        bars.setColor(QColor(color))
        bars.setBorderColor(QColor(color))
        bars.append([float(f.value) for f in shown])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        series.clicked.connect(lambda index, _set: self._open(shown[index]))
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([f.label for f in shown] or [""])
        names.setTruncateLabels(False)
        values = QValueAxis()
        values.setRange(0, max([float(f.value) for f in figures] or [1]) * 1.15 or 1)
        values.setLabelFormat("%d")
        values.applyNiceNumbers()
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names)
        series.attachAxis(values)
        view.setMinimumHeight(max(CHART_HEIGHT, 22 * len(figures) + 40))

    def _months(self, d: Dashboard) -> None:
        chart = self.months_view.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QBarSeries()
        for label, color, pick in (
            (self.tr("Sales"), SALES_COLOR, lambda m: m.sales),
            (self.tr("Purchases"), PURCHASE_COLOR, lambda m: m.purchases),
        ):
            bars = QBarSet(label)
            bars.setColor(QColor(color))
            bars.setBorderColor(QColor(color))
            bars.append([float(pick(m).value) / 10000 for m in d.months])
            series.append(bars)
        series.clicked.connect(self._month_clicked)
        chart.addSeries(series)
        months = QBarCategoryAxis()
        months.append([str(m.month.month) for m in d.months])
        months.setTruncateLabels(False)
        months.setTitleText(
            self.tr("Month, %1 to %2")
            .replace("%1", d.months[0].month.strftime("%Y-%m"))
            .replace("%2", d.months[-1].month.strftime("%Y-%m"))
        )
        values = QValueAxis()
        top = max(
            [float(m.sales.value) for m in d.months] + [float(m.purchases.value) for m in d.months]
        )
        values.setRange(0, top / 10000 * 1.1 or 1)
        values.setLabelFormat("%.0f")
        values.setTitleText(self.tr("10,000 CNY"))
        values.applyNiceNumbers()
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(months)
        series.attachAxis(values)

    def _times(self, d: Dashboard) -> None:
        rows = d.node_times()
        self.times.setRowCount(len(rows))
        for row, (label, by_days) in enumerate(rows):
            self.times.setItem(row, 0, _cell(label))
            for i, days in enumerate(dashboard.PERIODS):
                t = by_days.get(days)
                cells = (
                    [str(t.stays), f"{t.average_hours:.1f}", f"{t.p90_hours:.1f}"]
                    if t
                    else ["0", "", ""]
                )
                for j, text in enumerate(cells):
                    self.times.setItem(row, 1 + 3 * i + j, _cell(text, numeric=True))

    # --- opening the orders behind a figure -------------------------------------------------

    def _open(self, figure: Figure) -> None:
        self.open_orders.emit(figure.orders, f"{figure.label} ({figure.value})")

    def _figure_clicked(self, figures: list[Figure], row: int) -> None:
        if 0 <= row < len(figures):
            figure = figures[row]
            self.open_orders.emit(figure.orders, f"{figure.label} ({_money(figure.value)})")

    def _tile_clicked(self, key: str) -> None:
        d = self.data
        if d is None:
            return
        if key == "open":
            self.open_orders.emit(d.open_orders, self.tr("Open orders"))
        elif key == "late":
            self.open_orders.emit(d.late_orders, self.tr("Late orders"))
        elif key == "on_time":
            self.open_orders.emit(
                d.on_time.late_orders,
                self.tr("Not shipped by the due day (last %1 days)").replace("%1", str(d.days)),
            )
        else:
            self._open(d.months[-1].sales)

    def _month_clicked(self, index: int, bars: QBarSet) -> None:
        month = self.data.months[index]
        figure = month.sales if bars.label() == self.tr("Sales") else month.purchases
        kind = bars.label()
        self.open_orders.emit(figure.orders, f"{kind} {figure.label} ({_money(figure.value)})")

    def _time_clicked(self, row: int, column: int) -> None:
        label, by_days = self.data.node_times()[row]
        days = dashboard.PERIODS[0 if column <= 3 else 1]
        t = by_days.get(days) or next(iter(by_days.values()))
        self.open_orders.emit(
            t.orders,
            self.tr("Left %1 in the last %2 days").replace("%1", label).replace("%2", str(t.days)),
        )

    # --- export -----------------------------------------------------------------------------

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export PDF report"),
            f"ordertrail-dashboard-{date.today()}.pdf",
            "PDF (*.pdf)",
        )
        if path:
            self.export_pdf(path)

    def choose_excel(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            f"ordertrail-dashboard-{date.today()}.xlsx",
            "Excel (*.xlsx)",
        )
        if path:
            self.export_excel(path)

    def export_pdf(self, path: str | Path, on_done=None) -> None:
        self._export(lambda session, data: dashboard_report.write_pdf(session, data, path), on_done)

    def export_excel(self, path: str | Path, on_done=None) -> None:
        self._export(lambda _session, data: dashboard_report.write_excel(data, path), on_done)

    def _export(self, write, on_done) -> None:
        """The figures read afresh and written off the UI thread by `write(session, data)`."""
        database, user, lang, days = (
            self.workspace.database,
            self.workspace.user,
            self.workspace.lang,
            self.days,
        )

        def work():
            with database.reading() as session:
                return write(session, dashboard.read(session, user, days, lang))

        background.run(work, lambda p: self._exported(p, on_done), self._failed)

    def _exported(self, path: Path, on_done) -> None:
        self.message.emit(self.tr("Saved %1").replace("%1", str(path)))
        if on_done is not None:
            on_done(path)


class DrillBar(QWidget):
    """Above the order list while it shows the orders behind a dashboard figure."""

    back = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setStyleSheet("font-weight: 600;")
        button = QPushButton(self.tr("Back to the dashboard"))
        button.clicked.connect(self.back)
        layout.addWidget(self.label, 1)
        layout.addWidget(button)
        self.setStyleSheet("background: #e6f4ff;")
        self.hide()

    def show_for(self, title: str) -> None:
        self.label.setText(self.tr("Orders behind: %1").replace("%1", title))
        self.show()
