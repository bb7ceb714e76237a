"""Column types that keep money exact on every backend.

SQLAlchemy's Numeric on SQLite goes through a float (12345678901234567.89 came back as
...568.00 here), so Decimals are stored as scaled integers.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Text
from sqlalchemy.types import TypeDecorator


class Scaled(TypeDecorator[Decimal]):
    """A Decimal stored as an integer × 10^places (exact on SQLite and PostgreSQL)."""

    impl = BigInteger
    cache_ok = True

    def __init__(self, places: int = 2) -> None:
        super().__init__()
        self.places = places
        self._unit = Decimal(1).scaleb(-places)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.places})"

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        d = Decimal(value).quantize(self._unit)
        return int(d.scaleb(self.places))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-self.places).quantize(self._unit)


class Money(Scaled):
    """Yuan with fen precision, stored as integer fen."""

    cache_ok = True

    def __init__(self) -> None:
        super().__init__(2)

    def __repr__(self) -> str:
        return "Money()"


class JSONText(TypeDecorator[Any]):
    """JSON stored as text: portable, and readable in any SQLite browser."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


class UTCDateTime(TypeDecorator[datetime]):
    """A moment, stored in UTC and always returned timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: use shopdesk.clock.now()")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)
