"""Signing in, and the first start: where the database lives and who the first admin is."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL

from app import config
from app.errors import OrderTrailError, ValidationError
from app.users import check_password, sign_in
from db.engine import Database
from ui import background, screen_fit


def postgres_url(host: str, port: int, database: str, user: str, password: str) -> str:
    return URL.create(
        "postgresql+psycopg",
        username=user or None,
        password=password or None,
        host=host,
        port=port,
        database=database,
    ).render_as_string(hide_password=False)


def try_connect(url: str) -> None:
    """Raise if the server cannot be reached with these settings."""
    engine = create_engine(url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    finally:
        engine.dispose()


class LoginDialog(QDialog):
    def __init__(self, database: Database, lang: str, where: str, parent=None):
        super().__init__(parent)
        self.database = database
        self.lang = lang
        self.user = None
        self.setWindowTitle(self.tr("Sign in to OrderTrail"))
        remembered = config.load().get("user", "")
        self.name = QLineEdit(remembered)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember my user name"))
        self.remember.setChecked(bool(remembered))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a8071a;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User"), self.name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.remember)
        database_label = QLabel(self.tr("Database: %1").replace("%1", where))
        database_label.setStyleSheet("color: #8c8c8c;")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(database_label)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.password if remembered else self.name).setFocus()

    def submit(self) -> None:
        name, password = self.name.text().strip(), self.password.text()
        self.buttons.setEnabled(False)
        self.problem.setText(self.tr("Signing in…"))
        background.run(
            lambda: sign_in(self.database, name, password), self._signed_in, self._failed
        )

    def _signed_in(self, user) -> None:
        config.save(user=user.name if self.remember.isChecked() else "")
        self.user = user
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.problem.setText(
            error.message(self.lang) if isinstance(error, OrderTrailError) else str(error)
        )
        self.password.selectAll()
        self.password.setFocus()


class FirstRunDialog(QDialog):
    """Local file (default) or a PostgreSQL server, then the first administrator."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Welcome to OrderTrail"))
        self.local = QRadioButton(
            self.tr("Use a database file on this computer (recommended for one to a few desks)")
        )
        self.server = QRadioButton(self.tr("Connect to a PostgreSQL server (for a larger office)"))
        self.local.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)

        self.path = QLineEdit(str(config.default_database_path()))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path)
        path_row.addWidget(browse)
        self.local_box = QGroupBox()
        local_form = QFormLayout(self.local_box)
        local_form.addRow(self.tr("File"), path_row)

        self.host = QLineEdit("localhost")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.dbname = QLineEdit("ordertrail")
        self.dbuser = QLineEdit("ordertrail")
        self.dbpassword = QLineEdit()
        self.dbpassword.setEchoMode(QLineEdit.EchoMode.Password)
        self.test = QPushButton(self.tr("Test connection"))
        self.test.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.server_box = QGroupBox()
        server_form = QFormLayout(self.server_box)
        server_form.addRow(self.tr("Host"), self.host)
        server_form.addRow(self.tr("Port"), self.port)
        server_form.addRow(self.tr("Database"), self.dbname)
        server_form.addRow(self.tr("User"), self.dbuser)
        server_form.addRow(self.tr("Password"), self.dbpassword)
        server_form.addRow(self.test, self.test_result)
        self.server_box.setEnabled(False)
        self.server.toggled.connect(self.server_box.setEnabled)
        self.local.toggled.connect(self.local_box.setEnabled)

        self.admin = QLineEdit("admin")
        self.admin_password = QLineEdit()
        self.admin_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_repeat = QLineEdit()
        self.admin_repeat.setEchoMode(QLineEdit.EchoMode.Password)
        admin_box = QGroupBox(self.tr("First administrator (only if the database has no users)"))
        admin_form = QFormLayout(admin_box)
        admin_form.addRow(self.tr("User name"), self.admin)
        admin_form.addRow(self.tr("Password"), self.admin_password)
        admin_form.addRow(self.tr("Repeat password"), self.admin_repeat)

        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a8071a;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        # The choices scroll on a screen too low for them; the buttons stay in view.
        choices = QWidget()
        choices_layout = QVBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.local, self.local_box, self.server, self.server_box, admin_box):
            choices_layout.addWidget(widget)
        scroll = QScrollArea()
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        scroll.setWidget(choices)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        margins = layout.contentsMargins()
        screen_fit.resize_within_screen(
            self,
            max(choices.sizeHint().width(), buttons.sizeHint().width())
            + margins.left()
            + margins.right(),
            choices.sizeHint().height()
            + self.problem.sizeHint().height()
            + buttons.sizeHint().height()
            + 2 * layout.spacing()
            + margins.top()
            + margins.bottom(),
        )

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.path.text(),
            "SQLite (*.db)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.path.setText(path)

    def url(self) -> str:
        if self.local.isChecked():
            return self.path.text().strip()
        return postgres_url(
            self.host.text().strip(),
            self.port.value(),
            self.dbname.text().strip(),
            self.dbuser.text().strip(),
            self.dbpassword.text(),
        )

    def test_connection(self) -> None:
        self.test.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))
        url = self.url()
        background.run(lambda: try_connect(url), self._tested, self._not_reached)

    def _tested(self, _result) -> None:
        self.test.setEnabled(True)
        self.test_result.setStyleSheet("color: #389e0d;")
        self.test_result.setText(self.tr("Connected."))

    def _not_reached(self, error: Exception) -> None:
        self.test.setEnabled(True)
        self.test_result.setStyleSheet("color: #a8071a;")
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
        self.test_result.setText(self.tr("Not reached: %1").replace("%1", reason))

    def submit(self) -> None:
        if self.admin_password.text() != self.admin_repeat.text():
            self.problem.setText(self.tr("The two passwords differ."))
        elif not self.admin.text().strip() or not self.url():
            self.problem.setText(self.tr("Fill in every field."))
        else:
            try:
                check_password(self.admin_password.text(), self.admin.text().strip())
            except ValidationError as error:
                self.problem.setText(error.message(self.lang))
                return
            self.accept()
