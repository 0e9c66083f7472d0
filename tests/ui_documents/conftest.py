"""Window parts for documents render offscreen, on SQLite only (the services they call are
tested on both backends)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture
def backend() -> str:
    return "sqlite"
