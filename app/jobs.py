"""Long work (import, export, batch printing): progress reports and cancellation.

The window runs such work off its UI thread and passes two callbacks; the
command line passes none. Cancelling raises `Cancelled` inside the caller's
unit of work, which then rolls back: nothing is left half done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .errors import OrderTrailError

# progress(done, total); a total of 0 means not known yet.
ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


class Cancelled(OrderTrailError):
    exit_code = 3

    def __init__(self):
        super().__init__("已取消，未做任何更改。", "Cancelled; nothing was changed.")


@dataclass
class Job:
    """The callbacks of one piece of long work; either may be None."""

    progress: ProgressCallback | None = None
    cancelled: CancelCheck | None = None

    def step(self, done: int, total: int) -> None:
        """Report progress, and stop here if the user cancelled."""
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(done, total)
