"""Monthly USD exchange rates and the digits each currency is shown with: parse, convert."""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from counterscam.reference._files import Fields, ReferenceDataError

_MONTH = re.compile(r"(\d{4})-(\d{2})")
CENT = Decimal("0.01")
DEFAULT_DECIMALS = 2  # ISO 4217's minor units of most currencies

Month = tuple[int, int]  # (year, month)


class UnknownCurrencyError(ValueError):
    """The currency is not in the FX table."""


@dataclass(frozen=True)
class Series:
    """The months one currency has a rate for, ascending, and those rates (USD per unit)."""

    months: tuple[Month, ...]
    rates: tuple[Decimal, ...]

    def index(self, on: date) -> int:
        """Return the position of the month whose rate ``on`` takes.

        The nearest earlier month when the month is missing; before the series starts its
        earliest month, so old reports still get a comparable figure.
        """
        return max(bisect.bisect_right(self.months, (on.year, on.month)) - 1, 0)


@dataclass(frozen=True)
class FxTable:
    """USD per unit of each currency by month, and the digits each currency is shown with.

    Each currency has its own months: a rates file (COUNTERSCAM_FX_RATES_FILE) may give a new
    month for some currencies only.
    """

    currencies: tuple[str, ...]
    series: tuple[Series, ...]  # series[currency_index]
    decimals: tuple[int, ...]  # decimals[currency_index]: digits a page shows after the mark
    # Every month some currency has, ascending.
    months: tuple[Month, ...] = field(init=False)

    def __post_init__(self) -> None:
        months = sorted({m for s in self.series for m in s.months})
        object.__setattr__(self, "months", tuple(months))

    def rate(self, currency: str, on: date) -> Decimal:
        """Return USD per unit of ``currency`` in the month of ``on``."""
        return self.valuation(currency, on)[0]

    def valuation(self, currency: str, on: date) -> tuple[Decimal, date]:
        """Return the rate ``on`` takes in ``currency`` and the day that rate is for.

        The day is ``on`` itself, or the first of the stand-in month when the table lacks the
        month of ``on``: a stored figure never claims the rate of a month the table lacks.
        """
        series = self.series[self._position(currency)]
        i = series.index(on)
        year, month = series.months[i]
        day = on if (year, month) == (on.year, on.month) else date(year, month, 1)
        return series.rates[i], day

    def shown_decimals(self, currency: str) -> int:
        """Return the digits an amount of ``currency`` is shown with after the decimal mark."""
        return self.decimals[self._position(currency)]

    def months_of(self, currency: str) -> tuple[Month, ...]:
        """Return the months ``currency`` has a rate for, ascending."""
        return self.series[self._position(currency)].months

    def lacking(self, on: date) -> tuple[str, ...]:
        """Return the currencies without a rate for the month of ``on`` (valued at a stand-in)."""
        month = (on.year, on.month)
        return tuple(
            c for c, s in zip(self.currencies, self.series, strict=True) if month not in s.months
        )

    def _position(self, currency: str) -> int:
        code = currency.strip().upper()
        if code not in self.currencies:
            raise UnknownCurrencyError(
                f"unknown currency {currency!r}; use an ISO 4217 code such as "
                f"{', '.join(self.currencies[:6])} (known: {len(self.currencies)} currencies)"
            )
        return self.currencies.index(code)

    def rate_day(self, on: date, currency: str | None = None) -> date:
        """Return the day the rate used for ``on`` is for: ``on`` itself, or its month's stand-in.

        With ``currency``, that currency's months decide; without, every month of the table.
        """
        if currency is not None:
            return self.valuation(currency, on)[1]
        months = Series(self.months, ())
        year, month = self.months[months.index(on)]
        return on if (year, month) == (on.year, on.month) else date(year, month, 1)

    def extended(
        self, rates: Mapping[str, Mapping[Month, Decimal]], decimals: Mapping[str, int]
    ) -> FxTable:
        """Return this table with ``rates`` added or put in place of its own, by month.

        A currency the table lacks is added with its ``decimals`` (2 when not given).
        """
        currencies = list(self.currencies)
        currencies += [c for c in rates if c not in self.currencies]
        series: list[Series] = []
        shown: list[int] = []
        for i, code in enumerate(currencies):
            own = self.series[i] if i < len(self.series) else Series((), ())
            merged = dict(zip(own.months, own.rates, strict=True))
            merged.update(rates.get(code, {}))
            months = tuple(sorted(merged))
            series.append(Series(months, tuple(merged[m] for m in months)))
            default = self.decimals[i] if i < len(self.decimals) else DEFAULT_DECIMALS
            shown.append(decimals.get(code, default))
        return FxTable(tuple(currencies), tuple(series), tuple(shown))


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
    rows: list[tuple[Month, tuple[Decimal, ...]]] = []
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
    months = tuple(m for m, _ in rows)
    series = tuple(Series(months, tuple(r[i] for _, r in rows)) for i in range(len(currencies)))
    return FxTable(currencies, series, decimals)


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
