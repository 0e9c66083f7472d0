"""Carrier statuses from an export file and from a fake 快递100-style service on loopback:
the right shipments are signed, nothing else changes, unknown numbers are reported."""

from __future__ import annotations

import hashlib
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app import audit, orders, settings, tracking
from db.models import Event, Order, Shipment


def shipped(office, tracking_no: str, carrier: str = "顺丰速运") -> tuple[str, str]:
    """A sales order shipped whole under this tracking number: (order, shipment)."""
    number = office.placed()
    with office.db.unit_of_work() as session:
        shipment = orders.ship(session, office.warehouse, number, carrier, tracking_no)
        return number, shipment.number


def state(office) -> dict[str, tuple[str, bool]]:
    """Per tracking number: the order's node and whether the shipment is signed."""
    with office.db.reading() as session:
        rows = session.execute(
            select(Shipment.tracking_no, Order.status, Shipment.delivered_at).join(
                Order, Order.id == Shipment.order_id
            )
        )
        return {t: (status, at is not None) for t, status, at in rows}


def events(office, action: str) -> list[dict]:
    with office.db.reading() as session:
        return [e.after for e in session.scalars(select(Event).where(Event.action == action))]


@pytest.fixture
def three(office):
    return {t: shipped(office, t) for t in ("SF1001", "SF1002", "SF1003")}


def test_a_carrier_csv_signs_the_right_shipments(office, cli, three, tmp_path):
    export = tmp_path / "顺丰状态.csv"
    export.write_text(
        "运单号,状态,时间\n"
        "SF1001,已签收（本人签收）,2026-12-01 14:30\n"
        "SF1002,运输中,2026-12-01 09:00\n"
        "SF9999,已签收,2026-12-01 10:00\n"
        "SF1003,客户拒收,2026-12-01 11:00\n"
        "SF1001,已签收,2026-12-01 15:00\n",
        encoding="utf-8-sig",
    )
    code, out, err = cli("tracking", "import", str(export), "--json", user="service")
    assert code == 0, err
    results = {(r["tracking_no"], r["outcome"]) for r in json.loads(out)}
    assert results == {
        ("SF1001", "signed"),
        ("SF1001", "already_signed"),
        ("SF1002", "noted"),
        ("SF9999", "unknown"),
        ("SF1003", "refused"),
    }
    assert state(office) == {
        "SF1001": ("delivered", True),
        "SF1002": ("shipped", False),
        "SF1003": ("shipped", False),
    }
    refused, signed = events(office, "carrier_status")  # in the carrier's order of time
    assert signed["tracking_no"] == "SF1001" and signed["source"] == "file"
    assert signed["from"] == "顺丰状态.csv" and signed["carrier_time"] == "2026-12-01T06:30:00"
    # The refusal puts its order into an exception, recorded with the carrier's words.
    assert refused["tracking_no"] == "SF1003" and refused["carrier_said"] == "客户拒收"
    [trouble] = events(office, "shipment_refused")
    assert (trouble["reason"], trouble["source"]) == ("客户拒收", "file")
    assert len(events(office, "signed")) == 1
    with office.db.reading() as session:
        assert audit.verify(session).ok
    # The same file again changes nothing.
    code, out, _ = cli("tracking", "import", str(export), "--json", user="service")
    assert {r["outcome"] for r in json.loads(out) if r["tracking_no"] == "SF1001"} == {
        "already_signed"
    }
    assert {r["outcome"] for r in json.loads(out) if r["tracking_no"] == "SF1003"} == {
        "already_refused"
    }
    assert len(events(office, "carrier_status")) == 2


def test_a_carrier_workbook_is_read_too(office, cli, three, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["快递单号", "物流状态", "签收时间", "备注"])
    sheet.append(["SF1002", "已签收", "2026-12-02 08:00:00", "😀 前台代收"])
    book.save(tmp_path / "export.xlsx")
    code, out, err = cli(
        "--lang", "en", "tracking", "import", str(tmp_path / "export.xlsx"), user="service"
    )
    assert code == 0, err
    assert "SF1002" in out and "signed" in out and "1 shipments signed" in err
    assert state(office)["SF1002"] == ("delivered", True)
    assert state(office)["SF1001"] == ("shipped", False)


def test_files_that_are_not_what_they_claim_are_refused_whole(office, cli, three, tmp_path):
    cases = {
        "renamed.xlsx": b"tracking number,status,time\nSF1001,signed,2026-12-01 10:00\n",
        "picture.csv": b"\x89PNG\r\n\x1a\n\x00\x00\x00",
        "columns.csv": "运单号,时间\nSF1001,2026-12-01 10:00\n".encode(),
        "times.csv": (
            "运单号,状态,时间\nSF1001,已签收,2026-12-01 10:00\nSF1002,已签收,明天\n".encode()
        ),
        "notes.txt": b"SF1001 signed",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
        code, _, err = cli("tracking", "import", str(tmp_path / name), user="service")
        assert code == 3 and name in err, (name, err)
    code, _, err = cli("tracking", "import", str(tmp_path / "times.csv"), user="service")
    assert "第 3 行" in err and "明天" in err
    assert all(not signed for _, signed in state(office).values())  # nothing half done


def test_only_whoever_may_sign_applies_signatures(office, cli, three, tmp_path):
    export = tmp_path / "s.csv"
    export.write_text("tracking number,status,time\nSF1001,delivered,2026-12-01 10:00\n")
    code, _, _ = cli("tracking", "import", str(export), user="warehouse")
    assert code == 4
    assert state(office)["SF1001"] == ("shipped", False)


class FakeKuaidi100(BaseHTTPRequestHandler):
    """Answers like 快递100's query API: form fields customer, sign, param."""

    answers: dict[str, dict] = {}
    asked: list[dict] = []
    key, customer = "test-key", "CUSTOMER-1"

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        param = form["param"][0]
        expected = hashlib.md5((param + self.key + self.customer).encode()).hexdigest().upper()
        if form["sign"][0] != expected or form["customer"][0] != self.customer:
            body = {"result": False, "returnCode": "601", "message": "key error"}
        else:
            query = json.loads(param)
            type(self).asked.append(query)
            body = self.answers.get(query["num"], {"result": False, "returnCode": "500"})
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def _answer(number: str, state: str, status: str, when: str) -> dict:
    return {
        "message": "ok",
        "state": state,
        "status": "200",
        "ischeck": "1" if state == "3" else "0",
        "com": "shunfeng",
        "nu": number,
        "data": [{"time": when, "ftime": when, "context": f"【深圳】{status}", "status": status}],
    }


@pytest.fixture
def fake_service(office):
    FakeKuaidi100.asked = []
    FakeKuaidi100.answers = {
        "SF1001": _answer("SF1001", "3", "签收", "2026-12-01 16:00:00"),
        "SF1002": _answer("SF1002", "5", "派件", "2026-12-01 09:00:00"),
        "SF1003": _answer("SF1003", "14", "拒签", "2026-12-01 11:00:00"),
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeKuaidi100)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/poll/query.do"
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "tracking_url", url)
        settings.change(session, office.admin, "tracking_customer", FakeKuaidi100.customer)
        settings.change(session, office.admin, "tracking_key", FakeKuaidi100.key)
    yield url
    server.shutdown()
    server.server_close()


def test_the_tracking_service_signs_the_right_shipments(office, cli, three, fake_service):
    extra = shipped(office, "YT2001", carrier="圆通")
    code, out, err = cli("tracking", "pull", "--json", user="service")
    assert code == 0, err
    assert {q["num"]: q["com"] for q in FakeKuaidi100.asked} == {
        "SF1001": "shunfeng",
        "SF1002": "shunfeng",
        "SF1003": "shunfeng",
        "YT2001": "yuantong",
    }
    outcomes = {r["tracking_no"]: r["outcome"] for r in json.loads(out)}
    assert outcomes == {"SF1001": "signed", "SF1002": "noted", "SF1003": "refused"}
    assert state(office) == {
        "SF1001": ("delivered", True),
        "SF1002": ("shipped", False),
        "SF1003": ("shipped", False),
        "YT2001": ("shipped", False),
    }
    applied = {e["tracking_no"]: e for e in events(office, "carrier_status")}
    assert set(applied) == {"SF1001", "SF1003"}
    assert all(e["source"] == "service" for e in applied.values())
    assert applied["SF1001"]["from"].startswith("127.0.0.1:")
    assert applied["SF1001"]["document"] == three["SF1001"][1] and extra
    assert [e["source"] for e in events(office, "shipment_refused")] == ["service"]
    # A second pull asks only about what is still on its way and signs nothing twice.
    FakeKuaidi100.asked = []
    code, out, _ = cli("tracking", "pull", "--json", user="service")
    assert not {"SF1001", "SF1003"} & {q["num"] for q in FakeKuaidi100.asked}
    assert len(events(office, "signed")) == 1


def test_a_wrong_key_or_no_service_is_a_clear_message(office, cli, three, fake_service):
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "tracking_key", "wrong")
    code, out, _ = cli("tracking", "pull", "--json", user="service")
    assert code == 0 and json.loads(out) == []  # the service refused every query
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "tracking_url", "http://127.0.0.1:9/none")
    code, _, err = cli("tracking", "pull", user="service")
    assert code == 3 and "127.0.0.1:9" in err
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "tracking_url", "")
    code, _, err = cli("tracking", "pull", user="service")
    assert code == 3 and "tracking_url" in err
    with office.db.reading() as session:
        assert settings.all_settings(session)["tracking_key"] == "******"
    assert tracking.meaning_of("未签收") == tracking.MOVING
    assert tracking.meaning_of("Not yet delivered") == tracking.MOVING
    assert tracking.meaning_of("Out for delivery") == tracking.MOVING
    assert tracking.meaning_of("Delivered") == tracking.SIGNED
    assert tracking.meaning_of("客户拒签收") == tracking.REFUSED


def test_a_lost_status_reports_the_shipment_lost(office, cli, three, fake_service, tmp_path):
    export = tmp_path / "中通状态.csv"
    export.write_text(
        "运单号,状态,时间\n"
        "SF1001,快件丢失,2026-12-01 10:00\n"
        "SF1003,Parcel missing,2026-12-01 11:00\n",
        encoding="utf-8-sig",
    )
    code, out, err = cli("tracking", "import", str(export), "--json", user="warehouse")
    assert code == 0, err
    assert {r["tracking_no"]: r["outcome"] for r in json.loads(out)} == {
        "SF1001": "lost",
        "SF1003": "lost",
    }
    FakeKuaidi100.answers["SF1002"] = _answer("SF1002", "2", "快件遗失", "2026-12-01 12:00:00")
    code, out, err = cli("tracking", "pull", "--json", user="warehouse")
    assert code == 0, err
    assert {r["tracking_no"]: r["outcome"] for r in json.loads(out)} == {"SF1002": "lost"}
    with office.db.reading() as session:
        troubles = dict(session.execute(select(Shipment.tracking_no, Shipment.trouble)).all())
    assert troubles == {"SF1001": "lost", "SF1002": "lost", "SF1003": "lost"}
    # Nothing signed; each loss recorded with the carrier's words and where they came from.
    assert state(office) == {t: ("shipped", False) for t in ("SF1001", "SF1002", "SF1003")}
    lost = {e["document"]: (e["reason"], e["source"]) for e in events(office, "shipment_lost")}
    assert lost == {
        three["SF1001"][1]: ("快件丢失", "file"),
        three["SF1003"][1]: ("Parcel missing", "file"),
        three["SF1002"][1]: ("2 快件遗失", "service"),
    }
    said = {
        e["tracking_no"]: (e["carrier_said"], e["source"]) for e in events(office, "carrier_status")
    }
    assert said["SF1001"] == ("快件丢失", "file") and said["SF1002"] == ("2 快件遗失", "service")
    # Reported again, a loss changes nothing.
    code, out, _ = cli("tracking", "import", str(export), "--json", user="warehouse")
    assert {r["outcome"] for r in json.loads(out)} == {"already_refused"}
    assert len(events(office, "shipment_lost")) == 3
    for words in ("丢件", "遗失", "Lost in transit", "签收前丢失"):
        assert tracking.meaning_of(words) == tracking.LOST, words
