"""Keeping Python's None alive under PySide6 6.12.0 on Python 3.11.

That PySide6 returns None from every C++ method returning void without taking a
reference, so each call such as `label.setText(...)` lowers None's reference
count by one. None starts with about 5,000 references: after a few thousand
calls (a few minutes of scrolling) Python aborts with "deallocating None".
Python 3.12 made None immortal, so the bug is harmless there; on older
versions we give None so many references that it can never run out.
PySide6 6.11.2 does not have the bug.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def keep_none_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    # ob_refcnt is the first field of every CPython object.
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < RESERVE:
        refcount.value += RESERVE
