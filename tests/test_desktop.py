"""The desktop's own files: a database on a network share, the log file."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from app import logs
from app.setup import open_database
from db import engine
from ui.launch import main as ordertrail


@pytest.mark.parametrize(
    "path",
    [r"\\server\共享 文件\订单.db", "//nas/office share/ordertrail.db"],
)
def test_unc_paths_are_network_paths(path):
    assert engine.is_network_path(path)


def test_a_local_path_with_chinese_and_spaces_is_not(tmp_path):
    assert not engine.is_network_path(str(tmp_path / "张 三" / "订单.db"))


def test_a_database_on_a_share_is_opened_without_wal(tmp_path, monkeypatch):
    # A mapped drive is only recognisable on Windows: stand the share in for it here.
    monkeypatch.setattr(engine, "is_network_path", lambda path: True)
    path = tmp_path / "共享" / "订单.db"
    database, _ = open_database(str(path))
    database.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_local_database_uses_wal(tmp_path):
    database, _ = open_database(str(tmp_path / "订单.db"))
    database.dispose()
    with sqlite3.connect(tmp_path / "订单.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.fixture
def log_text(log_file):
    def read() -> str:
        for handler in logging.getLogger().handlers:
            handler.flush()
        with open(log_file, encoding="utf-8") as file:
            return file.read()

    yield read
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, logging.FileHandler)]:
        root.removeHandler(handler)
        handler.close()


def test_the_log_is_info_by_default_and_debug_on_request(tmp_path, log_text, capsys, monkeypatch):
    monkeypatch.delenv("ORDERTRAIL_PASSWORD", raising=False)
    db = str(tmp_path / "a.db")
    assert ordertrail(["--db", db, "init", "--admin", "boss"]) != 0  # no password: refused
    assert "OrderTrail" in log_text() and "starts init" in log_text()
    logging.getLogger("db.engine").debug("a detail for developers")
    assert "a detail for developers" not in log_text()
    logs.start(debug=True)
    logging.getLogger("db.engine").debug("a detail for developers")
    logging.getLogger("sqlalchemy.engine").debug("SELECT password_hash FROM users")
    assert "a detail for developers" in log_text()
    assert "password_hash" not in log_text()  # libraries stay at INFO


def test_no_password_reaches_the_log(log_text):
    logs.start(debug=True)
    log = logging.getLogger("app.test")
    log.info("opening postgresql+psycopg://clerk:Sesame-42@db.local:5432/office")
    log.info("libpq: host=db.local password=Sesame-43 dbname=office")
    try:
        raise ValueError("could not connect: password=Sesame-44")
    except ValueError:
        log.exception("failed")
    text = log_text()
    assert "db.local" in text and "clerk" in text and "ValueError" in text
    assert "Sesame" not in text
