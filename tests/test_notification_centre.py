"""Who sees which notification, per-user read state, and each user's choice of channels."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import notifications, orders
from app.errors import ValidationError
from app.orders import find_orders
from app.users import add_user
from app.workflow import submit
from db.models import Event, OutboxMessage


def act(office, service, user, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, user, *args, **kwargs)


def seen(office, user, lang="zh", **kwargs):
    with office.db.reading() as session:
        return notifications.for_user(session, user, lang, **kwargs)


def unread(office, user) -> int:
    with office.db.reading() as session:
        return notifications.unread_count(session, user)


def test_a_role_notice_is_read_by_each_of_its_users_separately(office):
    second = act(office, add_user, office.admin, "仓管二", ["warehouse"], "password-2")
    number = office.placed()
    for user in (office.warehouse, second):
        [notice] = seen(office, user)
        assert notice.number == number and not notice.read
        assert "等待仓库处理" in notice.text
    assert unread(office, office.finance) == 0 and seen(office, office.finance) == []

    assert act(office, notifications.mark_read, office.warehouse, [notice.id]) == 1
    assert unread(office, office.warehouse) == 0 and seen(office, office.warehouse)[0].read
    assert unread(office, second) == 1  # still unread for the other warehouse user
    # Marking again, or marking someone else's notice, changes nothing.
    assert act(office, notifications.mark_read, office.warehouse, [notice.id]) == 0
    assert act(office, notifications.mark_read, office.finance, [notice.id]) == 0
    assert unread(office, second) == 1


def test_the_creator_hears_at_the_nodes_that_tell_them_and_nobody_else_does(office):
    number = office.placed()
    mine = seen(office, office.sales, "en")
    assert [n.kind for n in mine] == ["my_order"]
    assert mine[0].text == f"Your order {number} (华东贸易有限公司) is now 'Placed'."
    # Another salesperson does not hear about an order they did not make.
    other = act(office, add_user, office.admin, "小李", ["sales"], "password-2")
    assert seen(office, other) == []
    act(office, orders.cancel, office.sales, number, reason="客户取消")
    assert [n.text for n in seen(office, office.sales)][0] == (
        f"您创建的订单 {number}（华东贸易有限公司）已到“已取消”。"
    )


def test_purchasing_is_told_when_goods_arrive(office):
    number = office.placed("purchase")
    act(office, orders.receive, office.warehouse, number)
    texts = [n.text for n in seen(office, office.purchasing) if n.kind == "reached"]
    assert texts == [f"订单 {number}（东莞精工制造厂）已到“已到货入库”。"]


def test_mark_all_read_is_per_user_and_counts(office):
    numbers = [office.order(lines=(("A-1", 1),)) for _ in range(3)]
    with office.db.unit_of_work() as session:
        submit(session, office.sales, find_orders(session, numbers))
    assert unread(office, office.warehouse) == 3
    assert act(office, notifications.mark_all_read, office.warehouse) == 3
    assert unread(office, office.warehouse) == 0
    assert unread(office, office.sales) == 3  # the creator's own notices are untouched
    assert [n.number for n in seen(office, office.sales, unread_only=True)] == numbers[::-1]


def test_a_user_who_turns_off_in_app_notices_of_a_kind_does_not_see_them(office):
    act(office, notifications.choose_channels, office.sales, "my_order", [])
    office.placed()
    assert seen(office, office.sales) == [] and unread(office, office.sales) == 0
    with office.db.reading() as session:
        assert notifications.channels_of(session, office.sales)["my_order"] == []
        assert notifications.channels_of(session, office.sales)["next_step"] == ["in_app"]
        event = session.scalars(select(Event).where(Event.action == "notification_channels")).one()
        assert (event.entity_ref, event.before, event.after) == (
            "sales",
            {"my_order": ["in_app"]},
            {"my_order": []},
        )


def test_channel_choices_refuse_what_cannot_work(office):
    for kind, channels in (("nope", ["in_app"]), ("my_order", ["fax"]), ("my_order", ["email"])):
        with pytest.raises(ValidationError):
            act(office, notifications.choose_channels, office.sales, kind, channels)
    for address in ("not-an-address", "a@b", "两个@@example.com", "x" * 400 + "@example.com"):
        with pytest.raises(ValidationError):
            act(office, notifications.set_email, office.sales, address)
    act(office, notifications.set_email, office.sales, " 小王@例子.中国 ")
    act(office, notifications.choose_channels, office.sales, "my_order", ["email", "email"])
    with office.db.reading() as session:
        assert notifications.channels_of(session, office.sales)["my_order"] == ["email"]
    office.placed()
    with office.db.reading() as session:
        [row] = session.scalars(select(OutboxMessage)).all()
    assert (row.channel, row.recipient) == ("email", "小王@例子.中国")


def test_a_user_holding_several_roles_sees_the_notices_of_each(office):
    both = act(office, add_user, office.admin, "老王", ["warehouse", "finance"], "password-2")
    sales_order = office.placed()  # tells the warehouse
    purchase = office.placed("purchase")
    act(office, orders.receive, office.warehouse, purchase)  # received: tells finance
    numbers = {(n.kind, n.number) for n in seen(office, both)}
    assert ("next_step", sales_order) in numbers and ("next_step", purchase) in numbers
    assert "等待财务处理" in " ".join(n.text for n in seen(office, both))
    assert unread(office, both) == len(seen(office, both))
