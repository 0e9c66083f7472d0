"""Office-wide settings stored in the database, with their defaults."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from db.models import Setting, User

from . import audit
from .errors import ValidationError
from .roles import require

DEFAULTS: dict[str, str] = {
    # Orders whose total is above this need the owner's approval.
    "approval_threshold": "50000.00",
    "warehouse_sees_prices": "false",
    "company_name": "",
    "company_address": "",
    "company_phone": "",
    # Path of an image printed in the header of every document; empty for none.
    "company_logo": "",
}


def get(session: Session, key: str) -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else DEFAULTS[key]


def approval_threshold(session: Session) -> Decimal:
    return Decimal(get(session, "approval_threshold"))


def change(session: Session, user: User, key: str, value: str) -> None:
    require(user, "change_settings")
    if key not in DEFAULTS:
        raise ValidationError(f"没有名为 {key} 的设置。", f"There is no setting named {key}.")
    if key == "approval_threshold":
        try:
            if Decimal(value) < 0:
                raise InvalidOperation
        except InvalidOperation:
            raise ValidationError(
                f"审批金额必须是不小于 0 的数字，而不是“{value}”。",
                f"The approval amount must be a number ≥ 0, not '{value}'.",
            ) from None
    before = get(session, key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(session, user.name, entity="setting", ref=key, action="change",
                 before={"value": before}, after={"value": value})
