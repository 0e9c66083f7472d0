"""Help › About: the version, where the database and the log are, and the licences of the
font and the libraries the program ships."""

from __future__ import annotations

import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import about, logs
from resources import APP_ICON
from ui import screen_fit


class AboutDialog(QDialog):
    def __init__(self, database_location: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About OrderTrail"))
        logo = QLabel()
        logo.setPixmap(QIcon(str(APP_ICON)).pixmap(64, 64))
        version = self.tr("Version %1").replace("%1", about.version())
        self.title = QLabel(f"<b>OrderTrail 采销订单跟踪</b><br>{version}")
        facts = QFormLayout()
        self.database = QLabel(database_location)
        self.log = QLabel(str(logs.log_path()))
        for label in (self.database, self.log):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        facts.addRow(self.tr("Database"), self.database)
        facts.addRow(self.tr("Log file"), self.log)
        facts.addRow(
            self.tr("Runs on"),
            QLabel(f"Python {platform.python_version()} · Qt for Python {pyside_version}"),
        )
        self.notices = QPlainTextEdit(about.third_party_notices())
        self.notices.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(logo)
        layout.addWidget(self.title)
        layout.addLayout(facts)
        layout.addWidget(QLabel(self.tr("Licences of the font and the libraries it ships:")))
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)
        screen_fit.resize_within_screen(self, 680, 620)
