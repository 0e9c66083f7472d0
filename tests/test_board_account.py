"""A wall display's account reads the board and does nothing else: not through the runner
(every front end), not through the services themselves, not on the command line; and no
workflow can give its role any work."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select

from app import audit, masterdata, notifications, orders, runner, settings, users, workflow_versions
from app.errors import PermissionDenied, ValidationError
from app.orders import LineSpec
from app.roles import is_board
from app.workflow_defaults import DEFAULT_WORKFLOWS
from db.models import Event, Order, User


@pytest.fixture
def wall(office) -> User:
    with office.db.unit_of_work() as session:
        user = users.add_user(session, office.admin, "大屏-仓库", ["board"], "wall-password")
    return user


def _events(office) -> int:
    with office.db.reading() as session:
        return session.scalar(select(func.count(Event.id)))


def test_an_admin_makes_a_board_account_that_holds_that_role_alone(office, wall):
    assert is_board(wall) and wall.roles == frozenset({"board"})
    with office.db.unit_of_work() as session:
        with pytest.raises(ValidationError, match="board role alone"):
            users.add_user(session, office.admin, "wall2", ["board", "owner"], "wall-password")
        with pytest.raises(ValidationError, match="board role alone"):
            users.set_roles(session, office.admin, "sales", ["sales", "board"])
    with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
        users.add_user(session, office.owner, "wall3", ["board"], "wall-password")


def test_the_runner_refuses_every_action_of_a_board_account(office, wall):
    number = office.placed()
    before = _events(office)
    attempts = [
        (orders.create_order, "sales", "华东贸易有限公司", [LineSpec("A-1", 1)]),
        (orders.advance, number, "prepared"),
        (orders.cancel, number, "不要了"),
        (orders.ship, number, "顺丰", "SF1"),
        (orders.record_payment, number, "10.00"),
        (masterdata.add_party, "新客户", "customer"),
        (masterdata.add_product, "Z-1", "新品", "1.00"),
        (settings.change, "company_name", "大屏公司"),
        (users.add_user, "intruder", ["admin"], "intruder-pw"),
        (notifications.mark_all_read,),
        (notifications.set_email, "wall@example.invalid"),
        (lambda session, user: None,),  # even a service that would do nothing
    ]
    for service, *args in attempts:
        with pytest.raises(PermissionDenied, match="wall display account"):
            runner.run(office.db, wall, service, *args)
    assert _events(office) == before
    with office.db.reading() as session:
        assert session.scalar(select(Order.status).where(Order.number == number)) == "placed"
        assert session.scalar(select(func.count()).select_from(User)) == 8


def test_the_services_refuse_a_board_account_on_their_own(office, wall):
    """Called without the runner, the role checks of each service still say no."""
    number = office.placed()
    calls = [
        lambda s: orders.create_order(s, wall, "sales", "华东贸易有限公司", [LineSpec("A-1", 1)]),
        lambda s: orders.advance(s, wall, number, "prepared"),
        lambda s: orders.ship(s, wall, number, "顺丰", "SF1"),
        lambda s: orders.record_payment(s, wall, number, "10.00"),
        lambda s: masterdata.add_party(s, wall, "新客户", "customer"),
        lambda s: settings.change(s, wall, "company_name", "x"),
        lambda s: users.add_user(s, wall, "intruder", ["admin"], "intruder-pw"),
    ]
    for call in calls:
        with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
            call(session)


def test_no_workflow_may_give_the_board_role_a_queue_or_a_step():
    sales = copy.deepcopy(DEFAULT_WORKFLOWS["sales"])
    sales["nodes"]["placed"]["owner"] = "board"
    sales["facts"]["ship"] = ["board"]
    found = [str(p) for p in workflow_versions.problems("sales", sales)]
    assert len([p for p in found if "board" in p]) >= 2, found


@pytest.mark.parametrize(
    "command",
    [
        ["order", "list"],
        ["order", "show", "SO-2026-000001"],
        ["order", "create", "--kind", "sales", "--party", "华东贸易有限公司", "--line", "A-1:1"],
        ["alerts"],
        ["product", "list"],
        ["notify", "--read-all"],
        ["notify", "--list"],
        ["user", "list"],
        ["setting", "set", "company_name", "x"],
        ["backup", "copy.db"],
    ],
)
def test_every_command_refuses_a_board_account(office, cli, password_hash, command, tmp_path):
    with office.db.unit_of_work() as session:
        session.add(
            User(
                name="wall",
                display_name="wall",
                roles=frozenset({"board"}),
                password_hash=password_hash,
                active=True,
                created_at=office.sales.created_at,
            )
        )
        audit.record(
            session, "admin", entity="user", ref="wall", action="create", after={"roles": ["board"]}
        )
    before = _events(office)
    code, out, err = cli(*command, user="wall")
    assert code == 4, (code, out, err)
    assert "wall display account" in err or "大屏账号" in err
    assert out == "" and _events(office) == before


def test_the_board_command_line_points_to_the_window(cli):
    code, _out, err = cli("board", user="owner")
    assert code == 3 and "ordertrail board" in err
