"""Pictures of the window with demo data, to look at what people will see.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python bench/screenshots.py [FOLDER]

Saves, in Chinese and in English: the main window as sales, warehouse, finance
and owner, the order editor with two lines, the ship dialog, the print preview
opened from the detail panel, the batch printing of delivery notes (its progress
and its preview), the problems of a rejected import and each tab of the admin's console.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROLES = ("sales", "warehouse", "finance", "owner")


def settle(app, rounds: int = 30) -> None:
    """Let pages arrive from their pool threads and the widgets paint them."""
    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(50)
    app.processEvents()


def when_shown(kind: type, handle) -> None:
    """Call `handle(dialog)` once a modal dialog of `kind` is up (it runs its own loop)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and handle(dialog):
            return
        QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)


def preview_shot(app, window, folder: Path, name: str) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(100):
        if window.preview is not None:
            break
        settle(app, 1)
    QThreadPool.globalInstance().waitForDone()
    settle(app, 5)
    window.preview.resize(820, 900)
    for _ in range(10):  # QPdfView renders its pages asynchronously
        settle(app, 3)
    window.preview.grab().save(str(folder / name))
    window.preview.close()


def document_shots(app, window, database, folder: Path, lang: str, work: Path) -> None:
    """The print preview from the detail panel; as the warehouse also the batch printing
    and a rejected import."""
    from openpyxl import Workbook

    from app import queries
    from app.spreadsheets.layouts import PRODUCTS
    from ui.documents_dialog import ImportErrorsDialog, JobDialog

    with database.reading() as session:
        order = queries.list_orders(
            session, queries.OrderFilter(kind="sales", status="prepared"), limit=1
        )[0]
    window.show_order(order.number)
    settle(app, 3)
    window.detail.print_menu.actions()[0].trigger()
    role = min(window.workspace.user.roles)
    preview_shot(app, window, folder, f"preview-{role}-{lang}.png")
    if role != "warehouse":
        return

    def progress(dialog: JobDialog) -> bool:
        if dialog.bar.maximum() == 0 or dialog.bar.value() == 0:
            return False
        dialog.grab().save(str(folder / f"batch-progress-{lang}.png"))
        return True

    when_shown(JobDialog, progress)
    window.print_waiting_delivery_notes()
    preview_shot(app, window, folder, f"batch-preview-{lang}.png")

    book = Workbook()
    sheet = book.active
    sheet.title = PRODUCTS.title
    sheet.append([column.header for column in PRODUCTS.columns])
    sheet.append(["A-100", "重复的编码 duplicate SKU", "包", "25", "否", "10"])
    sheet.append(["N-1", "", "台", "-3", "也许", "x"])
    path = work / f"bad-products-{lang}.xlsx"
    book.save(path)

    def problems(dialog: ImportErrorsDialog) -> bool:
        settle(app, 2)
        dialog.grab().save(str(folder / f"import-problems-{lang}.png"))
        dialog.reject()
        return True

    when_shown(ImportErrorsDialog, problems)
    window.import_from("products", path)


def admin_shots(app, database, folder: Path, lang: str) -> None:
    """The admin's console, one picture per tab."""
    from app.demo import DEMO_PASSWORD
    from app.users import sign_in
    from ui.admin_console import AdminConsole
    from ui.workspace import Workspace

    console = AdminConsole(Workspace(database, sign_in(database, "admin", DEMO_PASSWORD), lang))
    console.show()
    for index, key in enumerate(console.pages):
        console.tabs.setCurrentIndex(index)
        page = console.pages[key]
        if hasattr(page, "table") and page.rows:
            page.table.selectRow(min(1, len(page.rows) - 1))
        settle(app, 3)
        console.grab().save(str(folder / f"admin-{key}-{lang}.png"))
    console.close()


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ordertrail-shots-"))
    os.environ["ORDERTRAIL_CONFIG"] = str(work / "desktop.json")  # no remembered layout

    from app import demo, order_view, queries
    from app.demo import DEMO_PASSWORD
    from app.setup import open_database
    from app.users import sign_in
    from ui import i18n
    from ui.app import application, open_window
    from ui.dialogs import ShipDialog
    from ui.order_editor import QTY, SKU, OrderEditor

    database, _ = open_database(str(work / "demo.db"))
    demo.build_demo(database, 160, seed=3)
    app = application("zh")
    for lang in ("zh", "en"):
        i18n.install(app, lang)
        for role in ROLES:
            window = open_window(database, sign_in(database, role, DEMO_PASSWORD), lang)
            window.resize(1366, 768)  # a common laptop screen
            settle(app)
            window.grab().save(str(folder / f"main-{role}-{lang}.png"))
            if role == "sales":
                editor = OrderEditor(window.workspace, "sales", parent=window)
                editor.party.setCurrentText(demo.CUSTOMERS[1])
                editor.has_due.setChecked(True)
                editor.note.setText("周五前送达 / deliver by Friday")
                editor.set_cell(0, SKU, "B-110")
                editor.set_cell(0, QTY, "3")
                row = editor.add_line()
                editor.set_cell(row, SKU, "A-100")
                editor.set_cell(row, QTY, "20")
                row = editor.add_line()
                editor.set_cell(row, SKU, "S-900")
                editor.set_cell(row, QTY, "0")  # shows the check as you type
                editor.show()
                settle(app, 5)
                editor.grab().save(str(folder / f"editor-{lang}.png"))
                editor.close()
            if role == "warehouse":
                with database.reading() as session:
                    order = queries.list_orders(
                        session, queries.OrderFilter(kind="sales", status="prepared"), limit=1
                    )[0]
                    detail = order_view.read(session, window.workspace.user, order.number, lang)
                dialog = ShipDialog(detail, window)
                dialog.carrier.setCurrentText("顺丰速运")
                dialog.tracking.setText("SF1402558890")
                dialog.show()
                settle(app, 5)
                dialog.grab().save(str(folder / f"ship-{lang}.png"))
                dialog.close()
            if role in ("sales", "warehouse"):
                document_shots(app, window, database, folder, lang, work)
            window.close()
            settle(app, 3)
        admin_shots(app, database, folder, lang)
    count = len(list(folder.glob("*.png")))
    print(f"{count} pictures in {folder}")
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
