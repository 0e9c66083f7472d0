"""The program as an installed desktop app: upgrades on start, About, unexpected errors."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

import pytest
from desk import WAIT_MS, answer, click_action, open_desk, wait_for_node
from PySide6.QtWidgets import QApplication, QMessageBox
from test_start import args, close_main_window
from test_upgrade import OLD_DEMO, digest, newer_file, revision_of

from app import about, logs, orders
from db import migrate
from ui import crash
from ui.about_dialog import AboutDialog
from ui.app import UpgradeDialog, start_window
from ui.crash import CrashDialog

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture
def logging_to_file(log_file):
    """The program's log file as the program starts it, taken down afterwards."""
    path = logs.start()
    assert str(path) == log_file
    yield log_file
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        root.removeHandler(handler)
        handler.close()


def test_the_window_backs_up_and_upgrades_an_old_database_showing_progress(
    qtbot, tmp_path, monkeypatch
):
    path = tmp_path / "旧 数据.db"
    shutil.copy(OLD_DEMO, path)
    seen: list[str] = []
    steps: list[tuple[int, int]] = []
    real_upgrade = migrate.upgrade

    def upgrade_and_watch(database, progress):  # the steps the dialog is told of
        return real_upgrade(database, lambda *step: (steps.append(step), progress(*step)))

    monkeypatch.setattr(migrate, "upgrade", upgrade_and_watch)
    answer(UpgradeDialog, lambda dialog: seen.append(dialog.label.text()))
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "demo")
    close_main_window(seen)
    assert start_window(args(db=str(path), user="sales", lang="en")) == 0
    assert "from schema version 0001 to" in seen[0] and seen[1].startswith("sales")
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._config())
    migrations = len(list(scripts.iterate_revisions(migrate.HEAD, "0001")))  # after 0001
    assert steps == [(step, 1 + migrations) for step in range(1, 2 + migrations)]  # backup first
    assert revision_of(path) == migrate.HEAD
    [backup] = tmp_path.glob("旧 数据.db.before-upgrade-0001-*.bak")
    assert revision_of(backup) == "0001"


def test_the_window_refuses_a_newer_database_politely_and_changes_nothing(qtbot, tmp_path):
    path = newer_file(tmp_path)
    untouched = digest(path)
    told: list[str] = []

    def read(box: QMessageBox) -> None:
        told.append(box.text())
        box.accept()

    answer(QMessageBox, read)
    assert start_window(args(db=str(path), user="sales", lang="en")) == 3
    assert told and "0099" in told[0] and migrate.HEAD in told[0]
    assert digest(path) == untouched
    assert [p.name for p in tmp_path.iterdir()] == ["newer.db"]


@sqlite_only
def test_about_names_the_version_the_database_and_the_licences(qtbot, office):
    window = open_desk(qtbot, office.db, office.sales)
    dialog = AboutDialog(window.workspace.where(), window)
    qtbot.addWidget(dialog)
    assert about.version() in dialog.title.text()
    assert dialog.database.text() == office.db.sqlite_path
    notices = dialog.notices.toPlainText()
    assert "WenQuanYi Micro Hei" in notices and "Apache" in notices
    assert "SQLAlchemy" in notices and "LGPL" in notices
    assert window.about_action.text() == "About OrderTrail"


@sqlite_only
def test_an_unexpected_error_shows_the_log_and_copies_details_and_changes_nothing(
    qtbot, office, monkeypatch, logging_to_file
):
    log_file = logging_to_file
    number = office.order("sales")
    real_advance = orders.advance

    def broken_advance(session, user, *args, **kwargs):
        real_advance(session, user, *args, **kwargs)  # writes, then fails like a bug would
        raise ZeroDivisionError("a bug in the middle of submitting")

    monkeypatch.setattr(orders, "advance", broken_advance)
    window = open_desk(qtbot, office.db, office.sales)
    window.show_order(number)
    wait_for_node(qtbot, window, "草稿")
    seen: dict[str, str] = {}

    def look(dialog: CrashDialog) -> None:
        seen["summary"] = dialog.summary.text()
        dialog.copy_button.click()
        seen["clipboard"] = QApplication.clipboard().text()
        dialog.reject()

    answer(CrashDialog, look)
    click_action(qtbot, window, "提交")
    qtbot.waitUntil(lambda: "clipboard" in seen, timeout=WAIT_MS)
    assert "ZeroDivisionError: a bug in the middle of submitting" in seen["clipboard"]
    assert f"OrderTrail {about.version()}" in seen["clipboard"]
    assert log_file in seen["summary"] and "untouched" in seen["summary"]
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        assert order.status == "draft" and order.version == 1
    logged = Path(log_file).read_text(encoding="utf-8")
    assert "ZeroDivisionError" in logged and "broken_advance" in logged


def test_an_error_raised_in_a_slot_reaches_the_dialog(qtbot, logging_to_file, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back afterwards
    crash.install()
    seen: list[str] = []
    answer(CrashDialog, lambda dialog: (seen.append(dialog.details), dialog.reject()))
    try:
        raise KeyError("not in the catalogue")
    except KeyError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    assert seen and "KeyError: 'not in the catalogue'" in seen[0]
    assert "not in the catalogue" in Path(logging_to_file).read_text(encoding="utf-8")
