"""Checking what people type: text, quantities, money and dates, with messages that say where."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from .errors import ValidationError

THOUSANDS = re.compile(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?")
MAX_QUANTITY = Decimal("999999999")
MAX_AMOUNT = Decimal("999999999999.99")


# Characters that reorder the text around them: a name can be made to read as another.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def is_control(ch: str) -> bool:
    """A character that steers a terminal or the reading order instead of showing itself."""
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def clean_text(
    value: object,
    zh_field: str,
    en_field: str,
    *,
    max_length: int,
    required: bool = True,
    multiline: bool = False,
) -> str:
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    text = value.strip()
    if required and not text:
        raise ValidationError(f"{zh_field}不能为空。", f"The {en_field} must not be empty.")
    if len(text) > max_length:
        raise ValidationError(
            f"{zh_field}太长（{len(text)} 个字符，最多 {max_length}）。",
            f"The {en_field} is too long ({len(text)} characters, at most {max_length}).",
        )
    allowed = "\t\n" if multiline else "\t"
    if any(is_control(ch) and ch not in allowed for ch in text.replace("\r\n", "\n")):
        raise ValidationError(
            f"{zh_field}含有控制字符。", f"The {en_field} contains control characters."
        )
    return text


def _decimal(value: object, zh_field: str, en_field: str) -> Decimal:
    if isinstance(value, bool | float):
        value = str(value)
    text = str(value).strip()
    # A comma may only group thousands (1,234.5); "1,5" is not silently fifteen.
    if "," in text and not THOUSANDS.fullmatch(text):
        raise ValidationError(
            f"{zh_field}“{value}”不是数字（逗号只能用作千位分隔）。",
            f"The {en_field} '{value}' is not a number (a comma may only separate thousands).",
        )
    try:
        number = Decimal(text.replace(",", ""))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            f"{zh_field}“{value}”不是数字。", f"The {en_field} '{value}' is not a number."
        ) from None
    if not number.is_finite():
        raise ValidationError(
            f"{zh_field}“{value}”不是有效数字。", f"The {en_field} '{value}' is not a valid number."
        )
    return number


def quantity(
    value: object, zh_field: str = "数量", en_field: str = "quantity", *, allow_zero: bool = False
) -> Decimal:
    number = _decimal(value, zh_field, en_field)
    if number < 0 or (number == 0 and not allow_zero):
        raise ValidationError(
            f"{zh_field}必须大于 0，而不是 {value}。",
            f"The {en_field} must be greater than 0, not {value}.",
        )
    if number > MAX_QUANTITY:
        raise ValidationError(
            f"{zh_field} {value} 太大（最多 {MAX_QUANTITY:,}）。",
            f"The {en_field} {value} is too large (at most {MAX_QUANTITY:,}).",
        )
    if number != number.quantize(Decimal("0.001")):
        raise ValidationError(
            f"{zh_field} {value} 最多 3 位小数。",
            f"The {en_field} {value} has more than 3 decimals.",
        )
    return number.quantize(Decimal("0.001"))


def amount(
    value: object, zh_field: str = "金额", en_field: str = "amount", *, allow_negative: bool = False
) -> Decimal:
    number = _decimal(value, zh_field, en_field)
    if number < 0 and not allow_negative:
        raise ValidationError(
            f"{zh_field}不能为负数：{value}。", f"The {en_field} must not be negative: {value}."
        )
    if abs(number) > MAX_AMOUNT:
        raise ValidationError(
            f"{zh_field} {value} 超出范围（最多 {MAX_AMOUNT:,}）。",
            f"The {en_field} {value} is out of range (at most {MAX_AMOUNT:,}).",
        )
    if number != number.quantize(Decimal("0.01")):
        raise ValidationError(
            f"{zh_field} {value} 最多 2 位小数。",
            f"The {en_field} {value} has more than 2 decimals.",
        )
    return number.quantize(Decimal("0.01"))


def iso_date(value: object, zh_field: str = "日期", en_field: str = "date") -> date:
    if isinstance(value, date):
        return value
    try:
        return datetime.strptime(str(value).strip(), "%Y-%m-%d").date()
    except ValueError:
        raise ValidationError(
            f"{zh_field}“{value}”不是 YYYY-MM-DD 格式的日期。",
            f"The {en_field} '{value}' is not a date as YYYY-MM-DD.",
        ) from None


def within_amount_limit(value: Decimal, zh_field: str, en_field: str) -> Decimal:
    """An amount computed from others (a line, a total) must fit the books too."""
    if abs(value) > MAX_AMOUNT:
        raise ValidationError(
            f"{zh_field} {value:,.2f} 超出范围（最多 {MAX_AMOUNT:,}）。",
            f"The {en_field} {value:,.2f} is out of range (at most {MAX_AMOUNT:,}).",
        )
    return value
