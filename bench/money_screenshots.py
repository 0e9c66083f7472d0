"""Pictures of the finance page with demo data: the ageing table and the month-end
reconciliation report, in Chinese and English, and the report's PDF rendered to PNG.

    xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \\
        python bench/money_screenshots.py [FOLDER]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.screenshots import settle  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ordertrail-money-shots-"))
    os.environ["ORDERTRAIL_CONFIG"] = str(work / "desktop.json")

    import pypdfium2
    from PySide6.QtCore import QThreadPool
    from sqlalchemy import update

    from app import demo
    from app.demo import DEMO_PASSWORD
    from app.masterdata import edit_party
    from app.setup import open_database
    from app.users import sign_in
    from db.models import Payment
    from ui import i18n
    from ui.app import application, open_window

    database, _ = open_database(str(work / "demo.db"))
    demo.build_demo(database, 220, seed=3)
    finance = sign_in(database, "finance", DEMO_PASSWORD)
    sales = sign_in(database, "sales", DEMO_PASSWORD)
    with database.unit_of_work() as session:
        edit_party(
            session, sales, demo.CUSTOMERS[0], payment_terms="月结30天", credit_limit="50000"
        )
        edit_party(session, sales, demo.CUSTOMERS[1], payment_terms="货到付款")
    with database.engine.begin() as connection:  # one payment changed behind the program's back
        first = connection.execute(Payment.__table__.select().limit(1)).first()
        connection.execute(update(Payment).where(Payment.id == first.id).values(amount=50))
    app = application("zh")
    for lang in ("zh", "en"):
        i18n.install(app, lang)
        window = open_window(database, finance, lang)
        window.resize(1366, 740)
        window.show_money(0)
        settle(app)
        window.grab().save(str(folder / f"ageing-{lang}.png"))
        window.show_money(1)
        tab = window.money.reconcile
        tab.run()
        settle(app)
        window.grab().save(str(folder / f"reconcile-{lang}.png"))
        if lang == "zh":
            pdf = work / "report.pdf"
            tab.export_to(pdf)
            QThreadPool.globalInstance().waitForDone()
            settle(app)
            document = pypdfium2.PdfDocument(str(pdf))
            for index in range(min(2, len(document))):
                page = document[index].render(scale=1.5).to_pil()
                page.save(str(folder / f"reconcile-pdf-page{index + 1}.png"))
        QThreadPool.globalInstance().waitForDone()
        settle(app)
        window.close()
    print(folder)


if __name__ == "__main__":
    main()
