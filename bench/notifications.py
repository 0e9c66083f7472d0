"""Benchmark of the outbox sender: messages per second to a local webhook server.

Fills the outbox with N webhook messages, then times `outbox.send_due` (claim with a
lease, POST, mark sent with its delivery record, one commit per message, in the
sender's worker threads) against a local HTTP server in a process of its own (as a
real receiver would be), beside the same N requests sent one at a time by urllib
without a database and by a plain socket (connect, write, read the answer).
Target: at least 200 messages per second on SQLite.

    uv run python bench/notifications.py                      # 2,000 messages, SQLite
    uv run python bench/notifications.py --messages 5000 --backend postgresql
"""

from __future__ import annotations

import argparse
import multiprocessing
import socket
import sys
import tempfile
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sqlalchemy import create_engine, insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import outbox  # noqa: E402
from app.clock import utcnow  # noqa: E402
from app.setup import open_database  # noqa: E402
from db.models import OutboxMessage, Setting  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
WORKERS = outbox.SENDER_WORKERS
BODY = "订单 SO-2026-000123（华东贸易有限公司）已到“已下单”，等待仓库处理。"


class Answering(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # one request per connection, as the sender makes them

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        with self.server.received.get_lock():
            self.server.received.value += 1
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def serve(ready, received) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Answering)
    server.received = received
    ready.put(server.server_address[1])
    server.serve_forever()


def fill(database, url: str, count: int) -> None:
    now = utcnow()
    with database.unit_of_work() as session:
        session.merge(Setting(key="webhook_url", value=url))
        session.merge(Setting(key="webhook_secret", value="bench-secret"))
        session.execute(
            insert(OutboxMessage),
            [
                {
                    "key": uuid.uuid4().hex,
                    "created_at": now,
                    "channel": "webhook",
                    "recipient": "",
                    "subject": "[OrderTrail] bench",
                    "body": BODY,
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "claimed_by": "",
                    "last_error": "",
                }
                for _ in range(count)
            ],
        )


def by_urllib(url: str, count: int) -> None:
    body = BODY.encode()
    for _ in range(count):
        request = urllib.request.Request(url, data=body, method="POST")
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()


def by_socket(port: int, count: int) -> None:
    body = BODY.encode()
    request = (
        f"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
        "Content-Type: application/json\r\nConnection: close\r\n\r\n"
    ).encode() + body
    for _ in range(count):
        with socket.create_connection(("127.0.0.1", port)) as connection:
            connection.sendall(request)
            while connection.recv(65536):
                pass


def per_second(fn, count: int) -> float:
    start = time.perf_counter()
    fn()
    return count / (time.perf_counter() - start)


def run(url: str, backend: str, count: int) -> None:
    ready, received = multiprocessing.Queue(), multiprocessing.Value("i", 0)
    server = multiprocessing.Process(target=serve, args=(ready, received), daemon=True)
    server.start()
    port = ready.get(timeout=30)
    hook = f"http://127.0.0.1:{port}/hook"
    database, _ = open_database(url)
    fill(database, hook, count)
    ours = per_second(lambda: outbox.send_due(database, workers=WORKERS), count)
    assert received.value == count, received.value
    plain_http = per_second(lambda: by_urllib(hook, count), count)
    plain_socket = per_second(lambda: by_socket(port, count), count)
    database.dispose()
    server.terminate()
    print(f"{backend}: {count} webhook messages to a local server")
    ours_label = f"outbox sender, {WORKERS} workers (lease, POST, mark sent)"
    print(f"  {ours_label:<50}{ours:6.0f} msg/s   target >= 200")
    print(f"  urllib POSTs, no database, one at a time          {plain_http:6.0f} msg/s")
    print(f"  plain socket requests, one at a time              {plain_socket:6.0f} msg/s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="sqlite")
    args = parser.parse_args()
    if args.backend in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run(str(Path(folder) / "bench.db"), "sqlite", args.messages)
    if args.backend in ("postgresql", "both"):
        name = f"ordertrail_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run(f"{PG_SERVER}/{name}", "postgresql", args.messages)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
