"""Driving the window the way a person does: open it as a role, click, answer dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from db.engine import Database
from ui.app import open_window
from ui.main_window import MainWindow

WAIT_MS = 5000


def open_desk(qtbot, database: Database, user, lang: str = "zh") -> MainWindow:
    window = open_window(database, user, lang)
    qtbot.addWidget(window)
    return window


def answer(kind: type, handle: Callable[[QWidget], None]) -> None:
    """When the next modal dialog of `kind` opens, `handle` it (fill in, then accept)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            handle(dialog)
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def action_buttons(window: MainWindow) -> list[QPushButton]:
    """The buttons the detail panel offers for the shown order, in order."""
    layout = window.detail.buttons
    widgets = (layout.itemAt(i).widget() for i in range(layout.count()))
    return [w for w in widgets if isinstance(w, QPushButton)]


def shown_actions(window: MainWindow) -> list[str]:
    return [button.text() for button in action_buttons(window)]


def click_action(qtbot, window: MainWindow, label: str) -> None:
    buttons = [b for b in action_buttons(window) if b.text() == label]
    assert buttons, f"no button {label!r}; shown: {shown_actions(window)}"
    buttons[0].click()


def wait_for_node(qtbot, window: MainWindow, label: str, timeout: int = WAIT_MS) -> None:
    qtbot.waitUntil(lambda: window.detail.chip.text() == label, timeout=timeout)
