from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shopdesk.numbers import (
    NumberError,
    from_fen,
    money_str,
    parse_decimal,
    parse_int,
    parse_money,
    parse_percent,
    to_fen,
    yuan,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12", "12"), (" 1,234.50 ", "1234.50"), ("１２３", "123"), ("-3.5", "-3.5"), ("0.0", "0.0")],
)
def test_accepted_forms(text: str, expected: str) -> None:
    assert parse_decimal(text) == Decimal(expected)


@pytest.mark.parametrize(
    "text", ["0E0", "NaN", "+0", "١٢٣", "1,23", "1.2.3", "", "  ", "abc", "1e5"]
)
def test_refused_forms(text: str) -> None:
    with pytest.raises(NumberError):
        parse_decimal(text)


def test_money() -> None:
    assert parse_money("¥12.5") == Decimal("12.50")
    assert parse_money("￥1,000") == Decimal("1000.00")
    with pytest.raises(NumberError):
        parse_money("1.234")
    with pytest.raises(NumberError):
        parse_money("-1")


def test_int_and_percent() -> None:
    assert parse_int("12.0") == 12
    with pytest.raises(NumberError):
        parse_int("12.5")
    with pytest.raises(NumberError):
        parse_int("-1")
    assert parse_percent("4.2%") == Decimal("0.042")
    assert parse_percent("0.042") == Decimal("0.042")
    assert parse_percent("4.2") == Decimal("0.042")


def test_half_up_rounding() -> None:
    assert yuan(Decimal("838.4615")) == Decimal("838.46")
    assert yuan(Decimal("0.005")) == Decimal("0.01")
    assert yuan(Decimal("2.675")) == Decimal("2.68")
    assert money_str(Decimal("3338.4615")) == "3338.46"


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_fen_round_trip(value: Decimal) -> None:
    assert from_fen(to_fen(value)) == value


@given(st.text(max_size=12))
def test_parser_never_crashes_unexpectedly(text: str) -> None:
    try:
        result = parse_decimal(text)
    except NumberError:
        return
    assert result.is_finite()
