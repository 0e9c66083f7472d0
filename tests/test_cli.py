"""The command line as CLI.md writes it: commands, exit codes and JSON shapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.clock import frozen_at, utcnow
from app.masterdata import list_products
from cli import commands as cli
from cli.parser import build_parser
from db.engine import Database

# The users these tests make through `init` and `user add` are real users: their password
# keeps the rules (8 characters or more, not the name). Only the demo's accounts use "demo".
PASSWORD = "cli-secret"


@pytest.fixture
def run(database, monkeypatch, capsys, tmp_path):
    """Run `ordertrail --db <the test database> ...` in-process; returns (code, out, err)."""
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    monkeypatch.delenv("ORDERTRAIL_USER", raising=False)

    def invoke(*args: str, user: str | None = None, password: str = PASSWORD):
        monkeypatch.setenv("ORDERTRAIL_PASSWORD", password)
        argv = ["--db", database.url] + (["--user", user] if user else []) + list(args)
        code = cli.main(argv)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def shop(run):
    """A database with demo users, a customer, a supplier and two products."""
    assert run("init", "--admin", "admin")[0] == 0
    for name, role in [
        ("sales", "sales"),
        ("warehouse", "warehouse"),
        ("finance", "finance"),
        ("service", "service"),
        ("owner", "owner"),
        ("buyer", "purchasing"),
    ]:
        assert run("user", "add", name, "--role", role, user="admin")[0] == 0
    assert run("party", "add", "华东贸易有限公司", "--kind", "customer", user="sales")[0] == 0
    assert run("party", "add", "东莞精工制造厂", "--kind", "supplier", user="buyer")[0] == 0
    assert (
        run(
            "product",
            "add",
            "A-100",
            "--name",
            "复印纸",
            "--price",
            "128.00",
            "--stock",
            "50",
            user="warehouse",
        )[0]
        == 0
    )
    assert (
        run(
            "product",
            "add",
            "S-1",
            "--name",
            "安装",
            "--price",
            "200",
            "--service",
            user="warehouse",
        )[0]
        == 0
    )
    return run


@pytest.fixture(autouse=True)
def _new_user_password(monkeypatch):
    monkeypatch.setenv("ORDERTRAIL_NEW_PASSWORD", PASSWORD)


def test_a_sales_order_through_the_command_line(shop):
    code, out, _ = shop(
        "order",
        "create",
        "--kind",
        "sales",
        "--party",
        "华东贸易有限公司",
        "--line",
        "A-100:10",
        "S-1:1:150",
        "--due",
        "2026-12-01",
        user="sales",
    )
    assert code == 0
    number = out.strip()
    assert number.startswith("SO-") and len(number) == len("SO-2026-000123")
    assert shop("order", "advance", number, "submitted", user="sales")[0] == 0
    code, out, _ = shop(
        "ship", number, "--carrier", "顺丰速运", "--tracking-no", "SF100", user="warehouse"
    )
    assert code == 0 and out.startswith("SH-")
    assert shop("order", "advance", number, "delivered", user="service")[0] == 0
    assert shop("pay", number, "1430", "--method", "转账", "--ref", "B1", user="finance")[0] == 0

    code, out, _ = shop("order", "show", number, "--json", user="owner")
    shown = json.loads(out)
    assert code == 0
    assert {
        k: shown[k]
        for k in (
            "number",
            "kind",
            "status",
            "status_label",
            "party",
            "currency",
            "total",
            "paid",
            "due",
            "overdue",
            "parent",
            "children",
        )
    } == {
        "number": number,
        "kind": "sales",
        "status": "paid",
        "status_label": "已收款",
        "party": "华东贸易有限公司",
        "currency": "CNY",
        "total": "1430.00",
        "paid": "1430.00",
        "due": "2026-12-01",
        "overdue": False,
        "parent": None,
        "children": [],
    }
    assert isinstance(shown["version"], int)
    assert shown["lines"][0] == {
        **shown["lines"][0],
        "sku": "A-100",
        "qty": "10",
        "unit_price": "128.00",
        "shipped_qty": "10",
        "received_qty": "0",
        "returned_qty": "0",
    }
    transitions = [(e["from"], e["to"]) for e in shown["events"] if e["action"] == "transition"]
    assert transitions[-1] == ("delivered", "paid")
    event = shown["events"][-1]
    assert set(event) >= {"at", "user", "action", "from", "to", "comment"}
    assert event["at"].endswith("Z") and event["user"] == "finance"

    code, out, _ = shop("product", "list", "--json", user="owner")
    products = {p["sku"]: p for p in json.loads(out)}
    assert products["A-100"] == {
        "sku": "A-100",
        "name": "复印纸",
        "price": "128.00",
        "service": False,
        "on_hand": "40",
        "reserved": "0",
        "available": "40",
    }


def test_a_step_is_named_by_the_step_as_well_as_by_where_it_goes(shop):
    number = _sales_order(shop, "A-100:2")
    assert shop("order", "advance", number, "submit", user="sales")[0] == 0
    assert shop("order", "advance", number, "备货完成", user="warehouse")[0] == 0
    shown = json.loads(shop("order", "show", number, "--json", user="owner")[1])
    assert shown["status"] == "prepared"
    code, _, err = shop("order", "advance", number, "submit", user="warehouse")
    assert code == 3 and "submit" in err  # no step of that name leaves 已备货
    shown = shop("order", "show", number, user="owner")[1]
    assert "已下单 → 已备货" in shown and "创建" in shown and "transition" not in shown
    shown = shop("--lang", "en", "order", "show", number, user="owner")[1]
    assert "Placed → Prepared" in shown and "Created" in shown


def test_order_create_json_and_list_filters(shop):
    code, out, _ = shop(
        "order",
        "create",
        "--kind",
        "purchase",
        "--party",
        "东莞精工制造厂",
        "--line",
        "A-100:5:100",
        "--json",
        user="buyer",
    )
    created = json.loads(out)
    assert code == 0 and created["status"] == "draft" and created["total"] == "500.00"
    shop(
        "order",
        "create",
        "--kind",
        "sales",
        "--party",
        "华东贸易有限公司",
        "--line",
        "A-100:1",
        user="sales",
    )
    code, out, _ = shop("order", "list", "--kind", "purchase", "--json", user="owner")
    assert [o["number"] for o in json.loads(out)] == [created["number"]]
    code, out, _ = shop("order", "list", "--json", "--limit", "1", user="owner")
    assert len(json.loads(out)) == 1 and json.loads(out)[0]["kind"] == "sales"
    code, out, _ = shop("order", "list", "--status", "placed", "--json", user="owner")
    assert json.loads(out) == []
    shop("order", "advance", created["number"], "submitted", user="buyer")
    assert shop("receive", created["number"], "--line", "A-100:2", user="warehouse")[0] == 0
    code, out, _ = shop("order", "show", created["number"], "--json", user="owner")
    assert json.loads(out)["lines"][0]["received_qty"] == "2"


EXIT_CASES = [
    (["order", "show", "SO-1999-000001"], "sales", 3, "没有订单"),
    (
        ["order", "create", "--kind", "sales", "--party", "无此客户", "--line", "A-100:1"],
        "sales",
        3,
        "无此客户",
    ),
    (
        ["order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line", "A-100:-3"],
        "sales",
        3,
        "数量",
    ),
    (
        ["order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line", "A-100"],
        "sales",
        3,
        "SKU:数量",
    ),
    (
        ["order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line", "A-100:1"],
        "warehouse",
        4,
        "无权",
    ),
    (["user", "add", "eve", "--role", "admin"], "sales", 4, "无权"),
    (["order", "list"], None, 4, "--user"),
    (["frobnicate"], "sales", 2, "invalid choice"),
    (["order", "list", "--bogus"], "sales", 2, "unrecognized"),
]


def test_exit_codes(shop):
    for args, user, code, message in EXIT_CASES:
        result = shop(*args, user=user)
        assert (result[0], message in result[2]) == (code, True), (args, result)


def test_wrong_password_exits_4(shop):
    code, _, err = shop("order", "list", user="sales", password="nope")
    assert code == 4 and "密码" in err


def test_invalid_transition_exits_3_and_changes_nothing(shop):
    number = _sales_order(shop, "A-100:1")
    code, _, err = shop("--lang", "en", "order", "advance", number, "completed", user="sales")
    assert code == 3 and "cannot go to 'Completed'" in err
    code, _, err = shop("order", "cancel", number, "--reason", "", user="sales")
    assert code == 3
    shown = json.loads(shop("order", "show", number, "--json", user="sales")[1])
    assert shown["status"] == "draft" and len(shown["events"]) == 1


def test_english_labels(shop):
    number = _sales_order(shop, "A-100:1")
    shown = json.loads(shop("--lang", "en", "order", "show", number, "--json", user="sales")[1])
    assert shown["status_label"] == "Draft"


def test_audit_verify_exits_6_on_an_edited_record(shop, database):
    assert shop("audit", "verify")[0] == 0
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE events SET user_name = 'mallory' WHERE id = 2"))
    code, _, err = shop("audit", "verify")
    assert code == 6 and "#2" in err


def test_alerts_json_shape(shop):
    assert json.loads(shop("alerts", "--json", user="owner")[1]) == []
    with frozen_at(utcnow() - timedelta(hours=30)):
        number = shop(
            "order",
            "create",
            "--kind",
            "sales",
            "--party",
            "华东贸易有限公司",
            "--line",
            "A-100:1",
            user="sales",
        )[1].strip()
        shop("order", "advance", number, "submitted", user="sales")
    # The owner's queues do not hold it (not yet twice late); with --all they see it.
    assert json.loads(shop("alerts", "--json", user="owner")[1]) == []
    code, out, _ = shop("alerts", "--json", "--all", user="owner")
    [alert] = json.loads(out)
    assert code == 0 and {"number", "status", "owner_role", "since", "late_by_hours"} <= set(alert)
    assert (alert["number"], alert["status"], alert["owner_role"]) == (
        number,
        "placed",
        "warehouse",
    )
    assert 5.5 < alert["late_by_hours"] < 6.5  # 24 h allowed at placed, 30 h passed


def test_backup_copies_a_sqlite_database(shop, database, tmp_path):
    if database.backend != "sqlite":
        code, _, err = shop("backup", str(tmp_path / "x.db"), user="owner")
        assert code == 3 and "pg_dump" in err
        return
    target = tmp_path / "copy.db"
    assert shop("backup", str(target), user="owner")[0] == 0
    copy = Database(str(target))
    with copy.reading() as session:
        assert [p.sku for p in list_products(session)] == ["A-100", "S-1"]
    copy.dispose()


def test_init_twice_is_safe(run):
    assert run("init", "--admin", "admin")[0] == 0
    code, _, err = run("init", "--admin", "someone-else")
    assert code == 0 and "未创建" in err


ROOT = Path(__file__).resolve().parent.parent


def test_the_installed_program_runs_demo_and_lists(tmp_path):
    """The real console script in a fresh process: demo data, then a JSON listing."""
    env = {
        **os.environ,
        "ORDERTRAIL_PASSWORD": "demo",
        "ORDERTRAIL_CONFIG": str(tmp_path / "c.json"),
        "ORDERTRAIL_DB": str(tmp_path / "demo.db"),
    }
    script = Path(sys.executable).with_name("ordertrail")
    done = subprocess.run(
        [str(script), "demo", "--orders", "30"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    listed = subprocess.run(
        [str(script), "--user", "owner", "order", "list", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    listed_all = json.loads(listed.stdout)
    orders = [o for o in listed_all if o["kind"] in ("sales", "purchase")]
    assert listed.returncode == 0 and len(orders) == 30
    assert any(o["kind"] == "return" for o in listed_all)  # some with returns
    statuses = {o["status"] for o in orders}
    assert {"draft", "placed", "shipped", "completed"} <= statuses


def test_settings_are_changed_by_an_admin_and_checked(shop):
    assert shop("setting", "set", "approval_threshold", "1000", user="admin")[0] == 0
    assert shop("setting", "set", "warehouse_sees_prices", "是", user="admin")[0] == 0
    code, out, _ = shop("setting", "list", "--json", user="sales")
    assert code == 0 and json.loads(out)["approval_threshold"] == "1000.00"
    assert json.loads(out)["warehouse_sees_prices"] == "true"
    assert shop("setting", "set", "approval_threshold", "1000", user="owner")[0] == 4
    code, _, err = shop("setting", "set", "approval_threshold", "lots", user="admin")
    assert code == 3 and "审批金额" in err
    code, _, err = shop("setting", "set", "warehouse_sees_prices", "maybe", user="admin")
    assert code == 3 and "true 或 false" in err
    number = _sales_order(shop, "A-100:10")
    shop("order", "advance", number, "submitted", user="sales")
    shown = json.loads(shop("order", "show", number, "--json", user="sales")[1])
    assert shown["status"] == "submitted"  # 1280.00 is above the new approval amount


def test_list_rows_carry_their_links_and_output_is_utf8(shop, monkeypatch):
    shop(
        "order",
        "create",
        "--kind",
        "sales",
        "--party",
        "华东贸易有限公司",
        "--line",
        "A-100:1",
        user="sales",
    )
    code, out, _ = shop("order", "list", "--json", user="owner")
    row = json.loads(out)[0]
    assert code == 0 and row["parent"] is None and row["children"] == []
    assert shop("order", "list", "--limit", "99999999999999999999", user="owner")[0] == 3


def test_user_add_never_takes_the_admins_password(shop, monkeypatch):
    monkeypatch.delenv("ORDERTRAIL_NEW_PASSWORD")
    code, _, err = shop("user", "add", "bob", "--role", "sales", user="admin")
    assert code == 3 and "ORDERTRAIL_NEW_PASSWORD" in err
    assert shop("order", "list", user="bob")[0] == 4


def test_an_unwritable_output_file_is_a_clear_refusal(shop, tmp_path):
    missing = str(tmp_path / "no" / "such" / "folder")
    code, _, err = shop("template", "products", f"{missing}/t.xlsx", user="admin")
    assert (code, "无法写入文件" in err) == (3, True)
    number = _sales_order(shop, "A-100:1")
    assert shop("order", "advance", number, "submitted", user="sales")[0] == 0
    code, _, err = shop("print", "order", number, "-o", f"{missing}/x.pdf", user="sales")
    assert (code, "无法写入文件" in err) == (3, True)
    assert shop("print", "order", number, "-o", str(tmp_path / "x.pdf"), user="sales")[0] == 0


def test_init_creates_a_missing_postgresql_database(pg_server, monkeypatch, tmp_path):
    name = f"ordertrail_test_new_{os.getpid()}"
    pg_server.created.append(name)  # dropped with the others
    url = f"{pg_server.admin.url.set(database=name).render_as_string(hide_password=False)}"
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "config.json"))
    monkeypatch.setenv("ORDERTRAIL_PASSWORD", "demo-pw-1")
    assert cli.main(["--db", url, "init", "--admin", "chief"]) == 0
    database = Database(url)
    try:
        with database.reading() as session:
            assert session.execute(text("SELECT name FROM users")).scalars().all() == ["chief"]
    finally:
        database.dispose()


def test_users_are_managed_from_the_command_line(shop):
    code, _, err = shop("user", "add", "小李", "--role", "sales", "--role", "service", user="admin")
    assert code == 0, err
    code, out, _ = shop("user", "list", "--json", user="admin")
    listed = {u["name"]: u for u in json.loads(out)}
    assert listed["小李"]["roles"] == ["sales", "service"] and listed["小李"]["active"]
    assert shop("user", "roles", "小李", "--role", "finance", user="admin")[0] == 0
    assert shop("user", "roles", "admin", "--role", "owner", user="admin")[0] == 3  # last admin
    assert shop("user", "deactivate", "小李", user="admin")[0] == 0
    assert shop("user", "unlock", "sales", user="admin")[0] == 0
    assert shop("user", "reset-password", "sales", user="admin")[0] == 0
    assert shop("user", "list", user="sales")[0] == 4
    code, out, _ = shop("--lang", "en", "user", "list", user="admin")
    header, *rows = out.splitlines()
    assert header.split() == ["user", "name", "roles", "active", "locked"]
    li = next(row for row in rows if row.startswith("小李"))
    assert li.split()[2:] == ["Finance", "no", "no"]
    code, _, err = shop("user", "add", "x", "--role", "boss", user="admin")
    assert code == 2 and "sales" in err  # the roles are listed


def test_nodes_by_code_or_label_and_tables_that_line_up(shop, monkeypatch):
    number = _sales_order(shop, "A-100:2")
    assert shop("order", "advance", number, "待审批", user="sales")[0] == 0  # by its label
    for status in ("placed", "已下单", "Placed", "PLACED"):
        code, out, err = shop("order", "list", "--status", status, "--json", user="sales")
        assert code == 0, err
        assert [row["number"] for row in json.loads(out)] == [number]
    code, _, err = shop("order", "list", "--status", "已发出", user="sales")
    assert code == 3 and "已下单" in err  # an unknown node is said, with the ones there are
    code, out, _ = shop("order", "list", user="sales")
    header, row = out.splitlines()
    assert header.split()[:3] == ["单号", "节点", "客户/供应商"]
    from cli.tables import display_width

    # The party column starts at the same display column in the header and the row.
    assert display_width(header[: header.index("客户/供应商")]) == display_width(
        row[: row.index("华东贸易有限公司")]
    )
    code, out, _ = shop("product", "list", user="sales")
    header, *rows = out.splitlines()
    assert header.split()[0] == "编码" and len(rows) == 2
    assert rows[0].startswith("A-100") and rows[0].endswith("48")  # 50 on hand, 2 reserved
    assert display_width(rows[0]) == display_width(header)  # numbers end under their heading


def test_times_are_local_on_screen_and_utc_in_json(shop, monkeypatch):
    import time
    from datetime import datetime, timedelta

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    try:
        number = _sales_order(shop, "A-100:1")
        shown = json.loads(shop("order", "show", number, "--json", user="sales")[1])
        at = shown["events"][0]["at"]
        assert at.endswith("Z")
        in_shanghai = datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ") + timedelta(hours=8)
        assert (
            in_shanghai.strftime("%Y-%m-%d %H:%M") in shop("order", "show", number, user="sales")[1]
        )
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def _sales_order(shop, line: str) -> str:
    args = ["order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line", line]
    code, out, err = shop(*args, user="sales")
    assert code == 0, err
    return out.strip()


def test_every_command_says_what_it_does():
    parser = build_parser()
    groups = [a for a in parser._actions if isinstance(a, type(parser._subparsers._actions[-1]))]
    for name, sub in groups[0].choices.items():
        assert sub.description, name
        leaves = [
            (f"{name} {subname}", leaf)
            for action in sub._actions
            if hasattr(action, "choices") and isinstance(action.choices, dict)
            for subname, leaf in action.choices.items()
        ] or [(name, sub)]
        for where, leaf in leaves:
            assert leaf.description, where
            assert callable(getattr(cli, leaf.get_default("handler"), None)), where


def test_help_loads_no_database_code():
    """A script pays the start-up on every call: --help and usage errors stay light."""
    probe = (
        "import sys; from cli.parser import parse\n"
        "try: parse(['order', 'list', '--help'])\n"
        "except SystemExit: pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'db', 'PySide6'}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "--status" in done.stdout and done.stdout.strip().endswith("[]")


def test_only_version_reads_the_package_metadata():
    probe = (
        "import sys; from cli.parser import parse\n"
        "parse(['order', 'list'])\n"
        "print('importlib.metadata' in sys.modules)\n"
        "parse(['--version'])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0] == "False"
    assert done.stdout.splitlines()[1].startswith("OrderTrail 0.")


def test_a_past_due_date_is_warned_about(shop):
    args = [
        "order",
        "create",
        "--kind",
        "sales",
        "--party",
        "华东贸易有限公司",
        "--line",
        "A-100:1",
    ]
    code, _, err = shop(*args, "--due", "2020-01-31", user="sales")
    assert code == 0 and "2020-01-31 已经过去" in err
    code, _, err = shop(*args, "--due", "2999-01-31", user="sales")
    assert code == 0 and "已经过去" not in err


def test_no_command_without_a_display_says_so_instead_of_aborting(tmp_path):
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(ORDERTRAIL_CONFIG=str(tmp_path / "c.json"), ORDERTRAIL_DB=str(tmp_path / "x.db"))
    script = Path(sys.executable).with_name("ordertrail")
    done = subprocess.run([str(script)], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 3 and "No display" in done.stderr
    assert not (tmp_path / "x.db").exists()
