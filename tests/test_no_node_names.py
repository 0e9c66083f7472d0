"""No code outside the default definitions names a node: everything asks the workflow."""

from __future__ import annotations

import ast
from pathlib import Path

from app.workflow_defaults import DEFAULT_WORKFLOWS

ROOT = Path(__file__).resolve().parent.parent
DEFINITIONS = ROOT / "app" / "workflow_defaults.py"
NODE_CODES = {code for d in DEFAULT_WORKFLOWS.values() for code in d["nodes"]}


def _keys_and_indexes(tree: ast.AST) -> set[int]:
    """Strings used as dict keys or subscripts: names of fields ("paid" as money), not nodes."""
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            ids.update(id(key) for key in node.keys if key is not None)
        elif isinstance(node, ast.Subscript):
            ids.add(id(node.slice))
    return ids


def node_names_in(path: Path, base: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    fields = _keys_and_indexes(tree)
    return [
        f"{path.relative_to(base)}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in NODE_CODES and id(node) not in fields
    ]


def test_only_the_default_definitions_name_nodes():
    sources = [
        path
        for folder in ("app", "ui", "cli")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != DEFINITIONS
    ]
    assert len(sources) > 30
    assert [found for path in sources for found in node_names_in(path)] == []


def test_the_check_would_see_a_node_named_in_code(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('if order.status == "cancelled":\n    done = {"paid": 1}["paid"]\n')
    assert node_names_in(sample, tmp_path) == ["sample.py:1: 'cancelled'"]
