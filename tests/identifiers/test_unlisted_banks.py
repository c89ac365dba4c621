"""A bank the reference data does not list, named by its BIC, is kept rather than refused.

An independent region's accounts at ICBC Singapore, written by their BIC, were refused as
"unknown bank": a report's rows were lost for a gap in the secretariat's list.
"""

from __future__ import annotations

import re

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


@pytest.mark.parametrize(
    ("raw", "country", "qualifier"),
    [
        ("ICBKSGSG 1234567890", "SG", None),
        ("ICBKSGSGXXX 1234-567-890", "MY", None),  # the BIC says Singapore, not the reporter
        ("SWIFT: ICBKSGSG 1234567890", "SG", None),
        ("1234567890", "SG", "ICBKSGSG"),
        ("ICBKSGSG 1234567890 TAN AH KOW", "SG", None),  # a holder's name after it
        ("STK: 1234567890 - ICBKSGSG - NGUYEN VAN A", "VN", None),  # number first
        ("SG:ICBK:1234567890", "TH", None),  # its canonical form: idempotent
    ],
)
def test_a_bic_of_an_unlisted_bank_gives_its_canonical_form(
    raw: str, country: str, qualifier: str | None
) -> None:
    found = canonicalize("bank_account", raw, country=country, qualifier=qualifier)
    assert (found.value, found.country) == ("SG:ICBK:1234567890", "SG")


def test_an_unlisted_bank_gets_the_generic_length_check() -> None:
    with pytest.raises(InvalidIdentifier, match="has 2 digits; .* 5 to 30 digits"):
        canonicalize("bank_account", "ICBKSGSG 12", country="SG")


@pytest.mark.parametrize(
    ("raw", "qualifier", "said"),
    [
        # RHB's code in Thailand as in Malaysia and Singapore: the reference lists those two.
        ("RHBBTHBK 1234567890", None, "of a bank in Thailand, but the reference data lists the"),
        ("1234567890", "RHBBTHBK", "RHBB only for RHB Bank (MY), RHB Singapore (SG)"),
        # Canonical form of a listed code in another country: a slip, as before.
        ("MY:DBSS:1234567890", None, "DBSS is DBS Bank (SG)"),
    ],
)
def test_a_listed_banks_code_in_another_country_is_refused_with_the_owner(
    raw: str, qualifier: str | None, said: str
) -> None:
    with pytest.raises(InvalidIdentifier, match=re.escape(said)):
        canonicalize("bank_account", raw, country="SG", qualifier=qualifier)


@pytest.mark.parametrize(
    "raw",
    [
        "XABCMYKL 1234567890",  # X codes are the project's own, handed out by the reference
        "ABCDZZKL 1234567890",  # ZZ is no country
        "TRANSFER 1234567890",  # a word of eight letters is no BIC
        "ICBK SG SG 1234567890",  # a BIC is one word: joined, words can take its shape
        "Foo Bank 1234567890",
    ],
)
def test_what_is_no_bic_of_a_known_country_stays_an_unknown_bank(raw: str) -> None:
    with pytest.raises(InvalidIdentifier, match="unknown bank"):
        canonicalize("bank_account", raw, country="MY")


def test_a_holders_name_with_a_bics_shape_is_still_the_holder() -> None:
    # "Van Cruz Cruz" joined up is VANC RU ZC RUZ, a BIC's shape of a known country.
    found = canonicalize("bank_account", "Maybank 5140-1234-5678 Van Cruz Cruz", country="MY")
    assert found.value == "MY:MBBE:514012345678"
    found = canonicalize("bank_account", "ICBKSGSG 1234567890 SETIAWAN", country="SG")
    assert found.value == "SG:ICBK:1234567890"


@pytest.mark.parametrize(
    ("raw", "country", "qualifier", "value"),
    [
        # RHB's Singapore branch, listed since: the BIC's country, whoever reports it.
        ("RHBBSGSG 1234567890", "KH", None, "SG:RHBB:1234567890"),
        ("1234567890", "MY", "RHBBSGSG", "SG:RHBB:1234567890"),
        ("BKCHKHPP 1234567890", "SG", None, "KH:BKCH:1234567890"),
        # Partner countries' banks are never listed: their BIC is their bank, whatever its code.
        ("BKCHCNBJ 1234567890", "CN", None, "CN:BKCH:1234567890"),
        ("CN:BKCH:1234567890", "KH", None, "CN:BKCH:1234567890"),
        ("SWIFT BKCHCNBJ 1234567890", "TH", None, "CN:BKCH:1234567890"),
    ],
)
def test_a_bic_is_read_as_its_own_countrys_bank(
    raw: str, country: str, qualifier: str | None, value: str
) -> None:
    # These were refused as "no RHBB bank in SG" or "BKCH is Bank of China Singapore".
    found = canonicalize("bank_account", raw, country=country, qualifier=qualifier)
    assert (found.value, found.country) == (value, value[:2])


def test_a_bic_of_a_place_outside_the_reference_data_says_where_it_is() -> None:
    with pytest.raises(InvalidIdentifier, match="as a BIC it is a bank in Hong Kong, which is not"):
        canonicalize("bank_account", "HSBCHKHH 123456789", country="SG")
