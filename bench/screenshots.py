"""Pictures of the window with demo data, to look at what people will see.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb \\
        python bench/screenshots.py [FOLDER]

Saves, in Chinese and in English: the main window as sales, warehouse, finance
and owner, the order editor with two lines, and the ship dialog.
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


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ordertrail-shots-"))
    os.environ["ORDERTRAIL_CONFIG"] = str(work / "desktop.json")  # no remembered layout

    from app import demo, queries
    from app.demo import DEMO_PASSWORD
    from app.setup import open_database
    from app.users import sign_in
    from ui import i18n
    from ui.app import application, open_window
    from ui.dialogs import ShipDialog
    from ui.order_detail import load
    from ui.order_editor import QTY, SKU, OrderEditor

    database, _ = open_database(str(work / "demo.db"))
    demo.build_demo(database, 160, seed=3)
    app = application("zh")
    for lang in ("zh", "en"):
        i18n.install(app, lang)
        for role in ROLES:
            window = open_window(database, sign_in(database, role, DEMO_PASSWORD), lang)
            window.resize(1270, 770)
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
                        session, queries.OrderFilter(kind="sales", status="prepared"), limit=1)[0]
                    detail = load(session, window.workspace.user, order.number, lang)
                dialog = ShipDialog(detail, window)
                dialog.carrier.setCurrentText("顺丰速运")
                dialog.tracking.setText("SF1402558890")
                dialog.show()
                settle(app, 5)
                dialog.grab().save(str(folder / f"ship-{lang}.png"))
                dialog.close()
            window.close()
            settle(app, 3)
    count = len(list(folder.glob("*.png")))
    print(f"{count} pictures in {folder}")
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
