"""Totals in Chinese capital figures (大写), as the order confirmation prints them."""

from decimal import Decimal

import pytest

from app.chinese_amount import capital_amount


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("0", "零元整"),
        ("0.05", "伍分"),
        ("0.50", "伍角整"),
        ("10.10", "壹拾元壹角整"),
        ("10.05", "壹拾元零伍分"),
        ("219.00", "贰佰壹拾玖元整"),
        ("1001", "壹仟零壹元整"),
        ("1010.01", "壹仟零壹拾元零壹分"),
        ("10010", "壹万零壹拾元整"),
        ("100000.00", "壹拾万元整"),
        ("100100", "壹拾万零壹佰元整"),
        ("3000400", "叁佰万零肆佰元整"),
        ("100010000", "壹亿零壹万元整"),
        ("110000000", "壹亿壹仟万元整"),
        ("1000000001.20", "壹拾亿零壹元贰角整"),
        ("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
    ],
)
def test_amounts_read_as_a_bank_clerk_writes_them(amount, words):
    assert capital_amount(Decimal(amount)) == words


def test_a_refund_is_written_with_a_minus_word():
    assert capital_amount(Decimal("-12.30")) == "负壹拾贰元叁角整"


def test_fractions_of_a_fen_round_half_up():
    assert capital_amount(Decimal("1.005")) == "壹元零壹分"


def test_amounts_beyond_what_can_be_stored_are_refused():
    with pytest.raises(ValueError):
        capital_amount(Decimal("1000000000000"))
