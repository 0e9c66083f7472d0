"""`ordertrail amend`, `supplement` and `figures`: changes to approved orders as documents
of their own, and the sales and purchase figures net of them."""

from __future__ import annotations

import json

from app import amendments, figures, supplements
from app.errors import ValidationError
from app.orders import LineSpec
from app.price_visibility import as_seen_by
from app.validation import iso_date
from cli.tables import local_time, table


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _line(text: str) -> LineSpec:
    from cli.commands import _line as line  # the one reading of SKU:QTY[:PRICE]

    return line(text)


def cmd_amend(ctx) -> int:
    a = ctx.args
    if a.list:
        if a.line or a.remove or a.reason:
            raise ValidationError(
                "--list 不能与 --line、--remove 或 --reason 同用。",
                "--list goes without --line, --remove and --reason.",
            )
        return _list_amendments(ctx)
    if a.json:
        raise ValidationError("--json 只能与 --list 同用。", "--json goes with --list.")
    lines = [_line(text) for text in a.line or []]
    amendment = ctx.act(
        amendments.amend, a.number, lines, list(a.remove or []), reason=a.reason or ""
    )
    print(amendment.number)
    if amendment.reapproval:
        ctx.say(
            f"订单 {a.number} 改单后须重新审批。",
            f"Order {a.number} needs approval again after the amendment.",
        )
    return 0


def _list_amendments(ctx) -> int:
    user = ctx.acting_user()
    with ctx.database.reading() as session:
        rows = as_seen_by(session, user, amendments.list_amendments(session, user, ctx.args.number))
    if ctx.args.json:
        _print_json(rows)
        return 0
    en = ctx.lang == "en"
    table(
        ["amendment", "revision", "at", "by", "total", "changes", "reason"]
        if en
        else ["改单号", "版本", "时间", "操作人", "金额", "变更", "原因"],
        [
            [
                row["number"],
                str(row["revision"]),
                local_time(row["at"]),
                row["user"],
                f"{row['total']['before']} → {row['total']['after']}" if "total" in row else "",
                "; ".join(_change(c) for c in row["lines"]),
                row["reason"] + _outcome(row, en),
            ]
            for row in rows
        ],
    )
    return 0


def _outcome(row: dict, en: bool) -> str:
    if row["rejected"]:
        return " (rejected, undone)" if en else "（已驳回，已撤销）"
    if row["reapproval"]:
        return " (back to approval)" if en else "（重新审批）"
    return ""


def _change(change: dict) -> str:
    text = f"{change['sku']} {change['qty_before']}→{change['qty_after']}"
    price = change.get("price")
    if price and price["before"] and price["after"] and price["before"] != price["after"]:
        text += f" @{price['before']}→{price['after']}"
    return text


def cmd_supplement(ctx) -> int:
    a = ctx.args
    lines = [_line(text) for text in a.line]
    child = ctx.act(supplements.supplement, a.number, lines, reason=a.reason, due=a.due)
    print(child.number)
    return 0


def cmd_figures(ctx) -> int:
    a = ctx.args
    first = iso_date(a.since, "起始日期", "--from date") if a.since else None
    last = iso_date(a.until, "截止日期", "--to date") if a.until else None
    if first and last and first > last:
        raise ValidationError("起始日期晚于截止日期。", "The --from date is after the --to date.")
    user = ctx.acting_user()
    with ctx.database.reading() as session:
        result = figures.net_figures(session, user, first, last)
    if a.json:
        _print_json(result)
        return 0
    en = ctx.lang == "en"
    names = (
        {"sales": "sales", "purchase": "purchases"} if en else {"sales": "销售", "purchase": "采购"}
    )
    table(
        ["", "ordered", "amended", "returned", "net"]
        if en
        else ["", "下单", "改单增减", "退货", "净额"],
        [
            [names[side], row["ordered"], row["amended"], row["returned"], row["net"]]
            for side, row in result.items()
        ],
        right=(1, 2, 3, 4),
    )
    return 0
