"""The window's one way to run work off the UI thread and hand the result back to it.

Reads that may take a while, every change (through app.runner) and long work with a
progress bar all go through `run`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.jobs import ProgressCallback


class _Relay(QObject):
    # Lives in the UI thread, so its signals are delivered there.
    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


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
    work: Callable[..., object],
    on_done: Callable[[object], None],
    on_error: Callable[[Exception], None],
    pool: QThreadPool | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> None:
    """Call `work()` on a pool thread; then `on_done(result)` or `on_error(error)` in the UI.

    With `on_progress`, the work is called as `work(report)`: each `report(done, total)`
    reaches `on_progress` in the UI thread.
    """
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
    job = work
    if on_progress is not None:
        relay.progressed.connect(on_progress)
        report: ProgressCallback = relay.progressed.emit

        def job():
            return work(report)

    (pool or QThreadPool.globalInstance()).start(_Job(job, relay))
