"""A day at the desk makes millions of Qt calls; the program must outlive them."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_many_qt_calls_do_not_exhaust_none(qtbot):
    """PySide6 6.12.0 lost a reference to None per call and Python aborted (pinned 6.11.2)."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for count in range(50_000):  # ten times what None has at start
        label.setText(str(count))
    assert label.text() == "49999"
    assert sys.getrefcount(None) > before - 1000
