"""Office-wide settings stored in the database, with their defaults."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from db.models import Setting, User

from . import audit, working_time
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
    # Outbound notification channels (app/channels.py); empty means not set up.
    "smtp_host": "",
    "smtp_port": "587",
    "smtp_security": "starttls",  # starttls, tls (SMTPS) or none
    "smtp_user": "",
    "smtp_password": "",
    "smtp_from": "",
    "wecom_webhook": "",  # a WeCom group robot's address (…/cgi-bin/webhook/send?key=…)
    "dingtalk_webhook": "",  # a DingTalk group robot's address (…/robot/send?access_token=…)
    "dingtalk_secret": "",  # the robot's signing secret (SEC…), if it signs
    "webhook_url": "",  # any JSON endpoint
    "webhook_secret": "",  # key of the HMAC-SHA256 signature header
    "message_language": "zh",  # of e-mails, robot and webhook messages: zh or en
    # Lateness (app/lateness.py): node time limits count every hour, or only working hours.
    "limits_in_working_hours": "false",
    "working_week": "mon-fri 09:00-18:00",
    "holidays": "",  # dates and ranges: 2026-10-01..2026-10-07, ...
    "extra_workdays": "",  # make-up working days (调休上班) on a weekend
    "utc_offset": "+08:00",  # the office's time zone, for working hours and due dates
    # Carrier tracking (app/tracking.py): a 快递100-style query service.
    "tracking_url": "",
    "tracking_customer": "",
    "tracking_key": "",
}
# Shown masked in listings.
SECRETS = {"smtp_password", "dingtalk_secret", "webhook_secret", "tracking_key"}
MASKED = "******"
URLS = {"wecom_webhook", "dingtalk_webhook", "webhook_url", "tracking_url"}
SMTP_SECURITY = ("starttls", "tls", "none")
# Settings that take one word of a few.
CHOICES = {"smtp_security": SMTP_SECURITY, "message_language": ("zh", "en")}


# On the table: a value is all a reader needs, and every placed order reads one.
_VALUE = select(Setting.__table__.c.value).where(Setting.__table__.c.key == bindparam("key"))


def get(session: Session, key: str) -> str:
    """The stored value, read afresh: another desktop may have changed it."""
    value = session.scalar(_VALUE, {"key": key})
    return value if value is not None else DEFAULTS[key]


_VALUES = select(Setting.__table__.c.key, Setting.__table__.c.value).where(
    Setting.__table__.c.key.in_(bindparam("keys", expanding=True))
)


def _reading(keys: tuple[str, ...]):
    """One statement reading these settings: a fixed list, not expanded at each execution."""
    key = Setting.__table__.c.key
    return select(key, Setting.__table__.c.value).where(or_(*(key == k for k in keys)))


# Every submitted order reads them.
_APPROVAL_KEYS = ("approval_threshold", "approval_discount_percent")
_APPROVAL_LIMITS = _reading(_APPROVAL_KEYS)
# Every page of the order list and every lateness figure reads them.
_CALENDAR_KEYS = ("utc_offset", "working_week", "holidays", "extra_workdays")
_CALENDAR = _reading(_CALENDAR_KEYS)


def get_many(session: Session, keys: list[str]) -> dict[str, str]:
    """Several stored values, read afresh in one statement."""
    return _stored(session, keys, _VALUES, {"keys": keys})


def _stored(session: Session, keys, statement, params=None) -> dict[str, str]:
    stored = dict(session.execute(statement, params).all())
    return {key: stored.get(key, DEFAULTS[key]) for key in keys}


def approval_limits(session: Session) -> tuple[Decimal, Decimal]:
    """The approval amount and the discount (percent) above which an order needs approval."""
    values = _stored(session, _APPROVAL_KEYS, _APPROVAL_LIMITS)
    return Decimal(values["approval_threshold"]), Decimal(values["approval_discount_percent"])


def flag(session: Session, key: str) -> bool:
    return get(session, key) == "true"


FLAGS = {"warehouse_sees_prices", "four_eyes_approval", "limits_in_working_hours"}
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
    if key == "smtp_port":
        port = value.strip()
        if not port.isascii() or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValidationError(
                f"SMTP 端口必须是 1 到 65535 之间的整数，而不是“{value}”。",
                f"The SMTP port is a whole number from 1 to 65535, not '{value}'.",
            )
        return str(int(port))
    if key in CHOICES:
        word = value.strip().lower()
        if word not in CHOICES[key]:
            raise ValidationError(
                f"{key} 只能是 {'、'.join(CHOICES[key])}，而不是“{value}”。",
                f"{key} takes {', '.join(CHOICES[key])}, not '{value}'.",
            )
        return word
    if key in CALENDAR:
        return CALENDAR[key](value)
    address = value.strip()
    if key in URLS and address and not address.lower().startswith(("http://", "https://")):
        raise ValidationError(
            f"{key} 必须是以 http:// 或 https:// 开头的地址，而不是“{value}”。",
            f"{key} must be an address starting with http:// or https://, not '{value}'.",
        )
    text = clean_text(value, key, key, max_length=500, required=False)
    if key == "company_logo" and text:
        _check_logo(Path(text))
    return text


CALENDAR = {
    "working_week": lambda v: working_time.format_week(working_time.parse_week(v)),
    "holidays": lambda v: working_time.format_dates(
        working_time.parse_dates(v, "节假日", "holidays")
    ),
    "extra_workdays": lambda v: working_time.format_dates(
        working_time.parse_dates(v, "调休上班日", "make-up working days")
    ),
    "utc_offset": lambda v: _offset_text(working_time.parse_offset(v)),
}


def _offset_text(offset) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def calendar(session: Session) -> working_time.Calendar:
    """The office's working calendar as the settings describe it."""
    values = _stored(session, _CALENDAR_KEYS, _CALENDAR)
    return working_time.Calendar(
        working_time.parse_offset(values["utc_offset"]),
        working_time.parse_week(values["working_week"]),
        working_time.parse_dates(values["holidays"], "节假日", "holidays"),
        working_time.parse_dates(values["extra_workdays"], "调休上班日", "make-up days"),
    )


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
    if key in SECRETS:  # the audit trail records that a secret changed, not the secret
        before, value_shown = (MASKED if before else ""), (MASKED if value else "")
    else:
        value_shown = value
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
        after={"value": value_shown},
    )


def all_settings(session: Session) -> dict[str, str]:
    """Every setting as shown to people: secrets that are set read as ******."""
    return {
        key: MASKED if key in SECRETS and get(session, key) else get(session, key)
        for key in DEFAULTS
    }


def change_all(session: Session, user: User, values: dict[str, str]) -> list[str]:
    """Change several settings in one unit of work (all or none); returns the keys changed.

    A secret given back as shown (******) keeps its stored value."""
    require(user, "change_settings")
    changed = [
        key
        for key, value in values.items()
        if get(session, key) != value and not (key in SECRETS and value == MASKED)
    ]
    for key in changed:
        change(session, user, key, values[key])
    return changed
