"""Counting time as the office does: plain hours, or working hours of a weekly schedule
with holidays and make-up working days (调休), in the office's time zone.

Both clocks answer two questions, so lateness can be worked out for a whole set of
orders at once: how many counted hours lie before a moment (`position`), and the
earliest moment by which a number of counted hours has passed (`moment_at`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import ValidationError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EPOCH = datetime(2000, 1, 1)
_PERIOD = re.compile(r"^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$")
_OFFSET = re.compile(r"^([+-])(\d{1,2}):(\d{2})$")
Period = tuple[int, int]  # minutes after local midnight: start, end


def _bad_week(text: str) -> ValidationError:
    return ValidationError(
        f"工作时间“{text}”写法不对，应如：mon-fri 09:00-12:00,13:00-18:00; sat 09:00-12:00",
        f"The working week '{text}' is not understood; write it like "
        "mon-fri 09:00-12:00,13:00-18:00; sat 09:00-12:00",
    )


def parse_week(text: str) -> dict[int, tuple[Period, ...]]:
    """'mon-fri 09:00-12:00,13:00-18:00; sat 09:00-12:00' as periods per weekday (0 = Mon)."""
    week: dict[int, tuple[Period, ...]] = {day: () for day in range(7)}
    for part in filter(None, (p.strip() for p in text.split(";"))):
        days, _, hours = part.partition(" ")
        first, _, last = days.lower().partition("-")
        if first not in DAYS or (last and last not in DAYS):
            raise _bad_week(text)
        start, end = DAYS.index(first), DAYS.index(last or first)
        if end < start:
            raise _bad_week(text)
        periods = []
        for span in filter(None, (s.strip() for s in hours.split(","))):
            match = _PERIOD.match(span)
            if match is None:
                raise _bad_week(text)
            h1, m1, h2, m2 = map(int, match.groups())
            begin, finish = h1 * 60 + m1, h2 * 60 + m2
            if m1 > 59 or m2 > 59 or not 0 <= begin < finish <= 24 * 60:
                raise _bad_week(text)
            if periods and begin < periods[-1][1]:
                raise _bad_week(text)
            periods.append((begin, finish))
        if not periods:
            raise _bad_week(text)
        for day in range(start, end + 1):
            week[day] = tuple(periods)
    if not any(week.values()):
        raise _bad_week(text)
    return week


def format_week(week: dict[int, tuple[Period, ...]]) -> str:
    """The stored form: consecutive days with the same hours written as one range."""
    parts, day = [], 0
    while day < 7:
        last = day
        while last + 1 < 7 and week[last + 1] == week[day]:
            last += 1
        if week[day]:
            days = DAYS[day] if last == day else f"{DAYS[day]}-{DAYS[last]}"
            hours = format_periods(week[day])
            parts.append(f"{days} {hours}")
        day = last + 1
    return "; ".join(parts)


def format_periods(periods: tuple[Period, ...]) -> str:
    return ",".join(f"{s // 60:02d}:{s % 60:02d}-{e // 60:02d}:{e % 60:02d}" for s, e in periods)


def parse_dates(text: str, zh: str, en: str) -> frozenset[date]:
    """'2026-10-01..2026-10-07, 2026-09-20' as a set of dates."""
    found: set[date] = set()
    for item in filter(None, (p.strip() for p in re.split(r"[,，\s]+", text))):
        first, _, last = item.partition("..")
        try:
            start = date.fromisoformat(first)
            end = date.fromisoformat(last) if last else start
        except ValueError:
            raise ValidationError(
                f"{zh}里的“{item}”不是日期（应如 2026-10-01 或 2026-10-01..2026-10-07）。",
                f"'{item}' in the {en} is not a date (write 2026-10-01 or 2026-10-01..2026-10-07).",
            ) from None
        if end < start or (end - start).days > 366:
            raise ValidationError(
                f"{zh}里的日期范围“{item}”不对。", f"The date range '{item}' in the {en} is wrong."
            )
        found.update(start + timedelta(days=n) for n in range((end - start).days + 1))
    return frozenset(found)


def format_dates(days: frozenset[date] | set[date]) -> str:
    """Sorted, runs of consecutive days written as ranges."""
    ordered, parts, i = sorted(days), [], 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] - ordered[j] == timedelta(days=1):
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}..{ordered[j]}")
        i = j + 1
    return ", ".join(parts)


def parse_offset(text: str) -> timedelta:
    match = _OFFSET.match(text.strip())
    if match is None or int(match.group(2)) > 14 or int(match.group(3)) > 59:
        raise ValidationError(
            f"时区“{text}”应写成与 UTC 的差，如 +08:00。",
            f"The time zone '{text}' is an offset from UTC, like +08:00.",
        )
    sign, hours, minutes = match.groups()
    delta = timedelta(hours=int(hours), minutes=int(minutes))
    return delta if sign == "+" else -delta


@dataclass(frozen=True)
class Calendar:
    """The office's working week, holidays and make-up working days, in its time zone."""

    offset: timedelta
    week: dict[int, tuple[Period, ...]]
    holidays: frozenset[date]
    workdays: frozenset[date]  # make-up working days (调休上班): a normal weekday's hours

    def periods(self, day: date) -> tuple[Period, ...]:
        if day in self.holidays:
            return ()
        if day in self.workdays and not self.week[day.weekday()]:
            return next(periods for periods in self.week.values() if periods)
        return self.week[day.weekday()]

    def local(self, moment: datetime) -> datetime:
        return moment + self.offset


class WallClock:
    """Every hour counts."""

    working = False

    def position(self, moment: datetime) -> float:
        return (moment - EPOCH).total_seconds() / 3600

    def moment_at(self, position: float) -> datetime:
        return EPOCH + timedelta(hours=position)


class WorkingClock:
    """Only the hours of the working week count; a table of the counted hours before each
    local day makes `position` and `moment_at` a lookup, whatever the number of orders."""

    working = True
    CHUNK = 400  # days the table grows by

    def __init__(self, calendar: Calendar, around: date):
        self.calendar = calendar
        self.first = around - timedelta(days=self.CHUNK)
        self.days: list[tuple[Period, ...]] = []
        self.before: list[float] = [0.0]  # counted hours before day i (relative)
        self._build(self.first, 2 * self.CHUNK)

    def _build(self, first: date, count: int) -> None:
        self.first = first
        self.days = [self.calendar.periods(first + timedelta(days=n)) for n in range(count)]
        self.before = [0.0]
        for periods in self.days:
            self.before.append(self.before[-1] + sum(e - s for s, e in periods) / 60)

    def _index(self, day: date) -> int:
        while day < self.first:
            self._grow(earlier=True)
        while (day - self.first).days >= len(self.days):
            self._grow(earlier=False)
        return (day - self.first).days

    def _grow(self, earlier: bool) -> None:
        """A longer table; positions already handed out keep their meaning."""
        if len(self.days) > 40 * self.CHUNK:
            raise ValidationError(
                "工作时间表里几十年都没有工作时间：请检查工作时间和节假日设置。",
                "The working calendar has no working hours for decades: check the working "
                "week and the holidays.",
            )
        base, old_first = self.before[0], self.first
        first = self.first - timedelta(days=self.CHUNK) if earlier else self.first
        self._build(first, len(self.days) + self.CHUNK)
        shift = self.before[(old_first - first).days] - base
        self.before = [value - shift for value in self.before]

    def position(self, moment: datetime) -> float:
        local = self.calendar.local(moment)
        index = self._index(local.date())
        minute = local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 6e7
        inside = sum(max(0.0, min(e, minute) - s) for s, e in self.days[index])
        return self.before[index] + inside / 60

    def moment_at(self, position: float) -> datetime:
        """The earliest moment at which `position` counted hours have passed."""
        while position <= self.before[0]:
            self._grow(earlier=True)
        while position > self.before[-1]:
            self._grow(earlier=False)
        day = bisect.bisect_left(self.before, position) - 1
        left = (position - self.before[day]) * 60
        for start, end in self.days[day]:
            if left <= end - start:
                minute = start + left
                break
            left -= end - start
        else:  # rounding at the very end of the day
            minute = self.days[day][-1][1]
        local = datetime.combine(self.first + timedelta(days=day), datetime.min.time())
        return local + timedelta(minutes=minute) - self.calendar.offset
