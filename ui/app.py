"""Starting the desktop program: language and font, the database, sign-in, the main window."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy.exc import DatabaseError

from app import config
from app.errors import OrderTrailError
from app.setup import ensure_admin, open_database
from app.users import sign_in
from db.engine import Database
from db.models import User
from ui import i18n
from ui.login import FirstRunDialog, LoginDialog
from ui.main_window import MainWindow
from ui.workspace import Workspace

EXIT_CANCELLED = 0
EXIT_NO_DATABASE = 3


def application(lang: str) -> QApplication:
    """The one QApplication, with the bundled CJK font and the catalogue for `lang`."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OrderTrail")
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


def _chosen_database(args: argparse.Namespace, lang: str) -> tuple[Database | None, str]:
    """The database to work on; on the very first start, asks where it lives."""
    configured = config.known_database(args.db)
    admin = None
    if configured:
        url = configured
    else:
        first = FirstRunDialog(lang)
        if first.exec() != QDialog.DialogCode.Accepted:
            return None, ""
        url, admin = first.url(), (first.admin.text().strip(), first.admin_password.text())
    try:
        # A saved or given database must exist; only the first-start choice makes one.
        database, _backup = open_database(url, create=admin is not None)
    except OrderTrailError as error:
        return None, error.message(lang)
    except DatabaseError as error:
        return None, str(error.orig).strip()
    if admin:
        ensure_admin(database, *admin)
        config.save(db=url)
    return database, ""


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


def start_window(args: argparse.Namespace) -> int:
    lang = config.language(args.lang)
    app = application(lang)
    database, problem = _chosen_database(args, lang)
    if database is None:
        if problem:
            QMessageBox.critical(
                None, QApplication.translate("start", "Cannot open the database"), problem
            )
            return EXIT_NO_DATABASE
        return EXIT_CANCELLED
    user = _signed_in_user(database, args, lang, Workspace.where_of(database))
    if user is None:
        return EXIT_CANCELLED
    window = open_window(database, user, lang)
    code = app.exec()
    window.deleteLater()  # its watcher and connections go before the database does
    database.dispose()
    return code
