"""A day at the desk makes millions of Qt calls; the program must outlive them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

import ui  # noqa: F401 - importing the window package protects None (ui/immortal_singletons.py)


def test_many_qt_calls_do_not_exhaust_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    for count in range(50_000):  # ten times what None had before the fix
        label.setText(str(count))
    assert label.text() == "49999"
