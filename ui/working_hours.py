"""The admin's working calendar: whether time limits count working hours only, the
weekly schedule, holidays and make-up working days (with China's list to import), the
office's time zone, and the carrier tracking service."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import holidays, settings, working_time
from app.errors import OrderTrailError
from ui.dialogs import show_error
from ui.workspace import Workspace

KEYS = (
    "limits_in_working_hours",
    "working_week",
    "holidays",
    "extra_workdays",
    "utc_offset",
    "tracking_url",
    "tracking_customer",
    "tracking_key",
)


class WorkingHoursPage(QWidget):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.working = QCheckBox(
            self.tr("Count time limits in working hours only: nights, weekends and holidays stop")
        )
        day_names = [
            self.tr("Monday"),
            self.tr("Tuesday"),
            self.tr("Wednesday"),
            self.tr("Thursday"),
            self.tr("Friday"),
            self.tr("Saturday"),
            self.tr("Sunday"),
        ]
        week = QGroupBox(self.tr("Working week"))
        grid = QGridLayout(week)
        self.works: list[QCheckBox] = []
        self.hours: list[QLineEdit] = []
        for day, name in enumerate(day_names):
            works = QCheckBox(name)
            hours = QLineEdit()
            hours.setPlaceholderText("09:00-12:00,13:00-18:00")
            works.toggled.connect(hours.setEnabled)
            grid.addWidget(works, day // 2, (day % 2) * 2)
            grid.addWidget(hours, day // 2, (day % 2) * 2 + 1)
            self.works.append(works)
            self.hours.append(hours)
        self.holidays = QPlainTextEdit()
        example = self.tr("For example: %1")
        self.holidays.setPlaceholderText(
            example.replace("%1", "2026-10-01..2026-10-07, 2026-12-25")
        )
        self.workdays = QPlainTextEdit()
        self.workdays.setPlaceholderText(example.replace("%1", "2026-09-20, 2026-10-10"))
        for edit in (self.holidays, self.workdays):
            edit.setFixedHeight(self.fontMetrics().height() * 4)
        china = QPushButton(self.tr("Import China's holidays 2026–2027"))
        china.clicked.connect(lambda: self.import_holidays(None))
        from_file = QPushButton(self.tr("Import a holiday file…"))
        from_file.clicked.connect(self.choose_holiday_file)
        imports = QHBoxLayout()
        imports.addWidget(china)
        imports.addWidget(from_file)
        imports.addStretch(1)
        self.offset = QLineEdit()
        self.offset.setMaximumWidth(90)
        form = QFormLayout()
        form.addRow(self.tr("Holidays"), self.holidays)
        form.addRow(self.tr("Make-up working days (调休)"), self.workdays)
        form.addRow("", imports)
        form.addRow(self.tr("Office time zone (UTC offset)"), self.offset)
        service = QGroupBox(self.tr("Carrier tracking service (快递100-style query API)"))
        self.service_url = QLineEdit()
        self.service_url.setPlaceholderText("https://…/poll/query.do")
        self.customer = QLineEdit()
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        service_form = QFormLayout(service)
        service_form.addRow(self.tr("Query address"), self.service_url)
        service_form.addRow(self.tr("Customer code"), self.customer)
        service_form.addRow(self.tr("Key"), self.key)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a8071a;")
        self.save_button = QPushButton(self.tr("Save settings"))
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.working)
        layout.addWidget(week)
        layout.addLayout(form)
        layout.addWidget(service)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.show_stored()

    def show_stored(self) -> None:
        stored = self.workspace.read(settings.all_settings)
        self.working.setChecked(stored["limits_in_working_hours"] == "true")
        week = working_time.parse_week(stored["working_week"])
        for day in range(7):
            periods = week[day]
            self.works[day].setChecked(bool(periods))
            self.hours[day].setEnabled(bool(periods))
            self.hours[day].setText(working_time.format_periods(periods))
        self.holidays.setPlainText(stored["holidays"])
        self.workdays.setPlainText(stored["extra_workdays"])
        self.offset.setText(stored["utc_offset"])
        self.service_url.setText(stored["tracking_url"])
        self.customer.setText(stored["tracking_customer"])
        self.key.setText(stored["tracking_key"])

    def week_text(self) -> str:
        parts = [
            f"{working_time.DAYS[day]} {self.hours[day].text().strip() or '09:00-18:00'}"
            for day in range(7)
            if self.works[day].isChecked()
        ]
        return "; ".join(parts)

    def values(self) -> dict[str, str]:
        return {
            "limits_in_working_hours": "true" if self.working.isChecked() else "false",
            "working_week": self.week_text(),
            "holidays": self.holidays.toPlainText(),
            "extra_workdays": self.workdays.toPlainText(),
            "utc_offset": self.offset.text(),
            "tracking_url": self.service_url.text(),
            "tracking_customer": self.customer.text(),
            "tracking_key": self.key.text(),
        }

    def save(self) -> None:
        self.save_button.setEnabled(False)
        self.workspace.act(
            settings.change_all, self.values(), on_done=self._saved, on_error=self._failed
        )

    def _saved(self, changed: list[str]) -> None:
        self.save_button.setEnabled(True)
        self.problem.setStyleSheet("")
        self.problem.setText(
            self.tr("Saved.") if changed else self.tr("Nothing to save: no setting changed.")
        )
        self.show_stored()

    def choose_holiday_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a holiday file"), "", self.tr("Holiday lists (*.json *.csv)")
        )
        if path:
            self.import_holidays(path)

    def import_holidays(self, path: str | None) -> None:
        self.workspace.act(
            holidays.import_list, path, on_done=self._imported, on_error=self._failed
        )

    def _imported(self, done: holidays.Imported) -> None:
        self.problem.setStyleSheet("")
        self.problem.setText(
            self.tr("Imported: %1 holiday(s) and %2 make-up working day(s) added.")
            .replace("%1", str(done.holidays))
            .replace("%2", str(done.workdays))
        )
        self.show_stored()

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.problem.setStyleSheet("color: #a8071a;")
        if isinstance(error, OrderTrailError):
            self.problem.setText(error.message(self.workspace.lang))
        else:
            self.problem.clear()
            show_error(self, error, self.workspace.lang)
