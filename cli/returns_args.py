"""The arguments of returns, exchanges, refunds and shipment exceptions (no database code)."""

from __future__ import annotations


def add_commands(commands, command, group, with_json) -> None:
    lines_help = "SKU:QTY or SKU:QTY:REASON (a reason of its own for that line)"
    for name, handler, help in (
        ("return", "cmd_return", "a return of shipped goods; prints the new return's number"),
        (
            "exchange",
            "cmd_exchange",
            "a return plus a free replacement order; prints both numbers",
        ),
    ):
        p = command(commands, name, handler, help=help)
        p.add_argument("number", help="the original order")
        p.add_argument("--line", required=True, nargs="+", action="extend", help=lines_help)
        p.add_argument("--reason", required=True, help="why the goods come back")
    p = command(
        commands, "refund", "cmd_refund", help="money back for a return (a negative payment)"
    )
    p.add_argument("number", help="the return order")
    p.add_argument("amount", help="the amount given back, a positive number")
    p.add_argument("--method")
    p.add_argument("--ref", help="a bank or payment reference")

    shipment = group("shipment", "a shipment's trouble: refused or lost")
    for name, handler, help in (
        ("refuse", "cmd_shipment_refuse", "the customer refused the shipment"),
        ("lost", "cmd_shipment_lost", "the carrier lost the shipment"),
    ):
        p = command(shipment, name, handler, help=help)
        p.add_argument("shipment")
        p.add_argument("--reason", required=True)

    exception = group("exception", "orders held in exception by a refused or lost shipment")
    with_json(command(exception, "list", "cmd_exception_list", help="orders in exception"))
    p = command(
        exception,
        "resolve",
        "cmd_exception_resolve",
        help="reship the goods on a free supplementary order, or take them back and refund",
    )
    p.add_argument("number", help="the order in exception")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--reship", action="store_true")
    how.add_argument("--refund", action="store_true")
    p.add_argument("--shipment", help="only this shipment (else every one in trouble)")
    p.add_argument("--comment")
