"""The `ordertrail` program: a command runs on the command line, no command opens the window."""

from __future__ import annotations

import logging
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
    logging.getLogger("ordertrail").info(
        "OrderTrail %s starts %s; log %s", about.version(), args.command or "the window", path
    )
    if args.command is not None:
        from cli import commands  # the services load only for a command

        return commands.run(args)
    from ui.app import start_window  # Qt is loaded only when the window is wanted

    return start_window(args)


if __name__ == "__main__":
    sys.exit(main())
