"""The program's log file: in the user's data folder, rotated, INFO unless --debug.

Passwords never reach it: the program logs database locations through `safe_url`,
and the file's formatter blanks anything shaped like a password that gets through.
"""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_data_dir

from .config import APP_NAME

LOG_BYTES = 1_000_000
LOG_BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Only the program's own loggers go down to DEBUG: a library's debug output could hold
# row values (password hashes among them).
OWN_LOGGERS = ("ordertrail", "app", "cli", "db", "ui")
_SECRETS = [
    (re.compile(r"(://[^:/@\s]*:)[^@\s]*@"), r"\1***@"),  # user:password@host in a URL
    (re.compile(r"(?i)(password\s*[=:]\s*)\S+"), r"\1***"),  # password=... in a libpq string
]


def log_path() -> Path:
    override = os.environ.get("ORDERTRAIL_LOG")
    if override:
        return Path(override)
    return Path(user_data_dir(APP_NAME, False)) / "logs" / "ordertrail.log"


def redact(text: str) -> str:
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))  # the message and any traceback


def start(debug: bool = False) -> Path | None:
    """Send the program's log to its file from now on; the file's path, or None when the
    folder cannot be written (the program works without a log)."""
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(_RedactingFormatter(FORMAT))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.DEBUG if debug else logging.INFO)
    return path
