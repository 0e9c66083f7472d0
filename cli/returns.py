"""Returns, exchanges, refunds and shipment exceptions on the command line."""

from __future__ import annotations

from app import returns, shipments
from app.errors import ValidationError
from app.returns import ReturnLine
from cli.parser import EXIT_OK
from cli.tables import local_time, table


def _return_line(text: str) -> ReturnLine:
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[0]:
        raise ValidationError(
            f"明细“{text}”应写成 SKU:数量[:原因]。", f"The line '{text}' must be SKU:QTY[:REASON]."
        )
    return ReturnLine(parts[0], parts[1], parts[2] if len(parts) == 3 else "")


def cmd_return(ctx) -> int:
    a = ctx.args
    lines = [_return_line(text) for text in a.line]
    print(ctx.act(returns.create_return, a.number, lines, reason=a.reason).number)
    return EXIT_OK


def cmd_exchange(ctx) -> int:
    a = ctx.args
    lines = [_return_line(text) for text in a.line]
    back, replacement = ctx.act(returns.exchange, a.number, lines, reason=a.reason)
    print(back.number)
    print(replacement.number)
    ctx.say(
        f"退货单 {back.number}；换货订单 {replacement.number} 为草稿，由销售提交。",
        f"Return {back.number}; the replacement {replacement.number} is a draft for sales "
        "to submit.",
    )
    return EXIT_OK


def cmd_refund(ctx) -> int:
    a = ctx.args
    ctx.act(returns.refund, a.number, a.amount, method=a.method or "", reference=a.ref or "")
    ctx.say(f"已登记退款 {a.amount}。", f"Refund of {a.amount} recorded.")
    return EXIT_OK


def _trouble(ctx, service) -> int:
    shipment = ctx.act(service, ctx.args.shipment, reason=ctx.args.reason)
    number = shipment.order.number
    ctx.say(
        f"订单 {number} 进入异常，待处理（exception resolve {number} --reship|--refund）。",
        f"Order {number} is in exception until resolved "
        f"(exception resolve {number} --reship|--refund).",
    )
    return EXIT_OK


def cmd_shipment_refuse(ctx) -> int:
    return _trouble(ctx, shipments.refuse)


def cmd_shipment_lost(ctx) -> int:
    return _trouble(ctx, shipments.report_lost)


def cmd_exception_resolve(ctx) -> int:
    a = ctx.args
    how = shipments.RESHIP if a.reship else shipments.REFUND
    made = ctx.act(shipments.resolve, a.number, how, shipment=a.shipment, comment=a.comment or "")
    for order in made:
        print(order.number)
    return EXIT_OK


def cmd_exception_list(ctx) -> int:
    ctx.acting_user()
    with ctx.database.reading() as session:
        found = shipments.open_exceptions(session)
    en = ctx.lang == "en"
    rows = [
        {
            "number": e.number,
            "party": e.party,
            "shipment": e.shipment,
            "trouble": e.trouble,
            "reason": e.reason,
            "source": e.source,
            "since": e.since.strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        for e in found
    ]
    if ctx.args.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    headers = (
        ["number", "party", "shipment", "trouble", "reason", "since"]
        if en
        else ["单号", "客户", "发货单", "异常", "原因", "时间"]
    )
    table(
        headers,
        [
            [
                r["number"],
                r["party"],
                r["shipment"],
                shipments.STATE_NAMES[r["trouble"]][en],
                r["reason"],
                local_time(r["since"]),
            ]
            for r in rows
        ],
    )
    return EXIT_OK
