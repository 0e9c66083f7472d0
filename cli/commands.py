"""The command line: the same services the window calls, with the exit codes of CLI.md."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.exc import OperationalError

from app import (
    about,
    audit,
    config,
    masterdata,
    orders,
    printing,
    queries,
    runner,
    settings,
    users,
    workflow,
    workflow_versions,
)
from app.clock import utcnow
from app.demo import DEMO_PASSWORD, build_demo
from app.errors import AuthenticationFailed, OrderTrailError, ValidationError
from app.node_names import node_code
from app.orders import LineSpec, MoveSpec
from app.roles import ROLES, role_label, roles_label
from app.setup import ensure_admin, open_database
from app.spreadsheets.export import EXPORTERS, export_orders
from app.spreadsheets.importing import IMPORTERS
from app.spreadsheets.reading import ImportRejected
from app.spreadsheets.template import write_template
from app.users import sign_in
from app.workflow_defaults import DEFAULT_WORKFLOWS
from cli import notify
from cli.tables import local_time, table
from db.engine import Database, create_missing_database
from db.models import User

MAX_LIST_LIMIT = 10_000_000
EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_REJECTED, EXIT_DENIED, EXIT_CONFLICT, EXIT_AUDIT = range(7)
log = logging.getLogger(__name__)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


@dataclass
class Context:
    args: argparse.Namespace
    lang: str
    database: Database
    user: User | None = None  # once signed in

    def say(self, zh: str, en: str) -> None:
        print(en if self.lang == "en" else zh, file=sys.stderr)

    def acting_user(self) -> User:
        if self.user is not None:
            return self.user
        name = self.args.user or os.environ.get("ORDERTRAIL_USER")
        if not name:
            raise AuthenticationFailed(
                "请用 --user 或 ORDERTRAIL_USER 指定用户。",
                "Give the acting user with --user or ORDERTRAIL_USER.",
            )
        self.user = sign_in(self.database, name, _password(f"{name} password: "))
        return self.user

    def act(self, service: Callable, /, *args, **kwargs):
        """A changing command: the service run for the acting user as one unit of work."""
        return runner.run(self.database, self.acting_user(), service, *args, **kwargs).value


def _password(prompt: str) -> str:
    password = os.environ.get("ORDERTRAIL_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise AuthenticationFailed(
            "没有密码：请设置 ORDERTRAIL_PASSWORD。", "No password: set ORDERTRAIL_PASSWORD."
        )
    return getpass.getpass(prompt)


def _json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _line(text: str) -> LineSpec:
    parts = text.split(":")
    if len(parts) not in (2, 3) or not parts[0]:
        raise ValidationError(
            f"明细“{text}”应写成 SKU:数量[:单价]。", f"The line '{text}' must be SKU:QTY[:PRICE]."
        )
    return LineSpec(parts[0], parts[1], parts[2] if len(parts) == 3 else None)


def _move(text: str) -> MoveSpec:
    parts = text.split(":")
    if len(parts) != 2 or not parts[0]:
        raise ValidationError(
            f"明细“{text}”应写成 SKU:数量。", f"The line '{text}' must be SKU:QTY."
        )
    return MoveSpec(parts[0], parts[1])


# --- commands ---------------------------------------------------------------------------


def cmd_init(ctx: Context) -> int:
    if ensure_admin(ctx.database, ctx.args.admin, _password(f"{ctx.args.admin} password: ")):
        ctx.say(
            f"数据库已就绪，已创建管理员 {ctx.args.admin}。",
            f"Database ready; admin {ctx.args.admin} created.",
        )
    else:
        ctx.say(
            "数据库已就绪（已有用户，未创建管理员）。",
            "Database ready (it has users already; no admin created).",
        )
    return EXIT_OK


def cmd_demo(ctx: Context) -> int:
    made = build_demo(ctx.database, ctx.args.orders, ctx.args.seed)
    if made:
        ctx.say(
            f"已生成演示数据：{made} 张订单；演示用户密码均为 {DEMO_PASSWORD}。",
            f"Demo data made: {made} orders; every demo user's password is {DEMO_PASSWORD}.",
        )
    else:
        ctx.say(
            "数据库里已有订单，未再生成演示数据。",
            "The database already has orders; no demo data added.",
        )
    return EXIT_OK


def _new_password(name: str) -> str:
    """The new user's password: never the acting admin's own (ORDERTRAIL_PASSWORD)."""
    password = os.environ.get("ORDERTRAIL_NEW_PASSWORD")
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        raise ValidationError(
            "请用 ORDERTRAIL_NEW_PASSWORD 给出新用户的密码。",
            "Give the new user's password in ORDERTRAIL_NEW_PASSWORD.",
        )
    password = getpass.getpass(f"{name} new password: ")
    if getpass.getpass(f"{name} new password again: ") != password:
        raise ValidationError("两次输入的密码不一致。", "The two passwords differ.")
    return password


def cmd_user_add(ctx: Context) -> int:
    ctx.acting_user()  # signed in before asking for the new password
    password = _new_password(ctx.args.name)
    ctx.act(users.add_user, ctx.args.name, ctx.args.role, password)
    ctx.say(f"已添加用户 {ctx.args.name}。", f"User {ctx.args.name} added.")
    return EXIT_OK


def cmd_user_list(ctx: Context) -> int:
    actor = ctx.acting_user()
    with ctx.database.reading() as session:
        rows = [
            {
                "name": u.name,
                "display_name": u.display_name,
                "roles": sorted(u.roles),
                "active": u.active,
                "locked": u.locked_until is not None and u.locked_until > utcnow(),
            }
            for u in users.list_users(session, actor)
        ]
    if ctx.args.json:
        _json(rows)
        return EXIT_OK
    en = ctx.lang == "en"
    yes_no = {True: "yes" if en else "是", False: "no" if en else "否"}
    headers = (
        ["user", "name", "roles", "active", "locked"]
        if en
        else ["用户", "姓名", "角色", "在用", "锁定"]
    )
    table(
        headers,
        [
            [
                r["name"],
                r["display_name"],
                roles_label(r["roles"], ctx.lang),
                yes_no[r["active"]],
                yes_no[r["locked"]],
            ]
            for r in rows
        ],
    )
    return EXIT_OK


def _changed_user(ctx: Context, change: Callable, zh: str, en: str, *values) -> int:
    actor = ctx.acting_user()
    with ctx.database.unit_of_work() as session:
        change(session, actor, ctx.args.name, *values)
    ctx.say(zh.format(name=ctx.args.name), en.format(name=ctx.args.name))
    return EXIT_OK


def cmd_user_roles(ctx: Context) -> int:
    return _changed_user(
        ctx, users.set_roles, "已修改 {name} 的角色。", "Roles of {name} changed.", ctx.args.role
    )


def cmd_user_reset_password(ctx: Context) -> int:
    password = _new_password(ctx.args.name)
    return _changed_user(
        ctx,
        users.reset_password,
        "已重设 {name} 的密码。",
        "Password of {name} reset.",
        password,
    )


def cmd_user_unlock(ctx: Context) -> int:
    return _changed_user(ctx, users.unlock, "已解锁 {name}。", "{name} unlocked.")


def cmd_user_deactivate(ctx: Context) -> int:
    return _changed_user(ctx, users.set_active, "已停用 {name}。", "{name} deactivated.", False)


PARTY_OPTIONS = ("contact", "phone", "address", "payment_terms", "tax_number", "credit_limit")
PRODUCT_OPTIONS = ("name", "unit", "price", "min_stock", "supplier", "lead_time_days")


def _given(args: argparse.Namespace, options: tuple[str, ...]) -> dict[str, object]:
    """The options given on the command line (an empty text clears a field)."""
    return {key: getattr(args, key) for key in options if getattr(args, key) is not None}


def cmd_party_add(ctx: Context) -> int:
    ctx.act(masterdata.add_party, ctx.args.name, ctx.args.kind, **_given(ctx.args, PARTY_OPTIONS))
    ctx.say(f"已添加 {ctx.args.name}。", f"{ctx.args.name} added.")
    return EXIT_OK


def cmd_party_edit(ctx: Context) -> int:
    ctx.act(masterdata.edit_party, ctx.args.name, **_given(ctx.args, PARTY_OPTIONS + ("new_name",)))
    ctx.say(f"已修改 {ctx.args.name}。", f"{ctx.args.name} changed.")
    return EXIT_OK


def cmd_party_list(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        rows = [
            {
                "name": p.name,
                "kind": p.kind,
                **{key: getattr(p, key) for key in PARTY_OPTIONS if key != "credit_limit"},
                "credit_limit": None if p.credit_limit is None else f"{p.credit_limit:.2f}",
            }
            for p in masterdata.list_parties(session, ctx.args.kind, ctx.args.search)
        ]
    if ctx.args.json:
        _json(rows)
        return EXIT_OK
    en = ctx.lang == "en"
    table(
        ["name", "kind", "contact", "phone", "payment terms", "tax number", "credit limit"]
        if en
        else ["名称", "类型", "联系人", "电话", "付款条件", "税号", "信用额度"],
        [
            [
                r["name"],
                masterdata.PARTY_KINDS[r["kind"]][1 if en else 0],
                r["contact"],
                r["phone"],
                r["payment_terms"],
                r["tax_number"],
                r["credit_limit"] or "",
            ]
            for r in rows
        ],
        right=(6,),
    )
    return EXIT_OK


def cmd_product_add(ctx: Context) -> int:
    a = ctx.args
    ctx.act(
        masterdata.add_product,
        a.sku,
        a.name,
        a.price,
        unit=a.unit or "个",
        opening_stock=a.stock,
        service=a.service,
        **_given(a, PRODUCT_OPTIONS[3:]),
    )
    ctx.say(f"已添加产品 {a.sku}。", f"Product {a.sku} added.")
    return EXIT_OK


def cmd_product_edit(ctx: Context) -> int:
    ctx.act(
        masterdata.edit_product, ctx.args.sku, **_given(ctx.args, PRODUCT_OPTIONS + ("service",))
    )
    ctx.say(f"已修改产品 {ctx.args.sku}。", f"Product {ctx.args.sku} changed.")
    return EXIT_OK


def cmd_product_list(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        rows = queries.product_rows(session)
    if ctx.args.json:
        _json(rows)
        return EXIT_OK
    table(
        ["SKU", "name", "price", "on hand", "reserved", "available"]
        if ctx.lang == "en"
        else ["编码", "名称", "单价", "在库", "已预留", "可用"],
        [
            [
                r["sku"],
                r["name"],
                r["price"],
                *(
                    ("",) * 3  # a service has no stock
                    if r["service"]
                    else (r["on_hand"], r["reserved"], r["available"])
                ),
            ]
            for r in rows
        ],
        right=(2, 3, 4, 5),
    )
    return EXIT_OK


def _print_order(ctx: Context, detail: dict) -> None:
    en = ctx.lang == "en"
    print(
        f"{detail['number']}  {detail['status_label']}  {detail['party']}  "
        f"{detail['currency']} {detail['total']}  {'Paid' if en else '已付'} {detail['paid']}"
        + ("  OVERDUE" if detail["overdue"] and en else "  已超时" if detail["overdue"] else "")
    )
    for line in detail.get("lines", []):
        print(
            f"  {line['sku']:<10} {line['qty']:>8} × {line['unit_price']:>10}  "
            f"{'Shipped' if en else '已发'} {line['shipped_qty']}  "
            f"{'Received' if en else '已收'} {line['received_qty']}"
        )
    for event in detail.get("events", []):
        move = f" {event['from']} → {event['to']}" if event["to"] else ""
        print(
            f"  {local_time(event['at'])}  {event['user']:<10} {event['action']}{move}  "
            f"{event['comment']}"
        )


def cmd_order_create(ctx: Context) -> int:
    a = ctx.args
    lines = [_line(text) for text in a.line]
    order = ctx.act(orders.create_order, a.kind, a.party, lines, due=a.due)
    number, due = order.number, order.due
    if due is not None and due < date.today():
        ctx.say(f"注意：交期 {due} 已经过去。", f"Note: the due date {due} is already past.")
    if a.json:
        with ctx.database.reading() as session:
            _json(queries.order_detail(session, orders.find_order(session, number), ctx.lang))
    else:
        print(number)
    return EXIT_OK


def cmd_order_show(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        detail = queries.order_detail(
            session, orders.find_order(session, ctx.args.number), ctx.lang
        )
    if ctx.args.json:
        _json(detail)
    else:
        _print_order(ctx, detail)
    return EXIT_OK


def cmd_order_list(ctx: Context) -> int:
    ctx.acting_user()
    a = ctx.args
    if a.limit is not None and not 0 <= a.limit <= MAX_LIST_LIMIT:
        raise ValidationError(
            f"--limit 必须在 0 到 {MAX_LIST_LIMIT:,} 之间。",
            f"--limit must be between 0 and {MAX_LIST_LIMIT:,}.",
        )
    with ctx.database.reading() as session:
        f = _order_filter(session, a)
        rows = queries.order_rows(session, queries.list_orders(session, f, limit=a.limit), ctx.lang)
    if a.json:
        _json(rows)
        return EXIT_OK
    en = ctx.lang == "en"
    late = "late" if en else "超时"
    table(
        ["number", "node", "party", "total", "payments", "due", "waiting for", ""]
        if en
        else ["单号", "节点", "客户/供应商", "金额", "已付", "交期", "待处理", ""],
        [
            [
                r["number"],
                r["status_label"],
                r["party"],
                f"{r['currency']} {r['total']}",
                r["paid"],
                r["due"] or "",
                roles_label(r["owner_roles"], ctx.lang),
                late if r["overdue"] else "",
            ]
            for r in rows
        ],
        right=(3, 4),
    )
    return EXIT_OK


def _order_filter(session, a: argparse.Namespace) -> queries.OrderFilter:
    """The filter of `order list` and `export`; a node by code or by either label."""
    status = a.status and node_code(workflow.all_specs(session), a.status)
    return queries.OrderFilter(
        kind=a.kind, status=status, overdue=a.overdue, party=a.party, text=a.search
    )


def _changed(ctx: Context, number: str) -> int:
    with ctx.database.reading() as session:
        order = orders.find_order(session, number)
        label = workflow.spec_for(session, order).node(order.status).label(ctx.lang)
    ctx.say(f"订单 {number} 现在在“{label}”。", f"Order {number} is now at '{label}'.")
    return EXIT_OK


def cmd_order_advance(ctx: Context) -> int:
    a = ctx.args
    with ctx.database.reading() as session:
        node = node_code([workflow.spec_for(session, orders.find_order(session, a.number))], a.node)
    ctx.act(orders.advance, a.number, node, comment=a.comment or "", reason=a.comment or "")
    return _changed(ctx, a.number)


def cmd_order_cancel(ctx: Context) -> int:
    ctx.act(orders.cancel, ctx.args.number, ctx.args.reason)
    return _changed(ctx, ctx.args.number)


def cmd_ship(ctx: Context) -> int:
    a = ctx.args
    moves = [_move(text) for text in a.line] if a.line else None
    print(ctx.act(orders.ship, a.number, a.carrier, a.tracking_no, moves).number)
    return _changed(ctx, a.number)


def cmd_receive(ctx: Context) -> int:
    a = ctx.args
    moves = [_move(text) for text in a.line] if a.line else None
    print(ctx.act(orders.receive, a.number, moves).number)
    return _changed(ctx, a.number)


def cmd_sign(ctx: Context) -> int:
    return _changed(ctx, ctx.act(orders.confirm_delivery, ctx.args.shipment).order.number)


def _workflow_kind(kind: str) -> str:
    if kind not in DEFAULT_WORKFLOWS:
        known = ", ".join(DEFAULT_WORKFLOWS)
        raise ValidationError(
            f"没有“{kind}”流程；可选：{known}。", f"There is no '{kind}' workflow; choose {known}."
        )
    return kind


def cmd_workflow_show(ctx: Context) -> int:
    kind = _workflow_kind(ctx.args.kind)
    with ctx.database.reading() as session:
        spec = workflow.active_workflow(session, kind)
    if ctx.args.json:
        _json({"version": spec.version, **spec.definition})
        return EXIT_OK
    en = ctx.lang == "en"
    print(f"{kind} v{spec.version}")
    for code in spec.order:
        node = spec.node(code)
        owner = role_label(node.owner, ctx.lang) if node.owner else "—"
        limit = f"{node.limit_hours} h" if node.limit_hours else "—"
        steps = ", ".join(
            f"{t.label(ctx.lang)} → {spec.node(t.target).label(ctx.lang)}"
            for t in spec.leaving(code)
        )
        facts = ",".join(sorted(node.allows)) or "—"
        print(f"  {code:<12} {node.label(ctx.lang):<10} {owner:<8} {limit:<7} {facts:<18} {steps}")
    print(
        ("  facts: " if en else "  事实：")
        + "; ".join(f"{fact}={roles_label(roles, ctx.lang)}" for fact, roles in spec.facts.items())
    )
    return EXIT_OK


def cmd_workflow_versions(ctx: Context) -> int:
    kind = _workflow_kind(ctx.args.kind)
    with ctx.database.reading() as session:
        rows = workflow_versions.versions(session, kind)
    for row in rows:
        mark = "*" if row["active"] else " "
        print(
            f"{mark} v{row['version']:<4} {row['created_at']:%Y-%m-%d %H:%M}  "
            f"{row['nodes']} nodes  {row['orders']} orders"
        )
    return EXIT_OK


def cmd_workflow_export(ctx: Context) -> int:
    kind = _workflow_kind(ctx.args.kind)
    with ctx.database.reading() as session:
        text = workflow_versions.exported(workflow.active_workflow(session, kind))
    Path(ctx.args.file).write_text(text, encoding="utf-8")
    return EXIT_OK


def cmd_workflow_import(ctx: Context) -> int:
    ctx.acting_user()  # signed in before the file is read
    kind = _workflow_kind(ctx.args.kind)
    path = Path(ctx.args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationError(f"无法读取 {path}：{error}", f"Cannot read {path}: {error}") from None
    definition = workflow_versions.read_definition(text, str(path))
    version = ctx.act(workflow_versions.store_version, kind, definition).version
    ctx.say(
        f"已保存 {kind} 流程 v{version}，新订单从现在起使用它。",
        f"Stored {kind} workflow v{version}; new orders use it from now on.",
    )
    return EXIT_OK


def cmd_pay(ctx: Context) -> int:
    a = ctx.args
    ctx.act(orders.record_payment, a.number, a.amount, method=a.method or "", reference=a.ref or "")
    return _changed(ctx, a.number)


def cmd_alerts(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        rows = queries.alerts(session, ctx.lang)
    if ctx.args.json:
        _json(
            [
                {k: r[k] for k in ("number", "status", "owner_role", "since", "late_by_hours")}
                for r in rows
            ]
        )
    else:
        table(
            ["number", "node", "waiting for", "since", "late by (h)"]
            if ctx.lang == "en"
            else ["单号", "节点", "待处理", "进入节点时间", "超时（小时）"],
            [
                [
                    r["number"],
                    r["status_label"],
                    roles_label(r["owner_role"].split(","), ctx.lang),
                    local_time(r["since"]),
                    r["late_by_hours"],
                ]
                for r in rows
            ],
            right=(4,),
        )
    return EXIT_OK


def cmd_print(ctx: Context) -> int:
    a = ctx.args
    if a.waiting != (a.number is None) or (a.waiting and a.kind != "delivery-note"):
        raise ValidationError(
            "请给出单号，或用 delivery-note --waiting 打印全部待发货订单。",
            "Give a number, or delivery-note --waiting for every order waiting at the warehouse.",
        )

    def print_to_file(session, actor) -> None:
        pdf = (
            printing.print_delivery_notes(session, actor)
            if a.waiting
            else printing.print_document(session, actor, a.kind, a.number)
        )
        # Written before the commit: a file that cannot be written records no print.
        Path(a.output).write_bytes(pdf)

    ctx.act(print_to_file)
    ctx.say(f"已生成 {a.output}。", f"Written to {a.output}.")
    return EXIT_OK


def cmd_template(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        write_template(session, ctx.args.what, ctx.args.file)
    ctx.say(f"已生成模板 {ctx.args.file}。", f"Template written to {ctx.args.file}.")
    return EXIT_OK


def cmd_import(ctx: Context) -> int:
    a = ctx.args
    try:
        result = ctx.act(IMPORTERS[a.what], a.file)
    except ImportRejected as rejected:
        for problem in rejected.problems:
            print(problem.describe(ctx.lang), file=sys.stderr)
        if a.json:
            _json({"errors": [problem.as_dict() for problem in rejected.problems]})
        raise
    if a.json:
        _json(result.as_dict())
    else:
        ctx.say(
            f"已导入 {len(result.created)} 条（{result.rows} 行）。",
            f"Imported {len(result.created)} records ({result.rows} rows).",
        )
    return EXIT_OK


def cmd_export(ctx: Context) -> int:
    actor = ctx.acting_user()
    a = ctx.args
    with ctx.database.reading() as session:
        order_filter = _order_filter(session, a)
        if a.what != "orders" and order_filter != queries.OrderFilter():
            raise ValidationError("筛选条件只适用于导出订单。", "Filters apply to orders only.")
        count = (
            export_orders(session, actor, a.file, order_filter)
            if a.what == "orders"
            else EXPORTERS[a.what](session, actor, a.file)
        )
    ctx.say(f"已导出 {count} 条到 {a.file}。", f"Exported {count} records to {a.file}.")
    return EXIT_OK


def cmd_audit_verify(ctx: Context) -> int:
    with ctx.database.reading() as session:
        result = audit.verify(session)
    ctx.say(result.zh, result.en)
    return EXIT_OK if result.ok else EXIT_AUDIT


def cmd_backup(ctx: Context) -> int:
    if ctx.database.sqlite_path is None:
        raise ValidationError(
            "备份命令只适用于 SQLite 数据库；PostgreSQL 请用 pg_dump。",
            "backup works on a SQLite database; use pg_dump for PostgreSQL.",
        )
    target = ctx.database.backup_to(ctx.args.file)
    ctx.say(f"已备份到 {target}。", f"Backed up to {target}.")
    return EXIT_OK


def cmd_setting_list(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        values = settings.all_settings(session)
    if ctx.args.json:
        _json(values)
    else:
        for key, value in values.items():
            print(f"{key} = {value}")
    return EXIT_OK


def cmd_setting_set(ctx: Context) -> int:
    ctx.act(settings.change, ctx.args.key, ctx.args.value)
    ctx.say(f"已修改设置 {ctx.args.key}。", f"Setting {ctx.args.key} changed.")
    return EXIT_OK


# --- the parser -------------------------------------------------------------------------


def _default_nodes() -> str:
    """The nodes of the default workflows, for help texts (the database may add more)."""
    return "; ".join(
        f"{kind}: "
        + ", ".join(f"{code} {node['label']['zh']}" for code, node in definition["nodes"].items())
        for kind, definition in DEFAULT_WORKFLOWS.items()
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ordertrail", description="OrderTrail 采销订单跟踪")
    parser.add_argument("--db", help="database URL or SQLite file path")
    parser.add_argument("--user", help="acting user")
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--debug", action="store_true", help="write more detail to the log file")
    parser.add_argument("--version", action="version", version=f"OrderTrail {about.version()}")
    parser.add_argument(
        "--startup-check",
        action="store_true",
        help="open the window, say when it is ready, and close it (checks an installation)",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(group, name: str, handler: Callable[[Context], int], *, help: str):
        sub = group.add_parser(name, help=help, description=help)
        sub.set_defaults(handler=handler)
        return sub

    def group(name: str, help: str):
        parent = commands.add_parser(name, help=help, description=help)
        return parent.add_subparsers(dest="subcommand", required=True, parser_class=_Parser)

    def with_json(sub):
        sub.add_argument(
            "--json", action="store_true", help="one JSON document on stdout; times in UTC"
        )
        return sub

    p = command(commands, "init", cmd_init, help="create or upgrade the database")
    p.add_argument("--admin", required=True)
    p.set_defaults(creates_database=True)
    p = command(commands, "demo", cmd_demo, help="fill the database with demo data")
    p.set_defaults(creates_database=True)
    p.add_argument("--orders", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)

    user = group("user", "users and their roles (admin)")
    role_help = "a role, given once per role: " + ", ".join(
        f"{code} ({zh})" for code, (zh, _en) in ROLES.items()
    )
    p = command(user, "add", cmd_user_add, help="add a user with one or more roles")
    p.add_argument("name")
    p.add_argument("--role", required=True, action="append", choices=list(ROLES), help=role_help)
    with_json(command(user, "list", cmd_user_list, help="every user, roles, active, locked"))
    p = command(user, "roles", cmd_user_roles, help="replace a user's roles")
    p.add_argument("name")
    p.add_argument("--role", required=True, action="append", choices=list(ROLES), help=role_help)
    p = command(
        user,
        "reset-password",
        cmd_user_reset_password,
        help="set a new password (from ORDERTRAIL_NEW_PASSWORD) and lift a lock",
    )
    p.add_argument("name")
    p = command(user, "unlock", cmd_user_unlock, help="lift the lock after failed sign-ins")
    p.add_argument("name")
    p = command(
        user,
        "deactivate",
        cmd_user_deactivate,
        help="stop a user signing in; users are never deleted",
    )
    p.add_argument("name")

    def party_details(sub):
        sub.add_argument("--contact", help="contact person")
        sub.add_argument("--phone")
        sub.add_argument("--address")
        sub.add_argument("--payment-terms", help="e.g. 月结30天")
        sub.add_argument("--tax-number")
        sub.add_argument("--credit-limit", help="an amount; empty for none")

    def product_supply(sub):
        sub.add_argument("--min-stock", help="reorder below this available quantity")
        sub.add_argument("--supplier", help="the usual supplier's name; empty for none")
        sub.add_argument("--lead-time-days", help="the supplier's delivery time in days")

    parties = group("party", "customers and suppliers")
    p = command(parties, "add", cmd_party_add, help="add a customer or supplier")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=list(masterdata.PARTY_KINDS))
    party_details(p)
    p = command(parties, "edit", cmd_party_edit, help="change a customer's or supplier's details")
    p.add_argument("name")
    p.add_argument("--new-name", help="rename it")
    party_details(p)
    p = with_json(command(parties, "list", cmd_party_list, help="customers and suppliers"))
    p.add_argument("--kind", choices=list(masterdata.PARTY_KINDS))
    p.add_argument("--search", help="part of the name, contact, phone or tax number")

    products = group("product", "products and services")
    p = command(products, "add", cmd_product_add, help="add a product or service")
    p.add_argument("sku")
    p.add_argument("--name", required=True)
    p.add_argument("--price", required=True)
    p.add_argument("--unit", help="个 unless given")
    p.add_argument("--stock", help="opening stock, booked as a stock movement")
    p.add_argument("--service", action="store_true", help="a service: no stock, never shipped")
    product_supply(p)
    p = command(products, "edit", cmd_product_edit, help="change a product's details")
    p.add_argument("sku")
    p.add_argument("--name")
    p.add_argument("--price")
    p.add_argument("--unit")
    p.add_argument(
        "--service",
        action=argparse.BooleanOptionalAction,
        help="make it a service (no stock) or a stocked product",
    )
    product_supply(p)
    with_json(command(products, "list", cmd_product_list, help="products with their stock"))

    node_help = f"a node by code or by its Chinese or English label ({_default_nodes()})"
    order = group("order", "sales and purchase orders")
    p = with_json(command(order, "create", cmd_order_create, help="create a draft order"))
    p.add_argument("--kind", required=True, choices=["sales", "purchase"])
    p.add_argument("--party", required=True, help="the customer's or supplier's name")
    p.add_argument(
        "--line",
        required=True,
        nargs="+",
        action="extend",
        help="SKU:QTY or SKU:QTY:PRICE (the product's price unless given)",
    )
    p.add_argument("--due", help="due date, YYYY-MM-DD")
    p = with_json(
        command(order, "show", cmd_order_show, help="an order with its lines and history")
    )
    p.add_argument("number")
    p = with_json(command(order, "list", cmd_order_list, help="orders, newest first"))
    p.add_argument("--kind", help="sales, purchase, supplementary or return")
    p.add_argument("--status", help=node_help)
    p.add_argument("--overdue", action="store_true", help="only orders late at their node or due")
    p.add_argument("--party")
    p.add_argument("--search", help="part of the number, party or tracking number")
    p.add_argument("--limit", type=int)
    p = command(
        order, "advance", cmd_order_advance, help="take a workflow step (submit, approve, ...)"
    )
    p.add_argument("number")
    p.add_argument("node", help="the node to move to: " + node_help)
    p.add_argument("--comment", help="a comment, or the reason a step requires")
    p = command(order, "cancel", cmd_order_cancel, help="cancel an order before it ships")
    p.add_argument("number")
    p.add_argument("--reason", required=True)

    p = command(commands, "ship", cmd_ship, help="record a shipment (delivery note)")
    p.add_argument("number")
    p.add_argument("--carrier", required=True)
    p.add_argument("--tracking-no", required=True)
    p.add_argument(
        "--line", nargs="+", action="extend", help="SKU:QTY; everything still to ship unless given"
    )
    p = command(commands, "receive", cmd_receive, help="record goods received for a purchase")
    p.add_argument("number")
    p.add_argument(
        "--line", nargs="+", action="extend", help="SKU:QTY; everything still due unless given"
    )
    p = command(commands, "pay", cmd_pay, help="record a payment received or made")
    p.add_argument("number")
    p.add_argument("amount", help="negative for a refund")
    p.add_argument("--method")
    p.add_argument("--ref", help="a bank or payment reference")
    p = command(commands, "sign", cmd_sign, help="the customer signed for one shipment")
    p.add_argument("shipment")
    with_json(command(commands, "alerts", cmd_alerts, help="late orders and who acts next"))
    flows = group("workflow", "the workflows as data")
    p = with_json(command(flows, "show", cmd_workflow_show, help="the active definition"))
    p.add_argument("kind")
    p = command(flows, "versions", cmd_workflow_versions, help="every stored version")
    p.add_argument("kind")
    p = command(flows, "export", cmd_workflow_export, help="the active definition as JSON")
    p.add_argument("kind")
    p.add_argument("file")
    p = command(
        flows, "import", cmd_workflow_import, help="store a JSON definition as the new version"
    )
    p.add_argument("kind")
    p.add_argument("file")
    p = command(commands, "print", cmd_print, help="a printed document as PDF")
    p.add_argument("kind", choices=printing.KINDS)
    p.add_argument("number", nargs="?")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--waiting",
        action="store_true",
        help="delivery notes of every order waiting at the warehouse",
    )
    p = command(commands, "template", cmd_template, help="an empty import workbook")
    p.add_argument("what", choices=list(IMPORTERS))
    p.add_argument("file")
    p = with_json(command(commands, "import", cmd_import, help="import a workbook: all or none"))
    p.add_argument("what", choices=list(IMPORTERS))
    p.add_argument("file")
    p = command(commands, "export", cmd_export, help="export to a workbook in the import layout")
    p.add_argument("what", choices=list(EXPORTERS))
    p.add_argument("file")
    p.add_argument("--kind")
    p.add_argument("--status", help=node_help)
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--party")
    p.add_argument("--search")
    audits = group("audit", "the audit trail")
    command(audits, "verify", cmd_audit_verify, help="check the audit trail's hash chain")
    p = command(commands, "backup", cmd_backup, help="a consistent copy of a SQLite database")
    p.add_argument("file")
    setting = group("setting", "office-wide settings")
    with_json(command(setting, "list", cmd_setting_list, help="every setting and its value"))
    p = command(setting, "set", cmd_setting_set, help="change a setting (admin)")
    p.add_argument("key", choices=list(settings.DEFAULTS))
    p.add_argument("value")
    notify.add_parser(commands, command)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parsed arguments, or UsageError."""
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run a parsed command; returns its exit code."""
    # JSON and numbers go out as UTF-8 whatever the console's code page (cp936 on Windows).
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    lang = config.language(args.lang)
    url = config.database_url(args.db)

    def upgrading_admin() -> tuple[str, str] | None:
        # A shared server database is upgraded only when --user is an administrator.
        name = args.user or os.environ.get("ORDERTRAIL_USER")
        return (name, _password(f"{name} password: ")) if name else None

    try:
        if getattr(args, "creates_database", False):
            create_missing_database(url)
        database, _backup = open_database(url, upgrading_admin)
    except OperationalError as error:
        print(
            ("无法打开数据库：" if lang == "zh" else "Cannot open the database: ")
            + str(error.orig).strip(),
            file=sys.stderr,
        )
        return EXIT_REJECTED
    except OrderTrailError as error:  # a newer schema, or an upgrade that waits for an admin
        print(error.message(lang), file=sys.stderr)
        return error.exit_code
    log.info("%s on %s", args.command, database.engine.url)  # the URL hides its password
    ctx = Context(args, lang, database)
    try:
        return args.handler(ctx)
    except OrderTrailError as error:
        print(error.message(lang), file=sys.stderr)
        return error.exit_code
    except OSError as error:  # an output file that cannot be written
        print(
            ("无法写入文件：" if lang == "zh" else "Cannot write the file: ")
            + f"{error.filename or ''} {error.strerror or error}".strip(),
            file=sys.stderr,
        )
        return EXIT_REJECTED
    except OperationalError as error:
        print(str(error.orig).strip(), file=sys.stderr)
        return EXIT_BUG
    except Exception:  # a bug: show it, exit 1
        log.exception("command %s failed", args.command)
        traceback.print_exc()
        return EXIT_BUG
    finally:
        database.dispose()


def main(argv: list[str] | None = None) -> int:
    """Run one command (the window's launcher handles the case of none)."""
    try:
        args = parse(list(sys.argv[1:] if argv is None else argv))
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as done:  # --help
        return int(done.code or 0)
    if args.command is None:
        print("ordertrail: no command given", file=sys.stderr)
        return EXIT_USAGE
    return run(args)
