"""Nodes named the way people name them: by code, or by their Chinese or English label, in
whichever workflow versions are in use."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import ValidationError
from .workflow import WorkflowSpec


def node_code(specs: Iterable[WorkflowSpec], text: str) -> str:
    """The node code that `text` names in any of the workflows, or a ValidationError that
    lists the nodes there are."""
    specs = list(specs)
    wanted = text.strip().casefold()
    for spec in specs:
        for node in spec.nodes.values():
            if wanted in (node.code.casefold(), node.zh.casefold(), node.en.casefold()):
                return node.code
    known = {node.code: node for spec in specs for node in spec.nodes.values()}
    listed_zh = "、".join(f"{code}（{node.zh}）" for code, node in known.items())
    listed_en = ", ".join(f"{code} ({node.en})" for code, node in known.items())
    raise ValidationError(
        f"没有节点“{text}”。可用节点：{listed_zh}。",
        f"There is no node '{text}'. Nodes: {listed_en}.",
    )


def step_target(spec: WorkflowSpec, at: str, text: str) -> str:
    """Where a step from node `at` goes, named by the node it goes to (code or label) or
    by the step itself: its name or label, as in `order advance SO-… submit` or 提交."""
    try:
        return node_code([spec], text)
    except ValidationError:
        wanted = text.strip().casefold()
        for step in spec.leaving(at):
            if step.manual and wanted in (
                name.casefold() for name in (step.name, step.zh, step.en)
            ):
                return step.target
        raise
