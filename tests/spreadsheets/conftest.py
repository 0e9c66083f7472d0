"""Workbooks built as people and other programs build them, and a second, empty office."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.clock import utcnow
from app.setup import open_database
from app.spreadsheets.layouts import ORDERS, SheetLayout
from db.engine import Database
from db.models import User
from tests.conftest import ROLES, Office


@pytest.fixture
def write_sheet(tmp_path):
    """write_sheet(rows, layout=ORDERS, name=...) -> path of an .xlsx whose first row holds
    the layout's headers and whose next rows are `rows` (lists in the layout's column order,
    or dicts by column key)."""

    def write(rows: list, layout: SheetLayout = ORDERS, name: str = "book.xlsx") -> Path:
        book = Workbook()
        sheet = book.active
        sheet.title = layout.title
        sheet.append([c.header for c in layout.columns])
        for row in rows:
            if isinstance(row, dict):
                row = [row.get(c.key) for c in layout.columns]
            sheet.append(row)
        path = tmp_path / name
        book.save(path)
        return path

    return write


@pytest.fixture
def empty_office(backend, request, tmp_path, password_hash) -> Office:
    """A second database, migrated and seeded, with one user per role and no data."""
    if backend == "sqlite":
        path = tmp_path / "empty.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        database = Database(str(path))
    else:
        database, _ = open_database(request.getfixturevalue("pg_server").create())
    with database.unit_of_work() as session:
        users = {}
        for role in ROLES:
            users[role] = User(
                name=role,
                display_name=role,
                roles=frozenset({role}),
                password_hash=password_hash,
                failed_logins=0,
                active=True,
                created_at=utcnow(),
            )
            session.add(users[role])
    yield Office(database, users)
    database.dispose()
