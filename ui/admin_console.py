"""The admin's console: users and their roles, customers and suppliers, products, settings.

Every change goes through the same services as the command line and import, one unit of
work each, so the rules and the audit trail are the same whichever way a change comes in.
Each tab shows only for the people who may make its changes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import config, masterdata, settings, users
from app.errors import OrderTrailError
from app.roles import ACCOUNT_ROLES, may, role_label, roles_label
from ui.dialogs import show_error
from ui.notices import ChannelSettingsPage
from ui.working_hours import WorkingHoursPage
from ui.workspace import Workspace

CONSOLE_SIZE = (1100, 640)  # inside a 1366×768 screen with the taskbar


def may_open(workspace: Workspace) -> bool:
    return any(
        may(workspace.user, p)
        for p in ("manage_users", "add_party", "add_product", "change_settings")
    )


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"  # "text", "check" or "choice"
    on_add_only: bool = False


def explain(page: QWidget, problem: QLabel, error: Exception, lang: str) -> None:
    """A refused change is explained beside the form; anything else in a message box."""
    if isinstance(error, OrderTrailError):
        problem.setText(error.message(lang))
    else:
        problem.clear()
        show_error(page, error, lang)


class RecordPage(QWidget):
    """A searchable table of records beside a form to add one or change the chosen one."""

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.columns, fields = self.describe()
        self.rows: list[dict] = []
        self.chosen: dict | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.reload)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([heading for _, heading in self.columns])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._chose)
        self.fields = fields
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout()
        for field in fields:
            if field.kind == "check":  # its label beside the box, as people expect
                widget = QCheckBox(field.label)
                form.addRow("", widget)
            else:
                widget = QComboBox() if field.kind == "choice" else QLineEdit()
                form.addRow(field.label, widget)
            self.inputs[field.key] = widget
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a8071a;")
        self.new_button = QPushButton(self.tr("New"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        self.form_box = QWidget()
        side = QVBoxLayout(self.form_box)
        side.addLayout(form)
        side.addLayout(self.extra_buttons())
        side.addWidget(self.problem)
        side.addStretch(1)
        side.addLayout(buttons)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.form_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.reload()
        self.start_new()

    # --- what a page says about its records ----------------------------------------------

    def describe(self) -> tuple[list[tuple[str, str]], list[Field]]:
        """The table's columns (key, heading) and the form's fields."""
        raise NotImplementedError

    def extra_buttons(self) -> QHBoxLayout:
        return QHBoxLayout()

    def load(self, session, search: str) -> list[dict]:
        raise NotImplementedError

    def key_of(self, row: dict) -> str:
        raise NotImplementedError

    def add(self, values: dict) -> tuple[Callable, tuple, dict]:
        """The service that adds a record from the form's values, and its arguments."""
        raise NotImplementedError

    def change(self, row: dict, values: dict) -> tuple[Callable, tuple, dict]:
        raise NotImplementedError

    def fill_choices(self) -> None:
        """Refresh the drop-down lists of the form (suppliers, kinds)."""

    # --- the table and the form -----------------------------------------------------------

    def reload(self) -> None:
        text = self.search.text()
        self.rows = self.workspace.read(lambda s: self.load(s, text))
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, (key, _) in enumerate(self.columns):
                value = row.get(key)
                shown = value if isinstance(value, str) else "" if value is None else str(value)
                self.table.setItem(r, c, QTableWidgetItem(shown))
        self.table.resizeColumnsToContents()
        if self.chosen is not None:
            self.choose(self.key_of(self.chosen))

    def choose(self, key: str) -> None:
        for r, row in enumerate(self.rows):
            if self.key_of(row) == key:
                self.table.clearSelection()  # the form shows the record as stored now
                self.table.selectRow(r)
                return

    def _chose(self) -> None:
        selected = self.table.selectionModel().selectedRows()
        if not selected:
            return
        self.chosen = self.rows[selected[0].row()]
        self.fill_choices()
        for field in self.fields:
            self._set(field, self.chosen.get(field.key))
            self.inputs[field.key].setEnabled(not field.on_add_only)
        self.problem.clear()
        self.save_button.setText(self.tr("Save changes"))
        self.chose_record(self.chosen)

    def chose_record(self, row: dict | None) -> None:
        """A record was chosen (None: a new one is being entered)."""

    def start_new(self) -> None:
        self.chosen = None
        self.table.clearSelection()
        self.fill_choices()
        for field in self.fields:
            self._set(field, None)
            self.inputs[field.key].setEnabled(True)
        self.problem.clear()
        self.save_button.setText(self.tr("Add"))
        self.chose_record(None)

    def _set(self, field: Field, value) -> None:
        widget = self.inputs[field.key]
        if isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        else:
            widget.setText("" if value is None else str(value))

    def values(self) -> dict:
        result = {}
        for field in self.fields:
            widget = self.inputs[field.key]
            if isinstance(widget, QCheckBox):
                result[field.key] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                result[field.key] = widget.currentData()
            else:
                result[field.key] = widget.text()
        return result

    def save(self) -> None:
        values = self.values()
        service, args, kwargs = (
            self.add(values) if self.chosen is None else self.change(self.chosen, values)
        )
        self.run(service, *args, **kwargs)

    def run(self, service: Callable, /, *args, **kwargs) -> None:
        self.save_button.setEnabled(False)
        self.problem.setText(self.tr("Saving…"))
        self.workspace.act(service, *args, on_done=self._saved, on_error=self._failed, **kwargs)

    def _saved(self, record) -> None:
        self.save_button.setEnabled(True)
        self.problem.clear()
        self.chosen = self.row_of(record)
        self.reload()

    def row_of(self, record) -> dict | None:
        return None

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        explain(self, self.problem, error, self.workspace.lang)


class UsersPage(RecordPage):
    def describe(self):
        columns = [
            ("name", self.tr("User")),
            ("display_name", self.tr("Name")),
            ("roles_shown", self.tr("Roles")),
            ("state", self.tr("State")),
        ]
        fields = [
            Field("name", self.tr("User"), on_add_only=True),
            Field("display_name", self.tr("Name"), on_add_only=True),
            Field("password", self.tr("Password (new users, or a reset)")),
        ]
        lang = self.workspace.lang
        fields += [Field(f"role:{code}", role_label(code, lang), "check") for code in ACCOUNT_ROLES]
        return columns, fields

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(workspace, parent)
        self.inputs["password"].setEchoMode(QLineEdit.EchoMode.Password)

    def extra_buttons(self) -> QHBoxLayout:
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(lambda: self.run(users.unlock, self.chosen["name"]))
        self.active_button = QPushButton()
        self.active_button.clicked.connect(
            lambda: self.run(users.set_active, self.chosen["name"], not self.chosen["active"])
        )
        row = QHBoxLayout()
        for button in (self.reset_button, self.unlock_button, self.active_button):
            row.addWidget(button)
        return row

    def chose_record(self, row: dict | None) -> None:
        for button in (self.reset_button, self.unlock_button, self.active_button):
            button.setEnabled(row is not None)
        self.active_button.setText(
            self.tr("Reactivate")
            if row is not None and not row["active"]
            else self.tr("Deactivate")
        )

    def load(self, session, search: str) -> list[dict]:
        lang = self.workspace.lang
        rows = []
        for user in users.list_users(session, self.workspace.user):
            if search.strip() and search.strip().lower() not in user.name.lower():
                continue
            locked = users.is_slowed_down(session, user.name)  # what unlock ends
            rows.append(
                {
                    "name": user.name,
                    "display_name": user.display_name,
                    "roles_shown": roles_label(user.roles, lang),
                    "active": user.active,
                    "state": self.tr("locked")
                    if locked
                    else self.tr("active")
                    if user.active
                    else self.tr("deactivated"),
                    **{f"role:{code}": code in user.roles for code in ACCOUNT_ROLES},
                }
            )
        return rows

    def key_of(self, row: dict) -> str:
        return row["name"]

    def row_of(self, record) -> dict:
        return {"name": record.name}

    @staticmethod
    def _roles(values: dict) -> set[str]:
        return {code for code in ACCOUNT_ROLES if values[f"role:{code}"]}

    def add(self, values: dict):
        return (
            users.add_user,
            (values["name"], self._roles(values), values["password"], values["display_name"]),
            {},
        )

    def change(self, row: dict, values: dict):
        return users.set_roles, (row["name"], self._roles(values)), {}

    def reset_password(self) -> None:
        self.run(users.reset_password, self.chosen["name"], self.inputs["password"].text())


def _money_text(value) -> str:
    return "" if value is None else f"{value:,.2f}"


class PartiesPage(RecordPage):
    def describe(self):
        columns = [
            ("name", self.tr("Name")),
            ("kind_shown", self.tr("Kind")),
            ("contact", self.tr("Contact")),
            ("phone", self.tr("Phone")),
            ("payment_terms", self.tr("Payment terms")),
            ("credit_limit_shown", self.tr("Credit limit")),
        ]
        fields = [
            Field("name", self.tr("Name")),
            Field("kind", self.tr("Kind"), "choice", on_add_only=True),
            Field("contact", self.tr("Contact")),
            Field("phone", self.tr("Phone")),
            Field("address", self.tr("Address")),
            Field("payment_terms", self.tr("Payment terms")),
            Field("tax_number", self.tr("Tax number")),
            Field("credit_limit", self.tr("Credit limit")),
        ]
        return columns, fields

    def fill_choices(self) -> None:
        kinds = self.inputs["kind"]
        if kinds.count() == 0:
            for code, (zh, en) in masterdata.PARTY_KINDS.items():
                kinds.addItem(en if self.workspace.lang == "en" else zh, code)

    def load(self, session, search: str) -> list[dict]:
        lang = self.workspace.lang
        return [
            {
                "name": p.name,
                "kind": p.kind,
                "kind_shown": masterdata.PARTY_KINDS[p.kind][1 if lang == "en" else 0],
                "contact": p.contact,
                "phone": p.phone,
                "address": p.address,
                "payment_terms": p.payment_terms,
                "tax_number": p.tax_number,
                "credit_limit": "" if p.credit_limit is None else f"{p.credit_limit:.2f}",
                "credit_limit_shown": _money_text(p.credit_limit),
            }
            for p in masterdata.list_parties(session, search=search)
        ]

    def key_of(self, row: dict) -> str:
        return row["name"]

    def row_of(self, record) -> dict:
        return {"name": record.name}

    def add(self, values: dict):
        details = {k: v for k, v in values.items() if k not in ("name", "kind")}
        return masterdata.add_party, (values["name"], values["kind"]), details

    def change(self, row: dict, values: dict):
        changes = {k: v for k, v in values.items() if k not in ("name", "kind")}
        if values["name"].strip() != row["name"]:
            changes["new_name"] = values["name"]
        return masterdata.edit_party, (row["name"],), changes


class ProductsPage(RecordPage):
    def describe(self):
        columns = [
            ("sku", self.tr("SKU")),
            ("name", self.tr("Name")),
            ("unit", self.tr("Unit")),
            ("price_shown", self.tr("Price")),
            ("min_stock", self.tr("Minimum stock")),
            ("supplier", self.tr("Supplier")),
            ("lead_time_days", self.tr("Lead time (days)")),
        ]
        fields = [
            Field("sku", self.tr("SKU"), on_add_only=True),
            Field("name", self.tr("Name")),
            Field("unit", self.tr("Unit")),
            Field("price", self.tr("Price")),
            Field("min_stock", self.tr("Minimum stock")),
            Field("is_service", self.tr("Service (no stock)"), "check"),
            Field("supplier", self.tr("Supplier"), "choice"),
            Field("lead_time_days", self.tr("Lead time (days)")),
        ]
        return columns, fields

    def fill_choices(self) -> None:
        suppliers = self.inputs["supplier"]
        names = self.workspace.read(
            lambda s: [p.name for p in masterdata.list_parties(s, "supplier")]
        )
        suppliers.clear()
        suppliers.addItem(self.tr("(none)"), "")
        for name in names:
            suppliers.addItem(name, name)

    def load(self, session, search: str) -> list[dict]:
        return [
            {
                "sku": p.sku,
                "name": p.name,
                "unit": p.unit,
                "price": f"{p.price:.2f}",
                "price_shown": _money_text(p.price),
                "min_stock": f"{p.min_stock.normalize():f}",
                "is_service": p.is_service,
                "supplier": p.supplier.name if p.supplier else "",
                "lead_time_days": p.lead_time_days,
            }
            for p in masterdata.list_products(session, search)
        ]

    def key_of(self, row: dict) -> str:
        return row["sku"]

    def row_of(self, record) -> dict:
        return {"sku": record.sku}

    def add(self, values: dict):
        details = {k: v for k, v in values.items() if k not in ("sku", "name", "price")}
        details["service"] = details.pop("is_service")
        return masterdata.add_product, (values["sku"], values["name"], values["price"]), details

    def change(self, row: dict, values: dict):
        return (
            masterdata.edit_product,
            (row["sku"],),
            {k: v for k, v in values.items() if k != "sku"},
        )


class SettingsPage(QWidget):
    """The office-wide settings, saved together; and this desktop's language."""

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.threshold = QLineEdit()
        self.discount = QLineEdit()
        self.warehouse_prices = QCheckBox(self.tr("Warehouse staff see prices"))
        self.four_eyes = QCheckBox(
            self.tr("Four-eyes approval: whoever submits an order may not approve it")
        )
        self.company_name = QLineEdit()
        self.company_address = QLineEdit()
        self.company_phone = QLineEdit()
        self.logo = QLineEdit()
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        self.language = QComboBox()
        self.language.addItem("中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(workspace.lang))
        form = QFormLayout()
        form.addRow(self.tr("Approval needed above"), self.threshold)
        form.addRow(self.tr("Approval needed for a discount above (%)"), self.discount)
        form.addRow("", self.warehouse_prices)
        form.addRow("", self.four_eyes)
        form.addRow(self.tr("Company name"), self.company_name)
        form.addRow(self.tr("Company address"), self.company_address)
        form.addRow(self.tr("Company phone"), self.company_phone)
        form.addRow(self.tr("Logo on printed documents"), logo_row)
        form.addRow(self.tr("Language of this desktop"), self.language)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a8071a;")
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.show_stored()

    def _texts(self) -> dict[str, QLineEdit]:
        return {
            "approval_threshold": self.threshold,
            "approval_discount_percent": self.discount,
            "company_name": self.company_name,
            "company_address": self.company_address,
            "company_phone": self.company_phone,
            "company_logo": self.logo,
        }

    def show_stored(self) -> None:
        stored = self.workspace.read(settings.all_settings)
        for key, edit in self._texts().items():
            edit.setText(stored[key])
        self.warehouse_prices.setChecked(stored["warehouse_sees_prices"] == "true")
        self.four_eyes.setChecked(stored["four_eyes_approval"] == "true")

    def values(self) -> dict[str, str]:
        values = {key: edit.text() for key, edit in self._texts().items()}
        values["warehouse_sees_prices"] = "true" if self.warehouse_prices.isChecked() else "false"
        values["four_eyes_approval"] = "true" if self.four_eyes.isChecked() else "false"
        return values

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.gif)")
        )
        if path:
            self.logo.setText(path)

    def save(self) -> None:
        if self.language.currentData() != config.language():
            config.save(lang=self.language.currentData())
        self.save_button.setEnabled(False)
        self.workspace.act(
            settings.change_all, self.values(), on_done=self._saved, on_error=self._failed
        )

    def _saved(self, changed: list[str]) -> None:
        self.save_button.setEnabled(True)
        self.problem.setText(
            self.tr("Saved.") if changed else self.tr("Nothing to save: no setting changed.")
        )
        self.show_stored()

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        explain(self, self.problem, error, self.workspace.lang)


class AdminConsole(QDialog):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Administration"))
        self.tabs = QTabWidget()
        user = workspace.user
        self.pages: dict[str, QWidget] = {}
        for key, permission, page, title in (
            ("users", "manage_users", UsersPage, self.tr("Users")),
            ("parties", "add_party", PartiesPage, self.tr("Customers and suppliers")),
            ("products", "add_product", ProductsPage, self.tr("Products")),
            ("settings", "change_settings", SettingsPage, self.tr("Settings")),
            ("channels", "change_settings", ChannelSettingsPage, self.tr("Notification channels")),
            ("working_hours", "change_settings", WorkingHoursPage, self.tr("Working hours")),
        ):
            if may(user, permission):
                self.pages[key] = page(workspace)
                self.tabs.addTab(self.pages[key], title)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(*CONSOLE_SIZE)
