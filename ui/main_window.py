"""The main window: navigation, the order list, the detail and timeline panels, live refresh."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import actions, config, credit, order_view, orders, printing, worklist
from app.actions import Action
from app.changes import Changes
from app.errors import OrderTrailError
from app.jobs import Cancelled
from app.queries import OrderFilter
from app.roles import PERMISSIONS, holds_any, may, roles_label
from app.spreadsheets.importing import may_import
from app.spreadsheets.reading import ImportRejected
from app.spreadsheets.template import write_template
from ui import admin_console, dialogs, return_dialog, screen_fit, workflow_editor
from ui.about_dialog import AboutDialog
from ui.amend_dialog import CHANGE_DOCUMENTS, run_change_document
from ui.board import BoardWindow
from ui.dashboard import DashboardPage, DrillBar
from ui.documents_dialog import (
    ImportErrorsDialog,
    JobDialog,
    Work,
    batch_print_work,
    export_work,
    import_work,
)
from ui.exception_queue import ExceptionQueue
from ui.live import ChangeWatcher
from ui.money_view import MoneyView
from ui.notices import NotificationBell, OutboxSender
from ui.order_detail import OrderDetail
from ui.order_editor import OrderEditor
from ui.order_list import LATE, OrderFilterBar, OrderListView, OrderTableModel
from ui.print_preview import PrintPreview
from ui.save_files import safe_target
from ui.stock_view import StockView
from ui.timeline import Timeline
from ui.tracking_actions import CarrierTracking
from ui.workspace import Workspace

ORDER_PAGES = ("mine", "all", "sales", "purchase", "exceptions")
LATER_PAGES = ("stock", "finance")
DASHBOARD = "dashboard"
WORKBOOKS = ("orders", "parties", "products")
EXCEL_FILES = "Excel (*.xlsx)"
KEY_ROLE = Qt.ItemDataRole.UserRole
# Several notices in a burst (one per order of a batch) cause one refresh.
REFRESH_DELAY_MS = 150


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        user = workspace.user
        self.setWindowTitle(self.tr("OrderTrail"))
        self.model = OrderTableModel(workspace, self)
        self.list = OrderListView(self.model)
        self.filters = OrderFilterBar(workspace)
        self.detail = OrderDetail(workspace)
        self.timeline = Timeline(workspace)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self._build_nav()
        self.later = QLabel()
        self.later.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.later.setStyleSheet("color: #8c8c8c; font-size: 15px;")

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        # The orders behind a dashboard figure, while the list shows them.
        self.drill: tuple[OrderFilter, str] | None = None
        self.drill_bar = DrillBar()
        self.drill_bar.back.connect(self.show_dashboard)
        list_layout.addWidget(self.drill_bar)
        self.exception_queue = ExceptionQueue(workspace)
        self.exception_queue.order_chosen.connect(self.show_order)
        self.exception_queue.hide()
        list_layout.addWidget(self.exception_queue)
        list_layout.addWidget(self.filters)
        list_layout.addWidget(self.list)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(self.later)
        self.dashboard = DashboardPage(workspace)
        self.dashboard.open_orders.connect(self.show_orders_behind)
        self.dashboard.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.pages.addWidget(self.dashboard)
        self.stock = StockView(workspace) if self._sees_stock else None
        if self.stock is not None:
            self.pages.addWidget(self.stock)
            self.stock.created.connect(lambda numbers: self.show_order(numbers[0]))
        detail_scroll = QScrollArea()
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setWidget(self.detail)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(detail_scroll)
        self.right.addWidget(self.timeline)
        self.center = QSplitter(Qt.Orientation.Horizontal)
        self.center.addWidget(self.pages)
        self.center.addWidget(self.right)
        self.main = QSplitter(Qt.Orientation.Horizontal)
        self.main.addWidget(self.nav)
        self.main.addWidget(self.center)
        self.main.setStretchFactor(1, 1)
        self.setCentralWidget(self.main)

        self._build_actions()
        self.user_label = QLabel(
            self.tr("%1 (%2) · database %3")
            .replace("%1", user.name)
            .replace("%2", roles_label(user.roles, workspace.lang))
            .replace("%3", workspace.where())
        )
        self.statusBar().addPermanentWidget(self.user_label)

        self._pending = Changes()
        self._refreshing = False  # rows moving under the selection are no choice of the user
        self._refresh_timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self._refresh_now)
        self.watcher = ChangeWatcher(workspace.database, self)
        # Other desktops' changes reach every view the way this desktop's own do.
        self.watcher.changed.connect(workspace.changed)
        self.watcher.changed.connect(self._heard)
        workspace.changed.connect(self.schedule_refresh)
        self.filters.changed.connect(self.apply_filters)
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.list.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._select_first)
        self.detail.action_requested.connect(self.take_action)
        self.detail.open_requested.connect(self.show_order)
        self.detail.print_requested.connect(self.preview_document)
        self.preview: PrintPreview | None = None  # the last one opened
        self.money: MoneyView | None = None  # the finance page, made when first shown

        screen_fit.resize_within_screen(self, 1280, 780)
        self.main.setSizes([120, 1160])
        self.center.setSizes([740, 420])
        self.right.setSizes([470, 250])
        self._restore_layout()
        home = "mine" if worklist.home_queue(user) else "all"
        self.nav.setCurrentRow(ORDER_PAGES.index(home))
        self._update_counts()

    # --- building -------------------------------------------------------------------------

    def _build_nav(self) -> None:
        labels = {
            "mine": self.tr("My work"),
            "all": self.tr("All orders"),
            "sales": self.tr("Sales"),
            "purchase": self.tr("Purchases"),
            "exceptions": self.tr("Exceptions"),
            "stock": self.tr("Stock"),
            "finance": self.tr("Finance"),
            "dashboard": self.tr("Dashboard"),
        }
        self.nav_labels = labels
        self._sees_stock = holds_any(self.workspace.user, PERMISSIONS["view_stock"])
        for key in (*ORDER_PAGES, *LATER_PAGES, DASHBOARD):
            if key == "stock" and not self._sees_stock:
                continue
            item = QListWidgetItem(labels[key])
            item.setData(KEY_ROLE, key)
            self.nav.addItem(item)
        self.nav.setMinimumWidth(110)
        self.nav.setStyleSheet("QListWidget::item { padding: 5px 6px; }")

    def _build_actions(self) -> None:
        user = self.workspace.user
        self.new_action = QAction(self.tr("New order"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_order)
        creates = self.workspace.read(lambda s: actions.kinds_to_create(s, user))
        self.new_action.setEnabled(bool(creates))
        if not creates:
            self.new_action.setToolTip(
                self.tr(
                    "Orders are created by sales (sales orders) and purchasing (purchase orders)."
                )
            )
        self.refresh_action = QAction(self.tr("Refresh"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(lambda: self.schedule_refresh(Changes.anything()))
        search = QAction(self.tr("Search"), self)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.triggered.connect(self.focus_search)
        self.addAction(search)
        toolbar = QToolBar(self.tr("Main"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.refresh_action)
        self.addToolBar(toolbar)
        self.bell = NotificationBell(self.workspace, self)
        self.bell.open_order.connect(self.show_order)
        toolbar.addWidget(self.bell)
        self.outbox_sender = OutboxSender(self.workspace.database, self)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.refresh_action)
        file_menu.addAction(search)
        language = file_menu.addMenu(self.tr("Language"))
        for code, name in (("zh", "中文"), ("en", "English")):
            choice = language.addAction(name)
            choice.setCheckable(True)
            choice.setChecked(code == self.workspace.lang)
            choice.triggered.connect(lambda _=False, c=code: self.choose_language(c))
        self.admin_action = QAction(self.tr("Administration…"), self)
        self.admin_action.triggered.connect(self.open_admin_console)
        self.admin_action.setVisible(admin_console.may_open(self.workspace))
        file_menu.addAction(self.admin_action)
        file_menu.addSeparator()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.board_action = view_menu.addAction(self.tr("Wall display"))
        self.board_action.setShortcut(QKeySequence("F11"))
        self.board_action.triggered.connect(self.open_board)
        quit_action = file_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self._build_document_actions(toolbar)
        if holds_any(user, PERMISSIONS["manage_workflows"]):
            settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
            self.workflows_action = settings_menu.addAction(self.tr("Workflows…"))
            self.workflows_action.triggered.connect(
                lambda: workflow_editor.open_editor(self, self.workspace)
            )

    def _build_document_actions(self, toolbar: QToolBar) -> None:
        user = self.workspace.user
        self.workbook_names = {
            "orders": self.tr("Orders"),
            "parties": self.tr("Customers and suppliers"),
            "products": self.tr("Products"),
        }
        menu = self.menuBar().addMenu(self.tr("&Documents"))
        self.batch_print_action = QAction(self.tr("Print delivery notes of waiting orders"), self)
        self.batch_print_action.setIconText(self.tr("Print delivery notes"))  # on the toolbar
        self.batch_print_action.triggered.connect(self.print_waiting_delivery_notes)
        menu.addAction(self.batch_print_action)
        # Whoever ships prints them every morning.
        if self.workspace.read(lambda s: actions.records_anywhere(s, user, "ship")):
            toolbar.addAction(self.batch_print_action)
        menu.addSeparator()
        templates = menu.addMenu(self.tr("Download an Excel template"))
        exports = menu.addMenu(self.tr("Export to Excel"))
        imports = menu.addMenu(self.tr("Import from Excel"))
        self.export_actions: dict[str, QAction] = {}
        self.import_actions: dict[str, QAction] = {}
        for what in WORKBOOKS:
            name = self.workbook_names[what]
            templates.addAction(name).triggered.connect(
                lambda _=False, w=what: self.choose_template(w)
            )
            exported = exports.addAction(
                self.tr("Orders (the list as filtered)") if what == "orders" else name
            )
            exported.triggered.connect(lambda _=False, w=what: self.choose_export(w))
            imported = imports.addAction(name)
            imported.triggered.connect(lambda _=False, w=what: self.choose_import(w))
            imported.setEnabled(self.workspace.read(lambda s, w=what: may_import(s, user, w)))
            self.export_actions[what], self.import_actions[what] = exported, imported
        self.export_actions["orders"].setEnabled(self.workspace.sees_prices)
        self.carrier_tracking = CarrierTracking(self.workspace, self)
        self.carrier_tracking.add_to(menu)
        if may(self.workspace.user, "view_money"):
            finance_menu = self.menuBar().addMenu(self.tr("F&inance"))
            finance_menu.addAction(self.tr("Receivables and payables (ageing)")).triggered.connect(
                lambda: self.show_money(0)
            )
            finance_menu.addAction(self.tr("Month-end reconciliation")).triggered.connect(
                lambda: self.show_money(1)
            )
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("About OrderTrail"))
        self.about_action.triggered.connect(
            lambda: self._ask(AboutDialog(self.workspace.where(), self))
        )

    # --- layout that survives a restart -----------------------------------------------------

    def _restore_layout(self) -> None:
        saved = config.load().get("window", {})
        for name, widget in (
            ("geometry", self),
            ("main", self.main),
            ("center", self.center),
            ("right", self.right),
        ):
            if name in saved:
                state = QByteArray.fromHex(saved[name].encode())
                if widget is self:
                    self.restoreGeometry(state)
                else:
                    widget.restoreState(state)

    def save_layout(self) -> None:
        config.save(
            window={
                "geometry": self.saveGeometry().toHex().data().decode(),
                "main": self.main.saveState().toHex().data().decode(),
                "center": self.center.saveState().toHex().data().decode(),
                "right": self.right.saveState().toHex().data().decode(),
            }
        )

    def closeEvent(self, event) -> None:
        self.save_layout()
        self.watcher.stop()
        QThreadPool.globalInstance().waitForDone(5000)
        super().closeEvent(event)

    # --- what the list shows ----------------------------------------------------------------

    @property
    def page_key(self) -> str:
        item = self.nav.currentItem()
        return item.data(KEY_ROLE) if item else "all"

    def base_query(self) -> OrderFilter:
        if self.drill is not None:
            return self.drill[0]
        key = self.page_key
        return {
            "mine": OrderFilter(queue_of=self.workspace.user.roles),
            "sales": OrderFilter(kind="sales"),
            "purchase": OrderFilter(kind="purchase"),
            "exceptions": OrderFilter(overdue=True),
        }.get(key, OrderFilter())

    def _nav_changed(self, current, _previous) -> None:
        key = current.data(KEY_ROLE) if current else "all"
        self.drill = None
        self.drill_bar.hide()
        # The dashboard, the finance page and the stock view have no order to show beside
        # them: they take the detail's room.
        money = key == "finance" and may(self.workspace.user, "view_money")
        self.right.setVisible(key not in (DASHBOARD, "stock") and not money)
        if key == DASHBOARD:
            self.pages.setCurrentWidget(self.dashboard)
            self.dashboard.reload()
            return
        if money:
            self.show_money()
            return
        if key == "stock" and self.stock is not None:
            self.pages.setCurrentWidget(self.stock)
            self.stock.reload()
            return
        if key in LATER_PAGES:
            self.later.setText(
                self.tr("%1 arrives in a later version.").replace("%1", self.nav_labels[key])
            )
            self.pages.setCurrentWidget(self.later)
            return
        self.pages.setCurrentIndex(0)
        self.exception_queue.setVisible(key == "exceptions")
        if key == "exceptions":
            self.exception_queue.refresh()
        if key == "exceptions":  # the most late first; the header sorts otherwise
            self.model.query = replace(self.model.query, sort=worklist.LATE, descending=True)
            self.list.horizontalHeader().blockSignals(True)
            self.list.horizontalHeader().setSortIndicator(LATE, Qt.SortOrder.DescendingOrder)
            self.list.horizontalHeader().blockSignals(False)
        self.apply_filters()

    def show_money(self, tab: int | None = None) -> None:
        """The finance page: ageing and the month-end reconciliation (made on first use)."""
        if self.money is None:
            self.money = MoneyView(self.workspace)
            self.pages.addWidget(self.money)
        if tab is not None:
            self.money.setCurrentIndex(tab)
        self.pages.setCurrentWidget(self.money)
        self.money.refresh()
        if self.page_key != "finance":  # opened from a menu: the navigation follows
            finance = next(
                row
                for row in range(self.nav.count())
                if self.nav.item(row).data(KEY_ROLE) == "finance"
            )
            self.nav.setCurrentRow(finance)

    def apply_filters(self) -> None:
        sort = self.model.query
        query = self.filters.apply_to(self.base_query())
        self.model.set_query(replace(query, sort=sort.sort, descending=sort.descending))

    def _select_first(self) -> None:
        if self.model.rowCount():
            self.list.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.detail.show_nothing()
            self.timeline.show_events(None)

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def _update_counts(self) -> None:
        roles = self.workspace.user.roles
        mine = self.workspace.read(lambda s: worklist.count(s, OrderFilter(queue_of=roles)))
        self.nav.item(ORDER_PAGES.index("mine")).setText(f"{self.nav_labels['mine']} ({mine})")

    # --- one order --------------------------------------------------------------------------

    def _row_changed(self, current, _previous) -> None:
        if self._refreshing:
            return
        row = self.model.row_at(current.row()) if current.isValid() else None
        if row is not None and row["number"] != self.detail.number:
            self.show_order(row["number"])

    def show_order(self, number: str) -> None:
        workspace = self.workspace
        detail = workspace.read(
            lambda s: order_view.read(s, workspace.user, number, workspace.lang)
        )
        self.detail.show_order(detail)
        self.timeline.show_events(detail)
        self._select_shown(number)

    # --- changes, here and on other desktops ------------------------------------------------

    def _heard(self, _changes: Changes) -> None:
        self.statusBar().showMessage(
            self.tr("Orders updated at %1").replace("%1", datetime.now().strftime("%H:%M:%S")), 5000
        )

    def schedule_refresh(self, changes: Changes) -> None:
        self._pending |= changes
        self._refresh_timer.start()

    def _refresh_now(self) -> None:
        """Each view reads again only if what changed concerns it."""
        changes, self._pending = self._pending, Changes()
        if self.pages.currentIndex() == 0 and changes.concerns_lists():
            self._refreshing = True
            try:
                self.model.refresh()
            finally:
                self._refreshing = False
            self._select_shown(self.detail.number)
            if self.exception_queue.isVisible():
                self.exception_queue.refresh()
        if self.pages.currentWidget() is self.dashboard and changes.concerns_lists():
            self.dashboard.reload()
        if changes.concerns_queues():  # orders moved: notices were written too
            self._update_counts()
            self.bell.refresh()
        if changes.unknown or "parties" in changes.master_data:
            self.filters.reload_parties()
        if changes.concerns_order(self.detail.number):
            self.show_order(self.detail.number)

    def _select_shown(self, number: str | None) -> None:
        """The list selects the order the detail panel shows, or nothing once it left the
        list (approved out of the owner's queue): never another order's row."""
        row = self.model.row_of(number) if number else None
        selection = self.list.selectionModel()
        if row is None:
            selection.clear()
        elif selection.currentIndex().row() != row:
            selection.setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    # --- actions ----------------------------------------------------------------------------

    def new_order(self) -> None:
        user = self.workspace.user
        kind = self.workspace.read(lambda s: actions.kinds_to_create(s, user))[0]
        editor = OrderEditor(self.workspace, kind, parent=self)
        if self._ask(editor) and editor.saved_number:
            self.show_order(editor.saved_number)
            self.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", editor.saved_number), 5000
            )

    def take_action(self, action: Action) -> None:
        detail = self.detail.detail
        if detail is None:
            return
        number, version = detail["number"], detail["version"]
        common = dict(
            on_done=lambda _r: self._done(action, number),
            on_error=lambda e: self._failed(e, number),
        )
        if action.kind in CHANGE_DOCUMENTS:
            run_change_document(self, action, detail, common)
            return
        if action.kind == "edit":
            editor = OrderEditor(self.workspace, detail["kind"], detail, parent=self)
            if not self._ask(editor):
                self.show_order(number)
            return
        if return_dialog.take_action(self, action, detail, common):
            return
        if action.kind == "ship":
            dialog = dialogs.ShipDialog(detail, self)
            if self._ask(dialog):
                carrier, tracking, moves = dialog.values()
                self.workspace.act(
                    orders.ship,
                    number,
                    carrier,
                    tracking,
                    moves,
                    expected_version=version,
                    **common,
                )
        elif action.kind == "receive":
            dialog = dialogs.ReceiveDialog(detail, self)
            if self._ask(dialog):
                self.workspace.act(
                    orders.receive, number, dialog.values(), expected_version=version, **common
                )
        elif action.kind == "sign":
            dialog = dialogs.SignDialog(detail, self)
            if self._ask(dialog):
                self.workspace.act(orders.confirm_delivery, dialog.value(), **common)
        elif action.kind == "pay":
            dialog = dialogs.PaymentDialog(detail, self)
            if self._ask(dialog):
                value, method, reference = dialog.values()
                self.workspace.act(
                    orders.record_payment,
                    number,
                    value,
                    method=method,
                    reference=reference,
                    expected_version=version,
                    **common,
                )
        elif not self._approve_over_credit_limit(action, number):
            return
        elif action.requires:
            dialog = dialogs.StepDialog(action, number, self.workspace.lang, self)
            if self._ask(dialog):
                text = dialog.value()
                self.workspace.act(
                    orders.advance,
                    number,
                    action.target,
                    reason=text if "reason" in action.requires else "",
                    comment=text if "reason" not in action.requires else "",
                    expected_version=version,
                    **common,
                )
        else:
            self.workspace.act(
                orders.advance, number, action.target, expected_version=version, **common
            )

    def _approve_over_credit_limit(self, action: Action, number: str) -> bool:
        """Before an approval: the customer's open receivable and this order against the
        credit limit, when over it; whether the approver goes ahead."""
        warning = self.workspace.read(
            lambda s: credit.approval_warning(s, orders.find_order(s, number), action.target)
        )
        if warning is None:
            return True
        answer = QMessageBox.warning(
            self,
            self.tr("Over the credit limit"),
            warning.message(self.workspace.lang) + "\n\n" + self.tr("Approve all the same?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def preview_document(self, document: printing.Printable) -> None:
        """Make the shown order's document and preview it; the print is recorded once it
        is printed or saved."""
        number = self.detail.number
        if number is None:
            return
        title = f"{document.label(self.workspace.lang)} {number}"

        def record_print() -> None:
            self.workspace.act(
                printing.record_print,
                document.kind,
                number,
                on_done=lambda _: None,
                on_error=lambda e: self._failed(e, number),
            )

        self.workspace.act(
            printing.render_document,
            document.kind,
            number,
            on_done=lambda pdf: self.show_preview(pdf, title, record_print),
            on_error=lambda e: self._failed(e, number),
        )

    def show_preview(self, pdf: bytes, title: str, on_printed=None) -> None:
        # Not modal, so people keep working beside it; one preview at a time, the newest.
        if self.preview is not None:
            self.preview.deleteLater()
        preview = self.preview = PrintPreview(pdf, title, self)
        preview.check_target = lambda path: self._safe_target(path, preview)
        if on_printed is not None:
            self.preview.printed.connect(on_printed)
        self.preview.show()

    # --- documents and workbooks: the choose_* methods ask for a file, the others take it ----

    def choose_template(self, what: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the template"), f"ordertrail-{what}-template.xlsx", EXCEL_FILES
        )
        if path:
            self.save_template(what, path)

    def save_template(self, what: str, path: str | Path) -> None:
        path = self._safe_target(path)
        if path is None:
            return
        try:
            self.workspace.read(lambda session: write_template(session, what, path))
        except (OrderTrailError, OSError) as error:
            dialogs.show_error(self, error, self.workspace.lang)
            return
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 5000)

    def choose_export(self, what: str) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"ordertrail-{what}-{date.today()}.xlsx", EXCEL_FILES
        )
        if path:
            self.export_to(what, path)

    def export_to(self, what: str, path: str | Path) -> None:
        """Write the workbook; orders as the list is filtered now."""
        path = self._safe_target(path)
        if path is None:
            return
        work = export_work(
            self.workspace.database,
            self.workspace.user,
            what,
            path,
            self.model.query if what == "orders" else None,
        )
        title = self.tr("Exporting %1").replace("%1", self.workbook_names[what])
        dialog = self._run_job(title, work)
        if not self._job_failed(dialog):
            self.statusBar().showMessage(
                self.tr("Exported %n record(s) to %1", "", dialog.outcome).replace("%1", str(path)),
                8000,
            )

    def choose_import(self, what: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from Excel"), "", EXCEL_FILES)
        if path:
            self.import_from(what, path)

    def import_from(self, what: str, path: str | Path) -> None:
        """Import every row or none; a rejected file shows all its problems."""
        work = import_work(self.workspace.database, self.workspace.user, what, path)
        title = self.tr("Importing %1").replace("%1", self.workbook_names[what])
        dialog = self._run_job(title, work)
        if isinstance(dialog.error, ImportRejected):
            problems = ImportErrorsDialog(dialog.error.problems, self.workspace.lang, self)
            problems.check_target = lambda path: self._safe_target(path, problems)
            self._ask(problems)
            return
        if self._job_failed(dialog):
            return
        self.statusBar().showMessage(
            self.tr("Imported %n record(s)", "", len(dialog.outcome.created)), 8000
        )
        self.workspace.changed.emit(dialog.changes)

    def print_waiting_delivery_notes(self) -> None:
        """One PDF with a delivery note for every order waiting at the warehouse."""
        work = batch_print_work(self.workspace.database, self.workspace.user)
        dialog = self._run_job(self.tr("Printing delivery notes"), work)
        if self._job_failed(dialog):
            return
        batch = dialog.outcome

        def record_prints() -> None:  # printed or saved: a print event on each order
            self.workspace.act(
                printing.record_delivery_notes,
                batch.notes,
                on_done=lambda _: None,
                on_error=lambda e: dialogs.show_error(self, e, self.workspace.lang),
            )

        self.show_preview(batch.pdf, self.tr("Delivery notes of waiting orders"), record_prints)

    def _safe_target(self, path: str | Path, parent: QWidget | None = None) -> Path | None:
        return safe_target(parent or self, self.workspace.database, path, self.workspace.lang)

    def _run_job(self, title: str, work: Work) -> JobDialog:
        """Run long work off the UI thread behind a progress dialog with Cancel."""
        dialog = JobDialog(title, work, self)
        self._ask(dialog)
        return dialog

    def _job_failed(self, dialog: JobDialog) -> bool:
        if dialog.error is None:
            return False
        if isinstance(dialog.error, Cancelled):
            self.statusBar().showMessage(dialog.error.message(self.workspace.lang), 8000)
        else:
            dialogs.show_error(self, dialog.error, self.workspace.lang)
        return True

    @staticmethod
    def _ask(dialog: QDialog) -> bool:
        """Run a modal dialog; it is freed afterwards instead of living on as our child."""
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted

    def _done(self, action: Action, number: str) -> None:
        self.statusBar().showMessage(
            self.tr("%1: %2 done")
            .replace("%1", number)
            .replace("%2", action.label(self.workspace.lang)),
            5000,
        )

    def _failed(self, error: Exception, number: str) -> None:
        if dialogs.show_error(self, error, self.workspace.lang):
            self.show_order(number)

    # --- the dashboard and the wall display ---------------------------------------------------

    def show_orders_behind(self, query: OrderFilter, title: str) -> None:
        """The list, showing only the orders behind a dashboard figure."""
        self.drill = (query, title)
        self.drill_bar.show_for(title)
        self.right.show()
        self.pages.setCurrentIndex(0)
        self.apply_filters()

    def show_dashboard(self) -> None:
        self.drill = None
        self.drill_bar.hide()
        self.right.hide()
        self.pages.setCurrentWidget(self.dashboard)
        self.dashboard.reload()

    def open_board(self) -> None:
        """The wall display, full screen, for this desktop's user; it only reads."""
        board = BoardWindow(self.workspace.database, self.workspace.user, self.workspace.lang)
        board.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        board.showFullScreen()
        self.board = board

    def open_admin_console(self) -> None:
        console = admin_console.AdminConsole(self.workspace, self)
        console.exec()
        console.deleteLater()
        self.schedule_refresh("")  # renamed parties and products show in the list

    def choose_language(self, lang: str) -> None:
        config.save(lang=lang)
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language is used from the next start.")
        )
