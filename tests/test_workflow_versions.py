"""A new workflow version stored by an admin drives everything: nodes, queues, buttons,
printing and lateness follow it, and orders already running keep their version."""

from __future__ import annotations

import copy
import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app import actions, lateness, orders, printing, queries, workflow, worklist
from app.clock import frozen_at, utcnow
from app.errors import PermissionDenied, ValidationError
from app.workflow_defaults import SALES
from app.workflow_versions import problems, read_definition, store_version
from db.models import Event, Order, Workflow

INSPECTED = {
    "label": {"zh": "已质检", "en": "Inspected"},
    "owner": "warehouse",
    "limit_hours": 2,
    "color": "#722ed1",
    "allows": ["ship", "sign", "pay"],
    "prints": ["order", "delivery-note"],
    "terminal": False,
}


def edited_sales() -> dict:
    """`prepared` renamed 已拣货 (4 h instead of 24), a manual 质检 step by the warehouse
    before anything ships, and signatures chased by sales instead of customer service."""
    d = copy.deepcopy(SALES)
    nodes = {}
    for code, node in d["nodes"].items():
        nodes[code] = node
        if code == "prepared":
            nodes["inspected"] = copy.deepcopy(INSPECTED)
    nodes["prepared"].update(label={"zh": "已拣货", "en": "Picked"}, limit_hours=4)
    nodes["prepared"]["allows"] = ["sign", "pay"]
    nodes["placed"]["allows"] = ["sign", "pay"]
    nodes["shipped"]["owner"] = "sales"
    d["nodes"] = nodes
    for t in d["transitions"]:
        if t["name"] == "ship_all":
            t["from"] = ["inspected"]
        if t["name"] == "cancel":
            t["from"].append("inspected")
    d["transitions"].append(
        {
            "name": "inspect",
            "from": ["prepared"],
            "to": "inspected",
            "label": {"zh": "质检通过", "en": "Passed inspection"},
            "trigger": "manual",
            "roles": ["warehouse"],
            "guard": None,
            "effect": None,
            "requires": [],
            "forward": True,
        }
    )
    return d


def _at(office, number: str) -> str:
    with office.db.reading() as session:
        return orders.find_order(session, number).status


def _queue(office, role: str) -> set[str]:
    with office.db.reading() as session:
        query = select(Order.number).where(queries.queue_clause(session, frozenset({role})))
        return set(session.scalars(query))


def _offered(office, role: str, number: str) -> tuple[set, set]:
    """The buttons (facts and target nodes) and documents `role` is offered on the order."""
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        user = office.users[role]
        buttons = {a.target or a.kind for a in actions.available(session, user, order)}
        documents = {p.kind for p in printing.printable(session, user, order)}
    return buttons, documents


def test_an_order_runs_through_an_edited_workflow_and_older_orders_keep_theirs(
    office, cli, tmp_path
):
    older = office.placed()
    exported = tmp_path / "sales.json"
    assert cli("workflow", "export", "sales", str(exported), user="admin")[0] == 0
    assert json.loads(exported.read_text(encoding="utf-8"))["nodes"]["prepared"]["label"] == {
        "zh": "已备货",
        "en": "Prepared",
    }
    exported.write_text(json.dumps(edited_sales(), ensure_ascii=False), encoding="utf-8")
    assert cli("workflow", "import", "sales", str(exported), user="sales")[0] == 4
    code, _, err = cli("workflow", "import", "sales", str(exported), user="admin")
    assert code == 0, err
    code, out, _ = cli("workflow", "versions", "sales", user="admin")
    header, newest, oldest = out.splitlines()[:3]
    assert header.split() == ["版本", "保存时间", "节点数", "订单数"]
    assert newest.split()[:2] == ["*", "v2"] and oldest.split()[0] == "v1"
    code, out, _ = cli("workflow", "versions", "sales", "--json", user="admin")
    assert code == 0 and [(v["version"], v["active"]) for v in json.loads(out)] == [
        (2, True),
        (1, False),
    ]
    code, out, _ = cli("workflow", "show", "sales", "1", "--json", user="admin")
    assert code == 0 and json.loads(out)["nodes"]["prepared"]["label"]["zh"] == "已备货"
    assert cli("workflow", "show", "sales", "9", user="admin")[0] == 3
    with office.db.reading() as session:
        event = session.scalars(select(Event).where(Event.entity_ref == "sales v2")).one()
        assert event.user_name == "admin"
        assert "added node inspected (Inspected)" in event.after["changes"]

    number = office.order()
    steps = [
        ("sales", ("order", "advance", number, "submitted"), "placed"),
        ("warehouse", ("order", "advance", number, "已拣货"), "prepared"),
        ("warehouse", ("order", "advance", number, "inspected"), "inspected"),
        ("warehouse", ("ship", number, "--carrier", "顺丰", "--tracking-no", "SF1"), "shipped"),
        ("service", ("order", "advance", number, "delivered"), "delivered"),
        ("finance", ("pay", number, "250.00"), "paid"),
        ("service", ("order", "advance", number, "completed"), "completed"),
    ]
    seen = {}
    for role, argv, node in steps:
        if node == "inspected":
            # Picked: nothing ships before the inspection; the warehouse's button is 质检.
            buttons, documents = _offered(office, "warehouse", number)
            assert "inspected" in buttons and "ship" not in buttons
            code, _, err = cli(
                "ship", number, "--carrier", "顺丰", "--tracking-no", "X", user="warehouse"
            )
            assert code == 3 and "已质检" in err
        code, _, err = cli(*argv, user=role)
        assert code == 0, (argv, err)
        assert _at(office, number) == node
        seen[node] = (
            _queue(office, "warehouse"),
            _queue(office, "sales"),
            _queue(office, "service"),
        )
    assert number in seen["inspected"][0]
    # The edited owner: an unsigned shipment is chased by sales, not customer service.
    assert number in seen["shipped"][1] and number not in seen["shipped"][2]
    buttons, documents = _offered(office, "warehouse", older)
    assert "ship" in buttons and "inspected" not in buttons and documents == {"delivery-note"}

    # The order started on version 1 ships straight from 已下单, as version 1 says.
    code, _, err = cli("ship", older, "--carrier", "顺丰", "--tracking-no", "SF2", user="warehouse")
    assert code == 0, err
    assert _at(office, older) == "shipped"
    with office.db.reading() as session:
        versions = dict(
            session.execute(
                select(Order.number, Workflow.version).join(
                    Workflow, Workflow.id == Order.workflow_id
                )
            ).all()
        )
    assert versions == {older: 1, number: 2}


def test_an_edited_time_limit_makes_orders_late(office):
    with office.db.unit_of_work() as session:
        store_version(session, office.admin, "sales", edited_sales())
    before = office.placed()  # on version 2: 已拣货 may wait 4 hours
    with frozen_at(utcnow() - timedelta(hours=5)), office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, before, "prepared")
    with office.db.reading() as session:
        late = {row["number"]: row for row in lateness.alerts(session, everything=True)}
    assert late[before]["status_label"] == "已拣货" and late[before]["late_by_hours"] >= 1


def test_lists_and_alerts_keep_working_after_many_edits(office):
    """Each small edit is a version, and lateness is judged per version and node: after a
    few hundred of them the lists and alerts must read as before."""
    late_one = office.placed()
    with frozen_at(utcnow() - timedelta(hours=30)), office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, late_one, "prepared")  # 24 h allowed in v1
    definition = copy.deepcopy(SALES)
    for hours in range(1, 301):
        definition["nodes"]["placed"]["limit_hours"] = hours
        with office.db.unit_of_work() as session:
            store_version(session, office.admin, "sales", copy.deepcopy(definition))
    with office.db.reading() as session:
        assert late_one in {row["number"] for row in lateness.alerts(session, everything=True)}
        by_node = lateness.late_by_node(session)
        listed = worklist.page(session, queries.OrderFilter(overdue=True), 0, 50)
        everyone = worklist.page(session, queries.OrderFilter(), 0, 50)
    assert [(code, count) for _, code, count in by_node] == [("prepared", 1)]
    assert [row["number"] for row in listed] == [late_one]
    assert late_one in {row["number"] for row in everyone}


def test_a_version_1_order_is_not_late_at_the_edited_limit(office):
    older = office.placed()
    with frozen_at(utcnow() - timedelta(hours=5)), office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, older, "prepared")
    with office.db.unit_of_work() as session:
        store_version(session, office.admin, "sales", edited_sales())
    with office.db.reading() as session:
        assert older not in {row["number"] for row in lateness.alerts(session, everything=True)}


def _broken(change) -> dict:
    d = copy.deepcopy(SALES)
    change(d)
    return d


def _step(d, name):
    return next(t for t in d["transitions"] if t["name"] == name)


INVALID = [
    (
        "unreachable node",
        lambda d: d["nodes"].update(lost=copy.deepcopy(INSPECTED)),
        "Node 'lost' cannot be reached",
    ),
    (
        "dead end",
        lambda d: (
            d["nodes"].update(stuck=copy.deepcopy(INSPECTED)),
            _step(d, "prepare").update(to="stuck"),
        ),
        "Node 'stuck' is a dead end",
    ),
    ("unknown role", lambda d: _step(d, "approve").update(roles=["boss"]), "unknown role 'boss'"),
    ("unknown guard", lambda d: _step(d, "ship_all").update(guard="moon"), "unknown guard 'moon'"),
    (
        "automatic loop",
        lambda d: d["transitions"].append(
            {**_step(d, "ship_all"), "name": "back", "from": ["shipped"], "to": "placed"}
        ),
        "Automatic steps form a loop",
    ),
    (
        "missing label",
        lambda d: d["nodes"]["paid"]["label"].update(en=" "),
        "Node 'paid' has no en label",
    ),
    ("unknown fact", lambda d: d["nodes"]["paid"]["allows"].append("fly"), "unknown allows"),
    ("no owner", lambda d: d["nodes"]["placed"].update(owner=None), "needs an owner"),
    (
        "no way on",
        lambda d: d["nodes"]["prepared"].update(allows=["pay"]),
        "Node 'prepared' has no way on",
    ),
    ("wrong kind", lambda d: d.update(kind="purchase"), "should be 'sales'"),
    ("no kind", lambda d: d.pop("kind"), "The kind is missing"),
    ("no initial node", lambda d: d.pop("initial"), "The initial node is missing"),
    (
        "a mistyped key",
        lambda d: d["nodes"]["prepared"].update(limit_hour=2),
        "Node 'prepared' has unknown entries: limit_hour",
    ),
    ("an unknown top-level key", lambda d: d.update(padding="x"), "unknown entries: padding"),
    (
        "a flag that is not one",
        lambda d: d["nodes"]["cancelled"].update(terminal="yes"),
        "terminal must be true or false",
    ),
    (
        "two nodes called alike",
        lambda d: d["nodes"]["prepared"]["label"].update(zh="已下单"),
        "Node 'prepared' is called '已下单' like node 'placed'",
    ),
    (
        "a label that is another node's code",
        lambda d: d["nodes"]["prepared"]["label"].update(en="Shipped"),
        "called 'Shipped' like node 'shipped'",
    ),
    (
        "a wall display owning a node",
        lambda d: d["nodes"]["placed"].update(owner="board"),
        "'board' cannot own a node",
    ),
    (
        "the void node where orders are fulfilled",
        lambda d: d.update(void="completed", fulfilled="cancelled"),
        "must be reached by a manual step from the initial node",
    ),
    ("fulfilled at the start", lambda d: d.update(fulfilled="draft"), "The fulfilled node 'draft'"),
    (
        "too many nodes",
        lambda d: d["nodes"].update({f"n{i}": copy.deepcopy(INSPECTED) for i in range(60)}),
        "at most 60 are allowed",
    ),
]


@pytest.mark.parametrize(("what", "change", "message"), INVALID, ids=[i[0] for i in INVALID])
def test_an_invalid_definition_is_refused_naming_the_problem(office, what, change, message):
    definition = _broken(change)
    assert any(message in en for _, en in problems("sales", definition))
    with pytest.raises(ValidationError, match=message), office.db.unit_of_work() as session:
        store_version(session, office.admin, "sales", definition)
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Workflow.id)).where(Workflow.kind == "sales")) == 1


def test_the_import_lists_every_problem_and_stores_nothing(office, cli, tmp_path):
    definition = _broken(
        lambda d: (
            _step(d, "approve").update(roles=["boss"]),
            d["nodes"]["paid"].update(color="red"),
        )
    )
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(definition), encoding="utf-8")
    code, _, err = cli("workflow", "import", "sales", str(path), user="admin")
    assert code == 3 and "boss" in err and "颜色" in err
    path.write_text("{not json", encoding="utf-8")
    code, _, err = cli("workflow", "import", "sales", str(path), user="admin")
    assert code == 3 and "JSON" in err
    # Anyone else is refused before the file is read: nothing is said about it.
    code, _, err = cli("workflow", "import", "sales", str(tmp_path / "missing"), user="sales")
    assert code == 4 and "missing" not in err
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Workflow.id)).where(Workflow.kind == "sales")) == 1


FILES = [
    ("empty", b"  \n", "is empty"),
    ("not JSON", b"{not json", "is not valid JSON: Expecting property name"),
    ("not UTF-8", '{"kind": "销售"}'.encode("gbk"), "is not UTF-8 text"),
    ("a repeated key", b'{"kind": "sales", "kind": "purchase"}', "'kind' appears twice"),
    ("nested too deep", b"[" * 100_000, "nested too deep"),
    ("too large", b" " * 1_000_001, "is too large"),
]


@pytest.mark.parametrize(("what", "content", "message"), FILES, ids=[f[0] for f in FILES])
def test_a_file_that_is_no_definition_is_refused_saying_why(tmp_path, what, content, message):
    path = tmp_path / "sales.json"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message) as refused:
        read_definition(path)
    assert "Traceback" not in refused.value.zh and "sales.json" in refused.value.zh


def test_a_definition_saved_with_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "sales.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(SALES, ensure_ascii=False).encode())
    assert read_definition(path) == SALES
    with pytest.raises(ValidationError, match="There is no file"):
        read_definition(tmp_path / "missing.json")
    with pytest.raises(ValidationError, match="is a folder"):
        read_definition(tmp_path)


def test_only_an_admin_stores_a_version_and_an_unchanged_one_is_refused(office):
    with pytest.raises(PermissionDenied), office.db.unit_of_work() as session:
        store_version(session, office.owner, "sales", edited_sales())
    unchanged = copy.deepcopy(SALES)
    with pytest.raises(ValidationError, match="Nothing differs"), office.db.unit_of_work() as s:
        store_version(s, office.admin, "sales", unchanged)


def test_a_version_stored_elsewhere_is_used_at_once(office, fresh_database):
    """Another desktop (its own engine and process cache) stores v2; this one's next new
    order starts on it without a restart."""
    with office.db.reading() as session:
        assert workflow.active_workflow(session, "sales").version == 1
    other = type(office.db)(office.db.url)
    try:
        with other.unit_of_work() as session:
            store_version(session, office.admin, "sales", edited_sales())
    finally:
        other.dispose()
    number = office.order()
    with office.db.reading() as session:
        spec = workflow.spec_for(session, orders.find_order(session, number))
    assert spec.version == 2 and spec.node("prepared").zh == "已拣货"


def test_the_definition_shows_on_the_command_line(office, cli):
    code, out, _ = cli("workflow", "show", "sales", "--json", user="sales")
    shown = json.loads(out)
    assert code == 0 and shown["version"] == 1 and shown["nodes"]["shipped"]["owner"] == "service"
    code, out, _ = cli("workflow", "show", "purchase", user="sales")
    assert code == 0 and "已到货入库" in out
    assert cli("workflow", "show", "bogus", user="sales")[0] == 3


def test_an_automatic_step_after_signing_for_sees_the_signature(office):
    """A workflow where confirming delivery (which signs for the shipments) leads to a node
    whose automatic step waits for every shipment to be signed for: the step is taken at
    once, in the same click."""
    d = copy.deepcopy(SALES)
    d["nodes"]["confirmed"] = {
        **copy.deepcopy(INSPECTED),
        "label": {"zh": "已确认签收", "en": "Receipt confirmed"},
        "owner": "service",
        "allows": ["sign", "pay"],
    }
    _step(d, "deliver")["to"] = "confirmed"
    d["transitions"].append(
        {
            **copy.deepcopy(_step(d, "deliver_all")),
            "name": "all_confirmed",
            "from": ["confirmed"],
            "label": {"zh": "签收齐全", "en": "All signed for"},
        }
    )
    with office.db.unit_of_work() as session:
        store_version(session, office.admin, "sales", d)
    number = office.placed()
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, number, "顺丰", "SF1")
    with office.db.unit_of_work() as session:
        orders.advance(session, office.service, number, "confirmed")
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        assert order.status == "delivered"
        assert all(shipment.delivered_at is not None for shipment in order.shipments)
