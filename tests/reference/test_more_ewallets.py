"""Widely used e-wallets of the region that the reference data lacked: an account written with
their name was refused as an unknown wallet, or read as a bank account of no bank."""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize


@pytest.mark.parametrize(
    ("raw", "country", "value"),
    [
        ("Ng\u00e2n L\u01b0\u1ee3ng 0912345678", "VN", "nganluong:+84912345678"),
        ("Ngan Luong 0912 345 678", "VN", "nganluong:+84912345678"),
        ("Sakuku 0812-345-678", "ID", "sakuku:+62812345678"),
        ("BCA Sakuku 0812345678", "ID", "sakuku:+62812345678"),
        ("iSaku 0812345678", "ID", "isaku:+62812345678"),
        ("i.saku 0812345678", "ID", "isaku:+62812345678"),
        ("DOKU 0812345678", "ID", "doku:+62812345678"),
        ("Setel 012-345 6789", "MY", "setel:+60123456789"),
        ("\u0e40\u0e1b\u0e4b\u0e32\u0e15\u0e31\u0e07 081 234 5678", "TH", "paotang:+66812345678"),
        ("PalawanPay 0917 123 4567", "PH", "palawanpay:+639171234567"),
        ("MytelPay 09691234567", "MM", "mytelpay:+959691234567"),
    ],
)
def test_the_wallet_is_read_by_its_name(raw: str, country: str, value: str) -> None:
    assert canonicalize("ewallet", raw, country=country).value == value
