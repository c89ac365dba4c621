"""Read the secretariat's rates file (COUNTERSCAM_FX_RATES_FILE): CSV or fx_rates.yaml's shape.

Police networks are often air-gapped: rates cannot be fetched, so the secretariat distributes
a file whose months and currencies extend, or replace by month, the table bundled with the
package. A file with any fault is refused whole, naming its line and column: a table read in
part would value some reports at a stand-in rate without anyone knowing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from counterscam.reference._files import ReferenceDataError
from counterscam.reference.fx import Month

CSV_COLUMNS = ("month", "currency", "usd_per_unit")
SUFFIXES = (".csv", ".yaml", ".yml")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
# ISO 4217 codes (MYR) and the stablecoins' tickers the bundled table lists (USDT, USDC).
_CODE = re.compile(r"[A-Z]{3,5}")
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT = "tag:yaml.org,2002:int"


class RatesFileError(ReferenceDataError):
    """The rates file cannot be read; the message names its line and column."""


@dataclass(frozen=True)
class RatesFile:
    """What a rates file gives: USD per unit by currency and month, and display digits."""

    path: Path
    rates: dict[str, dict[Month, Decimal]]
    decimals: dict[str, int]

    @property
    def count(self) -> int:
        """Return how many (currency, month) rates the file gives."""
        return sum(len(months) for months in self.rates.values())


def read_rates_file(path: Path) -> RatesFile:
    """Read and validate a rates file, once per version of it (its size and time)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise RatesFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    return _read(path, stat.st_mtime_ns, stat.st_size)


@cache
def _read(path: Path, mtime_ns: int, size: int) -> RatesFile:
    del mtime_ns, size  # the cache key: an edited file is read again
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise RatesFileError(
            f"{path}: a rates file is a .csv file (columns {','.join(CSV_COLUMNS)}) or a .yaml "
            "file shaped like reference/data/fx_rates.yaml"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RatesFileError(f"{path}: cannot read the file ({exc.strerror})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise RatesFileError(
            f"{_at(path, line, column)}: not UTF-8 text; save the file as UTF-8"
        ) from exc
    reader = _Csv(path) if suffix == ".csv" else _Yaml(path)
    reader.read(text)
    if not reader.rates:
        raise RatesFileError(f"{path}: the file gives no rate")
    return RatesFile(path, reader.rates, reader.decimals)


def _at(path: Path, line: int, column: int, name: str = "") -> str:
    return f"{path}, line {line}, column {column}" + (f" ({name})" if name else "")


class _Rates:
    """What both readers collect, with the checks both apply."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rates: dict[str, dict[Month, Decimal]] = {}
        self.decimals: dict[str, int] = {}
        self._lines: dict[tuple[str, Month], int] = {}

    def fail(self, line: int, column: int, reason: str, name: str = "") -> RatesFileError:
        return RatesFileError(f"{_at(self.path, line, column, name)}: {reason}")

    def month(self, text: str, line: int, column: int, name: str = "") -> Month:
        match = _MONTH.fullmatch(text.strip())
        if not match or not 1 <= int(match[2]) <= 12:
            raise self.fail(
                line, column, f"month {text!r} must be written YYYY-MM, like 2027-01", name
            )
        return int(match[1]), int(match[2])

    def currency(self, text: str, line: int, column: int, name: str = "") -> str:
        code = text.strip().upper()
        if not _CODE.fullmatch(code):
            raise self.fail(
                line, column, f"currency {text!r} must be an ISO 4217 code, like MYR", name
            )
        return code

    def add(
        self, code: str, month: Month, text: str, line: int, column: int, name: str = ""
    ) -> None:
        try:
            value = Decimal(text.strip())
        except InvalidOperation:
            hint = "; write the decimal mark as a full stop, like 0.2136" if "," in text else ""
            raise self.fail(line, column, f"rate {text!r} is not a number{hint}", name) from None
        if not value.is_finite() or value <= 0:
            raise self.fail(line, column, f"rate {text!r} must be a number above zero", name)
        first = self._lines.get((code, month))
        if first is not None:
            raise self.fail(
                line,
                column,
                f"{month[0]}-{month[1]:02d} {code} is given twice (first on line {first})",
                name,
            )
        self._lines[(code, month)] = line
        self.rates.setdefault(code, {})[month] = value


class _Csv(_Rates):
    """month,currency,usd_per_unit: one rate a row, in any order of rows and columns."""

    def read(self, text: str) -> None:
        reader = csv.reader(io.StringIO(text, newline=""))
        columns: dict[str, int] | None = None
        try:
            for fields in reader:
                if not any(f.strip() for f in fields):
                    continue
                if columns is None:
                    columns = self._header(fields, reader.line_num)
                    continue
                self._row(fields, columns, reader.line_num)
        except csv.Error as exc:
            raise self.fail(reader.line_num, 1, f"not a CSV line ({exc})") from exc
        if columns is None:
            raise RatesFileError(f"{self.path}: empty; the first line is {','.join(CSV_COLUMNS)}")

    def _header(self, fields: list[str], line: int) -> dict[str, int]:
        if len(fields) == 1 and (";" in fields[0] or "\t" in fields[0]):
            raise self.fail(
                line,
                1,
                "the values are not separated by commas; save the file as CSV (comma "
                f"delimited), with the header {','.join(CSV_COLUMNS)}",
            )
        columns: dict[str, int] = {}
        for i, field in enumerate(fields):
            name = field.strip().lower()
            if name not in CSV_COLUMNS or name in columns:
                why = "twice" if name in columns else "unknown"
                raise self.fail(
                    line, i + 1, f"column {field!r} is {why}; the header is {','.join(CSV_COLUMNS)}"
                )
            columns[name] = i
        missing = [c for c in CSV_COLUMNS if c not in columns]
        if missing:
            raise self.fail(
                line,
                len(fields) + 1,
                f"the header lacks {', '.join(missing)}; it is {','.join(CSV_COLUMNS)}",
            )
        return columns

    def _row(self, fields: list[str], columns: dict[str, int], line: int) -> None:
        if len(fields) != len(columns):
            raise self.fail(
                line,
                min(len(fields), len(columns)) + 1,
                f"{len(fields)} values where the header has {len(columns)} columns"
                + (
                    "; a rate written with a decimal comma (0,2136) is two values: write 0.2136"
                    if len(fields) == len(columns) + 1
                    else ""
                ),
            )

        def cell(name: str) -> tuple[str, int, int, str]:
            i = columns[name]
            return fields[i], line, i + 1, name

        month = self.month(*cell("month"))
        code = self.currency(*cell("currency"))
        self.add(code, month, *cell("usd_per_unit"))


class _Yaml(_Rates):
    """fx_rates.yaml's shape; a month may list only some currencies."""

    def read(self, text: str) -> None:
        try:
            node = yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            raise self.fail(line, column, f"not valid YAML ({exc.problem})") from exc
        except yaml.YAMLError as exc:
            raise RatesFileError(f"{self.path}: not valid YAML ({exc})") from exc
        if not isinstance(node, yaml.MappingNode):
            raise self.fail(1, 1, "the file must be a mapping with `rates`, like fx_rates.yaml")
        listed: set[str] | None = None
        rates: yaml.Node | None = None
        for key, value in node.value:
            if key.value == "version":
                if value.tag != _INT or not value.value.isdigit() or int(value.value) < 1:
                    raise self._fail_at(value, "`version` must be a whole number of 1 or more")
            elif key.value == "currencies":
                listed = {self._code(item) for item in self._items(value, yaml.SequenceNode)}
            elif key.value == "decimals":
                for code, digits in self._items(value, yaml.MappingNode):
                    if digits.tag != _INT or digits.value not in ("0", "1", "2", "3", "4"):
                        raise self._fail_at(digits, "decimals must be a whole number from 0 to 4")
                    self.decimals[self._code(code)] = int(digits.value)
            elif key.value == "rates":
                rates = value
            else:
                raise self._fail_at(
                    key,
                    f"unknown key {key.value!r}; the keys are version, currencies, "
                    "decimals and rates",
                )
        if rates is None:
            raise self.fail(1, 1, "`rates` is missing: it maps months (YYYY-MM) to rates")
        for month_node, row in self._items(rates, yaml.MappingNode):
            mark = month_node.start_mark
            month = self.month(str(month_node.value), mark.line + 1, mark.column + 1)
            for code_node, rate in self._items(row, yaml.MappingNode):
                code = self._code(code_node)
                if listed is not None and code not in listed:
                    raise self._fail_at(code_node, f"{code} is not in `currencies`")
                if not isinstance(rate, yaml.ScalarNode):
                    raise self._fail_at(rate, f"the rate of {code} must be a number")
                start = rate.start_mark
                self.add(code, month, str(rate.value), start.line + 1, start.column + 1)

    def _fail_at(self, node: yaml.Node, reason: str) -> RatesFileError:
        return self.fail(node.start_mark.line + 1, node.start_mark.column + 1, reason)

    def _code(self, node: yaml.Node) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self._fail_at(node, "a currency must be an ISO 4217 code, like MYR")
        return self.currency(str(node.value), node.start_mark.line + 1, node.start_mark.column + 1)

    def _items(self, node: yaml.Node, kind: type[yaml.Node]) -> list[Any]:
        if not isinstance(node, kind) or not node.value:
            what = "a list" if kind is yaml.SequenceNode else "a mapping"
            raise self._fail_at(node, f"expected {what} here")
        return list(node.value)
