"""Forms an outside check of local writing found misread: each as officers and victims write it."""

from __future__ import annotations

import pytest

from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # The Thai and Lao abbreviation mark: "กรุงเทพฯ" is how Bangkok is written short.
        ("ธ.กรุงเทพฯ 123-4-56789-0", "TH", "bank_account:TH:BKKB:1234567890"),
        ("ธนาคารกรุงเทพฯ 1234567890", None, "bank_account:TH:BKKB:1234567890"),
        # A bank's registered name, as a transfer slip or the bank's letter gives it.
        ("Union Bank of the Philippines 1094 2000 1234", "PH", "bank_account:PH:UBPH:109420001234"),
        ("Land Bank of the Philippines 0123-4567-89", "PH", "bank_account:PH:TLBP:0123456789"),
        (
            "PT Bank Mandiri (Persero) Tbk 123-00-1234567-8",
            "ID",
            "bank_account:ID:BMRI:1230012345678",
        ),
        ("Bank Islam Malaysia Berhad 12023010012345", "MY", "bank_account:MY:BIMB:12023010012345"),
        ("Wing Bank (Cambodia) Plc 01234567", "KH", "bank_account:KH:WBKH:01234567"),
        # Khmer and Burmese bank names, with or without a space after the word for "bank".
        ("ធនាគារ អេស៊ីលីដា 0001 1234 5678", "KH", "bank_account:KH:ACLB:000112345678"),
        ("ធនាគារអេស៊ីលីដា 000112345678", None, "bank_account:KH:ACLB:000112345678"),
        ("ធនាគារ អេប៊ីអេ 000 123 456", None, "bank_account:KH:ABAA:000123456"),
        ("ဧရာဝတီဘဏ် 0020 1234 5678 9012", None, "bank_account:MM:AYAB:0020123456789012"),
        ("သမဝါယမဘဏ် 0010 1234 5678 9012", None, "bank_account:MM:CPOB:0010123456789012"),
    ],
)
def test_bank_names_as_written(raw: str, country: str | None, expected: str) -> None:
    assert value("bank_account", raw, country) == expected


@pytest.mark.parametrize(
    "raw", ["02-8123-4567 loc. 123", "(02) 8123 4567 local 45", "+63 2 8123 4567 loc 5"]
)
def test_philippine_local_extension(raw: str) -> None:
    # Filipinos write an extension as "loc." (local); the number is the trunk line.
    assert value("phone", raw, "PH") == "phone:+63281234567"


def test_promptpay_citizen_id_with_a_wrong_check_digit_is_refused() -> None:
    # The last digit of a Thai citizen or tax ID checks the first 12: a typo would otherwise be
    # kept as another person's PromptPay and never meet the real one.
    why = reason("ewallet", "พร้อมเพย์ 1101700203452", "TH")
    assert "1101700203452" in why
    assert "check digit" in why
    assert value("ewallet", "พร้อมเพย์ 1-1017-00203-45-0", "TH") == "ewallet:promptpay:1101700203450"
    assert value("ewallet", "PromptPay 0105556012341", "TH") == "ewallet:promptpay:0105556012341"
    # A 15-digit e-wallet ID has no such check digit.
    assert (
        value("ewallet", "PromptPay 123456789012345", "TH") == "ewallet:promptpay:123456789012345"
    )
