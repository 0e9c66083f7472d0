"""Keeping None, True and False alive under PySide6 6.12.0 on Python 3.11.

That PySide6 hands these singletons back and forth without taking a reference
in places (every C++ method returning void returns None this way), so each
such call such as `label.setText(...)` lowers the singleton's reference count
by one. None starts with about 5,000 references: after a few thousand calls (a
few minutes of scrolling) Python aborts with "deallocating None" (or "True or
False"). Python 3.12 made them immortal, so the bug is harmless there; on older
versions we give them so many references that they can never run out.
PySide6 6.11.2 does not have the bug.
"""

from __future__ import annotations

import ctypes
import sys

RESERVE = 1 << 40


def keep_singletons_alive() -> None:
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < RESERVE:
            refcount.value += RESERVE
