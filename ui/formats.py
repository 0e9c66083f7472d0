"""How times are shown: stored in UTC, shown in the desktop's local time."""

from __future__ import annotations

from datetime import UTC, datetime


def local_time(moment: datetime | str | None) -> str:
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = datetime.strptime(moment, "%Y-%m-%dT%H:%M:%SZ")
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")
