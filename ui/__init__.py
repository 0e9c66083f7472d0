"""The desktop window (PySide6)."""

from ui.none_refcount import keep_none_alive

keep_none_alive()  # before any Qt call: see ui/none_refcount.py
