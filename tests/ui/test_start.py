"""Starting the program: the very first start, and signing in from the command line."""

from __future__ import annotations

import argparse

import pytest
from desk import answer
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from app import config
from app.users import count_users
from ui.app import start_window
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow


def args(**given) -> argparse.Namespace:
    return argparse.Namespace(**{"db": None, "user": None, "lang": "zh", **given})


def close_main_window(seen: list[str]) -> None:
    """Once the main window is up, note who is signed in and close it (ends the program)."""

    def look() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if windows:
            seen.append(windows[0].user_label.text())
            windows[0].close()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def test_first_start_creates_the_database_and_its_admin(qtbot, tmp_path):
    path = tmp_path / "office.db"

    def first_run(dialog: FirstRunDialog) -> None:
        assert dialog.local.isChecked()  # a local file is the default
        dialog.path.setText(str(path))
        dialog.admin.setText("老王")
        dialog.admin_password.setText("long-secret")
        dialog.admin_repeat.setText("long-secret")
        answer(LoginDialog, sign_in)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    def sign_in(dialog: LoginDialog) -> None:
        dialog.name.setText("老王")
        dialog.password.setText("long-secret")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    seen: list[str] = []
    answer(FirstRunDialog, first_run)
    close_main_window(seen)
    assert start_window(args()) == 0
    assert seen and seen[0].startswith("老王（管理员）")
    assert config.load()["db"] == str(path)
    from app.setup import open_database

    database, _ = open_database(str(path))
    with database.reading() as session:
        assert count_users(session) == 1
    database.dispose()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_user_and_password_given_open_the_window_signed_in(qtbot, office, monkeypatch):
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "secret-pw")
    seen: list[str] = []
    close_main_window(seen)
    assert start_window(args(db=office.db.url, user="finance")) == 0
    assert seen and seen[0].startswith("finance（财务）")


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_splitter_layout_is_remembered(qtbot, office):
    from desk import open_desk

    first = open_desk(qtbot, office.db, office.sales)
    first.center.setSizes([900, 260])
    wanted = first.center.sizes()
    first.close()  # saves the layout on this desktop
    again = open_desk(qtbot, office.db, office.sales)
    restored = again.center.sizes()
    # the offscreen screen may give the window another size; the split keeps its proportion
    assert restored != [740, 420]
    assert abs(restored[0] / restored[1] - wanted[0] / wanted[1]) < 0.05


def test_test_connection_reaches_the_postgresql_server(qtbot, pg_server):
    dialog = FirstRunDialog("zh")
    qtbot.addWidget(dialog)
    dialog.server.setChecked(True)
    assert dialog.server_box.isEnabled() and not dialog.local_box.isEnabled()
    dialog.host.setText("127.0.0.1")
    dialog.dbname.setText("postgres")
    dialog.dbuser.setText("postgres")
    dialog.test.click()
    qtbot.waitUntil(lambda: dialog.test_result.text() == "Connected.", timeout=5000)
    assert dialog.url() == "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    dialog.port.setValue(1)  # nothing listens there
    dialog.test.click()
    qtbot.waitUntil(lambda: dialog.test_result.text().startswith("Not reached"), timeout=8000)


def test_after_demo_the_window_opens_the_login_of_that_database(qtbot):
    from cli.commands import main as command_line

    assert command_line(["demo", "--orders", "3"]) == 0  # the README's first command, no --db
    where: list[str] = []

    def sign_in(dialog: LoginDialog) -> None:
        where.append(dialog.findChildren(QLabel)[-2].text())
        dialog.name.setText("owner")
        dialog.password.setText("demo")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def no_wizard() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, FirstRunDialog):
            wizards.append(dialog)
            dialog.reject()

    wizards: list[FirstRunDialog] = []
    watcher = QTimer()
    watcher.timeout.connect(no_wizard)
    watcher.start(20)
    seen: list[str] = []
    answer(LoginDialog, sign_in)
    close_main_window(seen)
    try:
        assert start_window(args()) == 0
    finally:
        watcher.stop()
    assert not wizards
    assert seen and seen[0].startswith("owner（老板/管理）")
    assert where and str(config.default_database_path()) in where[0]
