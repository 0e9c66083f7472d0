"""The outbox and its channels, against a real SMTP server and a real HTTP server on loopback."""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import hmac
import json
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from sqlalchemy import func, select

from app import notifications, outbox, settings
from app.channels import SIGNATURE_HEADER
from app.clock import frozen_at, utcnow
from app.errors import PermissionDenied, ValidationError
from app.orders import find_orders
from app.users import add_user
from app.workflow import submit
from db.engine import Database
from db.models import Delivery, OutboxMessage

PASSWORD = "secret-pw"  # the office fixture's password for every role


class Receiver:
    """A local HTTP server that answers like a WeCom or DingTalk robot or a JSON webhook."""

    def __init__(self):
        self.received: list[dict] = []
        self.failures_left = 0  # answer 500 to this many requests first
        self.delay_s = 0.0
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(receiver.delay_s)
                with receiver.lock:
                    failing = receiver.failures_left > 0
                    receiver.failures_left -= failing
                    if not failing:
                        parts = urllib.parse.urlsplit(self.path)
                        receiver.received.append(
                            {
                                "path": parts.path,
                                "query": dict(urllib.parse.parse_qsl(parts.query)),
                                "headers": {k.lower(): v for k, v in self.headers.items()},
                                "raw": body,
                                "json": json.loads(body),
                            }
                        )
                answer = b'{"errcode": 0, "errmsg": "ok"}'
                self.send_response(500 if failing else 200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def keys(self) -> Counter:
        return Counter(r["headers"]["idempotency-key"] for r in self.received)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = Receiver()
    yield server
    server.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    def __init__(self):
        self.messages: list[dict] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {"to": envelope.rcpt_tos, "data": envelope.content.decode("utf-8", "replace")}
        )
        return "250 OK"


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = (auth_data.login, auth_data.password) == (b"robot", b"mail-pw")
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535


@pytest.fixture(scope="session")
def certificate(tmp_path_factory) -> tuple[str, str]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return str(cert), str(key)


@pytest.fixture
def smtp_server(certificate):
    """A real SMTP server on loopback offering STARTTLS and requiring a login."""
    cert, key = certificate
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server_tls.load_cert_chain(cert, key)
    mailbox = Mailbox()
    controller = Controller(
        mailbox,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=server_tls,
        require_starttls=True,
        auth_required=True,
        authenticator=_authenticator,
    )
    controller.start()
    yield controller.port, mailbox
    controller.stop()


@pytest.fixture
def client_tls(certificate) -> ssl.SSLContext:
    """What a desktop trusts: here, the test server's own certificate."""
    return ssl.create_default_context(cafile=certificate[0])


def configure(office, **values: str) -> None:
    with office.db.unit_of_work() as session:
        for key, value in values.items():
            settings.change(session, office.admin, key, value)


def choose(office, user, kind: str, *channels: str) -> None:
    with office.db.unit_of_work() as session:
        notifications.choose_channels(session, user, kind, list(channels))


def place_many(office, count: int) -> list[str]:
    """`count` sales orders placed in one unit of work: each tells the warehouse."""
    numbers = [office.order(lines=(("A-1", 1),)) for _ in range(count)]
    with office.db.unit_of_work() as session:
        submit(session, office.sales, find_orders(session, numbers))
    return numbers


def outbox_rows(office) -> list[OutboxMessage]:
    with office.db.reading() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_a_change_writes_its_outbox_rows_and_the_sender_delivers_them_signed(office, receiver):
    configure(office, webhook_url=f"{receiver.url}/hook", webhook_secret="s3cret-密钥")
    choose(office, office.warehouse, "next_step", "in_app", "webhook")
    [number] = place_many(office, 1)
    [row] = outbox_rows(office)
    assert (row.channel, row.state, row.attempts) == ("webhook", "pending", 0)
    assert receiver.received == []  # written with the change, sent only by a sender

    report = outbox.send_due(office.db)

    assert (report.sent, report.failed) == (1, 0)
    [request] = receiver.received
    assert request["json"]["order"] == number
    assert request["json"]["kind"] == "next_step"
    assert "等待仓库处理" in request["json"]["text"]
    assert request["headers"]["idempotency-key"] == row.key
    expected = hmac.new("s3cret-密钥".encode(), request["raw"], hashlib.sha256).hexdigest()
    assert request["headers"][SIGNATURE_HEADER.lower()] == f"sha256={expected}"
    [row] = outbox_rows(office)
    assert row.state == "sent" and row.sent_at is not None
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Delivery)) == 1
    assert outbox.send_due(office.db).sent == 0  # nothing twice


def test_messages_go_out_in_the_office_s_message_language(office, receiver):
    configure(office, webhook_url=f"{receiver.url}/hook", message_language="EN")
    choose(office, office.warehouse, "next_step", "webhook")
    [number] = place_many(office, 1)
    [row] = outbox_rows(office)
    assert row.subject == f"[OrderTrail] {number} Orders waiting for my step"
    assert outbox.send_due(office.db).sent == 1
    [request] = receiver.received
    assert request["json"]["text"].startswith(f"Order {number} (")
    assert "waiting for Warehouse" in request["json"]["text"]
    with pytest.raises(ValidationError, match="message_language"):
        configure(office, message_language="fr")


def test_a_change_that_fails_leaves_no_outbox_row(office, receiver):
    configure(office, webhook_url=f"{receiver.url}/hook")
    choose(office, office.warehouse, "next_step", "webhook")
    number = office.order()
    with pytest.raises(RuntimeError), office.db.unit_of_work() as session:
        submit(session, office.sales, find_orders(session, [number]))
        raise RuntimeError("the desktop died before the commit")
    assert outbox_rows(office) == []


def test_wecom_and_dingtalk_robots_get_their_own_formats(office, receiver):
    configure(
        office,
        wecom_webhook=f"{receiver.url}/cgi-bin/webhook/send?key=wk-1",
        dingtalk_webhook=f"{receiver.url}/robot/send?access_token=dt-1",
        dingtalk_secret="SECabc",
    )
    # Two warehouse users chose the WeCom group: the group hears it once.
    with office.db.unit_of_work() as session:
        second = add_user(session, office.admin, "仓管二", ["warehouse"], "password-2")
    choose(office, office.warehouse, "next_step", "wecom")
    choose(office, second, "next_step", "wecom", "dingtalk")
    [number] = place_many(office, 1)

    assert outbox.send_due(office.db).sent == 2
    by_path = {r["path"]: r for r in receiver.received}
    assert set(by_path) == {"/cgi-bin/webhook/send", "/robot/send"}
    wecom = by_path["/cgi-bin/webhook/send"]
    assert wecom["query"] == {"key": "wk-1"}
    assert wecom["json"]["msgtype"] == "text" and number in wecom["json"]["text"]["content"]
    ding = by_path["/robot/send"]
    assert ding["json"]["msgtype"] == "text" and number in ding["json"]["text"]["content"]
    stamp = ding["query"]["timestamp"]
    digest = hmac.new(b"SECabc", f"{stamp}\nSECabc".encode(), hashlib.sha256).digest()
    assert ding["query"]["sign"] == base64.b64encode(digest).decode()
    assert ding["query"]["access_token"] == "dt-1"
    assert abs(int(stamp) / 1000 - time.time()) < 60


def test_email_goes_over_starttls_with_a_login(office, smtp_server, client_tls):
    port, mailbox = smtp_server
    configure(
        office,
        smtp_host="127.0.0.1",
        smtp_port=str(port),
        smtp_security="starttls",
        smtp_user="robot",
        smtp_password="mail-pw",
        smtp_from="ordertrail@example.com",
    )
    with office.db.unit_of_work() as session:
        notifications.set_email(session, office.sales, "xiao.wang@example.com")
    choose(office, office.sales, "my_order", "in_app", "email")
    [number] = place_many(office, 1)

    assert outbox.send_due(office.db, tls=client_tls).sent == 1
    [mail] = mailbox.messages
    assert mail["to"] == ["xiao.wang@example.com"]
    parsed = email.message_from_string(mail["data"], policy=email.policy.default)
    assert number in parsed["Subject"]
    assert f"您创建的订单 {number}" in parsed.get_content() and "已下单" in parsed.get_content()
    [row] = outbox_rows(office)
    assert parsed["Message-ID"] == f"<{row.key}@ordertrail>"


def test_a_wrong_smtp_password_is_a_failed_attempt_not_a_sent_mail(office, smtp_server, client_tls):
    port, mailbox = smtp_server
    configure(office, smtp_host="127.0.0.1", smtp_port=str(port), smtp_user="robot")
    configure(office, smtp_password="wrong", smtp_from="ordertrail@example.com")
    with office.db.unit_of_work() as session:
        notifications.set_email(session, office.sales, "xiao.wang@example.com")
    choose(office, office.sales, "my_order", "email")
    place_many(office, 1)
    report = outbox.send_due(office.db, tls=client_tls)
    assert (report.sent, report.failed) == (0, 1)
    [row] = outbox_rows(office)
    assert row.state == "pending" and row.attempts == 1 and "535" in row.last_error
    assert mailbox.messages == []


def test_a_server_failing_three_times_then_recovering_still_gets_the_message(office, receiver):
    configure(office, webhook_url=f"{receiver.url}/hook")
    choose(office, office.warehouse, "next_step", "webhook")
    place_many(office, 1)
    receiver.failures_left = 3
    moment = utcnow()
    waits = []
    for _ in range(4):
        with frozen_at(moment):
            outbox.send_due(office.db)
        [row] = outbox_rows(office)
        waits.append(row.next_attempt_at - moment)
        with frozen_at(moment):  # not due again before its backoff has passed
            assert outbox.send_due(office.db).sent + outbox.send_due(office.db).failed == 0
        moment = row.next_attempt_at + timedelta(seconds=1)
    [row] = outbox_rows(office)
    assert (row.state, row.attempts) == ("sent", 4)
    assert waits[1] > waits[0] * 1.5 and waits[2] > waits[1] * 1.5  # exponential backoff
    assert len(receiver.received) == 1
    with office.db.reading() as session:
        oks = session.scalars(select(Delivery.ok).order_by(Delivery.id)).all()
    assert oks == [False, False, False, True]


def test_a_server_that_never_recovers_ends_in_the_dead_letters_and_can_be_retried(office, receiver):
    configure(office, webhook_url=f"{receiver.url}/hook")
    choose(office, office.warehouse, "next_step", "webhook")
    place_many(office, 1)
    receiver.failures_left = 10_000
    moment = utcnow()
    for _ in range(outbox.MAX_ATTEMPTS + 2):
        with frozen_at(moment):
            outbox.send_due(office.db)
        moment += outbox.LONGEST_WAIT + timedelta(seconds=1)
    [row] = outbox_rows(office)
    assert (row.state, row.attempts) == ("dead", outbox.MAX_ATTEMPTS)
    with office.db.reading() as session:
        [dead] = outbox.dead_letters(session, office.admin)
        assert "HTTP 500" in dead.last_error
        with pytest.raises(PermissionDenied):
            outbox.dead_letters(session, office.warehouse)
    receiver.failures_left = 0
    with frozen_at(moment):
        assert outbox.send_due(office.db).sent == 0  # dead rows are not sent by themselves
        with office.db.unit_of_work() as session:
            outbox.retry(session, office.admin, row.id)
        assert outbox.send_due(office.db).sent == 1
    assert len(receiver.received) == 1
    with pytest.raises(ValidationError, match="not dead"), office.db.unit_of_work() as session:
        outbox.retry(session, office.admin, row.id)


def test_two_senders_at_once_send_each_message_once(office, receiver, backend):
    configure(office, webhook_url=f"{receiver.url}/hook")
    choose(office, office.warehouse, "next_step", "webhook")
    place_many(office, 30)
    receiver.delay_s = 0.01
    databases = [Database(office.db.url) for _ in range(2)]
    reports = []
    senders = [
        threading.Thread(target=lambda d=d: reports.append(outbox.send_due(d))) for d in databases
    ]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    for database in databases:
        database.dispose()
    assert sum(r.sent for r in reports) == 30
    assert all(r.sent > 0 for r in reports)  # both took part
    keys = receiver.keys()
    assert len(keys) == 30 and set(keys.values()) == {1}
    assert {row.state for row in outbox_rows(office)} == {"sent"}


SENDER = "import sys; from cli.commands import main; sys.exit(main(sys.argv[1:]))"


def test_a_sender_killed_mid_way_and_restarted_delivers_each_message_once(
    office, receiver, monkeypatch, tmp_path
):
    configure(office, webhook_url=f"{receiver.url}/hook")
    choose(office, office.warehouse, "next_step", "webhook")
    place_many(office, 40)
    receiver.delay_s = 0.02
    process = subprocess.Popen(
        [sys.executable, "-c", SENDER, "--db", office.db.url, "--user", "admin", "notify", "--run"],
        env={
            "ORDERTRAIL_PASSWORD": PASSWORD,
            "ORDERTRAIL_CONFIG": str(tmp_path / "config.json"),
            "PATH": "/usr/bin:/bin",
        },
    )
    deadline = time.monotonic() + 60
    while len(receiver.received) < 10 and time.monotonic() < deadline:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    got_before = len(receiver.received)
    assert 10 <= got_before < 40  # killed in the middle

    # Its claimed rows wait for the lease to run out; then a new sender finishes the job.
    assert outbox.send_due(office.db).sent < 40 - got_before + 1
    with frozen_at(utcnow() + outbox.LEASE + timedelta(seconds=1)):
        outbox.send_due(office.db)
    keys = receiver.keys()
    assert len(keys) == 40  # every message arrived
    # Only the messages in flight at the kill (one per worker) can arrive again, each with
    # the same key: a receiver that keeps the keys handles each message once.
    assert sum(keys.values()) - 40 <= outbox.SENDER_WORKERS
    assert {row.state for row in outbox_rows(office)} == {"sent"}


def test_a_test_message_on_each_channel(office, receiver, smtp_server, client_tls):
    port, mailbox = smtp_server
    configure(
        office,
        webhook_url=f"{receiver.url}/hook",
        wecom_webhook=f"{receiver.url}/cgi-bin/webhook/send?key=k",
        dingtalk_webhook=f"{receiver.url}/robot/send?access_token=t",
        smtp_host="127.0.0.1",
        smtp_port=str(port),
        smtp_user="robot",
        smtp_password="mail-pw",
        smtp_from="ordertrail@example.com",
    )
    with office.db.unit_of_work() as session:
        notifications.set_email(session, office.admin, "admin@example.com")
    for channel in ("webhook", "wecom", "dingtalk", "email"):
        with office.db.unit_of_work() as session:
            outbox.send_test(session, office.admin, channel, tls=client_tls)
    assert len(receiver.received) == 3 and len(mailbox.messages) == 1
    assert all("测试消息" in json.dumps(r["json"], ensure_ascii=False) for r in receiver.received)
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        outbox.send_test(session, office.sales, "webhook")
    receiver.failures_left = 1
    with pytest.raises(ValidationError, match="HTTP 500"), office.db.unit_of_work() as session:
        outbox.send_test(session, office.admin, "webhook")
    assert outbox_rows(office) == []  # a test message does not go through the outbox


def test_channel_settings_refuse_what_they_cannot_use(office):
    bad = {
        "smtp_port": ["0", "65536", "二十五", "25; DROP TABLE users", ""],
        "smtp_security": ["ssl3", ""],
        "webhook_url": ["ftp://127.0.0.1/x", "javascript:alert(1)", "127.0.0.1/hook"],
        "wecom_webhook": ["file:///etc/passwd"],
    }
    for key, values in bad.items():
        for value in values:
            with pytest.raises(ValidationError), office.db.unit_of_work() as session:
                settings.change(session, office.admin, key, value)
    configure(office, webhook_secret="top-secret", smtp_security=" TLS ")
    with office.db.reading() as session:
        shown = settings.all_settings(session)
    assert shown["webhook_secret"] == "******" and shown["smtp_security"] == "tls"
    assert shown["dingtalk_secret"] == ""


def test_the_notify_command(cli, office, receiver):
    assert cli("setting", "set", "webhook_url", f"{receiver.url}/hook", user="admin")[0] == 0
    code, _, err = cli("--lang", "en", "notify", "--test", "webhook", user="admin")
    assert code == 0 and "Test message sent" in err and len(receiver.received) == 1
    assert cli("notify", "--test", "webhook", user="sales")[0] == 4
    assert cli("notify", "--test", "fax", user="admin")[0] == 3

    assert cli("notify", "--channels", "next_step", "in_app,webhook", user="warehouse")[0] == 0
    assert cli("notify", "--channels", "next_step", "in_app,fax", user="warehouse")[0] == 3
    number = office.placed()
    code, out, _ = cli("notify", "--list", "--json", user="warehouse")
    [notice] = json.loads(out)
    assert (notice["order"], notice["kind"], notice["read"]) == (number, "next_step", False)
    assert cli("notify", "--read-all", user="warehouse")[0] == 0
    assert json.loads(cli("notify", "--list", "--unread", "--json", user="warehouse")[1]) == []

    code, _, err = cli("--lang", "en", "notify", "--run", user="warehouse")
    assert code == 0 and "Sent 1, failed 0" in err
    assert receiver.received[-1]["json"]["order"] == number
    assert json.loads(cli("notify", "--dead", "--json", user="admin")[1]) == []
    assert cli("notify", "--dead", user="warehouse")[0] == 4
    assert cli("notify", "--retry", "999", user="admin")[0] == 3
    assert cli("notify", "--loop", "5", "--list", user="admin")[0] == 3
