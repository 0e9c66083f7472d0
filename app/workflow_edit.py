"""Edits an admin makes to a workflow definition, each returning a new definition.

The edits change the data only; whether the result may be stored is for
`workflow_versions.problems` to say, and `store_version` to do. The one read here,
`open_orders_at`, tells which nodes still hold open orders and so may not be removed.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Order, Workflow

from .errors import ValidationError
from .workflow import spec_by_id
from .workflow_versions import NODE_CODE

NEW_NODE_COLOR = "#722ed1"


def _node(definition: dict, code: str) -> dict:
    if code not in definition["nodes"]:
        raise ValidationError(f"流程中没有节点“{code}”。", f"The workflow has no node '{code}'.")
    return definition["nodes"][code]


def _changed(definition: dict, code: str, **fields) -> dict:
    edited = copy.deepcopy(definition)
    _node(edited, code).update(fields)
    return edited


def rename_node(definition: dict, code: str, zh: str, en: str) -> dict:
    return _changed(definition, code, label={"zh": zh.strip(), "en": en.strip()})


def set_owner(definition: dict, code: str, owner: str | None) -> dict:
    return _changed(definition, code, owner=owner)


def set_limit(definition: dict, code: str, limit_hours: int | None) -> dict:
    return _changed(definition, code, limit_hours=limit_hours)


def set_color(definition: dict, code: str, color: str) -> dict:
    return _changed(definition, code, color=color)


def set_allows(definition: dict, code: str, facts: Iterable[str]) -> dict:
    return _changed(definition, code, allows=list(facts))


def set_prints(definition: dict, code: str, documents: Iterable[str]) -> dict:
    return _changed(definition, code, prints=list(documents))


def successors(definition: dict, code: str) -> list[str]:
    """The nodes a forward step from `code` leads to, in the workflow's node order."""
    targets = {t["to"] for t in definition["transitions"] if t["forward"] and code in t["from"]}
    return [c for c in definition["nodes"] if c in targets and c != code]


def insert_node(
    definition: dict,
    after: str,
    before: str,
    code: str,
    *,
    label: Mapping[str, str],
    owner: str,
    limit_hours: int | None,
    step_label: Mapping[str, str],
    color: str = NEW_NODE_COLOR,
) -> dict:
    """A manual node `code` between `after` and its successor `before`: the owner moves an
    order on from `after` to it, and what led on from `after` to `before` now leaves from
    it. It may be cancelled wherever `after` could, and starts with `after`'s facts and
    documents."""
    edited = copy.deepcopy(definition)
    source = _node(edited, after)
    _node(edited, before)
    if not isinstance(code, str) or not NODE_CODE.fullmatch(code):
        raise ValidationError(
            f"节点代码“{code}”无效：只能用小写字母、数字和下划线，以字母开头。",
            f"The node code '{code}' is not valid: lower-case letters, digits and _, "
            "starting with a letter.",
        )
    if code in edited["nodes"]:
        raise ValidationError(f"节点“{code}”已存在。", f"There is already a node '{code}'.")
    if before not in successors(edited, after):
        raise ValidationError(
            f"“{before}”不是“{after}”的下一步，不能插在两者之间。",
            f"'{before}' does not follow '{after}'; nothing can be inserted between them.",
        )
    node = {
        "label": {"zh": label["zh"].strip(), "en": label["en"].strip()},
        "owner": owner,
        "limit_hours": limit_hours,
        "color": color,
        "allows": list(source["allows"]),
        "prints": list(source["prints"]),
        "tells": [],
        "terminal": False,
    }
    nodes = {}
    for existing, old in edited["nodes"].items():
        nodes[existing] = old
        if existing == after:  # shown and listed right after the node it follows
            nodes[code] = node
    edited["nodes"] = nodes
    for t in edited["transitions"]:
        if after in t["from"] and (
            (t["forward"] and t["to"] == before) or (not t["forward"] and t["to"] == edited["void"])
        ):
            t["from"] = _replaced(t["from"], after, [code] if t["forward"] else [after, code])
    names = {t["name"] for t in edited["transitions"]}
    name = code
    while name in names:
        name += "_step"
    edited["transitions"].append(
        {
            "name": name,
            "from": [after],
            "to": code,
            "label": {"zh": step_label["zh"].strip(), "en": step_label["en"].strip()},
            "trigger": "manual",
            "roles": [owner],
            "guard": None,
            "effect": None,
            "requires": [],
            "forward": True,
        }
    )
    return edited


def _replaced(codes: list[str], old: str, new: list[str]) -> list[str]:
    """`codes` with `old` replaced in place by `new`, each code once."""
    result: list[str] = []
    for code in codes:
        for kept in new if code == old else [code]:
            if kept not in result:
                result.append(kept)
    return result


def remove_node(definition: dict, code: str, waiting: Mapping[str, int]) -> dict:
    """The workflow without `code`: the steps into it are dropped, its steps forward leave
    from the nodes that led to it instead. `waiting` counts the open orders per node
    (`open_orders_at`); a node where orders wait is not removed."""
    node = _node(definition, code)
    for key, zh, en in (
        ("initial", "起点", "initial"),
        ("fulfilled", "履约节点", "fulfilled"),
        ("void", "取消节点", "void"),
    ):
        if definition[key] == code:
            raise ValidationError(
                f"“{node['label']['zh']}”是流程的{zh}，不能删除。",
                f"'{node['label']['en']}' is the workflow's {en} node and cannot be removed.",
            )
    if waiting.get(code):
        raise ValidationError(
            f"还有 {waiting[code]} 个未完结的订单停在“{node['label']['zh']}”，不能删除该节点。",
            f"{waiting[code]} open order(s) wait at '{node['label']['en']}'; the node cannot "
            "be removed.",
        )
    edited = copy.deepcopy(definition)
    del edited["nodes"][code]
    before = [
        source
        for t in edited["transitions"]
        if t["to"] == code and t["forward"]
        for source in t["from"]
        if source != code
    ]
    kept = []
    for t in edited["transitions"]:
        if t["to"] == code:
            continue
        if code in t["from"]:
            t["from"] = _replaced(t["from"], code, before if t["forward"] else [])
            if not t["from"]:
                continue
        kept.append(t)
    edited["transitions"] = kept
    return edited


def open_orders_at(session: Session, kind: str) -> dict[str, int]:
    """How many open orders of the workflow `kind` (any version) wait at each node code."""
    rows = session.execute(
        select(Order.workflow_id, Order.status, func.count(Order.id))
        .join(Workflow, Workflow.id == Order.workflow_id)
        .where(Workflow.kind == kind)
        .group_by(Order.workflow_id, Order.status)
    ).all()
    waiting: dict[str, int] = {}
    for workflow_id, status, count in rows:
        spec = spec_by_id(session, workflow_id)
        if status in spec.nodes and not spec.node(status).terminal:
            waiting[status] = waiting.get(status, 0) + count
    return waiting
