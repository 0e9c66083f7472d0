"""The desktop window (PySide6)."""

from ui.immortal_singletons import keep_singletons_alive

keep_singletons_alive()  # before any Qt call: see ui/immortal_singletons.py
