"""Storing a new version of a workflow: checked whole, audited with its difference, active
for new orders at once; orders already running keep the version they started with."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from db.models import Order, User, Workflow

from . import audit
from .clock import stamp, utcnow
from .errors import NotFound, ValidationError
from .kinds import KINDS
from .roles import ROLES, require
from .workflow import EFFECTS, GUARD_FACTS, GUARDS, WorkflowSpec, active_workflow, spec_by_id
from .workflow_defaults import CREATOR, DOCUMENTS, FACTS

TRIGGERS = ("manual", "auto", "semi")
INPUTS = ("reason", "comment", "amendment")
NODE_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")
COLOR = re.compile(r"#[0-9a-fA-F]{6}")
MAX_LABEL = 40
MAX_LIMIT_HOURS = 24 * 366
# Far beyond any office's process (the defaults have about ten nodes): every list, queue
# and alert reads each node of every version, so there must be a bound.
MAX_NODES = 60
MAX_TRANSITIONS = 240
# An exported definition is some 10 KB; a file many times that is not one.
MAX_FILE_BYTES = 1_000_000
# What each part of a definition may say: anything else is a typing mistake that would be
# kept and silently do nothing ("limit_hour" for "limit_hours").
KEYS = {
    "workflow": ("kind", "initial", "fulfilled", "void", "nodes", "facts", "transitions"),
    "node": ("label", "owner", "limit_hours", "color", "allows", "prints", "tells", "terminal"),
    "transition": (
        "name",
        "label",
        "from",
        "to",
        "trigger",
        "roles",
        "guard",
        "effect",
        "requires",
        "forward",
    ),
    "label": ("zh", "en"),
}

Problem = tuple[str, str]
# The roles whose queue a node may be in: a wall display's account only reads.
OWNERS = tuple(ROLES)


def problems(kind: str, definition: object) -> list[Problem]:
    """Everything wrong with a definition, each as (zh, en); empty when it may be stored."""
    if not isinstance(definition, dict):
        return [("流程定义必须是一个 JSON 对象。", "A workflow definition must be a JSON object.")]
    found = list(_unknown_keys(("流程", "The workflow"), definition, "workflow"))
    found += _shape_problems(kind, definition)
    if not found:
        found += _name_problems(definition)
    if found:  # the graph checks below read the shape
        return found
    return list(_graph_problems(definition, _submitted(kind)))


def _submitted(kind: str) -> bool:
    """Whether orders on this workflow are submitted by hand (people create them), rather
    than made from another order and moved on by what happens to it (a return)."""
    return any(k.creatable for k in KINDS.values() if k.workflow == kind)


def _unknown_keys(where: tuple[str, str], part: dict, of: str) -> Iterator[Problem]:
    unknown = [str(key) for key in part if key not in KEYS[of]]
    if unknown:
        listed, known = "、".join(unknown), ", ".join(KEYS[of])
        yield (
            f"{where[0]}含未知的项：{listed}（可用：{known}）。",
            f"{where[1]} has unknown entries: {', '.join(unknown)} (known: {known}).",
        )


def _flag_problems(where: tuple[str, str], part: dict, key: str) -> Iterator[Problem]:
    if key in part and not isinstance(part[key], bool):
        yield (
            f"{where[0]}的 {key} 必须是 true 或 false。",
            f"{where[1]}: {key} must be true or false.",
        )


def _label_problems(where: tuple[str, str], label: object) -> Iterator[Problem]:
    if not isinstance(label, dict):
        yield (f"{where[0]}缺少名称（中文和英文）。", f"{where[1]} has no label (zh and en).")
        return
    yield from _unknown_keys((f"{where[0]}的名称", f"{where[1]}'s label"), label, "label")
    for lang, name in (("zh", "中文"), ("en", "英文")):
        text = label.get(lang)
        if not isinstance(text, str) or not text.strip():
            yield (f"{where[0]}缺少{name}名称。", f"{where[1]} has no {lang} label.")
        elif len(text) > MAX_LABEL or any(not ch.isprintable() for ch in text):
            yield (
                f"{where[0]}的{name}名称过长或含控制字符。",
                f"{where[1]}'s {lang} label is too long or holds control characters.",
            )


def _roles_problems(where: tuple[str, str], roles: object) -> Iterator[Problem]:
    if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
        yield (f"{where[0]}的角色必须是列表。", f"{where[1]}: roles must be a list.")
        return
    for role in roles:
        if role not in ROLES:
            yield (f"{where[0]}：未知角色“{role}”。", f"{where[1]}: unknown role '{role}'.")


def _shape_problems(kind: str, d: dict) -> Iterator[Problem]:
    if "kind" not in d:
        yield (
            f"缺少流程类型（kind，应为“{kind}”）。",
            f"The kind is missing (should be '{kind}').",
        )
    elif d["kind"] != kind:
        yield (
            f"流程类型应为“{kind}”，而不是“{d['kind']}”。",
            f"The workflow kind should be '{kind}', not '{d['kind']}'.",
        )
    nodes = d.get("nodes")
    if not isinstance(nodes, dict) or not nodes:
        yield ("流程没有任何节点。", "The workflow has no nodes.")
        return
    if len(nodes) > MAX_NODES:
        yield (
            f"流程有 {len(nodes)} 个节点，最多 {MAX_NODES} 个。",
            f"The workflow has {len(nodes)} nodes; at most {MAX_NODES} are allowed.",
        )
        return
    for code, node in nodes.items():
        where = (f"节点“{code}”", f"Node '{code}'")
        if not isinstance(code, str) or not NODE_CODE.fullmatch(code):
            yield (
                f"{where[0]}的代码只能用小写字母、数字和下划线，以字母开头，最多 32 个字符。",
                f"{where[1]}: a code is lower-case letters, digits and _, starting with a "
                "letter, at most 32 characters.",
            )
        if not isinstance(node, dict):
            yield (f"{where[0]}必须是一个对象。", f"{where[1]} must be an object.")
            continue
        yield from _unknown_keys(where, node, "node")
        yield from _label_problems(where, node.get("label"))
        yield from _flag_problems(where, node, "terminal")
        owner = node.get("owner")
        if owner is not None and owner not in OWNERS:
            yield (
                f"{where[0]}的负责角色“{owner}”不能负责节点（可用：{', '.join(OWNERS)}）。",
                f"{where[1]}: '{owner}' cannot own a node (choose {', '.join(OWNERS)}).",
            )
        if owner is None and not node.get("terminal"):
            yield (
                f"{where[0]}不是终点，必须有负责角色。",
                f"{where[1]} is not terminal and needs an owner role.",
            )
        limit = node.get("limit_hours")
        if limit is not None and (
            not isinstance(limit, int)
            or isinstance(limit, bool)
            or not 0 < limit <= MAX_LIMIT_HOURS
        ):
            yield (
                f"{where[0]}的时限必须是 1 到 {MAX_LIMIT_HOURS} 之间的整数小时。",
                f"{where[1]}: the time limit must be a whole number of hours from 1 to "
                f"{MAX_LIMIT_HOURS}.",
            )
        if not isinstance(node.get("color"), str) or not COLOR.fullmatch(node["color"]):
            yield (
                f"{where[0]}的颜色必须形如 #1677ff。",
                f"{where[1]}: the colour must look like #1677ff.",
            )
        for key, known, zh in (
            ("allows", FACTS, "操作"),
            ("prints", DOCUMENTS, "单据"),
            ("tells", (CREATOR, *ROLES), "通知对象"),
        ):
            values = node.get(key, [])
            if not isinstance(values, list):
                yield (f"{where[0]}的 {key} 必须是列表。", f"{where[1]}: {key} must be a list.")
                continue
            for value in values:
                if value not in known:
                    yield (
                        f"{where[0]}：未知{zh}“{value}”（可用：{', '.join(known)}）。",
                        f"{where[1]}: unknown {key} entry '{value}' (known: {', '.join(known)}).",
                    )
    for key, zh in (("initial", "起点"), ("fulfilled", "履约节点"), ("void", "取消节点")):
        if key not in d:
            yield (f"缺少{zh}（{key}）。", f"The {key} node is missing.")
        elif not isinstance(d[key], str) or d[key] not in nodes:
            yield (
                f"{zh}（{key}）“{d[key]}”不是流程中的节点。",
                f"The {key} node '{d[key]}' is not a node of the workflow.",
            )
    facts = d.get("facts")
    if not isinstance(facts, dict):
        yield (
            "流程缺少 facts（谁可登记哪些事实）。",
            "The workflow has no facts (who records what).",
        )
    else:
        for fact, roles in facts.items():
            where = (f"事实“{fact}”", f"Fact '{fact}'")
            if fact not in FACTS:
                yield (f"{where[0]}未知。", f"{where[1]} is unknown.")
            yield from _roles_problems(where, roles)
        for code, node in nodes.items():
            for fact in node.get("allows", []) if isinstance(node, dict) else []:
                if fact in FACTS and not facts.get(fact):
                    yield (
                        f"节点“{code}”允许“{fact}”，但没有角色可以登记它。",
                        f"Node '{code}' allows '{fact}' but no role may record it.",
                    )
    transitions = d.get("transitions")
    if not isinstance(transitions, list):
        yield ("流程缺少转换列表。", "The workflow has no list of transitions.")
        return
    if len(transitions) > MAX_TRANSITIONS:
        yield (
            f"流程有 {len(transitions)} 个转换，最多 {MAX_TRANSITIONS} 个。",
            f"The workflow has {len(transitions)} transitions; at most {MAX_TRANSITIONS}.",
        )
        return
    names = set()
    for index, t in enumerate(transitions, start=1):
        if not isinstance(t, dict):
            yield (f"第 {index} 个转换必须是一个对象。", f"Transition {index} must be an object.")
            continue
        name = t.get("name")
        where = (f"转换“{name or index}”", f"Transition '{name or index}'")
        yield from _unknown_keys(where, t, "transition")
        yield from _flag_problems(where, t, "forward")
        if not isinstance(name, str) or not name.strip():
            yield (f"{where[0]}缺少名称代码。", f"{where[1]} has no name.")
        elif name in names:
            yield (f"{where[0]}重名。", f"{where[1]}: the name is used twice.")
        names.add(name)
        yield from _label_problems(where, t.get("label"))
        sources = t.get("from")
        if not isinstance(sources, list) or not sources:
            yield (f"{where[0]}没有起始节点。", f"{where[1]} has no source node.")
            sources = []
        for code in [*sources, t.get("to")]:
            if not isinstance(code, str) or code not in nodes:
                side = ("从", "leaves") if code in sources else ("指向", "leads to")
                yield (
                    f"{where[0]}{side[0]}未知节点“{code}”。",
                    f"{where[1]} {side[1]} unknown node '{code}'.",
                )
            elif code in sources and isinstance(nodes[code], dict) and nodes[code].get("terminal"):
                yield (
                    f"{where[0]}从终点“{code}”出发。",
                    f"{where[1]} leaves the terminal node '{code}'.",
                )
        trigger = t.get("trigger")
        if trigger not in TRIGGERS:
            yield (
                f"{where[0]}的触发方式必须是 {', '.join(TRIGGERS)} 之一。",
                f"{where[1]}: the trigger must be one of {', '.join(TRIGGERS)}.",
            )
        yield from _roles_problems(where, t.get("roles", []))
        if trigger in ("manual", "semi") and not t.get("roles"):
            yield (f"{where[0]}是手动步骤，需要角色。", f"{where[1]} is manual and needs roles.")
        guard, effect = t.get("guard"), t.get("effect")
        if trigger in ("auto", "semi") and not guard:
            yield (
                f"{where[0]}是自动步骤，需要条件。",
                f"{where[1]} is automatic and needs a guard.",
            )
        if guard is not None and guard not in GUARDS:
            yield (f"{where[0]}：未知条件“{guard}”。", f"{where[1]}: unknown guard '{guard}'.")
        if effect is not None and effect not in EFFECTS:
            yield (f"{where[0]}：未知效果“{effect}”。", f"{where[1]}: unknown effect '{effect}'.")
        for needed in t.get("requires", []):
            if needed not in INPUTS:
                yield (
                    f"{where[0]}：未知必填项“{needed}”。",
                    f"{where[1]}: unknown required input '{needed}'.",
                )


def _graph_problems(d: dict, submitted: bool) -> Iterator[Problem]:
    nodes, transitions = d["nodes"], d["transitions"]
    edges = {code: {t["to"] for t in transitions if code in t["from"]} for code in nodes}
    reached = _reached(edges, d["initial"])
    for code in nodes:
        if code not in reached:
            yield (
                f"节点“{code}”从起点“{d['initial']}”无法到达。",
                f"Node '{code}' cannot be reached from the initial node '{d['initial']}'.",
            )
    if submitted and not any(
        t["trigger"] != "auto" and t.get("forward", True) and d["initial"] in t["from"]
        for t in transitions
    ):
        yield (
            f"起点“{d['initial']}”没有可手动执行的下一步（提交）。",
            f"The initial node '{d['initial']}' has no manual step forward (submit).",
        )
    terminals = {code for code, node in nodes.items() if node.get("terminal")}
    if d["initial"] in terminals:
        yield ("起点不能是终点。", "The initial node cannot be terminal.")
    if d["void"] not in terminals:
        yield (
            f"取消节点“{d['void']}”必须是终点。",
            f"The void (cancelled) node '{d['void']}' must be terminal.",
        )
    if not any(
        t["to"] == d["void"] and t["trigger"] == "manual" and d["initial"] in t["from"]
        for t in transitions
    ):
        yield (
            f"取消节点“{d['void']}”必须能从起点“{d['initial']}”手动到达（取消步骤）。",
            f"The void node '{d['void']}' must be reached by a manual step from the initial "
            f"node '{d['initial']}' (the cancel step).",
        )
    forward = {
        code: {t["to"] for t in transitions if code in t["from"] and t.get("forward", True)}
        for code in nodes
    }
    if d["fulfilled"] in (d["initial"], d["void"]) or d["fulfilled"] not in _reached(
        forward, d["initial"]
    ):
        yield (
            f"履约节点“{d['fulfilled']}”必须在从起点向前的路上（不能是起点或取消节点）。",
            f"The fulfilled node '{d['fulfilled']}' must lie on the way forward from the "
            "initial node (neither the initial nor the void node).",
        )
    ends = set(terminals)
    grew = True
    while grew:  # the nodes from which some terminal node can be reached
        more = {code for code, targets in edges.items() if targets & ends} - ends
        ends |= more
        grew = bool(more)
    for code in nodes:
        if code not in ends:
            yield (
                f"节点“{code}”是死路：从它到不了任何终点。",
                f"Node '{code}' is a dead end: no terminal node can be reached from it.",
            )
    for code, node in nodes.items():
        if not node.get("terminal") and not any(
            _moves_on(t, node) for t in transitions if code in t["from"] and t.get("forward", True)
        ):
            yield (
                f"节点“{code}”没有前进的路：没有手动步骤，也不能在此登记让自动步骤成立的事实。",
                f"Node '{code}' has no way on: no manual step, and nothing may be recorded there "
                "that makes its automatic step hold.",
            )
    automatic = {
        code: {t["to"] for t in transitions if code in t["from"] and t["trigger"] != "manual"}
        for code in nodes
    }
    loop = _cycle(automatic)
    if loop:
        path = " → ".join(loop)
        yield (f"自动步骤构成循环：{path}。", f"Automatic steps form a loop: {path}.")


def _reached(edges: dict[str, set[str]], start: str) -> set[str]:
    """The nodes reached from `start` along the edges, `start` included."""
    reached, todo = {start}, [start]
    while todo:
        for target in edges[todo.pop()] - reached:
            reached.add(target)
            todo.append(target)
    return reached


def _name_problems(d: dict) -> Iterator[Problem]:
    """Nodes are named in commands by code or by either label: each name must say one node."""
    named: dict[str, str] = {code.casefold(): code for code in d["nodes"]}
    for code, node in d["nodes"].items():
        for lang in ("zh", "en"):
            name = node["label"][lang].strip()
            other = named.setdefault(name.casefold(), code)  # as commands match names
            if other != code:
                yield (
                    f"节点“{code}”的名称“{name}”与节点“{other}”重复：命令里分不清是哪一个。",
                    f"Node '{code}' is called '{name}' like node '{other}': a command could "
                    "not tell them apart.",
                )


def _moves_on(transition: dict, node: dict) -> bool:
    """Whether an order at `node` can get through `transition`: by hand, or by a fact
    that may be recorded there (or a condition no fact needs to bring about)."""
    if transition["trigger"] != "auto":
        return True
    fact = GUARD_FACTS.get(transition["guard"])
    return fact is None or fact in node.get("allows", [])


def _cycle(edges: dict[str, set[str]]) -> list[str]:
    """A cycle in the graph as a path of node codes that ends where it starts, or []."""
    finished: set[str] = set()

    def visit(path: list[str]) -> list[str]:
        for target in sorted(edges[path[-1]]):
            if target in path:
                return [*path[path.index(target) :], target]
            if target not in finished:
                found = visit([*path, target])
                if found:
                    return found
        finished.add(path[-1])
        return []

    for code in edges:
        found = [] if code in finished else visit([code])
        if found:
            return found
    return []


def difference(old: dict, new: dict) -> list[Problem]:
    """What a new version changes, line by line, as (zh, en)."""
    lines: list[Problem] = []
    old_nodes, new_nodes = old["nodes"], new["nodes"]
    for code in new_nodes.keys() - old_nodes.keys():
        label = new_nodes[code]["label"]
        lines.append((f"新增节点 {code}（{label['zh']}）", f"added node {code} ({label['en']})"))
    for code in old_nodes.keys() - new_nodes.keys():
        label = old_nodes[code]["label"]
        lines.append((f"删除节点 {code}（{label['zh']}）", f"removed node {code} ({label['en']})"))
    for code in [c for c in new_nodes if c in old_nodes]:
        before, after = old_nodes[code], new_nodes[code]
        for key in (
            "label",
            "owner",
            "limit_hours",
            "color",
            "allows",
            "prints",
            "tells",
            "terminal",
        ):
            if before.get(key) != after.get(key):
                was, now = _shown(before.get(key)), _shown(after.get(key))
                lines.append(
                    (f"节点 {code} 的 {key}：{was} → {now}", f"node {code} {key}: {was} → {now}")
                )
    old_steps = {t["name"]: t for t in old["transitions"]}
    new_steps = {t["name"]: t for t in new["transitions"]}
    for name in new_steps.keys() - old_steps.keys():
        t = new_steps[name]
        path = f"{','.join(t['from'])} → {t['to']}"
        lines.append((f"新增转换 {name}：{path}", f"added transition {name}: {path}"))
    for name in old_steps.keys() - new_steps.keys():
        lines.append((f"删除转换 {name}", f"removed transition {name}"))
    for name in [n for n in new_steps if n in old_steps]:
        if old_steps[name] != new_steps[name]:
            changed = sorted(
                key
                for key in old_steps[name].keys() | new_steps[name].keys()
                if old_steps[name].get(key) != new_steps[name].get(key)
            )
            lines.append(
                (
                    f"转换 {name} 改动：{', '.join(changed)}",
                    f"transition {name} changed: {', '.join(changed)}",
                )
            )
    for key in ("initial", "fulfilled", "void", "facts"):
        if old.get(key) != new.get(key):
            lines.append(
                (
                    f"{key}：{_shown(old.get(key))} → {_shown(new.get(key))}",
                    f"{key}: {_shown(old.get(key))} → {_shown(new.get(key))}",
                )
            )
    return sorted(lines)


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def require_may_store(user: User) -> None:
    """Only an administrator changes the office's workflows (asked before any file is read,
    so that a stranger learns nothing of the file from the refusal)."""
    require(user, "manage_workflows")


def store_version(session: Session, user: User, kind: str, definition: object) -> WorkflowSpec:
    """Check the definition whole and store it as the next version of `kind`, active for
    new orders from now on; refused with every problem listed, storing nothing."""
    require_may_store(user)
    current = active_workflow(session, kind)
    found = problems(kind, definition)
    if found:
        raise ValidationError(
            "流程定义有问题，未保存：\n" + "\n".join(f"- {zh}" for zh, _ in found),
            "The workflow definition was not stored:\n" + "\n".join(f"- {en}" for _, en in found),
        )
    changes = difference(current.definition, definition)
    if not changes:
        raise ValidationError(
            f"与当前版本 v{current.version} 相同，未保存新版本。",
            f"Nothing differs from the active version v{current.version}; nothing stored.",
        )
    version = session.scalar(select(func.max(Workflow.version)).where(Workflow.kind == kind)) + 1
    session.execute(update(Workflow).where(Workflow.kind == kind).values(active=False))
    row = Workflow(
        kind=kind, version=version, definition=definition, active=True, created_at=utcnow()
    )
    session.add(row)
    session.flush()
    session.info.pop("all_workflow_ids", None)
    audit.record(
        session,
        user.name,
        entity="workflow",
        ref=f"{kind} v{version}",
        action="create",
        before={"version": current.version},
        after={"version": version, "changes": [en for _, en in changes]},
    )
    return spec_by_id(session, row.id)


def stored(session: Session, kind: str, version: int | None = None) -> WorkflowSpec:
    """A stored version of `kind`, the active one unless `version` is given."""
    if version is None:
        return active_workflow(session, kind)
    workflow_id = session.scalar(
        select(Workflow.id).where(Workflow.kind == kind, Workflow.version == version)
    )
    if workflow_id is None:
        newest = session.scalar(select(func.max(Workflow.version)).where(Workflow.kind == kind))
        raise NotFound(
            f"“{kind}”流程没有版本 v{version}（共 v1–v{newest}）。",
            f"The '{kind}' workflow has no version v{version} (there are v1–v{newest}).",
        )
    return spec_by_id(session, workflow_id)


def versions(session: Session, kind: str) -> list[dict]:
    """Every stored version of `kind`, newest first, with how many orders run on each."""
    counts = dict(
        session.execute(
            select(Order.workflow_id, func.count(Order.id)).group_by(Order.workflow_id)
        ).all()
    )
    rows = session.scalars(
        select(Workflow).where(Workflow.kind == kind).order_by(Workflow.version.desc())
    )
    return [
        {
            "version": row.version,
            "active": row.active,
            "created_at": stamp(row.created_at),
            "nodes": len(row.definition["nodes"]),
            "orders": counts.get(row.id, 0),
        }
        for row in rows
    ]


def read_definition(path: str | Path) -> object:
    """The definition in a file (an exported one, perhaps saved again by Notepad with a
    byte-order mark), or a refusal that says what is wrong with the file."""
    where = str(path)
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ValidationError(f"没有文件 {where}。", f"There is no file {where}.") from None
    except IsADirectoryError:
        raise ValidationError(
            f"{where} 是文件夹，不是流程定义文件。", f"{where} is a folder, not a definition file."
        ) from None
    except OSError as error:
        raise ValidationError(
            f"无法读取 {where}（{error.strerror}）。", f"Cannot read {where} ({error.strerror})."
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            f"{where} 太大：流程定义最多 {MAX_FILE_BYTES:,} 字节。",
            f"{where} is too large: a workflow definition is at most {MAX_FILE_BYTES:,} bytes.",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            f"{where} 不是 UTF-8 编码的文本：请用“导出”得到的文件，或另存为 UTF-8。",
            f"{where} is not UTF-8 text: use an exported file, or save it as UTF-8.",
        ) from None
    if not text.strip():
        raise ValidationError(f"{where} 是空的。", f"{where} is empty.")
    try:
        return json.loads(text, object_pairs_hook=_without_repeats)
    except json.JSONDecodeError as error:
        raise ValidationError(
            f"{where} 不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列有误。",
            f"{where} is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}.",
        ) from None
    except _RepeatedKey as repeated:  # a node added under a code already taken, say
        raise ValidationError(
            f"{where} 中“{repeated}”写了两次：每个键只能写一次。",
            f"'{repeated}' appears twice in {where}: each key may be written once.",
        ) from None
    except RecursionError:
        raise ValidationError(
            f"{where} 不是流程定义：嵌套层次过深。",
            f"{where} is not a definition: nested too deep.",
        ) from None


class _RepeatedKey(ValueError):
    """A JSON object names a key twice: the second would silently replace the first."""


def _without_repeats(pairs: list[tuple[str, object]]) -> dict:
    found = dict(pairs)
    if len(found) < len(pairs):
        seen: set[str] = set()
        raise _RepeatedKey(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return found


def exported(spec: WorkflowSpec) -> str:
    """The definition as an admin edits it: JSON, Chinese kept readable."""
    return json.dumps(spec.definition, ensure_ascii=False, indent=2) + "\n"
