"""The edits an admin makes to a workflow: each gives a new definition that may be stored,
leaves the one it started from as it was, and refuses what would strand open orders."""

from __future__ import annotations

import copy

import pytest

from app import orders, workflow_edit
from app.errors import ValidationError
from app.workflow_defaults import SALES
from app.workflow_versions import difference, problems, store_version

INSPECTION = dict(
    label={"zh": "已质检", "en": "Inspected"},
    owner="warehouse",
    limit_hours=2,
    step_label={"zh": "质检通过", "en": "Passed inspection"},
)


def with_inspection(definition: dict = SALES) -> dict:
    return workflow_edit.insert_node(definition, "prepared", "shipped", "inspected", **INSPECTION)


def _step(definition: dict, name: str) -> dict:
    return next(t for t in definition["transitions"] if t["name"] == name)


def test_node_fields_change_in_a_copy():
    original = copy.deepcopy(SALES)
    d = workflow_edit.rename_node(SALES, "prepared", " 已拣货 ", "Picked")
    d = workflow_edit.set_owner(d, "shipped", "sales")
    d = workflow_edit.set_limit(d, "prepared", 4)
    d = workflow_edit.set_color(d, "prepared", "#fa8c16")
    d = workflow_edit.set_allows(d, "prepared", ["ship", "pay"])
    d = workflow_edit.set_prints(d, "prepared", ["delivery-note"])
    assert d["nodes"]["prepared"] == {
        **SALES["nodes"]["prepared"],
        "label": {"zh": "已拣货", "en": "Picked"},
        "limit_hours": 4,
        "color": "#fa8c16",
        "allows": ["ship", "pay"],
        "prints": ["delivery-note"],
    }
    assert d["nodes"]["shipped"]["owner"] == "sales"
    assert original == SALES and problems("sales", d) == []
    assert "node prepared limit_hours: 24 → 4" in {en for _, en in difference(SALES, d)}


def test_an_inserted_node_sits_between_its_neighbours():
    d = with_inspection()
    assert list(d["nodes"])[list(d["nodes"]).index("prepared") + 1] == "inspected"
    node = d["nodes"]["inspected"]
    assert node["label"] == {"zh": "已质检", "en": "Inspected"}
    assert (node["owner"], node["limit_hours"], node["terminal"]) == ("warehouse", 2, False)
    assert node["allows"] == SALES["nodes"]["prepared"]["allows"]
    assert node["prints"] == SALES["nodes"]["prepared"]["prints"]
    step = _step(d, "inspected")
    assert (step["from"], step["to"], step["trigger"], step["roles"]) == (
        ["prepared"],
        "inspected",
        "manual",
        ["warehouse"],
    )
    assert step["label"] == {"zh": "质检通过", "en": "Passed inspection"}
    # Shipping everything leaves from the inspected node instead of the prepared one.
    assert _step(d, "ship_all")["from"] == ["placed", "inspected"]
    assert "inspected" in _step(d, "cancel")["from"] and "prepared" in _step(d, "cancel")["from"]
    assert workflow_edit.successors(d, "prepared") == ["inspected"]
    assert problems("sales", d) == []
    assert "added node inspected (Inspected)" in {en for _, en in difference(SALES, d)}


def test_an_insert_that_does_not_fit_is_refused():
    with pytest.raises(ValidationError, match="does not follow"):
        workflow_edit.insert_node(SALES, "prepared", "paid", "inspected", **INSPECTION)
    with pytest.raises(ValidationError, match="already a node 'placed'"):
        workflow_edit.insert_node(SALES, "prepared", "shipped", "placed", **INSPECTION)
    for code in ("", "质检", "Inspected", "1st", "x" * 40, "a; DROP TABLE orders"):
        with pytest.raises(ValidationError, match="not valid"):
            workflow_edit.insert_node(SALES, "prepared", "shipped", code, **INSPECTION)
    with pytest.raises(ValidationError, match="no node 'moon'"):
        workflow_edit.insert_node(SALES, "moon", "shipped", "inspected", **INSPECTION)


def test_an_empty_name_is_left_for_the_checks_to_name():
    d = workflow_edit.rename_node(SALES, "paid", "  ", "Paid")
    assert "Node 'paid' has no zh label." in {en for _, en in problems("sales", d)}


def test_removing_an_inserted_node_gives_the_workflow_back():
    assert workflow_edit.remove_node(with_inspection(), "inspected", {}) == SALES


def test_removing_a_node_leads_its_predecessors_on():
    d = workflow_edit.remove_node(SALES, "prepared", {})
    assert "prepared" not in d["nodes"]
    assert all("prepared" not in t["from"] and t["to"] != "prepared" for t in d["transitions"])
    assert _step(d, "ship_all")["from"] == ["placed"]
    assert problems("sales", d) == []
    assert "removed node prepared (Prepared)" in {en for _, en in difference(SALES, d)}


@pytest.mark.parametrize("code", ["draft", "delivered", "cancelled"])
def test_the_initial_fulfilled_and_void_nodes_stay(code):
    with pytest.raises(ValidationError, match="cannot be removed"):
        workflow_edit.remove_node(SALES, code, {})


def test_a_node_where_open_orders_wait_is_not_removed(office):
    waiting = office.placed()
    office.placed()
    done = office.placed()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, waiting, "prepared")
        orders.cancel(session, office.sales, done, "客户取消")
    with office.db.reading() as session:
        counts = workflow_edit.open_orders_at(session, "sales")
    assert counts == {"prepared": 1, "placed": 1}  # the cancelled order is closed
    with pytest.raises(ValidationError, match=r"1 open order\(s\) wait at 'Prepared'") as refused:
        workflow_edit.remove_node(SALES, "prepared", counts)
    assert "已备货" in refused.value.zh


def test_orders_on_an_older_version_count_too(office):
    number = office.placed()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, number, "prepared")
        store_version(session, office.admin, "sales", with_inspection())
    with office.db.reading() as session:
        counts = workflow_edit.open_orders_at(session, "sales")
        assert counts == {"prepared": 1}
        assert workflow_edit.open_orders_at(session, "purchase") == {}
