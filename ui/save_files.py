"""Every file the window saves (exports, PDFs, templates, problem lists) is checked first:
never onto the open database, its journal files or a backup of it (app.output_files)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.errors import ValidationError
from app.output_files import check_output
from db.engine import Database
from ui import dialogs


def safe_target(parent: QWidget, database: Database, path: str | Path, lang: str) -> Path | None:
    """`path` if it may be written; else None, once the user has been told why not."""
    try:
        return check_output(database, path)
    except ValidationError as error:
        dialogs.show_error(parent, error, lang)
        return None
