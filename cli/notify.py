"""`ordertrail notify`: the outbox sender, the admin's dead letters and test messages, and
one's own notifications and channels."""

from __future__ import annotations

import argparse
import json
import time

from app import lateness, notifications, outbox
from app.errors import ValidationError


def _print_json(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def cmd_notify(ctx) -> int:
    args: argparse.Namespace = ctx.args
    user = ctx.acting_user()
    if args.loop is not None and not args.run:
        raise ValidationError("--loop 只能与 --run 一起使用。", "--loop goes with --run.")
    if args.run:
        while True:
            lateness.escalate_now(ctx.database)
            report = outbox.send_due(ctx.database, workers=outbox.SENDER_WORKERS)
            ctx.say(
                f"已发送 {report.sent} 条，失败 {report.failed} 条"
                f"（其中 {report.dead} 条已放弃）。",
                f"Sent {report.sent}, failed {report.failed} ({report.dead} given up).",
            )
            if args.loop is None:
                return 0
            time.sleep(max(args.loop, 1.0))
    if args.test:
        answer = ctx.act(outbox.send_test, args.test)
        ctx.say(f"测试消息已发出：{answer}", f"Test message sent: {answer}")
        return 0
    if args.dead:
        with ctx.database.reading() as session:
            dead = outbox.dead_letters(session, user)
        if args.json:
            _print_json([vars(d) | {"created_at": d.created_at.isoformat()} for d in dead])
        for d in [] if args.json else dead:
            print(
                f"{d.id:>6}  {d.channel:<8} {d.recipient or '-':<24} {d.attempts}×  {d.last_error}"
            )
        return 0
    if args.retry is not None:
        ctx.act(outbox.retry, args.retry)
        ctx.say(
            f"外发消息 {args.retry} 将重新发送。",
            f"Outbox message {args.retry} will be sent again.",
        )
        return 0
    if args.list:
        with ctx.database.reading() as session:
            seen = notifications.for_user(session, user, ctx.lang, unread_only=args.unread)
        if args.json:
            _print_json(
                [
                    {"id": s.id, "at": s.at.isoformat(), "kind": s.kind, "order": s.number}
                    | {"text": s.text, "read": s.read}
                    for s in seen
                ]
            )
        for s in [] if args.json else seen:
            print(f"{s.id:>6} {' ' if s.read else '●'} {s.at:%Y-%m-%d %H:%M}  {s.text}")
        return 0
    if args.read:
        ctx.act(notifications.mark_read, args.read)
    elif args.read_all:
        ctx.act(notifications.mark_all_read)
    elif args.channels:
        kind, channels = args.channels
        chosen = [c.strip() for c in channels.split(",") if c.strip()]
        ctx.act(notifications.choose_channels, kind, chosen)
    else:
        ctx.act(notifications.set_email, args.email)
    ctx.say("已保存。", "Saved.")
    return 0
