"""Amounts in Chinese capital figures (大写金额), as written on orders and cheques.

219.00 → 贰佰壹拾玖元整; 10.05 → 壹拾元零伍分; 1000000001.20 → 壹拾亿零壹元贰角整.
A negative amount (a refund) is written with 负 in front.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

DIGITS = "零壹贰叁肆伍陆柒捌玖"
PLACES = ("", "拾", "佰", "仟")
# Groups of four digits: units, 万 (10^4), 亿 (10^8); 9999亿 covers every storable amount.
GROUPS = ("", "万", "亿")
LIMIT = Decimal(10) ** 12
CENT = Decimal("0.01")


def _group_words(group: int) -> str:
    """One group of up to four digits; zeros inside collapse into one 零."""
    words = ""
    pending_zero = False
    for place in range(3, -1, -1):
        digit = group // 10**place % 10
        if digit == 0:
            pending_zero = bool(words)
            continue
        if pending_zero:
            words += "零"
            pending_zero = False
        words += DIGITS[digit] + PLACES[place]
    return words


def _integer_words(number: int) -> str:
    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    words = ""
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = bool(words)
            continue
        # A gap before this group (a zero group, or leading zeros in it) is read as 零.
        if words and (pending_zero or group < 1000):
            words += "零"
        words += _group_words(group) + GROUPS[index]
        pending_zero = False
    return words


def capital_amount(value: Decimal | int | str) -> str:
    """The amount in 大写, rounded to the fen (分)."""
    amount = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    if abs(amount) >= LIMIT:
        raise ValueError(f"amount {value} is too large for capital figures")
    sign = "负" if amount < 0 else ""
    cents = int(abs(amount) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    words = _integer_words(yuan)
    if yuan:
        words += "元"
    if jiao == 0 and fen == 0:
        return sign + (words or "零元") + "整"
    if jiao:
        words += DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    words += DIGITS[fen] + "分" if fen else "整"
    return sign + words
