"""Pictures of the dashboard, the orders behind one of its figures, the wall display and the
PDF report, with demo data, to look at what the owner and the warehouse will see.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python bench/dashboard_screenshots.py FOLDER [--lang zh|en]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screenshots import settle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--lang", choices=["zh", "en"], default="zh")
    parser.add_argument("--db", help="an existing demo database (else one is made)")
    args = parser.parse_args()
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)

    import pypdfium2
    from sqlalchemy import select

    from app.demo import build_demo
    from app.setup import open_database
    from db.models import User
    from ui.app import application
    from ui.board import BoardWindow
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    work = Path(tempfile.mkdtemp())
    path = args.db or str(work / "demo.db")
    database, _ = open_database(path)
    if not args.db:
        build_demo(database, 300, seed=1)
    app = application(args.lang)
    with database.reading() as session:
        owner = session.scalar(select(User).where(User.name == "owner"))
    window = MainWindow(Workspace(database, owner, args.lang))
    window.resize(1366, 768)
    window.show()
    settle(app)
    window.nav.setCurrentRow(window.nav.count() - 1)
    settle(app, 60)
    window.grab().save(str(folder / f"dashboard-{args.lang}.png"))
    scroll = window.dashboard.cards["customers"]
    scroll.parentWidget().parentWidget().parentWidget().verticalScrollBar().setValue(10_000)
    settle(app, 5)
    window.grab().save(str(folder / f"dashboard-lower-{args.lang}.png"))
    window.dashboard._tile_clicked("late")
    settle(app, 30)
    window.grab().save(str(folder / f"dashboard-late-orders-{args.lang}.png"))

    report = folder / f"dashboard-report-{args.lang}.pdf"
    window.dashboard.export_pdf(report)
    settle(app, 60)
    pdf = pypdfium2.PdfDocument(str(report))
    for i in range(len(pdf)):
        pdf[i].render(scale=1.4).to_pil().save(str(folder / f"report-{args.lang}-{i + 1}.png"))
    window.close()

    for width, height in ((1366, 768), (1920, 1080)):
        board = BoardWindow(database, owner, args.lang)
        board.resize(width, height)
        board.show()
        settle(app, 60)
        board.grab().save(str(folder / f"board-{width}x{height}-{args.lang}.png"))
        board.close()
    database.dispose()


if __name__ == "__main__":
    main()
