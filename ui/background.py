"""Running database work off the UI thread and handing the result back to it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    # Lives in the UI thread, so its signals are delivered there.
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay):
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # handed to the UI thread, which decides what to show
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)


_pending: set[_Relay] = set()


def run(
    work: Callable[[], object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> None:
    """Call `work()` on a pool thread; then `on_done(result)` or `on_error(error)` in the UI."""
    relay = _Relay()
    _pending.add(relay)

    def finish(callback, value) -> None:
        # The callback may open a dialog with its own event loop: the relay must outlive it.
        try:
            callback(value)
        finally:
            _pending.discard(relay)
            relay.deleteLater()

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda error: finish(on_error, error))
    (pool or QThreadPool.globalInstance()).start(_Job(work, relay))
