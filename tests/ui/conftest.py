"""Window tests render offscreen; the platform must be chosen before Qt is imported."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def english_afterwards():
    """Tests read the English source texts: undo any catalogue a test installed."""
    yield
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    if QApplication.instance() is not None:
        i18n.install(QApplication.instance(), "en")


@pytest.fixture(autouse=True)
def desktop_config(tmp_path, monkeypatch):
    """Each test has its own desktop settings file, never the real user's."""
    monkeypatch.setenv("ORDERTRAIL_CONFIG", str(tmp_path / "desktop.json"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # the default database's folder
    monkeypatch.delenv("ORDERTRAIL_DB", raising=False)
    monkeypatch.delenv("ORDERTRAIL_USER", raising=False)
    monkeypatch.delenv("ORDERTRAIL_PASSWORD", raising=False)
