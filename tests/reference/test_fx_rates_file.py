"""COUNTERSCAM_FX_RATES_FILE: the secretariat's rates extend the bundled FX table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from counterscam import reference
from counterscam.config import Settings
from tests.reference.rates import UseRates, use_rates

__all__ = ["use_rates"]  # the fixture, used by name

HEADER = "month,currency,usd_per_unit\n"


def test_a_csv_file_gives_a_month_past_the_bundled_table_its_own_rate(use_rates: UseRates) -> None:
    # From January 2027 every loss was valued at December 2026's rate, and nothing said so.
    bundled = reference.fx_valuation("MYR", date(2027, 1, 15))
    assert bundled[1] == date(2026, 12, 1)
    use_rates(HEADER + "2027-01,MYR,0.2401\n2027-01,thb, 0.0301 \n")
    assert reference.fx_valuation("MYR", date(2027, 1, 15)) == (
        Decimal("0.2401"),
        date(2027, 1, 15),
    )
    assert reference.fx_rate("THB", date(2027, 1, 31)) == Decimal("0.0301")
    assert reference.to_usd("1000", "MYR", date(2027, 1, 2)) == Decimal("240.10")
    # A currency the file leaves out keeps its stand-in, and says so.
    assert reference.fx_valuation("SGD", date(2027, 1, 15))[1] == date(2026, 12, 1)
    assert reference.fx_rate_day(date(2027, 1, 15), "SGD") == date(2026, 12, 1)
    # The bundled months stay as they were.
    assert reference.fx_rate("MYR", date(2024, 4, 15)) == Decimal("0.209644")
    assert reference.reference().fx.months_of("MYR")[-1] == (2027, 1)


def test_a_yaml_file_replaces_a_month_and_adds_a_currency(use_rates: UseRates) -> None:
    use_rates(
        "version: 1\n"
        "decimals: {ZAR: 2}\n"
        "rates:\n"
        '  "2026-11": {MYR: 0.25}\n'
        "  2027-02: {ZAR: 0.055, MYR: 0.2411}\n",
        "rates.yaml",
    )
    assert reference.fx_rate("MYR", date(2026, 11, 3)) == Decimal("0.25")
    assert reference.fx_rate("MYR", date(2027, 2, 3)) == Decimal("0.2411")
    # A new currency is taken at intake and shown with its digits.
    assert "ZAR" in reference.reference().fx.currencies
    assert reference.to_usd("100", "ZAR", date(2027, 2, 10)) == Decimal("5.50")
    assert reference.shown_decimals("ZAR") == 2


@pytest.mark.parametrize(
    ("text", "name", "where", "reason"),
    [
        (
            HEADER + "2027-01,MYR,0.24\n2027-1,THB,0.03\n",
            "r.csv",
            "line 3, column 1 (month)",
            "YYYY-MM",
        ),
        (
            HEADER + "2027-01,MYR,0.24\n2027-01,THB,-0.03\n",
            "r.csv",
            "line 3, column 3",
            "above zero",
        ),
        (HEADER + "2027-01,MYR,0.24\n2027-01,THB,0,03\n", "r.csv", "line 3, column 4", "0.2136"),
        (
            HEADER + "2027-01,MYR,0.24\n2027-01,RM,0.24\n",
            "r.csv",
            "line 3, column 2 (currency)",
            "ISO",
        ),
        (
            HEADER + "2027-01,MYR,0.24\n\n2027-01,MYR,0.25\n",
            "r.csv",
            "line 4, column 3",
            "first on line 2",
        ),
        ("month,currency,rate\n", "r.csv", "line 1, column 3", "'rate' is unknown"),
        (
            "rates:\n  2027-01: {MYR: 0.24, THB: abc}\n",
            "r.yaml",
            "line 2, column 29",
            "not a number",
        ),
        ("rates:\n  2027-13: {MYR: 0.24}\n", "r.yaml", "line 2, column 3", "YYYY-MM"),
        ("rates:\n  2027-01: {MYR: 0.24\n", "r.yaml", "line 3, column 1", "not valid YAML"),
    ],
)
def test_a_bad_rates_file_is_refused_whole_naming_its_line_and_column(
    use_rates: UseRates, text: str, name: str, where: str, reason: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        use_rates(text, name)
        Settings()
    message = str(refused.value)
    assert f"{name}, {where}" in message, message
    assert reason in message, message


def test_a_rates_file_that_is_missing_or_of_another_kind_is_refused(
    use_rates: UseRates, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COUNTERSCAM_FX_RATES_FILE", "/nowhere/rates.csv")
    with pytest.raises(ValidationError, match="cannot read the file"):
        Settings()
    with pytest.raises(ValidationError, match=r"a rates file is a \.csv file"):
        use_rates(HEADER, "rates.xlsx")
        Settings()


def test_the_table_says_when_it_lacks_the_current_month(use_rates: UseRates) -> None:
    assert reference.fx_gap(date(2026, 11, 30)) is None
    gap = reference.fx_gap(date(2027, 1, 5))
    assert gap is not None
    assert "no rates for 2027-01 (its last month is 2026-12)" in gap
    assert "COUNTERSCAM_FX_RATES_FILE" in gap and "counterscam fx revalue" in gap
    use_rates(HEADER + "2027-01,MYR,0.2401\n")
    partial = reference.fx_gap(date(2027, 1, 5))
    assert partial is not None and "no 2027-01 rate for 25 of its currencies" in partial
    assert "MYR" not in partial
