"""Accounts written the local way: a branch after the bank, the number first, leading words.

Each accepted form gives exactly the value its plain form gives, so a check finds the account
however it was written; the near misses are refused saying what is wrong.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    ("raw", "plain", "country"),
    [
        # สาขา (Thai, "branch"), with or without a space before it.
        ("ธ.ไทยพาณิชย์ สาขาสีลม 123-4-56789-0", "ธ.ไทยพาณิชย์ 123-4-56789-0", "TH"),
        ("ธนาคารไทยพาณิชย์สาขาสีลม 1234567890", "ไทยพาณิชย์ 1234567890", None),
        # CN and chi nhánh (Vietnamese, "branch"), PGD (transaction office).
        ("VietinBank CN Hà Nội 123456789012", "VietinBank 123456789012", "VN"),
        ("Vietcombank chi nhánh Sài Gòn 0071001234567", "Vietcombank 0071001234567", "VN"),
        ("Vietcombank PGD Bến Thành 0071001234567", "Vietcombank 0071001234567", "VN"),
        # cawangan (Malay), cabang and KCP (Indonesian), branch (English).
        ("Maybank cawangan Jalan Ipoh 114012345678", "Maybank 114012345678", "MY"),
        ("BCA cabang Sudirman 1234567890", "BCA 1234567890", "ID"),
        ("BCA KCP Sudirman 1234567890", "BCA 1234567890", "ID"),
        ("BDO branch Makati 001234567890", "BDO 001234567890", "PH"),
        ("BDO Makati branch 001234567890", "BDO 001234567890", "PH"),
        # សាខា (Khmer), ສາຂາ (Lao), and ဘဏ်ခွဲ (Burmese), after the branch's name.
        ("ធនាគារ អេប៊ីអេ សាខាភ្នំពេញ 000 123 456", "ABA 000 123 456", "KH"),
        ("BCEL ສາຂາວຽງຈັນ 010.12.00.01234567.001", "BCEL 010.12.00.01234567.001", "LA"),
        ("KBZ ဘဏ် ရန်ကုန်ဘဏ်ခွဲ 02012345678901234", "KBZ 02012345678901234", "MM"),
        # The branch and a holder's name together.
        (
            "ธ.ไทยพาณิชย์ สาขาสีลม 123-4-56789-0 นายสมชาย ใจดี",
            "ไทยพาณิชย์ 1234567890",
            "TH",
        ),
        # A country's name before "branch" is part of the bank's name, never the branch's.
        ("Bank Rakyat Indonesia Jakarta branch 123456789012345", "BRI 123456789012345", "MY"),
        # The number, then the bank, then the holder, as Vietnamese messages give them.
        ("STK: 0011001234567 - Vietcombank - NGUYEN VAN A", "Vietcombank 0011001234567", "VN"),
        ("0011001234567 Vietcombank NGUYEN VAN A", "Vietcombank 0011001234567", "VN"),
        ("Số tài khoản 0011001234567 VCB Nguyễn Văn A", "Vietcombank 0011001234567", "VN"),
        # A bank's name with its short name in brackets; savings and leading words.
        ("NH Á Châu (ACB) 123456789", "ACB 123456789", "VN"),
        ("BDO S/A # 001234567890", "BDO 001234567890", "PH"),
        ("transfer to Maybank 114012345678", "Maybank 114012345678", "MY"),
        ("chuyển khoản vào Vietcombank 0071001234567", "Vietcombank 0071001234567", "VN"),
    ],
)
def test_bank_accounts_written_the_local_way(raw: str, plain: str, country: str | None) -> None:
    assert value("bank_account", raw, country) == value("bank_account", plain, country)
    assert guess_kind(raw, country=country) == "bank_account"


@pytest.mark.parametrize(
    ("raw", "plain", "country"),
    [
        ("Ví điện tử MoMo 0912345678", "MoMo 0912345678", "VN"),
        ("vi dien tu MoMo 0912345678", "MoMo 0912345678", "VN"),
        ("PayNow to +65 9123 4567", "PayNow +65 9123 4567", "SG"),
        ("transfer to GCash 0917 123 4567", "GCash 0917 123 4567", "PH"),
        ("GCash no. 0917 123 4567", "GCash 0917 123 4567", "PH"),
        # The leading words need a space after them: ViettelPay keeps its "Vi".
        ("ViettelPay 0912345678", "viettelpay:+84912345678", "VN"),
    ],
)
def test_ewallets_written_the_local_way(raw: str, plain: str, country: str) -> None:
    assert value("ewallet", raw, country) == value("ewallet", plain, country)


def test_a_proxy_with_leading_words_filed_as_a_bank_account_is_its_ewallet() -> None:
    assert value("bank_account", "PayNow to +65 9123 4567", "SG") == "ewallet:paynow:+6591234567"


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # A branch word does not make an unknown bank known, nor stand for the bank.
        ("XYZ Bank cawangan Jalan Ipoh 114012345678", "MY", "names an unknown bank"),
        ("cawangan Jalan Ipoh 114012345678", "MY", "names an unknown bank"),
        # Nor does it hide a number of the wrong length.
        ("Maybank cawangan Jalan Ipoh 1140123456", "MY", "has 10 digits"),
        # Without a branch word, a place after the bank is not dropped.
        ("Vietcombank Sài Gòn 0071001234567", "VN", "names an unknown bank"),
        # A country named before "branch" is never dropped to find another country's bank.
        ("Bank Rakyat Thailand Bangkok branch 123456789012", "MY", "names an unknown bank"),
        # Number first: the bank must be known, and the words after it a name.
        ("0011001234567 XYZ Bank NGUYEN VAN A", "VN", "names an unknown bank"),
        ("0011001234567 Vietcombank 12345 NGUYEN", "VN", "not a known bank"),
        ("0011001234567 Vietcombank Techcombank", "VN", "names an unknown bank"),
        # Brackets naming another bank are no short name of it.
        ("NH Á Châu (VCB) 123456789", "VN", "names an unknown bank"),
        ("transfer to XYZ 114012345678", "MY", "names an unknown bank"),
    ],
)
def test_near_misses_are_refused(raw: str, country: str, expected: str) -> None:
    assert expected in reason("bank_account", raw, country)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ví điện tử XYZ 0912345678", "does not say which e-wallet"),
        ("Ví điện tử MoMo 0912", "too short"),
        ("PayNow to", "has no PayNow account number"),
    ],
)
def test_ewallet_near_misses_are_refused(raw: str, expected: str) -> None:
    assert expected in reason("ewallet", raw, "VN" if "MoMo" in raw or "XYZ" in raw else "SG")


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("09 425 012 345၊ 09 425 012 346", "MM"),  # the Burmese comma
        ("09 425 012 345၊09 425 012 346", "MM"),
        ("၀၉ ၄၂၅ ၀၁၂ ၃၄၅ ၊ ၀၉ ၄၂၅ ၀၁၂ ၃၄၆", "MM"),  # in Myanmar digits
        ("09 425 012 345။ 09 425 012 346", "MM"),  # the Burmese full stop
        ("012 345 678 ។ 012 345 679", "KH"),  # the Khmer full stop
        ("081-234-5678 ๚ 089-876-5432", "TH"),
        ("0812345678、0898765432", "TH"),  # the ideographic comma
    ],
)
def test_two_numbers_split_by_a_local_comma_are_refused_as_two(raw: str, country: str) -> None:
    assert "holds more than one phone number" in reason("phone", raw, country)


def test_one_number_ending_in_a_burmese_comma_is_read() -> None:
    assert value("phone", "09 425 012 345၊", "MM") == value("phone", "09 425 012 345", "MM")
