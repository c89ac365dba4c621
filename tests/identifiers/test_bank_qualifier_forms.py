"""A bank written in a separate "Bank" column is read as it would be in the value itself."""

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


@pytest.mark.parametrize(
    ("qualifier", "country", "expected"),
    [
        ("ธ.ไทยพาณิชย์", "TH", "TH:SICO:1091946197"),  # Thai "Bank" abbreviation before the name
        ("ธ.กรุงเทพ", "TH", "TH:BKKB:1091946197"),
        ("Bank BCA", "ID", "ID:CENA:1091946197"),
        ("PT Bank Central Asia Tbk", "ID", "ID:CENA:1091946197"),
        ("Maybank Berhad", "MY", "MY:MBBE:109194619712"),
    ],
)
def test_bank_column_reads_like_the_value(qualifier: str, country: str, expected: str) -> None:
    number = expected.rsplit(":", 1)[1]
    got = canonicalize("bank_account", number, country=country, qualifier=qualifier)
    assert got.value == expected
    assert got.value == canonicalize("bank_account", f"{qualifier} {number}", country=country).value


def test_bank_column_with_canonical_value_accepts_written_name() -> None:
    got = canonicalize("bank_account", "TH:BKKB:1091946197", qualifier="ธ.กรุงเทพ")
    assert got.value == "TH:BKKB:1091946197"


def test_bank_column_still_refuses_unknown_and_other_banks() -> None:
    with pytest.raises(InvalidIdentifier, match="unknown bank 'XYZ Bank'"):
        canonicalize("bank_account", "1091946197", country="TH", qualifier="XYZ Bank")
    with pytest.raises(InvalidIdentifier, match="but the bank given is"):
        canonicalize("bank_account", "KBank 1091946197", country="TH", qualifier="ธ.กรุงเทพ")
