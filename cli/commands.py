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

from sqlalchemy.exc import DatabaseError, OperationalError

from app import (
    ageing,
    audit,
    config,
    credit,
    holidays,
    lateness,
    masterdata,
    orders,
    periods,
    queries,
    reconcile,
    reorder,
    returns,
    runner,
    settings,
    stock_view,
    timeline,
    tracking,
    users,
    workflow,
)
from app.errors import AuthenticationFailed, OrderTrailError, ValidationError
from app.node_names import node_code, step_target
from app.orders import LineSpec, MoveSpec
from app.output_files import check_output
from app.price_visibility import as_seen_by, prices_hidden_from
from app.reconcile_files import write_report
from app.roles import refuse_board, require, role_label, roles_label
from app.setup import ensure_admin, open_database
from app.users import sign_in, take_failure_notice
from app.validation import is_control, iso_date
from app.workflow_defaults import DEFAULT_WORKFLOWS
from cli.change_documents import cmd_amend, cmd_figures, cmd_supplement  # noqa: F401
from cli.parser import (
    EXIT_AUDIT,
    EXIT_BUG,
    EXIT_CONFLICT,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    UsageError,
    parse,
)
from cli.returns import (  # noqa: F401  (named by the parser)
    cmd_exception_list,
    cmd_exception_resolve,
    cmd_exchange,
    cmd_refund,
    cmd_return,
    cmd_shipment_lost,
    cmd_shipment_refuse,
)
from cli.tables import local_time, table
from db.engine import Database, create_missing_database
from db.models import User

# Commands that write files or make data import what they need when they run, so that a
# read such as `order list` starts without loading spreadsheets, PDFs or the demo.

MAX_LIST_LIMIT = 10_000_000
# Only these may make a new database; any other command on a missing one is a typo.
CREATING_COMMANDS = ("init", "demo")
log = logging.getLogger(__name__)


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
        user = sign_in(self.database, name, _password(f"{name} password: "))
        refuse_board(user)  # the board opens in the window (ui/launch.py), not here
        self.user = user
        notice = take_failure_notice(self.database, self.user)
        if notice is not None:
            print(notice.message(self.lang), file=sys.stderr)
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
    from app.demo import DEMO_PASSWORD, build_demo

    made = build_demo(ctx.database, ctx.args.orders, ctx.args.seed)
    ctx.say(
        f"已生成演示数据：{made} 张订单；演示用户密码均为 {DEMO_PASSWORD}。",
        f"Demo data made: {made} orders; every demo user's password is {DEMO_PASSWORD}.",
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
    # Signed in, and refused if not an admin, before the new password is asked for.
    require(ctx.acting_user(), "manage_users")
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
                "locked": users.is_slowed_down(session, u.name),
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
    ctx.act(change, ctx.args.name, *values)
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
    return _changed_user(
        ctx, users.unlock, "{name} 可以立即登录了。", "{name} may sign in at once."
    )


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
    actor = ctx.acting_user()
    with ctx.database.reading() as session:
        rows = as_seen_by(session, actor, queries.product_rows(session))
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
                r.get("price", ""),  # hidden from the warehouse
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


def _shown(text: str) -> str:
    """Stored text as printed on a terminal: control characters (an escape sequence could
    print a fake line) show as �, whatever older versions let in."""
    return "".join("\ufffd" if is_control(ch) and ch not in "\t\n" else ch for ch in text)


def _print_order(ctx: Context, detail: dict) -> None:
    en = ctx.lang == "en"
    money = (
        f"  {detail['currency']} {detail['total']}  {'Paid' if en else '已付'} {detail['paid']}"
        if "total" in detail
        else ""
    )
    print(
        f"{detail['number']}  {detail['status_label']}  {detail['party']}{money}"
        + ("  OVERDUE" if detail["overdue"] and en else "  已超时" if detail["overdue"] else "")
    )
    if "list_value" in detail:
        print(
            f"  {'list value' if en else '标价合计'} {detail['list_value']}  "
            f"{'discount' if en else '折扣'} {detail['discount_pct']}%"
        )
    for line in detail.get("lines", []):
        price = f" × {line['unit_price']:>10}" if "unit_price" in line else ""
        short = line.get("short_qty", "0")
        print(
            f"  {line['sku']:<10} {line['qty']:>8}{price}  "
            f"{'Shipped' if en else '已发'} {line['shipped_qty']}  "
            f"{'Received' if en else '已收'} {line['received_qty']}"
            + (f"  {'SHORT' if en else '缺货'} {short}" if short != "0" else "")
        )
    for s in detail.get("shipments", []):
        trouble = f"  {_shown(s['trouble_reason'])}" if s["trouble_reason"] else ""
        print(f"  {s['number']}  {s['carrier']} {s['tracking_no']}  {s['state_label']}{trouble}")
    _print_links(detail, en)
    for event in detail.get("events", []):
        move = timeline.move(event, detail["node_labels"])
        note = timeline.note(event, detail["kind"], ctx.lang, "total" in detail)
        print(f"  {local_time(event['at'])}  {_shown(event['user']):<10} {move}  {_shown(note)}")


def _print_links(detail: dict, en: bool) -> None:
    """The order's revision, the orders it is linked to and its amendments."""
    if detail.get("revision", 1) > 1:
        print(f"  {'revision' if en else '版本'} {detail['revision']}")
    relation = {"parent": "from" if en else "原单", "child": "linked" if en else "关联"}
    for row in detail.get("linked", []):
        print(
            f"  {relation[row['relation']]} {row['number']}  {row['kind_label']}  "
            f"{row['status_label']}"
        )
    for row in detail.get("amendments", []):
        print(
            f"  {row['number']}  {'revision' if en else '版本'} {row['revision']}  "
            f"{_shown(row['reason'])}"
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
            detail = queries.order_detail(session, orders.find_order(session, number), ctx.lang)
            _json(as_seen_by(session, ctx.user, detail))
    else:
        print(number)
    return EXIT_OK


def cmd_order_show(ctx: Context) -> int:
    actor = ctx.acting_user()
    with ctx.database.reading() as session:
        order = orders.find_order(session, ctx.args.number)
        detail = as_seen_by(session, actor, queries.order_detail(session, order, ctx.lang))
    if ctx.args.json:
        _json(detail)
    else:
        _print_order(ctx, detail)
    return EXIT_OK


def cmd_order_list(ctx: Context) -> int:
    actor = ctx.acting_user()
    a = ctx.args
    if a.limit is not None and not 0 <= a.limit <= MAX_LIST_LIMIT:
        raise ValidationError(
            f"--limit 必须在 0 到 {MAX_LIST_LIMIT:,} 之间。",
            f"--limit must be between 0 and {MAX_LIST_LIMIT:,}.",
        )
    with ctx.database.reading() as session:
        f = queries.check_filter(session, _order_filter(session, a))
        found = queries.list_orders(session, f, limit=a.limit)
        rows = as_seen_by(session, actor, queries.order_rows(session, found, ctx.lang))
        # The warehouse's list has no money columns unless the setting shows it prices.
        priced = not prices_hidden_from(session, actor)
    if a.json:
        _json(rows)
        return EXIT_OK
    en = ctx.lang == "en"
    late = "late" if en else "超时"
    headers = (
        ["number", "node", "party", "total", "payments", "due", "waiting for", "short", ""]
        if en
        else ["单号", "节点", "客户/供应商", "金额", "已付", "交期", "待处理", "缺货", ""]
    )
    table(
        headers if priced else headers[:3] + headers[5:],
        [
            [
                r["number"],
                r["status_label"],
                r["party"],
                *((f"{r['currency']} {r['total']}", r["paid"]) if priced else ()),
                r["due"] or "",
                roles_label(r["owner_roles"], ctx.lang),
                "" if r["short"] == "0" else r["short"],
                late if r["overdue"] else "",
            ]
            for r in rows
        ],
        right=(3, 4) if priced else (),
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
        order = orders.find_order(session, a.number)
        node = step_target(workflow.spec_for(session, order), order.status, a.node)
        over_limit = credit.approval_warning(session, order, node)
    if over_limit is not None:  # approved all the same; the warning goes into the trail
        ctx.say(over_limit.message("zh"), over_limit.message("en"))
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
    damaged = [_move(text) for text in a.damaged] if a.damaged else None
    with ctx.database.reading() as session:
        coming_back = returns.is_return(orders.find_order(session, a.number))
    if coming_back:
        print(ctx.act(returns.receive_return, a.number, moves, damaged=damaged).number)
    elif damaged:
        raise ValidationError(
            "只有退货单可登记损坏的货物。", "Only a return's goods can be received damaged."
        )
    else:
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
    from app import workflow_versions

    kind = _workflow_kind(ctx.args.kind)
    with ctx.database.reading() as session:
        spec = workflow_versions.stored(session, kind, ctx.args.version)
    if ctx.args.json:
        _json({"version": spec.version, **spec.definition})
        return EXIT_OK
    en = ctx.lang == "en"
    print(f"{kind} v{spec.version}")
    rows = []
    for code in spec.order:
        node = spec.node(code)
        steps = ", ".join(
            f"{t.label(ctx.lang)} → {spec.node(t.target).label(ctx.lang)}"
            for t in spec.leaving(code)
        )
        rows.append(
            [
                code,
                node.label(ctx.lang),
                role_label(node.owner, ctx.lang) if node.owner else "—",
                f"{node.limit_hours} h" if node.limit_hours else "—",
                ",".join(sorted(node.allows)) or "—",
                steps,
            ]
        )
    table(
        ["node", "name", "owner", "limit", "may record", "steps"]
        if en
        else ["节点", "名称", "负责", "时限", "可登记", "下一步"],
        rows,
    )
    print(
        ("  facts: " if en else "  事实：")
        + "; ".join(f"{fact}={roles_label(roles, ctx.lang)}" for fact, roles in spec.facts.items())
    )
    return EXIT_OK


def cmd_workflow_versions(ctx: Context) -> int:
    from app import workflow_versions

    kind = _workflow_kind(ctx.args.kind)
    with ctx.database.reading() as session:
        rows = workflow_versions.versions(session, kind)
    if ctx.args.json:
        _json(rows)
        return EXIT_OK
    en = ctx.lang == "en"
    table(
        ["", "version", "stored", "nodes", "orders"]
        if en
        else ["", "版本", "保存时间", "节点数", "订单数"],
        [
            [
                "*" if row["active"] else "",
                f"v{row['version']}",
                local_time(row["created_at"]),
                row["nodes"],
                row["orders"],
            ]
            for row in rows
        ],
    )
    ctx.say("* 为新订单使用的版本。", "* marks the version new orders start on.")
    return EXIT_OK


def cmd_workflow_export(ctx: Context) -> int:
    from app import workflow_versions

    kind = _workflow_kind(ctx.args.kind)
    with ctx.database.reading() as session:
        text = workflow_versions.exported(workflow.active_workflow(session, kind))
    target = check_output(ctx.database, ctx.args.file)
    target.write_text(text, encoding="utf-8")
    ctx.say(f"已导出 {kind} 流程到 {target}。", f"Exported the {kind} workflow to {target}.")
    return EXIT_OK


def cmd_workflow_import(ctx: Context) -> int:
    from app import workflow_versions

    workflow_versions.require_may_store(ctx.acting_user())  # before the file is read
    kind = _workflow_kind(ctx.args.kind)
    definition = workflow_versions.read_definition(ctx.args.file)
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
    user = ctx.acting_user()
    lateness.escalate_now(ctx.database)
    with ctx.database.reading() as session:
        rows = lateness.alerts(session, user, ctx.lang, everything=ctx.args.all)
    if ctx.args.json:
        _json([{k: v for k, v in r.items() if not k.startswith("_")} for r in rows])
        return EXIT_OK
    en = ctx.lang == "en"
    raised = " (escalated)" if en else "（已升级）"
    table(
        ["number", "node", "waiting for", "party", "due", "reason", "late by", "since"]
        if en
        else ["单号", "节点", "待处理", "客户/供应商", "交期", "原因", "超时", "进入节点时间"],
        [
            [
                r["number"],
                r["status_label"] + (raised if r["escalated"] else ""),
                roles_label([r["owner_role"]], ctx.lang) if r["owner_role"] else "",
                r["party"],
                r["due"] or "",
                r["reason_text"],
                r["late_by"],
                local_time(r["since"]),
            ]
            for r in rows
        ],
    )
    if not rows:
        ctx.say("没有超时的订单。", "No late orders.")
    return EXIT_OK


def cmd_holidays(ctx: Context) -> int:
    a = ctx.args
    done = ctx.act(holidays.import_list, a.file, replace=a.replace)
    ctx.say(
        f"已导入节假日：新增假日 {done.holidays} 天，调休上班日 {done.workdays} 天。",
        f"Holidays imported: {done.holidays} holidays and {done.workdays} make-up working days "
        "added.",
    )
    return EXIT_OK


OUTCOME_WORDS = {
    "signed": ("已签收", "signed"),
    "already_signed": ("此前已签收，未重复", "already signed, nothing done"),
    "refused": ("拒收：已登记异常，请处理", "refused: the order is in exception, to resolve"),
    "lost": ("丢件：已登记异常，请处理", "lost: the order is in exception, to resolve"),
    "already_refused": ("此前已登记拒收或丢件，未重复", "already refused or lost, nothing done"),
    "noted": ("运输中，未改变", "on its way, nothing changed"),
    "unknown": ("没有此运单号的发货单", "no shipment has this tracking number"),
    "ambiguous": ("多张发货单用同一运单号，未处理", "several shipments share it, not applied"),
    "not_allowed_here": ("订单当前节点不能签收", "the order's node does not take signatures"),
}


def _tracking_report(ctx: Context, outcomes) -> int:
    if ctx.args.json:
        _json([o.as_dict() for o in outcomes])
        return EXIT_OK
    en = ctx.lang == "en"
    table(
        ["tracking no", "carrier status", "shipment", "order", "result"]
        if en
        else ["运单号", "承运商状态", "发货单", "订单", "结果"],
        [
            [o.tracking_no, o.status, o.shipment or "", o.order or "", OUTCOME_WORDS[o.outcome][en]]
            for o in outcomes
        ],
    )
    signed = sum(o.outcome == "signed" for o in outcomes)
    left = sum(o.outcome in ("unknown", "ambiguous", "refused", "lost") for o in outcomes)
    ctx.say(
        f"已签收 {signed} 张发货单；{left} 条需要人工查看。",
        f"{signed} shipments signed; {left} need a person to look.",
    )
    return EXIT_OK


def cmd_tracking_import(ctx: Context) -> int:
    from app.spreadsheets.reading import ImportRejected

    try:
        outcomes = ctx.act(tracking.import_export, ctx.args.file)
    except ImportRejected as rejected:
        for problem in rejected.problems:
            print(problem.describe(ctx.lang), file=sys.stderr)
        raise
    return _tracking_report(ctx, outcomes)


def cmd_tracking_pull(ctx: Context) -> int:
    ctx.acting_user()
    answers, where = tracking.ask_service(ctx.database)
    return _tracking_report(ctx, ctx.act(tracking.apply, answers, tracking.SOURCE_SERVICE, where))


def cmd_stock(ctx: Context) -> int:
    actor, en = ctx.acting_user(), ctx.lang == "en"
    with ctx.database.reading() as session:
        if ctx.args.sku is None:
            found = stock_view.stock_rows(session, actor)
        else:
            found = stock_view.product_stock(session, actor, ctx.args.sku, ctx.lang)
    if ctx.args.json:
        _json(found)
        return EXIT_OK
    headers = (
        ["SKU", "name", "on hand", "reserved", "available", "short", "on order", "minimum", ""]
        if en
        else ["编码", "名称", "在库", "已预留", "可用", "缺货", "在途", "最低库存", ""]
    )
    low = "below minimum" if en else "低于最低库存"
    rows = found if ctx.args.sku is None else [found]
    figures = ("on_hand", "reserved", "available", "short", "on_order", "min_stock")
    table(
        headers,
        [
            [_shown(r["sku"]), _shown(r["name"]), *(r[k] for k in figures)]
            + [low if r["below_min"] else ""]
            for r in rows
        ],
        right=(2, 3, 4, 5, 6, 7),
    )
    if ctx.args.sku is None:
        return EXIT_OK
    for waiting in found["short_orders"]:
        print(f"{'short on' if en else '缺货订单'} {waiting['number']}: {waiting['short']}")
    print()
    table(
        ["time", "movement", "document", "by", "on hand ±", "reserved ±", "on hand", "reserved"]
        if en
        else ["时间", "变动", "单据", "操作人", "在库变动", "预留变动", "在库", "已预留"],
        [
            [
                local_time(m["at"]),
                m["kind_label"],
                m["document"],
                _shown(m["user"]),
                *(m[k] for k in stock_view.LEDGER_FIGURES),
            ]
            for m in found["ledger"]
        ],
        right=(4, 5, 6, 7),
    )
    return EXIT_OK


def cmd_reorder(ctx: Context) -> int:
    actor, en = ctx.acting_user(), ctx.lang == "en"
    if ctx.args.create:
        made = ctx.act(reorder.create_purchase_orders)
        numbers = [order.number for order in made]
        if ctx.args.json:
            _json({"created": numbers})
        else:
            for number in numbers:
                print(number)
        return EXIT_OK
    with ctx.database.reading() as session:
        found = [s.row(ctx.lang) for s in reorder.suggestions(session, actor)]
    if ctx.args.json:
        _json(found)
        return EXIT_OK
    if not found:
        ctx.say("库存充足，没有补货建议。", "Stock suffices: nothing to reorder.")
        return EXIT_OK
    table(
        ["SKU", "name", "supplier", "buy", "why"]
        if en
        else ["编码", "名称", "供应商", "建议采购", "依据"],
        [
            [
                _shown(r["sku"]),
                _shown(r["name"]),
                _shown(r["supplier"] or "—"),
                r["qty"],
                r["reason"],
            ]
            for r in found
        ],
        right=(3,),
    )
    return EXIT_OK


def cmd_print(ctx: Context) -> int:
    from app import printing

    a = ctx.args
    if a.waiting != (a.number is None) or (a.waiting and a.kind != "delivery-note"):
        raise ValidationError(
            "请给出单号，或用 delivery-note --waiting 打印全部待发货订单。",
            "Give a number, or delivery-note --waiting for every order waiting at the warehouse.",
        )
    target = check_output(ctx.database, a.output)

    def print_to_file(session, actor) -> None:
        pdf = (
            printing.print_delivery_notes(session, actor)
            if a.waiting
            else printing.print_document(session, actor, a.kind, a.number)
        )
        # Written before the commit: a file that cannot be written records no print.
        target.write_bytes(pdf)

    ctx.act(print_to_file)
    ctx.say(f"已生成 {a.output}。", f"Written to {a.output}.")
    return EXIT_OK


def cmd_template(ctx: Context) -> int:
    from app.spreadsheets.template import write_template

    ctx.acting_user()
    target = check_output(ctx.database, ctx.args.file)
    with ctx.database.reading() as session:
        write_template(session, ctx.args.what, target)
    ctx.say(f"已生成模板 {ctx.args.file}。", f"Template written to {ctx.args.file}.")
    return EXIT_OK


def cmd_import(ctx: Context) -> int:
    from app.spreadsheets.importing import IMPORTERS
    from app.spreadsheets.reading import ImportRejected

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
    from app.spreadsheets.export import EXPORTERS, export_orders

    actor = ctx.acting_user()
    a = ctx.args
    target = check_output(ctx.database, a.file)
    with ctx.database.reading() as session:
        order_filter = queries.check_filter(session, _order_filter(session, a))
        if a.what != "orders" and order_filter != queries.OrderFilter():
            raise ValidationError("筛选条件只适用于导出订单。", "Filters apply to orders only.")
        count = (
            export_orders(session, actor, target, order_filter)
            if a.what == "orders"
            else EXPORTERS[a.what](session, actor, target)
        )
    ctx.say(f"已导出 {count} 条到 {a.file}。", f"Exported {count} records to {a.file}.")
    return EXIT_OK


def cmd_audit_verify(ctx: Context) -> int:
    """Checks the chain against what this desktop saw before (and any backups given); an
    intact chain's newest record becomes this desktop's witness."""
    key = audit.witness_key(ctx.database)
    witnesses = [audit.witness_of_backup(path) for path in ctx.args.against or []]
    witnesses += [audit.Witness.parse(text) for text in ctx.args.seen or []]
    seen = audit.seen_here(key)
    with ctx.database.reading() as session:
        result = audit.verify(session, (*witnesses, *([seen] if seen else [])))
    if result.ok and result.newest is not None:
        audit.remember_seen(key, result.newest)
    ctx.say(result.zh, result.en)
    for mismatch in result.facts[1:]:
        ctx.say(mismatch.zh, mismatch.en)
    return EXIT_OK if result.ok else EXIT_AUDIT


def cmd_ageing(ctx: Context) -> int:
    actor = ctx.acting_user()
    as_of = iso_date(ctx.args.as_of, "日期", "date") if ctx.args.as_of else None
    with ctx.database.reading() as session:
        result = ageing.ageing(session, actor, as_of)
    if ctx.args.json:
        _json(result.as_dict())
        return EXIT_OK
    en = ctx.lang == "en"
    headers = ["party", "side", "terms"] if en else ["客户/供应商", "类别", "账期"]
    headers += [ageing.BUCKET_LABELS[b][1 if en else 0] for b in ageing.BUCKETS]
    headers += ["total", "credit limit"] if en else ["合计", "信用额度"]
    sides = {"receivable": ("应收", "receivable"), "payable": ("应付", "payable")}
    table(
        headers,
        [
            [
                _shown(row.party),
                sides[row.side][1 if en else 0],
                _shown(row.terms.text) or "-",
                *(f"{row.buckets[b]:,.2f}" for b in ageing.BUCKETS),
                f"{row.total:,.2f}" + (" !" if row.over_limit else ""),
                "" if row.credit_limit is None else f"{row.credit_limit:,.2f}",
            ]
            for row in result.parties
        ],
        right=tuple(range(3, 10)),
    )
    return EXIT_OK


def cmd_reconcile(ctx: Context) -> int:
    actor = ctx.acting_user()
    a = ctx.args
    target = check_output(ctx.database, a.output) if a.output else None
    with ctx.database.reading() as session:
        report = reconcile.reconcile(session, actor, a.month)
        if target is not None:
            write_report(session, report, target)
    if a.json:
        _json(report.as_dict())
    else:
        labels = {check.code: check.label(ctx.lang) for check in reconcile.CHECKS}
        table(
            ["check", "subject", "amount", "description"]
            if ctx.lang == "en"
            else ["检查项目", "单号/产品", "金额", "说明"],
            [
                [
                    labels[d.check],
                    _shown(d.subject),
                    "" if d.amount is None else f"{d.amount:,.2f}",
                    _shown(d.message(ctx.lang)),
                ]
                for d in report.discrepancies
            ],
            right=(2,),
        )
        ctx.say(
            f"{report.month}：{len(report.discrepancies)} 处差异。",
            f"{report.month}: {len(report.discrepancies)} discrepancies.",
        )
    if target is not None:
        ctx.say(f"已生成 {a.output}。", f"Written to {a.output}.")
    return EXIT_OK


def cmd_period_lock(ctx: Context) -> int:
    lock = ctx.act(periods.lock_month, ctx.args.month)
    ctx.say(
        f"{lock.month} 已锁定：此后不能再有记在这个月的单据或款项。",
        f"{lock.month} is locked: nothing may be dated into it any more.",
    )
    return EXIT_OK


def cmd_period_list(ctx: Context) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        locks = [(p.month, p.locked_by, p.locked_at) for p in periods.locked_months(session)]
    if ctx.args.json:
        _json(
            [
                {"month": m, "locked_by": by, "locked_at": f"{at:%Y-%m-%dT%H:%M:%SZ}"}
                for m, by, at in locks
            ]
        )
    else:
        for month, by, at in locks:
            print(f"{month}  {by}  {local_time(f'{at:%Y-%m-%dT%H:%M:%SZ}')}")
    return EXIT_OK


def cmd_notify(ctx: Context) -> int:
    from cli.notify import cmd_notify as notify  # the channels load smtplib, ssl, http

    return notify(ctx)


def cmd_backup(ctx: Context) -> int:
    from app.backups import take_backup

    target = take_backup(ctx.database, ctx.acting_user(), ctx.args.file)
    ctx.say(f"已备份到 {target}。", f"Backed up to {target}.")
    return EXIT_OK


def cmd_board(ctx: Context) -> int:
    """Reached only when the board is asked of the command line alone (ui/launch.py opens
    it in a window): say where it opens."""
    ctx.say(
        "大屏在桌面窗口中打开：请在桌面上运行 ordertrail board。",
        "The wall display opens in a window: run ordertrail board on a desktop.",
    )
    return EXIT_REJECTED


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
        creates = args.command in CREATING_COMMANDS
        if creates:
            create_missing_database(url)
        database, _backup = open_database(url, upgrading_admin, create=creates)
    except OrderTrailError as error:  # a wrong or newer database, an upgrade left to an admin
        print(error.message(lang), file=sys.stderr)
        return error.exit_code
    except DatabaseError as error:
        print(
            ("无法打开数据库：" if lang == "zh" else "Cannot open the database: ")
            + str(error.orig).strip(),
            file=sys.stderr,
        )
        return EXIT_REJECTED
    log.info("%s on %s", args.command, database.engine.url)  # the URL hides its password
    ctx = Context(args, lang, database)
    try:
        return globals()[args.handler](ctx)
    except OrderTrailError as error:
        print(error.message(lang), file=sys.stderr)
        return error.exit_code
    except BrokenPipeError:  # the reader stopped early (`| head`): nothing more to say
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - flushed at exit, never written
        return EXIT_OK
    except OSError as error:  # an output file that cannot be written
        print(
            ("无法写入文件：" if lang == "zh" else "Cannot write the file: ")
            + f"{error.filename or ''} {error.strerror or error}".strip(),
            file=sys.stderr,
        )
        return EXIT_REJECTED
    except OperationalError as error:
        if not runner.is_busy(error):  # a write outside the runner (a failed sign-in)
            print(str(error.orig).strip(), file=sys.stderr)
            return EXIT_BUG
        print(
            "另一台电脑正在写入数据库，等待超时；什么都没有改动，请稍后再试。"
            if lang == "zh"
            else "Another desktop is busy writing to the database and the wait timed out; "
            "nothing was changed, try again shortly.",
            file=sys.stderr,
        )
        return EXIT_CONFLICT
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
