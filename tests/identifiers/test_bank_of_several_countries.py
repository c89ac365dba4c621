"""A bank name that banks of several member countries carry follows the reporting country.

"Bank of China 1234567890" reported by Cambodia was read as Bank of China's Singapore branch,
the only one the reference data listed, and would have joined a Cambodian mule account to a
Singaporean one.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


@pytest.mark.parametrize(
    ("raw", "country", "value"),
    [
        ("Bank of China 1234567890", "KH", "KH:BKCH:1234567890"),
        ("Bank of China 1234567890", "SG", "SG:BKCH:1234567890"),
        ("BOC 1234567890", "MY", "MY:BKCH:1234567890"),
        ("\u4e2d\u56fd\u94f6\u884c 1234567890", "TH", "TH:BKCH:1234567890"),
        ("Bank of China 1234567890", "LA", "LA:BKCH:1234567890"),
        ("RHB 1234567890", "SG", "SG:RHBB:1234567890"),
        ("Bank of China Cambodia 1234567890", "SG", "KH:BKCH:1234567890"),
    ],
)
def test_the_name_follows_the_reporting_country(raw: str, country: str, value: str) -> None:
    assert canonicalize("bank_account", raw, country=country).value == value


def test_a_country_with_no_bank_of_that_name_is_asked_which_countrys() -> None:
    with pytest.raises(InvalidIdentifier, match="a bank in several countries .*give the country"):
        canonicalize("bank_account", "Bank of China 1234567890", country="MM")


def test_the_malaysian_banks_accounts_stay_as_they_were() -> None:
    # Stored data depends on it: RHB written in Malaysia is still Malaysia's RHB.
    found = canonicalize("bank_account", "RHB 12345678901234", country="MY")
    assert found.value == "MY:RHBB:12345678901234"
