"""Starting the desktop program: language and font, the database, sign-in, the main window."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy.exc import OperationalError

from app import config
from app.errors import OrderTrailError
from app.roles import is_board
from app.setup import (
    check_schema,
    checked_database,
    ensure_admin,
    record_user_baselines,
    seed_defaults,
    upgrade_schema,
)
from app.users import sign_in
from db.engine import Database
from db.models import User
from resources import APP_ICON
from ui import crash, i18n
from ui.board import BoardWindow
from ui.documents_dialog import JobDialog
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow
from ui.workspace import Workspace

EXIT_CANCELLED = 0
EXIT_NO_DATABASE = 3
# Windows groups the taskbar button and takes its icon by this identity.
WINDOWS_APP_ID = "OrderTrail.OrderTrail"
log = logging.getLogger("ordertrail.start")
READY = "OrderTrail window ready"


def application(lang: str) -> QApplication:
    """The one QApplication, with the bundled CJK font and the catalogue for `lang`."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(WINDOWS_APP_ID)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OrderTrail")
    app.setWindowIcon(QIcon(str(APP_ICON)))
    i18n.use_bundled_font(app)
    i18n.install(app, lang)
    return app


def open_window(database: Database, user: User, lang: str) -> MainWindow:
    window = MainWindow(Workspace(database, user, lang))
    window.show()
    # What start-up made (modules, widgets) lives as long as the program: the collector
    # need not rescan it, which would pause scrolling for tens of milliseconds.
    gc.freeze()
    return window


def open_board(database: Database, user: User, lang: str, windowed: bool = False) -> BoardWindow:
    """The wall display: full screen unless asked for a window; it only reads."""
    board = BoardWindow(database, user, lang)
    if windowed:
        board.resize(1366, 768)
        board.show()
    else:
        board.showFullScreen()
    return board


class UpgradeDialog(JobDialog):
    """The backup and the migrations, step by step; they cannot be cancelled halfway."""

    def __init__(self, database: Database, admin, current: str | None, head: str):
        super().__init__(
            "", lambda progress, _cancelled: upgrade_schema(database, lambda: admin, progress)
        )
        self.setWindowTitle(self.tr("Upgrading the database"))
        self.label.setText(
            self.tr(
                "Backing up the database and upgrading it from schema version %1 to %2. "
                "Please wait…"
            )
            .replace("%1", current or "-")
            .replace("%2", head)
        )
        self.label.setWordWrap(True)
        self.cancel_button.hide()

    def reject(self) -> None:
        if not self.running():
            super().reject()


def _chosen_url(args: argparse.Namespace) -> tuple[str, tuple[str, str] | None] | None:
    """The database to work on and, on the very first start, the first admin to make."""
    configured = config.known_database(args.db)
    if configured:
        return configured, None
    first = FirstRunDialog(config.language(args.lang))
    if first.exec() != QDialog.DialogCode.Accepted:
        return None
    return first.url(), (first.admin.text().strip(), first.admin_password.text())


class UpgradeSignIn(LoginDialog):
    """An administrator's name and password for a server upgrade. The upgrade checks them
    itself: an older schema's users cannot be signed in the usual way."""

    credentials: tuple[str, str] | None = None

    def submit(self) -> None:
        self.credentials = (self.name.text().strip(), self.password.text())
        self.accept()


def _upgrading_admin(database: Database, args: argparse.Namespace, lang: str):
    name = args.user or os.environ.get("ORDERTRAIL_USER")
    password = os.environ.get("ORDERTRAIL_PASSWORD")
    if name and password is not None:
        return name, password
    dialog = UpgradeSignIn(database, lang, Workspace.where_of(database))
    dialog.setWindowTitle(dialog.tr("An administrator upgrades the database"))
    return dialog.credentials if dialog.exec() == QDialog.DialogCode.Accepted else None


def _prepared(database: Database, args: argparse.Namespace, lang: str) -> bool:
    """Check the schema, upgrade it in view of the user, seed the defaults; False: cancelled.

    Raises OrderTrailError (a newer schema, an upgrade left to an admin) or OperationalError.
    """
    state = check_schema(database)
    if not state.up_to_date:
        admin = None
        if database.backend == "postgresql" and state.current is not None:
            admin = _upgrading_admin(database, args, lang)
            if admin is None:
                return False
        dialog = UpgradeDialog(database, admin, state.current, state.head)
        dialog.exec()
        if dialog.error is not None:
            raise dialog.error
        if dialog.outcome is not None:
            log.info("the database was backed up to %s", dialog.outcome)
    seed_defaults(database)
    record_user_baselines(database, state.current)
    return True


def _signed_in_user(
    database: Database, args: argparse.Namespace, lang: str, where: str
) -> User | None:
    """--user with ORDERTRAIL_PASSWORD signs in directly; otherwise the login dialog asks."""
    name = args.user or os.environ.get("ORDERTRAIL_USER")
    password = os.environ.get("ORDERTRAIL_PASSWORD")
    if name and password is not None:
        try:
            return sign_in(database, name, password)
        except OrderTrailError:
            pass  # fall back to asking, with the name filled in
    login = LoginDialog(database, lang, where)
    if name:
        login.name.setText(name)
    return login.user if login.exec() == QDialog.DialogCode.Accepted else None


def _cannot_open(database: Database, problem: str) -> int:
    database.dispose()
    log.warning("cannot open the database: %s", problem)
    QMessageBox.critical(None, QApplication.translate("start", "Cannot open the database"), problem)
    return EXIT_NO_DATABASE


def _report_ready(window: MainWindow | BoardWindow) -> None:
    """The window is up and its first events are handled: say so and close (--startup-check).

    Whoever started the program times the line (bench/startup.py does)."""
    log.info(
        "window ready as %s",
        window.user.name if isinstance(window, BoardWindow) else window.workspace.user.name,
    )
    print(READY, file=sys.stderr, flush=True)
    window.close()


def start_window(args: argparse.Namespace) -> int:
    lang = config.language(args.lang)
    app = application(lang)
    crash.install()
    chosen = _chosen_url(args)
    if chosen is None:
        return EXIT_CANCELLED
    url, first_admin = chosen
    try:
        # A saved or given database must exist; only the first-start choice makes one.
        database = checked_database(url, create=first_admin is not None)
    except OrderTrailError as error:
        log.warning("cannot open the database: %s", error.en)
        QMessageBox.critical(
            None, QApplication.translate("start", "Cannot open the database"), error.message(lang)
        )
        return EXIT_NO_DATABASE
    try:
        ready = _prepared(database, args, lang)
    except OperationalError as error:
        return _cannot_open(database, str(error.orig).strip())
    except OrderTrailError as error:
        return _cannot_open(database, error.message(lang))
    if not ready:
        database.dispose()
        return EXIT_CANCELLED
    if first_admin:
        ensure_admin(database, *first_admin)
        config.save(db=url)
    user = _signed_in_user(database, args, lang, Workspace.where_of(database))
    if user is None:
        database.dispose()
        return EXIT_CANCELLED
    log.info("%s signed in to %s", user.name, Workspace.where_of(database))
    if getattr(args, "command", None) == "board" or is_board(user):
        # A wall display's account opens the board whichever way it signs in, never the window.
        window = open_board(database, user, lang, getattr(args, "windowed", False))
    else:
        window = open_window(database, user, lang)
    if getattr(args, "startup_check", False):
        QTimer.singleShot(0, lambda: _report_ready(window))
    code = app.exec()
    window.deleteLater()  # its watcher and connections go before the database does
    database.dispose()
    return code
