"""Strict parsing of numbers typed by people or exported by platforms.

`Decimal()` alone accepts '0E0', 'NaN', '+0' and Arabic-Indic digits. Here the accepted forms are
chosen on purpose: ASCII or full-width digits (full-width is common in Chinese input), an optional
leading minus, one decimal point, thousands commas in the right places, surrounding blanks, and for
money a leading ¥/￥. Everything else is refused with a reason a user can act on.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

FEN = Decimal("0.01")
_NUMBER = re.compile(r"^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$", re.ASCII)
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－％＋", "0123456789.,-%+")


class NumberError(ValueError):
    """The text is not a number in a form we accept; the message says why."""


def _normalise(text: object) -> str:
    if text is None:
        raise NumberError("不能为空")
    if isinstance(text, bool):
        raise NumberError("不是数字")
    if isinstance(text, int | Decimal):
        return str(text)
    if isinstance(text, float):
        if text != text or text in (float("inf"), float("-inf")):
            raise NumberError("不是数字")
        return repr(text) if "e" not in repr(text) else f"{text:.10f}"
    s = str(text).strip().translate(_FULLWIDTH)
    s = unicodedata.normalize("NFC", s).replace("\u3000", "").strip()
    if not s:
        raise NumberError("不能为空")
    return s


def parse_decimal(
    text: object,
    *,
    places: int | None = None,
    minimum: Decimal | None = None,
    maximum: Decimal | None = None,
) -> Decimal:
    """Parse a plain decimal number; `places` limits the digits after the point."""
    s = _normalise(text)
    if not _NUMBER.match(s):
        raise NumberError(f"“{s}” 不是有效数字")
    value = Decimal(s.replace(",", ""))
    if places is not None and -value.as_tuple().exponent > places:  # type: ignore[operator]
        value_q = value.quantize(Decimal(1).scaleb(-places))
        if value_q != value:
            raise NumberError(f"最多 {places} 位小数")
    if minimum is not None and value < minimum:
        raise NumberError(f"不能小于 {minimum}")
    if maximum is not None and value > maximum:
        raise NumberError(f"不能大于 {maximum}")
    return value


def parse_money(text: object, *, allow_negative: bool = False) -> Decimal:
    """Yuan with at most two decimals (fen); accepts a leading ¥ or ￥."""
    s = _normalise(text)
    s = s.removeprefix("¥").removeprefix("￥").strip()
    value = parse_decimal(s, places=2)
    if value < 0 and not allow_negative:
        raise NumberError("金额不能为负")
    try:
        return value.quantize(FEN)
    except InvalidOperation as exc:  # more digits than Decimal's 28: no shop's amount
        raise NumberError("金额太大") from exc


def parse_int(text: object, *, minimum: int | None = 0, maximum: int | None = None) -> int:
    """A whole number; '12.0' from a spreadsheet is accepted, '12.5' is not."""
    value = parse_decimal(text)
    if value != value.to_integral_value():
        raise NumberError("必须是整数")
    result = int(value)
    if minimum is not None and result < minimum:
        raise NumberError(f"不能小于 {minimum}")
    if maximum is not None and result > maximum:
        raise NumberError(f"不能大于 {maximum}")
    return result


def parse_percent(text: object) -> Decimal:
    """A ratio from '4.2%' or '0.042' (a bare number above 1 is read as percent: 4.2 → 4.2%)."""
    s = _normalise(text)
    if s.endswith("%"):
        return parse_decimal(s[:-1].strip()) / 100
    value = parse_decimal(s)
    return value / 100 if abs(value) > 1 else value


def yuan(value: Decimal) -> Decimal:
    """Round half-up to the fen, the shop's rule for every amount of money."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def to_fen(value: Decimal) -> int:
    try:
        return int(yuan(Decimal(value)) * 100)
    except InvalidOperation as exc:  # pragma: no cover - Decimal(value) already validated
        raise NumberError("不是有效金额") from exc


def from_fen(fen: int) -> Decimal:
    return (Decimal(fen) / 100).quantize(FEN)


def money_str(value: Decimal | None) -> str:
    """Two decimals, the form used in JSON/CSV output ("838.46")."""
    return "" if value is None else f"{yuan(value):.2f}"
