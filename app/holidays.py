"""Holiday lists: holidays and make-up working days (调休) read from a JSON or CSV file into
the settings `holidays` and `extra_workdays`, which the working-hours clock reads.

The program ships China's statutory holidays (resources/holidays/). A JSON list holds
`holidays` and `workdays`, each a list of `{"dates": "2026-10-01..2026-10-07", "name": …}`
(or plain date strings); a CSV file has a header `date,kind[,name]` with kind `holiday`
(休) or `workday` (班), one row per date or range.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from db.models import User
from resources import RESOURCES

from . import settings
from .errors import ValidationError
from .roles import require
from .working_time import format_dates, parse_dates

CHINA = RESOURCES / "holidays" / "china_2026_2027.json"
MAX_BYTES = 1_000_000
HOLIDAY_WORDS = {"holiday", "休", "假", "放假"}
WORKDAY_WORDS = {"workday", "班", "上班", "调休上班"}


@dataclass(frozen=True)
class HolidayList:
    holidays: frozenset[date]
    workdays: frozenset[date]


@dataclass(frozen=True)
class Imported:
    holidays: int  # dates added (or stored, when replacing)
    workdays: int


def _refused(path: Path, zh: str, en: str) -> ValidationError:
    return ValidationError(f"节假日文件“{path.name}”{zh}", f"The holiday file '{path.name}' {en}")


def _dates(item, path: Path) -> frozenset[date]:
    text = item.get("dates") if isinstance(item, dict) else item
    if not isinstance(text, str):
        raise _refused(
            path, f"里有一项没有日期：{item!r}。", f"has an entry without dates: {item!r}."
        )
    return parse_dates(text, f"节假日文件“{path.name}”", f"holiday file '{path.name}'")


def _from_json(data, path: Path) -> HolidayList:
    if not isinstance(data, dict) or not isinstance(data.get("holidays", []), list):
        raise _refused(
            path, "不是节假日列表（应有 holidays 和 workdays）。", "is not a holiday list."
        )
    found = {}
    for key in ("holidays", "workdays"):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise _refused(path, f"的 {key} 不是列表。", f"has a {key} that is not a list.")
        found[key] = frozenset().union(*(_dates(item, path) for item in items))
    return HolidayList(found["holidays"], found["workdays"])


def _from_csv(text: str, path: Path) -> HolidayList:
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [cell.strip().lower() for cell in rows[0][:2]] != ["date", "kind"]:
        raise _refused(
            path,
            "的第一行应是表头 date,kind[,name]。",
            "must start with the header date,kind[,name].",
        )
    holidays: set[date] = set()
    workdays: set[date] = set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        kind = row[1].strip().lower() if len(row) > 1 else ""
        if kind not in HOLIDAY_WORDS | WORKDAY_WORDS:
            raise _refused(
                path,
                f"第 {number} 行的类型“{kind}”应为 holiday（休）或 workday（班）。",
                f"row {number}: the kind '{kind}' must be holiday or workday.",
            )
        days = _dates(row[0], path)
        (holidays if kind in HOLIDAY_WORDS else workdays).update(days)
    return HolidayList(frozenset(holidays), frozenset(workdays))


def read(path: str | Path) -> HolidayList:
    """The list in a file; anything else is refused with a message naming the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError:
        raise _refused(path, "无法读取。", "cannot be read.") from None
    if len(raw) > MAX_BYTES:
        raise _refused(path, "太大，不像节假日列表。", "is too large to be a holiday list.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _refused(
            path, "不是 UTF-8 文本（应为 JSON 或 CSV）。", "is not UTF-8 text (JSON or CSV)."
        ) from None
    if text.lstrip().startswith(("{", "[")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise _refused(
                path, f"不是有效的 JSON：{error.msg}。", f"is not valid JSON: {error.msg}."
            ) from None
        found = _from_json(data, path)
    else:
        found = _from_csv(text, path)
    both = found.holidays & found.workdays
    if both:
        day = min(both)
        raise _refused(
            path, f"把 {day} 同时列为假日和上班日。", f"lists {day} as both holiday and workday."
        )
    return found


def import_list(
    session: Session, user: User, path: str | Path | None = None, *, replace: bool = False
) -> Imported:
    """Add the file's holidays and make-up working days to the settings (or replace them);
    the bundled list of China's when no file is given. One audited settings change each."""
    require(user, "change_settings")
    found = read(path or CHINA)
    calendar = settings.calendar(session)
    holidays = found.holidays if replace else (calendar.holidays - found.workdays) | found.holidays
    workdays = found.workdays if replace else (calendar.workdays - found.holidays) | found.workdays
    settings.change_all(
        session,
        user,
        {"holidays": format_dates(holidays), "extra_workdays": format_dates(workdays)},
    )
    if replace:
        return Imported(len(holidays), len(workdays))
    return Imported(len(holidays - calendar.holidays), len(workdays - calendar.workdays))
