"""Office-wide settings stored in the database, with their defaults."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from db.models import Setting, User

from . import audit
from .errors import ValidationError
from .roles import require
from .validation import amount, clean_text

DEFAULTS: dict[str, str] = {
    # Orders whose total is above this need the owner's approval.
    "approval_threshold": "50000.00",
    # Sales orders discounted by more than this (percent of the list value) need it too.
    "approval_discount_percent": "20",
    "warehouse_sees_prices": "false",
    # The person who submitted an order may not approve it too.
    "four_eyes_approval": "true",
    "company_name": "",
    "company_address": "",
    "company_phone": "",
    # Path of an image printed in the header of every document; empty for none.
    "company_logo": "",
}


# On the table: a value is all a reader needs, and every placed order reads one.
_VALUE = select(Setting.__table__.c.value).where(Setting.__table__.c.key == bindparam("key"))


def get(session: Session, key: str) -> str:
    """The stored value, read afresh: another desktop may have changed it."""
    value = session.scalar(_VALUE, {"key": key})
    return value if value is not None else DEFAULTS[key]


def approval_threshold(session: Session) -> Decimal:
    return Decimal(get(session, "approval_threshold"))


def approval_discount(session: Session) -> Decimal:
    return Decimal(get(session, "approval_discount_percent"))


def flag(session: Session, key: str) -> bool:
    return get(session, key) == "true"


FLAGS = {"warehouse_sees_prices", "four_eyes_approval"}
_TRUE = {"true", "yes", "1", "on", "是"}
_FALSE = {"false", "no", "0", "off", "否"}


def _checked(key: str, value: str) -> str:
    """The value as stored, or a ValidationError that says what the setting takes."""
    if key == "approval_threshold":
        money = amount(value, "审批金额", "approval amount")
        return format(money, "f")
    if key == "approval_discount_percent":
        percent = amount(value, "折扣百分比", "discount percentage")
        if percent > 100:
            raise ValidationError(
                f"折扣百分比必须在 0 到 100 之间，而不是 {value}。",
                f"The discount percentage must be between 0 and 100, not {value}.",
            )
        return format(percent.normalize(), "f")
    if key in FLAGS:
        word = value.strip().lower()
        if word not in _TRUE | _FALSE:
            raise ValidationError(
                f"设置 {key} 只能是 true 或 false，而不是“{value}”。",
                f"The setting {key} takes true or false, not '{value}'.",
            )
        return "true" if word in _TRUE else "false"
    text = clean_text(value, key, key, max_length=500, required=False)
    if key == "company_logo" and text:
        _check_logo(Path(text))
    return text


# The image kinds a printed header can carry, by their first bytes.
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def _check_logo(path: Path) -> None:
    try:
        with path.open("rb") as image:
            head = image.read(8)
    except OSError:
        raise ValidationError(
            f"找不到标志图片文件“{path}”。", f"The logo image '{path}' cannot be read."
        ) from None
    if not head.startswith(IMAGE_SIGNATURES):
        raise ValidationError(
            f"“{path}”不是 PNG、JPEG 或 GIF 图片。", f"'{path}' is not a PNG, JPEG or GIF image."
        )


def change(session: Session, user: User, key: str, value: str) -> None:
    require(user, "change_settings")
    if key not in DEFAULTS:
        known = ", ".join(DEFAULTS)
        raise ValidationError(
            f"没有名为 {key} 的设置。可用设置：{known}。",
            f"There is no setting named {key}. Settings: {known}.",
        )
    value = _checked(key, value)
    before = get(session, key)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    audit.record(
        session,
        user.name,
        entity="setting",
        ref=key,
        action="change",
        before={"value": before},
        after={"value": value},
    )


def all_settings(session: Session) -> dict[str, str]:
    return {key: get(session, key) for key in DEFAULTS}


def change_all(session: Session, user: User, values: dict[str, str]) -> list[str]:
    """Change several settings in one unit of work (all or none); returns the keys changed."""
    require(user, "change_settings")
    changed = [key for key, value in values.items() if get(session, key) != value]
    for key in changed:
        change(session, user, key, values[key])
    return changed
