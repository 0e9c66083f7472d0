"""This desktop's own settings: which database, the remembered user name, the language.

Office-wide settings live in the database (app/settings.py); these stay on the
machine, in the user's configuration folder.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir

APP_NAME = "OrderTrail"


def config_path() -> Path:
    override = os.environ.get("ORDERTRAIL_CONFIG")
    return Path(override) if override else Path(user_config_dir(APP_NAME, False)) / "config.json"


def load() -> dict:
    try:
        return json.loads(config_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def save(**values: object) -> None:
    data = load()
    data.update(values)
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Replaced whole, so a program reading it meanwhile never sees half a file.
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(partial, path)


def default_database_path() -> Path:
    return Path(user_data_dir(APP_NAME, False)) / "ordertrail.db"


def database_url(explicit: str | None = None) -> str:
    """--db, else ORDERTRAIL_DB, else the saved setting, else the local SQLite file."""
    return (
        explicit
        or os.environ.get("ORDERTRAIL_DB")
        or load().get("db")
        or str(default_database_path())
    )


def known_database(explicit: str | None = None) -> str | None:
    """The database this desktop already works on, or None before the very first start.

    `init` and `demo` without --db make the default file: once it exists, the window opens
    it rather than asking where the database lives.
    """
    configured = explicit or os.environ.get("ORDERTRAIL_DB") or load().get("db")
    if configured:
        return configured
    default = default_database_path()
    return str(default) if default.exists() else None


def language(explicit: str | None = None) -> str:
    lang = explicit or os.environ.get("ORDERTRAIL_LANG") or load().get("lang") or "zh"
    return "en" if lang.lower().startswith("en") else "zh"
