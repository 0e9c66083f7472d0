"""Every window and dialog on a small screen: does it fit, buttons and title bar included?

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json python bench/small_screens.py
    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python bench/small_screens.py --shots FOLDER      # QT_SCALE_FACTOR=1.5 for 150 %

Opens the main window, the order editor, the print preview and every dialog on demo
data, and prints one JSON document: the screen's free area and, for each window, its
geometry and whether it fits with room for a title bar. With --shots it also saves a
picture of each window and of the whole screen with it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def settle(app, rounds: int = 20) -> None:
    from PySide6.QtCore import QThreadPool

    for _ in range(rounds):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
    app.processEvents()


def windows(database, lang: str):
    """(name, widget) for each window to look at, built and filled on demo data."""
    from app import order_view, printing, queries
    from app.demo import CUSTOMERS, DEMO_PASSWORD
    from app.spreadsheets.reading import RowProblem
    from app.users import sign_in
    from ui.about_dialog import AboutDialog
    from ui.app import UpgradeDialog, open_window
    from ui.crash import CrashDialog
    from ui.dialogs import PaymentDialog, ReceiveDialog, ShipDialog, StepDialog
    from ui.documents_dialog import ImportErrorsDialog
    from ui.login import FirstRunDialog, LoginDialog
    from ui.order_editor import QTY, SKU, OrderEditor
    from ui.print_preview import PrintPreview

    def first(user, kind: str, status: str) -> dict:
        with database.reading() as session:
            found = queries.OrderFilter(kind=kind, status=status)
            order = queries.list_orders(session, found, limit=1)[0]
            return order_view.read(session, user, order.number, lang)

    users = {name: sign_in(database, name, DEMO_PASSWORD) for name in ("sales", "owner")}
    window = open_window(database, users["sales"], lang)
    yield "main-window", window
    editor = OrderEditor(window.workspace, "sales", parent=window)
    editor.party.setCurrentText(CUSTOMERS[1])
    for row, (sku, qty) in enumerate([("B-110", "3"), ("A-100", "20"), ("S-900", "1")]):
        if row:
            editor.add_line()
        editor.set_cell(row, SKU, sku)
        editor.set_cell(row, QTY, qty)
    yield "order-editor", editor
    shipping = first(users["sales"], "sales", "prepared")
    with database.unit_of_work() as session:
        pdf = printing.print_document(session, users["sales"], "order", shipping["number"])
    yield "print-preview", PrintPreview(pdf, f"销售订单确认书 {shipping['number']}", window)
    yield "ship", ShipDialog(shipping, window)
    yield "payment", PaymentDialog(first(users["sales"], "sales", "delivered"), window)
    yield "receive", ReceiveDialog(first(users["sales"], "purchase", "placed"), window)
    draft = first(users["sales"], "sales", "draft")
    cancel = next(a for a in draft["actions"] if a.requires)
    yield "step-with-reason", StepDialog(cancel, draft["number"], lang, window)
    problems = [
        RowProblem("订单", row, "数量", f"第 {row} 行的数量不是数字", f"row {row}: not a number")
        for row in range(3, 60)
    ]
    yield "import-problems", ImportErrorsDialog(problems, lang, window)
    yield "login", LoginDialog(database, lang, window.workspace.where())
    yield "first-run", FirstRunDialog(lang)
    yield "about", AboutDialog(window.workspace.where(), window)
    try:
        raise RuntimeError("an example of an unexpected error")
    except RuntimeError as error:
        yield "unexpected-error", CrashDialog(error, window)
    yield "upgrade", UpgradeDialog(database, None, "0001", "0002")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shots", type=Path, help="save pictures into this folder")
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    options = parser.parse_args()
    os.environ["ORDERTRAIL_CONFIG"] = str(Path(tempfile.mkdtemp()) / "desktop.json")

    from app.demo import build_demo
    from app.setup import open_database
    from ui.app import application
    from ui.screen_fit import BORDER, TITLE_BAR

    work = Path(tempfile.mkdtemp(prefix="small-screens-"))
    database, _ = open_database(str(work / "demo.db"))
    build_demo(database, 40, seed=5)
    app = application(options.lang)
    screen = app.primaryScreen()
    free = screen.availableGeometry()
    report = {
        "screen": [free.width(), free.height()],
        "scale": screen.devicePixelRatio(),
        "windows": {},
    }
    if options.shots:
        options.shots.mkdir(parents=True, exist_ok=True)
    for name, widget in windows(database, options.lang):
        widget.show()
        settle(app, 200 if name == "print-preview" else 20)  # QPdfView renders later
        inside = widget.geometry()
        fits = (
            inside.width() + 2 * BORDER <= free.width()
            and inside.height() + TITLE_BAR + BORDER <= free.height()
        )
        report["windows"][name] = {
            "size": [inside.width(), inside.height()],
            "minimum": [widget.minimumSizeHint().width(), widget.minimumSizeHint().height()],
            "fits": fits,
        }
        if options.shots:
            widget.grab().save(str(options.shots / f"{name}.png"))
            screen.grabWindow(0).save(str(options.shots / f"{name}-on-screen.png"))
        if name != "main-window":
            widget.close()
    print(json.dumps(report))
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
