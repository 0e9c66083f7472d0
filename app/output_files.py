"""Files the program writes (exports, PDFs, templates, backups) never overwrite a database."""

from __future__ import annotations

from pathlib import Path

from db.engine import Database

from .errors import ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or (
            one.exists() and other.exists() and one.samefile(other)
        )
    except OSError:
        return False


def check_output(database: Database, target: str | Path, *, backup: bool = False) -> Path:
    """`target` as a path it is safe to write, or a ValidationError saying why not.

    Refused: a folder, the open database or its journal files, its upgrade backups, and
    (unless writing a backup, which may replace an older one) any existing SQLite file.
    """
    path = Path(target).expanduser()
    if path.is_dir():
        raise ValidationError(
            f"{path} 是一个文件夹，请给出文件名。", f"{path} is a folder: give a file name."
        )
    live = database.sqlite_path
    if live:
        live_path = Path(live)
        own = [live_path] + [Path(f"{live}{suffix}") for suffix in ("-wal", "-shm", "-journal")]
        is_upgrade_backup = path.name.startswith(f"{live_path.name}.before-upgrade-") and (
            _same_file(path.parent, live_path.parent)
        )
        if is_upgrade_backup or any(_same_file(path, p) for p in own):
            raise ValidationError(
                f"{path} 是正在使用的数据库（或它的日志、备份）文件，不能覆盖。",
                f"{path} is the open database (or its journal or backup): it is not overwritten.",
            )
    if backup:
        return path
    try:
        with path.open("rb") as existing:
            is_database = existing.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        is_database = False
    if is_database:
        raise ValidationError(
            f"{path} 是一个数据库文件（可能是备份），不能覆盖；请换一个文件名。",
            f"{path} is a database file (a backup, perhaps) and is not overwritten: "
            "choose another name.",
        )
    return path
