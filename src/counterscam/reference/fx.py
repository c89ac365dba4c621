"""Monthly USD exchange rates and the digits each currency is shown with: parse, convert."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from counterscam.reference._files import Fields, ReferenceDataError

_MONTH = re.compile(r"(\d{4})-(\d{2})")
CENT = Decimal("0.01")


class UnknownCurrencyError(ValueError):
    """The currency is not in the FX table."""


@dataclass(frozen=True)
class FxTable:
    """USD per unit of each currency, by month (year, month) in ascending order; its decimals."""

    currencies: tuple[str, ...]
    months: tuple[tuple[int, int], ...]
    rates: tuple[tuple[Decimal, ...], ...]  # rates[month_index][currency_index]
    decimals: tuple[int, ...]  # decimals[currency_index]: digits a page shows after the mark

    def rate(self, currency: str, on: date) -> Decimal:
        """Return USD per unit of ``currency`` in the month of ``on``."""
        return self.rates[self._index(on)][self._position(currency)]

    def shown_decimals(self, currency: str) -> int:
        """Return the digits an amount of ``currency`` is shown with after the decimal mark."""
        return self.decimals[self._position(currency)]

    def _position(self, currency: str) -> int:
        code = currency.strip().upper()
        if code not in self.currencies:
            raise UnknownCurrencyError(
                f"unknown currency {currency!r}; use an ISO 4217 code such as "
                f"{', '.join(self.currencies[:6])} (known: {len(self.currencies)} currencies)"
            )
        return self.currencies.index(code)

    def rate_day(self, on: date) -> date:
        """Return the day the rate used for ``on`` is for: ``on`` itself, or its month's stand-in.

        So a stored figure never claims the rate of a month the table does not have.
        """
        year, month = self.months[self._index(on)]
        return on if (year, month) == (on.year, on.month) else date(year, month, 1)

    def _index(self, on: date) -> int:
        # Nearest earlier month when the month is missing; before the table starts the
        # earliest month is used, so old reports still get a comparable figure.
        return max(bisect.bisect_right(self.months, (on.year, on.month)) - 1, 0)


def parse_fx(doc: dict[str, Any]) -> FxTable:
    """Validate fx_rates.yaml: every currency has its decimals, every month a positive rate."""
    name = "fx_rates.yaml"
    currencies = Fields(doc, name).texts("currencies")
    if len(set(currencies)) != len(currencies):
        raise ReferenceDataError(f"{name}: a currency is listed twice in `currencies`")
    decimals = _decimals(doc.get("decimals"), currencies, name)
    table = doc.get("rates")
    if not isinstance(table, dict) or not table:
        raise ReferenceDataError(f"{name}: `rates` must map months (YYYY-MM) to rates")
    rows: list[tuple[tuple[int, int], tuple[Decimal, ...]]] = []
    for month, row in table.items():
        match = _MONTH.fullmatch(str(month))
        if not match or not 1 <= int(match[2]) <= 12:
            raise ReferenceDataError(f"{name}: month {month!r} must be written YYYY-MM")
        if not isinstance(row, dict) or set(row) != set(currencies):
            raise ReferenceDataError(f"{name}: {month} must list exactly the `currencies`")
        values = []
        for currency in currencies:
            try:
                value = Decimal(str(row[currency]))
            except InvalidOperation as exc:
                raise ReferenceDataError(f"{name}: {month} {currency} is not a number") from exc
            if not value.is_finite() or value <= 0:
                raise ReferenceDataError(f"{name}: {month} {currency} must be above zero")
            values.append(value)
        rows.append(((int(match[1]), int(match[2])), tuple(values)))
    rows.sort()
    return FxTable(
        currencies, tuple(m for m, _ in rows), tuple(r for _, r in rows), decimals=decimals
    )


def _decimals(given: Any, currencies: tuple[str, ...], name: str) -> tuple[int, ...]:
    if not isinstance(given, dict) or set(given) != set(currencies):
        raise ReferenceDataError(f"{name}: `decimals` must list exactly the `currencies`")
    for currency in currencies:
        value = given[currency]
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 4:
            raise ReferenceDataError(
                f"{name}: `decimals` of {currency} must be a whole number from 0 to 4"
            )
    return tuple(given[c] for c in currencies)


def convert(table: FxTable, amount: Decimal | int | str, currency: str, on: date) -> Decimal:
    """Return ``amount`` of ``currency`` in USD, rounded to the cent."""
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValueError(f"amount {amount!r} is not a number") from exc
    if not value.is_finite():
        raise ValueError(f"amount {amount!r} is not a finite number")
    return (value * table.rate(currency, on)).quantize(CENT)
