"""The command line's arguments, kept apart from the commands so that `--help`, a usage
error or starting the window loads no database code."""

from __future__ import annotations

import argparse
import sys

from app.kinds import PRINT_KINDS
from app.spreadsheets.layouts import LAYOUTS

# CLI.md's exit codes.
EXIT_OK, EXIT_BUG, EXIT_USAGE, EXIT_REJECTED, EXIT_DENIED, EXIT_CONFLICT, EXIT_AUDIT = range(7)


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


# --- the parser -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="ordertrail", description="OrderTrail 采销订单跟踪")
    parser.add_argument("--db", help="database URL or SQLite file path")
    parser.add_argument("--user", help="acting user")
    parser.add_argument("--lang", choices=["zh", "en"])
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    def command(group, name: str, handler: str, **kwargs):
        sub = group.add_parser(name, **kwargs)
        sub.set_defaults(handler=handler)
        return sub

    def with_json(sub):
        sub.add_argument("--json", action="store_true")
        return sub

    p = command(commands, "init", "cmd_init", help="create or upgrade the database")
    p.add_argument("--admin", required=True)
    p = command(commands, "demo", "cmd_demo", help="fill the database with demo data")
    p.add_argument("--orders", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)

    users = commands.add_parser("user").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    p = command(users, "add", "cmd_user_add")
    p.add_argument("name")
    p.add_argument("--role", required=True)
    p = command(users, "unlock", "cmd_user_unlock", help="end the wait after failed sign-ins")
    p.add_argument("name")

    parties = commands.add_parser("party").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    p = command(parties, "add", "cmd_party_add")
    p.add_argument("name")
    p.add_argument("--kind", required=True, choices=["customer", "supplier"])

    products = commands.add_parser("product").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    p = command(products, "add", "cmd_product_add")
    p.add_argument("sku")
    p.add_argument("--name", required=True)
    p.add_argument("--price", required=True)
    p.add_argument("--stock")
    p.add_argument("--service", action="store_true")
    with_json(command(products, "list", "cmd_product_list"))

    order = commands.add_parser("order").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    p = with_json(command(order, "create", "cmd_order_create"))
    p.add_argument("--kind", required=True, choices=["sales", "purchase"])
    p.add_argument("--party", required=True)
    p.add_argument("--line", required=True, nargs="+", action="extend")
    p.add_argument("--due")
    p = with_json(command(order, "show", "cmd_order_show"))
    p.add_argument("number")
    p = with_json(command(order, "list", "cmd_order_list"))
    p.add_argument("--kind")
    p.add_argument("--status")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--party")
    p.add_argument("--search")
    p.add_argument("--limit", type=int)
    p = command(order, "advance", "cmd_order_advance")
    p.add_argument("number")
    p.add_argument("node")
    p.add_argument("--comment")
    p = command(order, "cancel", "cmd_order_cancel")
    p.add_argument("number")
    p.add_argument("--reason", required=True)

    p = command(commands, "ship", "cmd_ship")
    p.add_argument("number")
    p.add_argument("--carrier", required=True)
    p.add_argument("--tracking-no", required=True)
    p.add_argument("--line", nargs="+", action="extend")
    p = command(commands, "receive", "cmd_receive")
    p.add_argument("number")
    p.add_argument("--line", nargs="+", action="extend")
    p = command(commands, "pay", "cmd_pay")
    p.add_argument("number")
    p.add_argument("amount")
    p.add_argument("--method")
    p.add_argument("--ref")
    p = command(commands, "sign", "cmd_sign", help="the customer signed for one shipment")
    p.add_argument("shipment")
    with_json(command(commands, "alerts", "cmd_alerts"))
    flows = commands.add_parser("workflow", help="the workflows as data").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    p = with_json(command(flows, "show", "cmd_workflow_show", help="the active definition"))
    p.add_argument("kind")
    p = command(flows, "versions", "cmd_workflow_versions", help="every stored version")
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
    p.add_argument("--status")
    p.add_argument("--overdue", action="store_true")
    p.add_argument("--party")
    p.add_argument("--search")
    audits = commands.add_parser("audit").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    p = command(audits, "verify", "cmd_audit_verify", help="check the whole audit chain")
    p.add_argument(
        "--against",
        nargs="+",
        action="extend",
        metavar="BACKUP",
        help="backups whose records the chain must still hold",
    )
    p = command(commands, "backup", "cmd_backup")
    p.add_argument("file")
    setting = commands.add_parser("setting").add_subparsers(
        dest="subcommand", required=True, parser_class=_Parser
    )
    with_json(command(setting, "list", "cmd_setting_list"))
    p = command(setting, "set", "cmd_setting_set")
    p.add_argument("key")
    p.add_argument("value")
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
