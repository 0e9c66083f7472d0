"""Lateness with a clock the tests move: node limits, due dates, working hours, holidays,
make-up working days, escalation to the owner, and `alerts` for each reader."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app import audit, lateness, notifications, settings
from app.clock import frozen_at
from db.models import Escalation, Event, Notification

# 2026-12-04 is a Friday; the office is at UTC+8.
FRIDAY_EVENING = datetime(2026, 12, 4, 11, 0)  # 19:00 in the office


def local(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in December 2026 at the office's local time, as stored (UTC)."""
    return datetime(2026, 12, day, hour, minute) - timedelta(hours=8)


def configure(office, **values: str) -> None:
    with office.db.unit_of_work() as session:
        for key, value in values.items():
            settings.change(session, office.admin, key, value)


def placed_at(office, moment: datetime, **kwargs) -> str:
    with frozen_at(moment):
        return office.placed(**kwargs)


def alerts_at(office, moment: datetime, user=None, everything=True) -> dict[str, dict]:
    with frozen_at(moment), office.db.reading() as session:
        rows = lateness.alerts(session, user, "zh", everything=everything)
    return {row["number"]: row for row in rows}


def test_a_fresh_order_is_not_late_and_one_past_its_limit_is(office):
    number = placed_at(office, FRIDAY_EVENING)
    assert alerts_at(office, FRIDAY_EVENING + timedelta(hours=1)) == {}
    assert alerts_at(office, FRIDAY_EVENING + timedelta(hours=23, minutes=59)) == {}
    row = alerts_at(office, FRIDAY_EVENING + timedelta(hours=27))[number]
    assert row["status"] == "placed" and row["owner_role"] == "warehouse"
    assert row["reason"] == "node" and row["late_by_hours"] == 3.0
    assert row["reason_text"] == "已下单 27 小时未备货"
    assert row["late_by"] == "超时 3 小时"
    assert row["party"] == "华东贸易有限公司" and not row["escalated"]


def test_time_left_is_said_in_words_in_both_languages(office):
    number = placed_at(office, FRIDAY_EVENING)
    with frozen_at(FRIDAY_EVENING + timedelta(hours=21)), office.db.reading() as session:
        from app.orders import find_order

        order = find_order(session, number)
        found = lateness.assessor(session).of(order)
        assert not found.late and found.hours == -3
        assert lateness.left_text(found, "zh") == "还剩 3 小时"
        assert lateness.left_text(found, "en") == "3 h left"
        spec_text = lateness.words(session, order, found, "en")["late_reason"]
        assert spec_text == "Placed 21 h, not yet prepared"


def test_past_the_due_date_is_late_for_the_due_date(office):
    number = office.order(due="2026-12-03")  # a draft has no time limit; its due date counts
    row = alerts_at(office, local(4, 0, 30))[number]
    assert row["reason"] == "due" and row["reason_text"] == "已过交期"
    assert row["due"] == "2026-12-03" and row["late_by_hours"] == 0.5
    # Before midnight in the office the due day is not over yet.
    assert number not in alerts_at(office, local(3, 23, 30))


def test_working_hours_friday_evening_is_not_late_on_saturday(office):
    configure(office, limits_in_working_hours="true", working_week="mon-fri 09:00-18:00")
    number = placed_at(office, FRIDAY_EVENING)
    assert alerts_at(office, local(5, 12)) == {}  # Saturday noon
    assert alerts_at(office, local(7, 17)) == {}  # Monday: 8 working hours
    # 24 working hours: Monday 9 + Tuesday 9 + Wednesday 6 = Wednesday 15:00.
    assert alerts_at(office, local(9, 14, 59)) == {}
    row = alerts_at(office, local(9, 17))[number]
    assert row["late_by_hours"] == 2.0 and row["working_hours"]
    assert row["reason_text"] == "已下单 26 个工作小时未备货"
    # Counting every hour, the same order would be late since Saturday 19:00.
    configure(office, limits_in_working_hours="false")
    assert alerts_at(office, local(5, 20))[number]["late_by_hours"] == 1.0


def test_holidays_and_make_up_working_days_are_respected(office):
    configure(
        office,
        limits_in_working_hours="true",
        working_week="mon-fri 09:00-12:00,13:00-18:00",
        holidays="2026-12-07..2026-12-08",
        extra_workdays="2026-12-05",
    )
    number = placed_at(office, FRIDAY_EVENING)
    # Saturday is a make-up working day (8 h); Monday and Tuesday are holidays;
    # Wednesday and Thursday give 16 h more: 24 h reached at Thursday 18:00.
    assert alerts_at(office, local(10, 17, 59)) == {}
    row = alerts_at(office, local(11, 9, 30))[number]
    assert row["late_by_hours"] == 0.5
    with frozen_at(local(10, 12)), office.db.reading() as session:
        judge = lateness.assessor(session)
        assert judge.clock.moment_at(judge.clock.position(FRIDAY_EVENING) + 24) == local(10, 18)


def test_the_reader_sees_their_queues_and_all_with_everything(office):
    number = placed_at(office, FRIDAY_EVENING)
    later = FRIDAY_EVENING + timedelta(hours=30)
    assert number in alerts_at(office, later, office.warehouse, everything=False)
    assert number not in alerts_at(office, later, office.service, everything=False)
    assert number in alerts_at(office, later, office.service, everything=True)
    assert number in alerts_at(office, later, office.admin, everything=False)


def test_escalation_after_twice_the_limit_tells_the_owner_once(office):
    number = placed_at(office, FRIDAY_EVENING)

    def escalate(moment):
        with frozen_at(moment):
            return lateness.escalate_now(office.db)

    assert escalate(FRIDAY_EVENING + timedelta(hours=47)) == 0
    before = alerts_at(office, FRIDAY_EVENING + timedelta(hours=47), office.owner, False)
    assert number not in before
    assert escalate(FRIDAY_EVENING + timedelta(hours=49)) == 1
    assert escalate(FRIDAY_EVENING + timedelta(hours=60)) == 0  # not on every scan
    with office.db.reading() as session:
        [notice] = session.scalars(select(Notification).where(Notification.kind == "escalated"))
        assert notice.recipient_role == "owner"
        assert "超过时限 24 小时 的两倍" in notifications.text(session, notice, "zh")
        assert session.scalar(select(func.count()).select_from(Escalation)) == 1
        events = session.scalars(select(Event).where(Event.action == "escalated")).all()
        assert [e.entity_ref for e in events] == [number]
        assert audit.verify(session).ok
    row = alerts_at(office, FRIDAY_EVENING + timedelta(hours=49), office.owner, False)[number]
    assert row["escalated"]


def test_a_new_stay_at_a_node_escalates_again(office):
    number = placed_at(office, FRIDAY_EVENING)
    with frozen_at(FRIDAY_EVENING + timedelta(hours=49)):
        assert lateness.escalate_now(office.db) == 1
    from app import orders

    with frozen_at(FRIDAY_EVENING + timedelta(hours=50)), office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, number, "prepared")
    with frozen_at(FRIDAY_EVENING + timedelta(hours=99)):
        assert lateness.escalate_now(office.db) == 1
    with frozen_at(FRIDAY_EVENING + timedelta(hours=120)):
        assert lateness.escalate_now(office.db) == 0


def test_bad_calendar_settings_are_refused(office):
    from app.errors import ValidationError

    for key, value in [
        ("working_week", "monday 9-5"),
        ("working_week", "mon-fri 18:00-09:00"),
        ("holidays", "2026-13-01"),
        ("utc_offset", "Beijing"),
    ]:
        with pytest.raises(ValidationError), office.db.unit_of_work() as session:
            settings.change(session, office.admin, key, value)
    configure(office, working_week="Mon-Fri 9:00-12:00, 13:00-18:00;sat 09:00-12:00")
    with office.db.reading() as session:
        assert settings.get(session, "working_week") == (
            "mon-fri 09:00-12:00,13:00-18:00; sat 09:00-12:00"
        )


def test_alerts_on_the_command_line(office, cli):
    number = placed_at(office, FRIDAY_EVENING)
    with frozen_at(FRIDAY_EVENING + timedelta(hours=76)):
        code, out, err = cli("alerts", user="warehouse")
        assert code == 0
        header, line = out.splitlines()[:2]
        for heading in ("单号", "节点", "客户/供应商", "交期", "原因", "超时"):
            assert heading in header
        assert number in line and "已下单 76 小时未备货" in line and "超时 52 小时" in line
        code, out, _ = cli("alerts", "--json", user="service")
        assert code == 0 and json.loads(out) == []
        code, out, _ = cli("--lang", "en", "alerts", "--json", "--all", user="service")
        [row] = json.loads(out)
        assert {"number", "status", "owner_role", "since", "late_by_hours"} <= set(row)
        assert row["late_by_hours"] == 52.0 and row["late_by"] == "late by 52 h"
        assert row["party"] == "华东贸易有限公司" and row["reason"] == "node"
        assert row["escalated"] is True  # the scan told the owner: 76 h > 2 × 24 h
        code, out, _ = cli("alerts", user="owner")
        assert number in out and "已升级" in out


def test_china_holidays_import_and_count_in_working_hours(office, cli):
    code, _, err = cli("holidays", "import", user="admin")
    assert code == 0 and "新增假日" in err
    with office.db.reading() as session:
        calendar = settings.calendar(session)
    assert {date(2026, 10, 1), date(2026, 10, 7), date(2027, 2, 5)} <= calendar.holidays
    assert date(2026, 10, 10) in calendar.workdays and date(2026, 9, 20) in calendar.workdays
    configure(office, limits_in_working_hours="true", working_week="mon-fri 09:00-18:00")
    # Placed on Wednesday 30 September evening: the holiday week does not count;
    # Saturday 10 October is a make-up working day with a weekday's hours.
    number = placed_at(office, datetime(2026, 9, 30, 11, 0))
    assert number not in alerts_at(office, datetime(2026, 10, 9, 12))  # Friday 20:00
    # Thursday 9 h + Friday 9 h + 6 h of the make-up Saturday: late from 15:00 on.
    assert number not in alerts_at(office, datetime(2026, 10, 10, 6, 59))  # Saturday 14:59
    assert alerts_at(office, datetime(2026, 10, 10, 10))[number]["late_by_hours"] == 3.0
    code, _, _ = cli("holidays", "import", user="sales")
    assert code == 4


def test_holiday_files_that_are_not_lists_are_refused(office, cli, tmp_path):
    csv_file = tmp_path / "假期.csv"
    csv_file.write_text("date,kind,name\n2026-12-24..2026-12-25,休,圣诞\n2026-12-26,班,\n")
    code, _, _ = cli("holidays", "import", str(csv_file), "--replace", user="admin")
    assert code == 0
    with office.db.reading() as session:
        assert settings.get(session, "holidays") == "2026-12-24..2026-12-25"
        assert settings.get(session, "extra_workdays") == "2026-12-26"
    bad = {
        "x.json": b'{"holidays": [{"dates": "2026-02-30"}]}',
        "y.csv": b"day,type\n2026-01-01,holiday\n",
        "z.csv": "date,kind\n2026-01-01,周末\n".encode(),
        "w.json": b"\x89PNG\r\n\x1a\n\x00\x00",
        "v.json": b'{"holidays": ["2026-01-01"], "workdays": ["2026-01-01"]}',
    }
    for name, content in bad.items():
        (tmp_path / name).write_bytes(content)
        code, _, err = cli("holidays", "import", str(tmp_path / name), user="admin")
        assert code == 3 and name in err, (name, err)
    with office.db.reading() as session:  # nothing half done
        assert settings.get(session, "holidays") == "2026-12-24..2026-12-25"


def test_a_queue_sorts_by_how_late_with_the_words(office):
    from app import orders, worklist
    from app.queries import OrderFilter

    fresh = placed_at(office, FRIDAY_EVENING + timedelta(hours=20))
    oldest = placed_at(office, FRIDAY_EVENING)
    middle = placed_at(office, FRIDAY_EVENING + timedelta(hours=10))
    draft = office.order()  # no clock runs for it: after the others
    with frozen_at(FRIDAY_EVENING + timedelta(hours=1)), office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, oldest, "顺丰", "SF1")
    now = FRIDAY_EVENING + timedelta(hours=77)
    query = OrderFilter(sort=worklist.LATE, descending=True)
    with frozen_at(now), office.db.reading() as session:
        rows = worklist.page(session, query, 0, 10)
        # 67 h at 已下单 (limit 24), 57 h there, 76 h at 已发货 (limit 72), a draft.
        assert [r["number"] for r in rows] == [middle, fresh, oldest, draft]
        assert rows[0]["time_left"] == "超时 43 小时" and rows[0]["escalated"]
        assert rows[2]["late_reason"] == "已发货 76 小时未签收"
        assert rows[2]["time_left"] == "超时 4 小时" and not rows[2]["escalated"]
        assert rows[3]["time_left"] == "" and rows[3]["late_by_hours"] is None
        second = worklist.page(session, query, 1, 2)
        assert [r["number"] for r in second] == [fresh, oldest]
        ascending = worklist.page(session, OrderFilter(sort=worklist.LATE, descending=False), 0, 9)
        assert [r["number"] for r in ascending] == [oldest, fresh, middle, draft]
        mine = OrderFilter(queue_of=frozenset({"warehouse"}), sort=worklist.LATE)
        assert [r["number"] for r in worklist.page(session, mine, 0, 9)] == [middle, fresh]
