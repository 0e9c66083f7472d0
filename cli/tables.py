"""Tables on a terminal: a header line and columns lined up by display width, so Chinese
text (two columns a character) stays under its heading."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

GAP = "  "


def display_width(text: str) -> int:
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


def _padded(text: str, width: int, right: bool) -> str:
    fill = " " * (width - display_width(text))
    return fill + text if right else text + fill


def table(headers: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[int] = ()):
    """Print the rows under the headers; the columns numbered in `right` align right."""
    cells = [[str(value) for value in row] for row in rows]
    widths = [
        max([display_width(header)] + [display_width(row[i]) for row in cells])
        for i, header in enumerate(headers)
    ]
    for line in [list(headers), *cells]:
        print(
            GAP.join(_padded(text, widths[i], i in right) for i, text in enumerate(line)).rstrip()
        )


def local_time(stamp: str | None) -> str:
    """A stored UTC time (2026-11-25T08:30:00Z) as this computer's local time, to the minute."""
    if not stamp:
        return ""
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
