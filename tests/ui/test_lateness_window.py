"""In the window: the late queue sorted by how late with the words, the working-hours
settings with China's holidays, and carrier statuses imported from a file."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from desk import WAIT_MS, open_desk
from PySide6.QtWidgets import QTableWidget
from sqlalchemy import select

from app import orders, settings, worklist
from app.clock import frozen_at
from db.models import Shipment
from ui.admin_console import AdminConsole
from ui.main_window import KEY_ROLE
from ui.order_list import LATE, REASON
from ui.tracking_actions import TrackingResults
from ui.workspace import Workspace

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
START = datetime(2026, 12, 4, 11, 0)


def _late_orders(office) -> list[str]:
    numbers = []
    for hours in (0, 30, 10):
        with frozen_at(START + timedelta(hours=hours)):
            numbers.append(office.placed())
    with frozen_at(START + timedelta(hours=1)), office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, numbers[0], "顺丰", "SF77")
    return numbers


@sqlite_only
def test_the_exceptions_page_lists_the_most_late_first_in_words(qtbot, office):
    shipped, fresh, middle = _late_orders(office)
    with frozen_at(START + timedelta(hours=77)):
        window = open_desk(qtbot, office.db, office.owner)
        window.show()
        for i in range(window.nav.count()):
            if window.nav.item(i).data(KEY_ROLE) == "exceptions":
                window.nav.setCurrentRow(i)
        assert window.model.query.sort == worklist.LATE
        model = window.model
        rows = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
        assert rows == [middle, fresh, shipped]
        assert model.data(model.index(0, LATE)) == "超时 43 小时"
        assert model.data(model.index(2, REASON)) == "已发货 76 小时未签收"
        assert model.data(model.index(2, LATE)) == "超时 4 小时"


@sqlite_only
def test_the_admin_sets_working_hours_and_imports_china_holidays(qtbot, office):
    window = AdminConsole(Workspace(office.db, office.admin, "zh"))
    qtbot.addWidget(window)
    window.show()
    page = window.pages["working_hours"]
    page.working.setChecked(True)
    page.works[5].setChecked(True)
    page.hours[5].setText("09:00-12:00")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=WAIT_MS)
    with office.db.reading() as session:
        assert settings.get(session, "limits_in_working_hours") == "true"
        assert settings.get(session, "working_week") == "mon-fri 09:00-18:00; sat 09:00-12:00"
    page.import_holidays(None)
    qtbot.waitUntil(
        lambda: "2026-10-01..2026-10-07" in page.holidays.toPlainText(), timeout=WAIT_MS
    )
    assert "2026-10-10" in page.workdays.toPlainText()
    page.offset.setText("Beijing")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.save_button.isEnabled(), timeout=WAIT_MS)
    assert "+08:00" in page.problem.text()
    with office.db.reading() as session:
        assert settings.get(session, "utc_offset") == "+08:00"


@sqlite_only
def test_carrier_statuses_imported_in_the_window(qtbot, office, tmp_path):
    number = office.placed()
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, number, "顺丰", "SF88")
    export = tmp_path / "status.csv"
    export.write_text(
        "运单号,状态,时间\nSF88,已签收,2026-12-01 10:00\nSF00,已签收,2026-12-01 10:00\n"
    )
    window = open_desk(qtbot, office.db, office.service)
    window.show()
    tracking = window.carrier_tracking
    assert tracking.import_action.isEnabled()
    tracking.import_file(str(export))
    qtbot.waitUntil(lambda: isinstance(getattr(tracking, "results", None), TrackingResults))
    table = tracking.results.findChild(QTableWidget)
    assert table.rowCount() == 2
    results = {table.item(r, 0).text(): table.item(r, 4).text() for r in range(2)}
    assert results == {"SF88": "Signed for", "SF00": "No shipment has this tracking number"}
    with office.db.reading() as session:
        shipment = session.scalar(select(Shipment).where(Shipment.tracking_no == "SF88"))
        assert shipment.delivered_at is not None
    tracking.results.close()
    warehouse = open_desk(qtbot, office.db, office.warehouse)
    assert not warehouse.carrier_tracking.import_action.isEnabled()
