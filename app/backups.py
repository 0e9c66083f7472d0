"""Backups of a SQLite database: a whole copy, password hashes included, so only the admin
and the owner take them, and each one is in the audit trail."""

from __future__ import annotations

from pathlib import Path

from db.engine import Database
from db.models import User

from . import audit
from .errors import ValidationError
from .output_files import check_output
from .roles import require


def take_backup(database: Database, user: User, target: str | Path) -> Path:
    require(user, "backup")
    if database.sqlite_path is None:
        raise ValidationError(
            "备份命令只适用于 SQLite 数据库；PostgreSQL 请用 pg_dump。",
            "backup works on a SQLite database; use pg_dump for PostgreSQL.",
        )
    copy = database.backup_to(check_output(database, target, backup=True))
    with database.unit_of_work() as session:
        audit.record(session, user.name, entity="database", ref=copy.name, action="backup")
    return copy
