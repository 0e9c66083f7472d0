"""The command line under a hostile or careless hand: locks, outputs, wrong databases,
hidden prices, backups."""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import timedelta

import pytest
from sqlalchemy import inspect, select, text

from app import users, workflow
from app.clock import frozen_at, utcnow
from cli import commands as cli
from db.engine import Database
from db.models import Event


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
    # Each command's database waits 1 s, not 30, for another's lock.
    monkeypatch.setitem(Database.__init__.__kwdefaults__, "lock_wait_s", 1)
    if backend == "sqlite":
        writer = sqlite3.connect(database.sqlite_path, isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE settings SET value = value")
    else:
        writer = database.engine.connect()
        writer.execute(text("SELECT id FROM orders WHERE number = :n FOR UPDATE"), {"n": number})
    try:  # a reader that waited for the lock would fail after its 1 s
        assert shop("order", "list", "--limit", "1", user="owner")[0] == 0
        assert shop("audit", "verify")[0] == 0
        code, _, err = shop("order", "advance", number, _first_step(database), user="sales")
        assert code == 5 and "另一台电脑" in err
    finally:
        writer.rollback() if backend != "sqlite" else writer.execute("ROLLBACK")
        writer.close()
    assert shop("order", "show", number, "--json", user="owner")[1].count('"transition"') == 0


def _sqlite_only(backend):
    if backend != "sqlite":
        pytest.skip("file paths of a SQLite database")


def _intact(shop, database) -> None:
    """The database still opens, its chain holds, its orders are there."""
    assert shop("audit", "verify")[0] == 0
    assert json.loads(shop("order", "list", "--json", user="owner")[1])


def test_no_output_overwrites_the_database(shop, database, backend, tmp_path):
    """`export orders live.db` once exited 0 and destroyed the database."""
    _sqlite_only(backend)
    number = _new_order(shop)
    live = database.sqlite_path
    backup = tmp_path / "monday.db"
    assert shop("backup", str(backup), user="admin")[0] == 0
    attempts = [
        ("export", "orders", live),
        ("export", "products", f"{live}-wal"),
        ("template", "orders", f"{live}-shm"),
        ("print", "order", number, "-o", live),
        ("export", "orders", str(backup)),
    ]
    for attempt in attempts:
        code, _, err = shop(*attempt, user="sales")
        assert code == 3 and ("数据库" in err), attempt
        assert "Traceback" not in err
    for target in (live, str(tmp_path)):
        code, _, err = shop("backup", target, user="admin")
        assert code == 3 and "Traceback" not in err, target
    _intact(shop, database)
    with sqlite3.connect(backup) as copy:  # the backup is untouched too
        assert copy.execute("SELECT COUNT(*) FROM orders").fetchone()[0] == 1


def test_backup_is_for_the_admin_and_the_owner(shop, database, backend, tmp_path):
    """A backup holds every password hash; any user could take one."""
    _sqlite_only(backend)
    target = tmp_path / "copy.db"
    for role in ("sales", "warehouse", "finance"):
        code, _, err = shop("backup", str(target), user=role)
        assert code == 4 and not target.exists(), role
    assert shop("backup", str(target), user="owner")[0] == 0 and target.exists()
    with database.reading() as session:
        taken = session.scalars(select(Event.user_name).where(Event.action == "backup")).all()
    assert taken == ["owner"]


def test_a_wrong_database_is_refused_and_left_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "long-secret")
    text_file = tmp_path / "notes.db"
    text_file.write_text("not a database at all\n" * 50, encoding="utf-8")
    foreign = tmp_path / "other-program.db"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT)")
    typo = tmp_path / "no-such-folder" / "ordertrial.db"
    for target in (str(text_file), str(foreign), "sqlite://", "sqlite:///:memory:", str(typo)):
        started = time.monotonic()
        code = cli.main(["--db", target, "--user", "admin", "order", "list"])
        assert code == 3 and time.monotonic() - started < 5, target
    assert text_file.read_text(encoding="utf-8").startswith("not a database")
    with sqlite3.connect(foreign) as connection:
        tables = connection.execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("contacts",)]
    assert not typo.parent.exists()
    # A new database only on purpose:
    assert cli.main(["--db", str(typo), "init", "--admin", "admin"]) == 0 and typo.exists()


def test_an_empty_server_database_needs_init(pg_server, monkeypatch, tmp_path):
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "long-secret")
    url = pg_server.create()
    assert cli.main(["--db", url, "--user", "admin", "order", "list"]) == 3
    server = Database(url)
    with server.engine.connect() as connection:
        assert not inspect(connection).get_table_names()
    server.dispose()
    assert cli.main(["--db", url, "init", "--admin", "admin"]) == 0


def test_hidden_prices_stay_hidden_in_every_output(shop, database):
    """With warehouse_sees_prices off, `order show` and `product list` showed them anyway."""
    number = _new_order(shop)
    assert shop("order", "advance", number, _first_step(database), user="sales")[0] == 0
    assert shop("pay", number, "64.00", user="finance")[0] == 0
    outputs = [
        ("order", "show", number),
        ("order", "show", number, "--json"),
        ("order", "list"),
        ("order", "list", "--json"),
        ("product", "list"),
        ("product", "list", "--json"),
    ]
    for output in outputs:
        code, out, _ = shop(*output, user="warehouse")
        assert code == 0 and (number in out or "A-100" in out), output
        assert "128" not in out and "64.00" not in out, (output, out)
    shown = json.loads(shop("order", "show", number, "--json", user="warehouse")[1])
    assert shown["lines"][0]["qty"] == "1" and "unit_price" not in shown["lines"][0]
    empty = shop("order", "list", "--search", "nothing-like-this", user="warehouse")[1]
    assert empty.split() == ["单号", "节点", "客户/供应商", "交期", "待处理", "缺货"]
    assert shop("setting", "set", "warehouse_sees_prices", "true", user="admin")[0] == 0
    for output in outputs:
        assert "128" in shop(*output, user="warehouse")[1], output


def test_the_locked_out_are_told_and_an_admin_unlocks_from_the_command_line(shop, monkeypatch):
    now = utcnow()
    with monkeypatch.context() as elsewhere:
        elsewhere.setattr(users, "this_desktop", lambda: "mallory@pc-7")
        for i in range(8):  # a wrong password a minute, the last one just now
            with frozen_at(now - timedelta(seconds=60 * (7 - i))):
                assert shop("order", "list", user="service", password="wrong")[0] == 4
    code, _, err = shop("order", "list", user="service")
    assert code == 4 and "秒后再试" in err
    assert shop("user", "unlock", "service", user="sales")[0] == 4
    assert shop("user", "unlock", "service", user="admin")[0] == 0
    code, _, err = shop("order", "list", user="service")
    assert code == 0 and "8 次" in err  # told what happened to the account
    assert "8 次" not in shop("order", "list", user="service")[2]  # and told once


def test_a_non_admin_adding_a_user_is_refused_first(shop, monkeypatch):
    monkeypatch.delenv("ORDERTRAIL_NEW_PASSWORD")
    code, _, err = shop("user", "add", "eve", "--role", "admin", user="sales")
    assert code == 4 and "ORDERTRAIL_NEW_PASSWORD" not in err


@pytest.mark.parametrize(
    ("password", "said"), [("demo", "至少需要 8 个字符"), ("bob.smith", "不能与用户名相同")]
)
def test_a_weak_password_is_refused_on_the_command_line(shop, monkeypatch, password, said):
    monkeypatch.setenv("ORDERTRAIL_NEW_PASSWORD", password)
    code, _, err = shop("user", "add", "bob.smith", "--role", "sales", user="admin")
    assert code == 3 and said in err
    monkeypatch.setenv("ORDERTRAIL_NEW_PASSWORD", "a long password")
    assert shop("user", "add", "bob.smith", "--role", "sales", user="admin")[0] == 0


def test_an_unknown_kind_or_node_is_refused_naming_the_valid_ones(shop, tmp_path):
    """`order list --status bogus` printed an empty list with exit 0."""
    _new_order(shop)
    for option in ("--status", "--kind"):
        code, out, err = shop("order", "list", option, "bogus", "--json", user="owner")
        assert (code, out) == (3, "") and "bogus" in err and ("sales" in err or "draft" in err)
        code, _, err = shop(
            "export", "orders", str(tmp_path / "x.xlsx"), option, "bogus", user="owner"
        )
        assert code == 3 and not (tmp_path / "x.xlsx").exists()


def test_texts_that_deceive_are_refused_or_defused(shop, database, tmp_path):
    number = _new_order(shop)
    fake = "\x1b[2K\rAPPROVED BY OWNER"
    code, _, err = shop("order", "cancel", number, "--reason", fake, user="sales")
    assert code == 3 and "\x1b" not in err
    code, _, _ = shop("order", "cancel", number, "--reason", "x" * 100_000, user="sales")
    assert code == 3
    # What older versions stored is printed defused.
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE events SET comment = :c WHERE id = 1"), {"c": fake})
    with database.reading() as session:
        order_id = session.execute(text("SELECT id FROM orders")).scalar()
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE events SET order_id = :o WHERE id = 1"), {"o": order_id})
    out = shop("order", "show", number, user="owner")[1]
    assert "APPROVED BY OWNER" in out and "\x1b" not in out
    not_a_logo = tmp_path / "logo.png"
    not_a_logo.write_text("<html>", encoding="utf-8")
    code, _, err = shop("setting", "set", "company_logo", str(not_a_logo), user="admin")
    assert code == 3 and "PNG" in err


def test_arguments_that_are_not_utf8_get_a_message(shop, capsys):
    gbk_name = b"\xd5\xc5\xc8\xfd".decode("utf-8", "surrogateescape")  # 张三 in GBK
    assert cli.main(["party", "add", gbk_name, "--kind", "customer"]) == 2
    assert "UTF-8" in capsys.readouterr().err
