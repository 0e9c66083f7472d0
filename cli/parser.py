"""The command line's arguments, kept apart from the commands so that `--help`, a usage
error or starting the window loads no database code."""

from __future__ import annotations

import argparse
import sys

from app import about
from app.kinds import PRINT_KINDS
from app.roles import ACCOUNT_ROLES
from app.spreadsheets.layouts import LAYOUTS
from app.workflow_defaults import DEFAULT_WORKFLOWS
from cli import returns_args

# CLI.md's exit codes.
EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_REJECTED, EXIT_DENIED, EXIT_CONFLICT, EXIT_AUDIT = range(7)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


# --- the parser -------------------------------------------------------------------------


def _default_nodes() -> str:
    """The nodes of the default workflows, for help texts (the database may add more)."""
    return "; ".join(
        f"{kind}: "
        + ", ".join(f"{code} {node['label']['zh']}" for code, node in definition["nodes"].items())
        for kind, definition in DEFAULT_WORKFLOWS.items()
    )


def change_documents(command, with_json, commands) -> None:
    """`amend`, `supplement` and `figures`."""
    p = with_json(
        command(
            commands,
            "amend",
            "cmd_amend",
            help="amend an approved order (改单/加单): set or add lines, remove lines, with a "
            "reason; prints the amendment number. Never below what was shipped, received or "
            "paid; a total grown past the approval amount goes back to approval. "
            "--list shows the order's amendments",
        )
    )
    p.add_argument("number")
    p.add_argument(
        "--line",
        nargs="+",
        action="extend",
        help="SKU:QTY or SKU:QTY:PRICE: the line's new quantity (and price); a new SKU adds a line",
    )
    p.add_argument("--remove", nargs="+", action="extend", metavar="SKU", help="remove a line")
    p.add_argument("--reason", help="why the order changes (required unless --list)")
    p.add_argument("--list", action="store_true", help="list the order's amendments instead")
    p = command(
        commands,
        "supplement",
        "cmd_supplement",
        help="a supplementary order (补单) for missing items, an extra delivery or a "
        "reshipment, linked to NUMBER and submitted; prints its number",
    )
    p.add_argument("number", help="the parent order")
    p.add_argument("--line", required=True, nargs="+", action="extend", help="SKU:QTY[:PRICE]")
    p.add_argument("--reason", required=True)
    p.add_argument("--due", help="due date, YYYY-MM-DD")
    p = with_json(
        command(
            commands,
            "figures",
            "cmd_figures",
            help="sales and purchase figures net of amendments and returns: each order as "
            "first ordered on its day, each change on its own",
        )
    )
    p.add_argument("--from", dest="since", metavar="YYYY-MM-DD", help="first day (UTC)")
    p.add_argument("--to", dest="until", metavar="YYYY-MM-DD", help="last day (UTC)")


class _ShowVersion(argparse.Action):
    """--version reads the installed package's metadata only when asked: that read costs
    every other command a noticeable part of its start-up."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"OrderTrail {about.version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ordertrail", description="OrderTrail 采销订单跟踪")
    parser.add_argument("--db", help="database URL or SQLite file path")
    parser.add_argument("--user", help="acting user")
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--debug", action="store_true", help="write more detail to the log file")
    parser.add_argument("--version", action=_ShowVersion)
    parser.add_argument(
        "--startup-check",
        action="store_true",
        help="open the window, say when it is ready, and close it (checks an installation)",
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(group, name: str, handler: str, *, help: str):
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

    p = command(commands, "init", "cmd_init", help="create or upgrade the database")
    p.add_argument("--admin", required=True)
    p = command(commands, "demo", "cmd_demo", help="fill the database with demo data")
    p.add_argument("--orders", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)

    user = group("user", "users and their roles (admin)")
    role_help = "a role, given once per role: " + ", ".join(
        f"{code} ({zh})" for code, (zh, _en) in ACCOUNT_ROLES.items()
    )
    p = command(user, "add", "cmd_user_add", help="add a user with one or more roles")
    p.add_argument("name")
    p.add_argument(
        "--role", required=True, action="append", choices=list(ACCOUNT_ROLES), help=role_help
    )
    with_json(
        command(user, "list", "cmd_user_list", help="every user, roles, active, signing in slowed")
    )
    p = command(user, "roles", "cmd_user_roles", help="replace a user's roles")
    p.add_argument("name")
    p.add_argument(
        "--role", required=True, action="append", choices=list(ACCOUNT_ROLES), help=role_help
    )
    p = command(
        user,
        "reset-password",
        "cmd_user_reset_password",
        help="set a new password (from ORDERTRAIL_NEW_PASSWORD) and end any wait",
    )
    p.add_argument("name")
    p = command(user, "unlock", "cmd_user_unlock", help="end the wait after failed sign-ins")
    p.add_argument("name")
    p = command(
        user,
        "deactivate",
        "cmd_user_deactivate",
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
    p = command(parties, "add", "cmd_party_add", help="add a customer or supplier")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=["customer", "supplier"])
    party_details(p)
    p = command(parties, "edit", "cmd_party_edit", help="change a customer's or supplier's details")
    p.add_argument("name")
    p.add_argument("--new-name", help="rename it")
    party_details(p)
    p = with_json(command(parties, "list", "cmd_party_list", help="customers and suppliers"))
    p.add_argument("--kind", choices=["customer", "supplier"])
    p.add_argument("--search", help="part of the name, contact, phone or tax number")

    products = group("product", "products and services")
    p = command(products, "add", "cmd_product_add", help="add a product or service")
    p.add_argument("sku")
    p.add_argument("--name", required=True)
    p.add_argument("--price", required=True)
    p.add_argument("--unit", help="个 unless given")
    p.add_argument("--stock", help="opening stock, booked as a stock movement")
    p.add_argument("--service", action="store_true", help="a service: no stock, never shipped")
    product_supply(p)
    p = command(products, "edit", "cmd_product_edit", help="change a product's details")
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
    with_json(command(products, "list", "cmd_product_list", help="products with their stock"))

    node_help = (
        "a node by code or by its Chinese or English label (`workflow show KIND` lists those "
        f"in use; by default {_default_nodes()})"
    )
    order = group("order", "sales and purchase orders")
    p = with_json(command(order, "create", "cmd_order_create", help="create a draft order"))
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
        command(order, "show", "cmd_order_show", help="an order with its lines and history")
    )
    p.add_argument("number")
    p = with_json(command(order, "list", "cmd_order_list", help="orders, newest first"))
    p.add_argument("--kind", help="sales, purchase, supplementary or return")
    p.add_argument("--status", help=node_help)
    p.add_argument("--overdue", action="store_true", help="only orders late at their node or due")
    p.add_argument("--party")
    p.add_argument("--search", help="part of the number, party or tracking number")
    p.add_argument("--limit", type=int)
    p = command(
        order, "advance", "cmd_order_advance", help="take a workflow step (submit, approve, ...)"
    )
    p.add_argument("number")
    p.add_argument(
        "node", help="the step to take (submit, 提交, ...) or the node to move to: " + node_help
    )
    p.add_argument("--comment", help="a comment, or the reason a step requires")
    p = command(order, "cancel", "cmd_order_cancel", help="cancel an order before it ships")
    p.add_argument("number")
    p.add_argument("--reason", required=True)

    p = command(commands, "ship", "cmd_ship", help="record a shipment (delivery note)")
    p.add_argument("number")
    p.add_argument("--carrier", required=True)
    p.add_argument("--tracking-no", required=True)
    p.add_argument(
        "--line", nargs="+", action="extend", help="SKU:QTY; everything still to ship unless given"
    )
    p = command(
        commands, "receive", "cmd_receive", help="record goods received for a purchase or return"
    )
    p.add_argument("number")
    p.add_argument(
        "--line", nargs="+", action="extend", help="SKU:QTY; everything still due unless given"
    )
    p.add_argument(
        "--damaged", nargs="+", action="extend", help="SKU:QTY of a return that came back damaged"
    )
    p = command(commands, "pay", "cmd_pay", help="record a payment received or made")
    p.add_argument("number")
    p.add_argument("amount", help="negative for a refund")
    p.add_argument("--method")
    p.add_argument("--ref", help="a bank or payment reference")
    p = command(commands, "sign", "cmd_sign", help="the customer signed for one shipment")
    p.add_argument("shipment")
    change_documents(command, with_json, commands)
    returns_args.add_commands(commands, command, group, with_json)
    p = with_json(
        command(
            commands,
            "alerts",
            "cmd_alerts",
            help="late orders in my queues: party, due date, reason, how late; "
            "tells the owner about orders past twice their limit",
        )
    )
    p.add_argument("--all", action="store_true", help="every late order, not only my queues")
    p = with_json(
        command(
            commands,
            "stock",
            "cmd_stock",
            help="stock per product: on hand, reserved, available, short, on order; "
            "with a SKU, that product's ledger",
        )
    )
    p.add_argument("sku", nargs="?")
    p = with_json(
        command(commands, "reorder", "cmd_reorder", help="what to buy per product, and why")
    )
    p.add_argument(
        "--create", action="store_true", help="make the draft purchase orders, one per supplier"
    )
    p = command(
        commands,
        "holidays",
        "cmd_holidays",
        help="import a holiday list (holidays and make-up working days) into the settings",
    )
    p.add_argument("action", choices=["import"])
    p.add_argument("file", nargs="?", help="JSON or CSV; the bundled list of China's if left out")
    p.add_argument("--replace", action="store_true", help="replace the stored lists, not add")
    tracking = group("tracking", "carrier status: sign for or flag shipments from the carrier")
    p = with_json(
        command(tracking, "import", "cmd_tracking_import", help="a carrier's status export")
    )
    p.add_argument("file", help="CSV or Excel: tracking number, status, time")
    p = with_json(
        command(
            tracking, "pull", "cmd_tracking_pull", help="ask the tracking service (tracking_url)"
        )
    )
    flows = group("workflow", "the workflows as data")
    p = with_json(
        command(flows, "show", "cmd_workflow_show", help="the active definition, or a version's")
    )
    p.add_argument("kind")
    p.add_argument(
        "version",
        nargs="?",
        type=int,
        help="a stored version (`workflow versions`); the active one unless given",
    )
    p = with_json(command(flows, "versions", "cmd_workflow_versions", help="every stored version"))
    p.add_argument("kind")
    p = command(flows, "export", "cmd_workflow_export", help="the active definition as JSON")
    p.add_argument("kind")
    p.add_argument("file")
    p = command(
        flows, "import", "cmd_workflow_import", help="store a JSON definition as the new version"
    )
    p.add_argument("kind")
    p.add_argument("file")
    p = command(commands, "print", "cmd_print", help="a printed document as PDF")
    p.add_argument("kind", choices=PRINT_KINDS)
    p.add_argument("number", nargs="?")
    p.add_argument("-o", "--output", required=True)
    p.add_argument(
        "--waiting",
        action="store_true",
        help="delivery notes of every order waiting at the warehouse",
    )
    p = command(commands, "template", "cmd_template", help="an empty import workbook")
    p.add_argument("what", choices=list(LAYOUTS))
    p.add_argument("file")
    p = with_json(command(commands, "import", "cmd_import", help="import a workbook: all or none"))
    p.add_argument("what", choices=list(LAYOUTS))
    p.add_argument("file")
    p = command(commands, "export", "cmd_export", help="export to a workbook in the import layout")
    p.add_argument("what", choices=list(LAYOUTS))
    p.add_argument("file")
    p.add_argument("--kind")
    p.add_argument("--status", help=node_help)
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--party")
    p.add_argument("--search")
    p = with_json(
        command(
            commands,
            "ageing",
            "cmd_ageing",
            help="receivables and payables per party by days past due (finance, owner, admin)",
        )
    )
    p.add_argument("--as-of", help="the day to age at, YYYY-MM-DD; today unless given")
    p = with_json(
        command(
            commands,
            "reconcile",
            "cmd_reconcile",
            help="the month-end reconciliation: every discrepancy (finance, owner, admin)",
        )
    )
    p.add_argument("--month", required=True, help="YYYY-MM")
    p.add_argument("-o", "--output", help="also write the report to FILE (.xlsx or .pdf)")
    periods = group("period", "closed months")
    p = command(
        periods,
        "lock",
        "cmd_period_lock",
        help="lock a month that is over: nothing may be dated into it (finance, owner)",
    )
    p.add_argument("month", help="YYYY-MM")
    with_json(command(periods, "list", "cmd_period_list", help="the locked months"))
    audits = group("audit", "the audit trail")
    p = command(
        audits,
        "verify",
        "cmd_audit_verify",
        help="check the audit trail's hash chain against the records and what was seen before",
    )
    p.add_argument(
        "--against",
        nargs="+",
        action="extend",
        metavar="BACKUP",
        help="backups whose records the chain must still hold",
    )
    p.add_argument(
        "--seen",
        nargs="+",
        action="extend",
        metavar="#ID:HASH",
        help="witnesses printed in a document's footer that the chain must still hold",
    )
    p = command(
        commands,
        "backup",
        "cmd_backup",
        help="a consistent copy of a SQLite database (admin, owner)",
    )
    p.add_argument("file")
    setting = group("setting", "office-wide settings")
    with_json(command(setting, "list", "cmd_setting_list", help="every setting and its value"))
    p = command(setting, "set", "cmd_setting_set", help="change a setting (admin)")
    p.add_argument("key", help="see setting list")
    p.add_argument("value")
    p = command(
        commands,
        "board",
        "cmd_board",
        help="the full-screen wall display: today's shipments, late orders, orders per node "
        "(read only; sign in as a board account or any user)",
    )
    p.add_argument("--windowed", action="store_true", help="in a window instead of full screen")
    p = command(commands, "notify", "cmd_notify", help="notifications and the outbox sender")
    action = p.add_mutually_exclusive_group(required=True)
    action.add_argument("--run", action="store_true", help="send what the outbox holds, then exit")
    action.add_argument(
        "--test", metavar="CHANNEL", help="send a test message (email, wecom, dingtalk, webhook)"
    )
    action.add_argument("--dead", action="store_true", help="messages that failed too often")
    action.add_argument("--retry", metavar="ID", type=int, help="send a dead message again")
    action.add_argument("--list", action="store_true", help="my notifications, newest first")
    action.add_argument("--read", metavar="ID", type=int, nargs="+", help="mark read")
    action.add_argument("--read-all", action="store_true")
    action.add_argument(
        "--channels",
        nargs=2,
        metavar=("KIND", "CHANNELS"),
        help="how a kind of notice reaches me: KIND and comma-separated channels",
    )
    action.add_argument("--email", metavar="ADDRESS", help="my address for e-mail notices")
    p.add_argument("--loop", type=float, metavar="SECONDS", help="with --run: keep sending")
    p.add_argument("--unread", action="store_true", help="with --list: only unread ones")
    p.add_argument("--json", action="store_true")
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parsed arguments, or UsageError."""
    for argument in argv:
        # Python keeps bytes that are not UTF-8 (a GBK console) as lone surrogates.
        if any("\udc80" <= ch <= "\udcff" for ch in argument):
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            raise UsageError(
                f"ordertrail: 参数“{shown}”不是 UTF-8 文本；请把终端设为 UTF-8（chcp 65001）。"
                f" / The argument '{shown}' is not UTF-8 text: set the console to UTF-8."
            )
    return build_parser().parse_args(argv)
