"""Pictures of the workflow editor and of a window on the edited workflow, as the whole
screen shows them (to see that everything fits):

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python bench/workflow_screenshots.py [FOLDER] [zh|en]

The admin renames 已备货 to 已拣货, inserts 已质检 after it, stops shipping at 已拣货 and
stores the result (workflow-editor-LANG.png, the inserted node selected); then an order
started on it waits at 已质检 in the warehouse's queue (workflow-warehouse-LANG.png).
Also the dialog that inserts the node, and the editor once the version is stored.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from screenshots import settle, when_shown  # noqa: E402


def screen_shot(app, path: Path) -> None:
    settle(app, 10)
    app.primaryScreen().grabWindow(0).save(str(path))


def edit_sales(app, editor, folder: Path, lang: str) -> None:
    """Rename the prepared node, insert an inspection after it, stop shipping there."""
    from ui.workflow_editor import InsertNodeDialog

    editor.kind_box.setCurrentIndex(editor.kind_box.findData("sales"))
    prepared = next(code for code, node in editor.active.nodes.items() if node.zh == "已备货")
    editor.select(prepared)
    editor.name_zh.setText("已拣货")
    editor.name_en.setText("Picked")

    def inspection(dialog: InsertNodeDialog) -> bool:
        dialog.code.setText("inspected")
        dialog.name_zh.setText("已质检")
        dialog.name_en.setText("Inspected")
        dialog.limit.setValue(2)
        dialog.step_zh.setText("质检通过")
        dialog.step_en.setText("Passed inspection")
        settle(app, 3)
        dialog.grab().save(str(folder / f"workflow-insert-{lang}.png"))
        dialog.accept()
        return True

    when_shown(InsertNodeDialog, inspection)
    editor.insert_button.click()
    added = editor.selected
    editor.select(prepared)
    editor.allows["ship"].setChecked(False)
    editor.select(added)
    settle(app, 5)


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    lang = sys.argv[2] if len(sys.argv) > 2 else "zh"
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ordertrail-shots-"))
    os.environ["ORDERTRAIL_CONFIG"] = str(work / "desktop.json")

    from app import demo, orders
    from app.demo import DEMO_PASSWORD
    from app.orders import LineSpec
    from app.setup import open_database
    from app.users import sign_in
    from app.workflow import submit
    from ui import i18n
    from ui.app import application, open_window
    from ui.workflow_editor import WorkflowEditor

    database, _ = open_database(str(work / "demo.db"))
    demo.build_demo(database, 60, seed=3)
    app = application(lang)
    i18n.install(app, lang)
    admin = open_window(database, sign_in(database, "admin", DEMO_PASSWORD), lang)
    admin.resize(1366, 740)
    admin.show()
    settle(app)
    admin.workflows_action.trigger()
    editor = admin.findChild(WorkflowEditor)
    edit_sales(app, editor, folder, lang)
    screen_shot(app, folder / f"workflow-editor-{lang}.png")
    editor.save()
    for _ in range(100):
        if editor.active.version > 1:
            break
        settle(app, 1)
    screen_shot(app, folder / f"workflow-saved-{lang}.png")
    editor.close()
    admin.close()

    users = {role: sign_in(database, role, DEMO_PASSWORD) for role in ("sales", "warehouse")}
    with database.unit_of_work() as session:
        order = orders.create_order(
            session, users["sales"], "sales", demo.CUSTOMERS[0], [LineSpec("A-100", 2)]
        )
        submit(session, users["sales"], [order])
        number = order.number
    for target in ("prepared", "inspected"):
        with database.unit_of_work() as session:
            orders.advance(session, users["warehouse"], number, target)
    window = open_window(database, users["warehouse"], lang)
    window.resize(1366, 740)
    window.show()
    settle(app)
    window.show_order(number)
    screen_shot(app, folder / f"workflow-warehouse-{lang}.png")
    window.close()
    settle(app, 3)
    database.dispose()
    print(f"pictures in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
