"""The bank indexes answer as the scans of the reference list they replace."""

from __future__ import annotations

from counterscam.identifiers.bank_account import _by_country_and_code
from counterscam.reference import banks, find_banks


def _scan_by_code(country: str, code: str) -> object:
    return next((b for b in banks(country) if b.code == code), None)


def test_country_and_code_index_finds_the_first_bank_a_scan_finds() -> None:
    everything = banks()
    countries = {b.country for b in everything} | {"ZZ"}
    codes = {b.code for b in everything} | {"NONE"}
    index = _by_country_and_code()
    for country in countries:
        for code in codes:
            assert index.get((country, code)) == _scan_by_code(country, code), (country, code)


def test_bic_look_up_finds_the_banks_a_scan_finds() -> None:
    everything = banks()
    for bank in everything:
        for bic in (f"{bank.code}{bank.country}XX", f"{bank.code}{bank.country}XXXXX"):
            scanned = tuple(
                b for b in everything if b.code == bic[:4] and b.country == bic[4:6] and b.bic
            )
            found = find_banks(bic)
            if scanned:
                assert found == scanned, bic
