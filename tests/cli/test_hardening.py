"""The command line under a hostile or careless hand: locks, outputs, wrong databases,
hidden prices, backups."""

from __future__ import annotations

import sqlite3
import time

from sqlalchemy import text

from app import workflow
from db import engine as engine_settings


def _new_order(shop) -> str:
    code, out, _ = shop(
        "order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line",
        "A-100:1", user="sales",
    )  # fmt: skip
    assert code == 0
    return out.strip()


def _first_step(database) -> str:
    with database.reading() as session:
        spec = workflow.active_workflow(session, "sales")
    return next(t.target for t in spec.leaving(spec.initial) if t.manual and t.forward)


def test_readers_never_wait_for_a_writer_and_a_blocked_write_is_a_conflict(
    shop, database, monkeypatch, backend
):
    """A 20,000-row import once held `order list` and `audit verify` for 13 s."""
    number = _new_order(shop)
    if backend == "sqlite":
        monkeypatch.setattr(engine_settings, "SQLITE_BUSY_TIMEOUT_S", 2)
        writer = sqlite3.connect(database.sqlite_path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE settings SET value = value")
    else:
        monkeypatch.setattr(engine_settings, "PG_LOCK_TIMEOUT_S", 1)
        writer = database.engine.connect()
        writer.execute(text("SELECT id FROM orders WHERE number = :n FOR UPDATE"), {"n": number})
    try:
        started = time.monotonic()
        assert shop("order", "list", "--limit", "1", user="owner")[0] == 0
        assert shop("audit", "verify")[0] == 0
        assert time.monotonic() - started < 1.5
        code, _, err = shop("order", "advance", number, _first_step(database), user="sales")
        assert code == 5 and "另一台电脑" in err
    finally:
        writer.rollback() if backend != "sqlite" else writer.execute("ROLLBACK")
        writer.close()
    assert shop("order", "show", number, "--json", user="owner")[1].count('"transition"') == 0
