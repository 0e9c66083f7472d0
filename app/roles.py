"""Roles and what each may do outside the workflow's own transitions.

Who may create orders, record facts on them and move them from node to node is
part of each workflow definition (app/workflow_defaults.py); this table covers
master data, users, settings and the workflows themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import PermissionDenied

if TYPE_CHECKING:  # the command line's parser reads ROLES without loading the database code
    from db.models import User

ROLES: dict[str, tuple[str, str]] = {
    "sales": ("销售", "Sales"),
    "purchasing": ("采购", "Purchasing"),
    "warehouse": ("仓库", "Warehouse"),
    "finance": ("财务", "Finance"),
    "service": ("客服", "Customer service"),
    "owner": ("老板/管理", "Owner"),
    "admin": ("管理员", "Administrator"),
}

# A wall display's account: it may sign in to the board and read what the board shows,
# nothing else. Not a working role: no workflow, queue, notice or price list names it, and
# an account that holds it holds no other role.
BOARD = "board"
BOARD_LABEL = ("大屏", "Wall display")
# The roles an account may be given.
ACCOUNT_ROLES: dict[str, tuple[str, str]] = {**ROLES, BOARD: BOARD_LABEL}

PERMISSIONS: dict[str, frozenset[str]] = {
    "add_party": frozenset({"sales", "purchasing", "admin"}),
    "add_product": frozenset({"purchasing", "warehouse", "admin"}),
    "manage_users": frozenset({"admin"}),
    "change_settings": frozenset({"admin"}),
    "manage_workflows": frozenset({"admin"}),
    # A backup holds everything, password hashes included.
    "backup": frozenset({"admin", "owner"}),
    "upgrade_database": frozenset({"admin"}),  # a shared server's schema
    "view_dashboard": frozenset({"owner", "admin"}),
    # Closing the books is finance's; the owner answers for them. Not the admin's: whoever
    # sets up users and workflows does not also close the months.
    "lock_period": frozenset({"finance", "owner"}),
    # The money view and the month-end reconciliation.
    "view_money": frozenset({"finance", "owner", "admin"}),
    # Bringing a whole export of another database in (moving an office), every kind at once.
    "import_whole_export": frozenset({"admin"}),
    "view_stock": frozenset({"sales", "purchasing", "warehouse", "owner", "admin"}),
}

ACTION_LABELS: dict[str, tuple[str, str]] = {
    "add_party": ("新增客户/供应商", "add customers or suppliers"),
    "add_product": ("新增产品", "add products"),
    "manage_users": ("管理用户", "manage users"),
    "change_settings": ("修改设置", "change settings"),
    "manage_workflows": ("修改流程", "change workflows"),
    "backup": ("备份数据库", "back up the database"),
    "upgrade_database": ("升级数据库", "upgrade the database"),
    "view_dashboard": ("查看经营看板", "view the dashboard"),
    "lock_period": ("锁定会计期间", "lock a month"),
    "view_money": ("查看应收应付与对账", "see receivables, payables and reconciliation"),
    "import_whole_export": ("导入整库导出", "import a whole export"),
    "view_stock": ("查看库存", "see the stock"),
}


def role_label(role: str, lang: str = "zh") -> str:
    zh, en = ACCOUNT_ROLES.get(role, (role, role))
    return en if lang == "en" else zh


def roles_label(roles: frozenset[str] | set[str] | list[str], lang: str = "zh") -> str:
    separator = ", " if lang == "en" else "、"
    return separator.join(role_label(r, lang) for r in sorted(roles))


def holds_any(user: User, roles: frozenset[str] | set[str]) -> bool:
    """Whether the user holds one of these roles: the one place a role is checked. What a
    person with several roles may do is the union of what each of them may."""
    return not user.roles.isdisjoint(roles)


def is_board(user: User) -> bool:
    """A wall display's account, which may only read the board."""
    return BOARD in user.roles


def refuse_board(user: User | None) -> None:
    """Raise PermissionDenied for a wall display's account: every action and every command
    but the board itself asks this first."""
    if user is not None and is_board(user):
        raise PermissionDenied(
            f"{user.name} 是大屏账号，只能打开大屏（ordertrail board），不能做其他操作。",
            f"{user.name} is a wall display account: it may only open the board "
            "(ordertrail board), nothing else.",
        )


def may(user: User, permission: str) -> bool:
    return holds_any(user, PERMISSIONS[permission])


def require(user: User, permission: str) -> None:
    """Raise PermissionDenied unless one of the user's roles holds the permission."""
    allowed = PERMISSIONS[permission]
    if holds_any(user, allowed):
        return
    zh_action, en_action = ACTION_LABELS[permission]
    raise PermissionDenied(
        f"{roles_label(user.roles)}（{user.name}）无权{zh_action}；可由{roles_label(allowed)}操作。",
        f"{user.name} ({roles_label(user.roles, 'en')}) may not {en_action}; "
        f"allowed: {roles_label(allowed, 'en')}.",
    )
