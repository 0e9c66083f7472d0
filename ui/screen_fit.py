"""Windows that ask for more room than a small screen has get what the screen can give.

A 1366×768 laptop, or a larger screen at 125 % or 150 %, has less free room than the
main window and the print preview would like: they ask for their size through
`resize_within_screen`, which leaves room for the title bar and the taskbar.
"""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication, QWidget

# Room for the window frame that the desktop adds (a Windows title bar is about 31 px).
TITLE_BAR = 32
BORDER = 8


def room_on(widget: QWidget) -> QRect:
    """Where the window's inside may go on its screen: the free area less the frame."""
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry().adjusted(BORDER, TITLE_BAR, -BORDER, -BORDER)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    room = room_on(widget)
    widget.resize(min(width, room.width()), min(height, room.height()))
