"""The `ordertrail` program: a command runs on the command line, no command opens the window."""

from __future__ import annotations

import logging
import os
import sys

from app import about, logs
from cli import parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        args = parser.parse(argv)
    except parser.UsageError as error:
        print(error, file=sys.stderr)
        return parser.EXIT_USAGE
    except SystemExit as done:  # --help
        return int(done.code or 0)
    path = logs.start(debug=args.debug)
    log = logging.getLogger("ordertrail")
    if args.command not in (None, "board"):  # the wall display opens in a window
        # No version here: looking it up in the package metadata costs every command of a script.
        log.info("OrderTrail starts %s; log %s", args.command, path)
        from cli import commands  # the services load only for a command

        return commands.run(args)
    log.info("OrderTrail %s starts %s; log %s", about.version(), args.command or "the window", path)
    if _no_display():
        print(
            "没有可用的显示器，无法打开窗口；请在桌面上运行，或给出一个命令（--help）。\n"
            "No display to open the window on: run it on a desktop, or give a command (--help).",
            file=sys.stderr,
        )
        return parser.EXIT_REJECTED
    from ui.app import start_window  # Qt is loaded only when the window is wanted

    return start_window(args)


def _no_display() -> bool:
    """A Linux session without X or Wayland (a server, a cron job): Qt would abort there.
    Windows always has a desktop; QT_QPA_PLATFORM chooses another platform on purpose."""
    return sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


if __name__ == "__main__":
    sys.exit(main())
