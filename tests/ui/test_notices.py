"""The bell: unread count, the list, opening an order, mark read, and the window's sender."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from desk import WAIT_MS, answer, open_desk

from app import notifications, settings
from db.models import OutboxMessage
from ui.notices import ChannelDialog

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def unread(office, user) -> int:
    with office.db.reading() as session:
        return notifications.unread_count(session, user)


@sqlite_only
def test_the_bell_counts_opens_the_order_and_marks_read(qtbot, office, tmp_path):
    first, second = office.placed(), office.placed()
    window = open_desk(qtbot, office.db, office.warehouse, "en")
    bell = window.bell
    assert bell.text() == "Notifications (2)"
    bell.click()
    panel = bell.panel
    assert panel.isVisible() and panel.list.count() == 2
    texts = [panel.list.item(i).text() for i in range(2)]
    assert second in texts[0] and "waiting for Warehouse" in texts[0] and first in texts[1]
    panel.grab().save(str(tmp_path / "notices.png"))

    panel._open(panel.list.item(1))  # what a click on the older one does
    qtbot.waitUntil(lambda: window.detail.number == first, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bell.text() == "Notifications (1)", timeout=WAIT_MS)
    assert unread(office, office.warehouse) == 1 and not panel.isVisible()

    bell.click()
    panel.read_all.click()
    qtbot.waitUntil(lambda: bell.text() == "Notifications", timeout=WAIT_MS)
    assert unread(office, office.warehouse) == 0
    assert unread(office, office.sales) == 2  # the creator's notices are theirs to read


@sqlite_only
def test_a_new_notice_from_elsewhere_updates_the_bell(qtbot, office):
    window = open_desk(qtbot, office.db, office.warehouse, "en")
    assert window.bell.text() == "Notifications"
    office.placed()  # another desktop's change
    qtbot.waitUntil(lambda: window.bell.text() == "Notifications (1)", timeout=WAIT_MS)


@sqlite_only
def test_choosing_channels_in_the_window(qtbot, office):
    window = open_desk(qtbot, office.db, office.sales, "en")

    def fill(dialog: ChannelDialog) -> None:
        dialog.email.setText("xiao.wang@example.com")
        dialog.boxes["my_order", "email"].setChecked(True)
        dialog.boxes["my_order", "in_app"].setChecked(False)
        dialog.accept()

    answer(ChannelDialog, fill)
    window.bell.choose_channels()

    def chosen() -> list[str]:
        with office.db.reading() as session:
            return notifications.channels_of(session, office.sales)["my_order"]

    qtbot.waitUntil(lambda: chosen() == ["email"], timeout=WAIT_MS)


class Hook(BaseHTTPRequestHandler):
    bodies: list[bytes] = []

    def do_POST(self):
        Hook.bodies.append(self.rfile.read(int(self.headers["Content-Length"])))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@sqlite_only
def test_the_window_sends_the_outbox_off_the_ui_thread(qtbot, office):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with office.db.unit_of_work() as session:
            url = f"http://127.0.0.1:{server.server_address[1]}/hook"
            settings.change(session, office.admin, "webhook_url", url)
            notifications.choose_channels(session, office.warehouse, "next_step", ["webhook"])
        number = office.placed()
        window = open_desk(qtbot, office.db, office.warehouse, "en")
        window.outbox_sender.send()
        qtbot.waitUntil(lambda: not window.outbox_sender.running, timeout=WAIT_MS)
        assert len(Hook.bodies) == 1 and number.encode() in Hook.bodies[0]
        with office.db.reading() as session:
            assert session.query(OutboxMessage).one().state == "sent"
    finally:
        server.shutdown()
        server.server_close()


@sqlite_only
def test_the_admin_sets_a_channel_up_and_sends_a_test_message(qtbot, office):
    from ui.notices import ChannelSettingsPage
    from ui.workspace import Workspace

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Hook.bodies.clear()
    try:
        page = ChannelSettingsPage(Workspace(office.db, office.admin, "en"))
        qtbot.addWidget(page)
        page.edits["webhook_url"].setText(f"http://127.0.0.1:{server.server_address[1]}/hook")
        page.edits["webhook_secret"].setText("key-1")
        assert page.edits["message_language"].text() == "zh"
        page.edits["message_language"].setText("en")
        page.save_button.click()
        qtbot.waitUntil(lambda: page.problem.text() == "Saved.", timeout=WAIT_MS)
        assert page.edits["webhook_secret"].text() == "******"
        page.problem.clear()
        page.save_button.click()  # saving the masked secret again keeps the secret
        qtbot.waitUntil(lambda: page.problem.text() == "Saved.", timeout=WAIT_MS)
        with office.db.reading() as session:
            assert settings.get(session, "webhook_secret") == "key-1"
            assert settings.get(session, "message_language") == "en"
        page.channel.setCurrentIndex(page.channel.findData("webhook"))
        page.test_button.click()
        qtbot.waitUntil(lambda: "Test message sent" in page.problem.text(), timeout=WAIT_MS)
        assert len(Hook.bodies) == 1 and "测试消息" in Hook.bodies[0].decode()
    finally:
        server.shutdown()
        server.server_close()
