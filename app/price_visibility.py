"""Who may see prices: everyone but the warehouse, unless the setting lets the warehouse too."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import User

from . import settings
from .errors import PermissionDenied


def require_prices_visible(session: Session, user: User) -> None:
    # Someone who also holds another role sees prices through that role.
    if user.roles <= {"warehouse"} and not settings.flag(session, "warehouse_sees_prices"):
        raise PermissionDenied(
            "仓库人员不能查看或导出价格；发货单可以打印。",
            "Warehouse staff may not see or export prices; delivery notes they may print.",
        )
