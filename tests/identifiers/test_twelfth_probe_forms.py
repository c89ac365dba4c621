"""Twelfth probe: phone numbers, bank accounts and e-wallets as officers and victims in the ten
countries write them, each with the reporting country and the canonical value DESIGN.md's
contract gives it, or why it is refused (amounts, dates and ID card numbers pasted for a phone
or an account; two numbers in one cell; an account's currency written beside its bank)."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind, unguessed_reason
from tests.identifiers.forms import reason, value

P = "phone"
B = "bank_account"
E = "ewallet"

# (kind, form as written, reporting country, canonical "kind:value").
READ = [
    # Malaysia
    (P, "012-345 6789", "MY", "phone:+60123456789"),
    (P, "+6012-345 6789", "MY", "phone:+60123456789"),
    (P, "011-1234 5678", "MY", "phone:+601112345678"),
    (P, "03-2123 4567", "MY", "phone:+60321234567"),
    (P, "1-300-88-1234", "MY", "phone:+601300881234"),
    (P, "1-800-88-1234", "MY", "phone:+601800881234"),
    (P, "HP: 019 234 5678", "MY", "phone:+60192345678"),
    (P, "Tel. 03 7890 1234 samb. 12", "MY", "phone:+60378901234"),
    (P, "+60 (0)12-345 6789", "MY", "phone:+60123456789"),
    (P, "No. Telefon: 012-345 6789", "MY", "phone:+60123456789"),
    (
        P,
        "\uff16\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19",
        "MY",
        "phone:+60123456789",
    ),
    (P, "012-345 6789 (Digi)", "MY", "phone:+60123456789"),
    # Singapore
    (P, "9123 4567", "SG", "phone:+6591234567"),
    (P, "+65 6123 4567", "SG", "phone:+6561234567"),
    (P, "1800 123 4567", "SG", "phone:+6518001234567"),
    (P, "001 60 12 345 6789", "SG", "phone:+60123456789"),
    (P, "019 60 12 345 6789", "SG", "phone:+60123456789"),
    (P, "+65 6123 4567 ext 123", "SG", "phone:+6561234567"),
    # Thailand
    (P, "081-234-5678", "TH", "phone:+66812345678"),
    (P, "โทร ๐๘๑-๒๓๔-๕๖๗๘", "TH", "phone:+66812345678"),
    (P, "โทร.081 234 5678", "TH", "phone:+66812345678"),
    (P, "02-123-4567", "TH", "phone:+6621234567"),
    (P, "053-123-456", "TH", "phone:+6653123456"),
    (P, "1800-123-456", "TH", "phone:+661800123456"),
    (P, "1900 123 456", "TH", "phone:+661900123456"),
    (P, "+66 (0) 81 234 5678", "TH", "phone:+66812345678"),
    (P, "009 60 12 345 6789", "TH", "phone:+60123456789"),
    (P, "007 60 12 345 6789", "TH", "phone:+60123456789"),
    (P, "001-63-917-123-4567", "TH", "phone:+639171234567"),
    (P, "เบอร์ 0812345678 (คุณสมชาย)", "TH", "phone:+66812345678"),
    (P, "081-234-5678 (AIS)", "TH", "phone:+66812345678"),
    # Viet Nam
    (P, "ĐT: 090.123.4567", "VN", "phone:+84901234567"),
    (P, "DĐ: 0912.345.678", "VN", "phone:+84912345678"),
    (P, "SĐT 0912345678", "VN", "phone:+84912345678"),
    (P, "0168 123 4567", "VN", "phone:+84381234567"),
    (P, "0122 345 6789", "VN", "phone:+84773456789"),
    (P, "0188 123 4567", "VN", "phone:+84581234567"),
    (P, "0199 123 4567", "VN", "phone:+84591234567"),
    (P, "0124 123 4567", "VN", "phone:+84841234567"),
    (P, "84 168 123 4567", "VN", "phone:+84381234567"),
    (P, "024 3825 1234", "VN", "phone:+842438251234"),
    (P, "1800 1234", "VN", "phone:+8418001234"),
    (P, "1900 54 54 54", "VN", "phone:+841900545454"),
    (P, "+84 (0) 912 345 678", "VN", "phone:+84912345678"),
    (P, "0084 912 345 678", "VN", "phone:+84912345678"),
    (P, "Đt: 0912 345 678 (anh Tuấn)", "VN", "phone:+84912345678"),
    # Indonesia
    (P, "+62 (0)812-3456-7890", "ID", "phone:+6281234567890"),
    (P, "HP 0857 1234 5678", "ID", "phone:+6285712345678"),
    (P, "(021) 5678 1234", "ID", "phone:+622156781234"),
    (P, "021-5678-1234 ext 12", "ID", "phone:+622156781234"),
    (P, "0800 1 234 567", "ID", "phone:+628001234567"),
    (P, "001 60 12 345 6789", "ID", "phone:+60123456789"),
    (P, "Telp/WA: 0812.3456.7890", "ID", "phone:+6281234567890"),
    (P, "0812 3456\n7890", "ID", "phone:+6281234567890"),
    (P, "62 812-3456-7890", "ID", "phone:+6281234567890"),
    # Philippines
    (P, "+63 (0) 917 123 4567", "PH", "phone:+639171234567"),
    (P, "(02) 8123 4567", "PH", "phone:+63281234567"),
    (P, "Cel. No. 0917-123-4567", "PH", "phone:+639171234567"),
    (P, "CP# 09171234567", "PH", "phone:+639171234567"),
    (P, "0917 123 4567 (Globe)", "PH", "phone:+639171234567"),
    (P, "1-800-10-123-4567", "PH", "phone:+631800101234567"),
    # Cambodia
    (P, "097 123 4567", "KH", "phone:+855971234567"),
    (P, "០១២ ៣៤៥ ៦៧៨", "KH", "phone:+85512345678"),
    (P, "023 998 777", "KH", "phone:+85523998777"),
    (P, "+855 (0) 12 345 678", "KH", "phone:+85512345678"),
    (P, "លេខទូរស័ព្ទ: ០១២ ៣៤៥ ៦៧៨", "KH", "phone:+85512345678"),
    # Laos
    (P, "໐໒໐ ໕໕໑໒ ໓໔໕໖", "LA", "phone:+8562055123456"),
    (P, "+856 020 5512 3456", "LA", "phone:+8562055123456"),
    (P, "021 212 345", "LA", "phone:+85621212345"),
    (P, "030 512 3456", "LA", "phone:+856305123456"),
    (P, "ເບີໂທ: 020 5512 3456", "LA", "phone:+8562055123456"),
    # Myanmar, every length of mobile number
    (P, "09 512 3456", "MM", "phone:+9595123456"),
    (P, "09 425 012 345", "MM", "phone:+959425012345"),
    (P, "09 2501 23456", "MM", "phone:+959250123456"),
    (P, "Ph: ၀၉-၇၈၁၂-၃၄၅၆၇", "MM", "phone:+959781234567"),
    (P, "ဝ၉ ၄၂၅ ဝ၁၂ ၃၄၅", "MM", "phone:+959425012345"),
    (P, "01 234 567", "MM", "phone:+951234567"),
    (P, "+95 (0) 9 425 012 345", "MM", "phone:+959425012345"),
    # Brunei
    (P, "712 3456", "BN", "phone:+6737123456"),
    (P, "00673 712 3456", "BN", "phone:+6737123456"),
    # Bank accounts
    (B, "Maybank 1140 1234 5678", "MY", "bank_account:MY:MBBE:114012345678"),
    (B, "CIMB 7012345678 (Ali bin Abu)", "MY", "bank_account:MY:CIBB:7012345678"),
    (B, "Hong Leong Bank 123-45-67890-1", "MY", "bank_account:MY:HLBB:12345678901"),
    (B, "no. akaun Maybank 5140-1234-5678", "MY", "bank_account:MY:MBBE:514012345678"),
    (B, "DBS 012-345678-9", "SG", "bank_account:SG:DBSS:0123456789"),
    (B, "POSB Savings 123-45678-9", "SG", "bank_account:SG:DBSS:123456789"),
    (B, "OCBC 501-234567-001", "SG", "bank_account:SG:OCBC:501234567001"),
    (B, "กสิกรไทย 123-4-56789-0", "TH", "bank_account:TH:KASI:1234567890"),
    (B, "SCB ๑๒๓-๔-๕๖๗๘๙-๐", "TH", "bank_account:TH:SICO:1234567890"),
    (B, "ธ.ก.ส. 020012345678", "TH", "bank_account:TH:BAAB:020012345678"),
    (B, "เลขบัญชี 123-4-56789-0 ธนาคารกสิกรไทย", "TH", "bank_account:TH:KASI:1234567890"),
    (B, "VCB 0011 0012 34567 NGUYEN VAN A", "VN", "bank_account:VN:BFTV:0011001234567"),
    (B, "STK 19031234567890 Techcombank", "VN", "bank_account:VN:VTCB:19031234567890"),
    (B, "NH TMCP Quân đội 0123456789", "VN", "bank_account:VN:MSCB:0123456789"),
    (B, "Vietcombank CN Hà Nội 0011001234567", "VN", "bank_account:VN:BFTV:0011001234567"),
    (B, "no. rek BCA 1234567890 a.n. Budi", "ID", "bank_account:ID:CENA:1234567890"),
    (B, "Mandiri 123-00-1234567-8", "ID", "bank_account:ID:BMRI:1230012345678"),
    (
        B,
        "Rek. BRI: 0123 0101 2345 501 an. SITI AMINAH",
        "ID",
        "bank_account:ID:BRIN:012301012345501",
    ),
    (B, "BSI 7123456789", "ID", "bank_account:ID:BSMD:7123456789"),
    (B, "BDO Savings Account No. 0012-3456-7890", "PH", "bank_account:PH:BNOR:001234567890"),
    (B, "Metrobank 123-3-12345678-9", "PH", "bank_account:PH:MBTC:1233123456789"),
    (B, "ABA Bank 000 123 456 (SOK DARA)", "KH", "bank_account:KH:ABAA:000123456"),
    (B, "ធនាគារ អេស៊ីលីដា 0001 01 123456 1 2", "KH", "bank_account:KH:ACLB:00010112345612"),
    (B, "BCEL ໐໑໐.໑໒.໐໐.໐໑໒໓໔໕໖໗.໐໐໑", "LA", "bank_account:LA:COEB:010120001234567001"),
    (B, "ကမ္ဘောဇဘဏ် ၀၁၂၃၀၁၂၃၄၅၆၇၈၉၀၁၂", "MM", "bank_account:MM:KBZB:01230123456789012"),
    (B, "CB Bank 0001 1234 5678 9012", "MM", "bank_account:MM:CPOB:0001123456789012"),
    (B, "BIBD NEXGEN 0012345678", "BN", "bank_account:BN:BIBD:0012345678"),
    # A currency code after the account names the account's currency: kept as a holder's word.
    (B, "ABA 000 123 456 USD", "KH", "bank_account:KH:ABAA:000123456"),
    (B, "ACLEDA 0001-01-123456-1-2 (USD)", "KH", "bank_account:KH:ACLB:00010112345612"),
    # E-wallets
    (E, "Maya 0917-123-4567", "PH", "ewallet:maya:+639171234567"),
    (E, "PayMaya 09171234567", "PH", "ewallet:maya:+639171234567"),
    (E, "Gcash +63 (0) 917 123 4567", "PH", "ewallet:gcash:+639171234567"),
    (E, "TNG eWallet 012-345 6789", "MY", "ewallet:tng:+60123456789"),
    (E, "Touch n Go 0123456789", "MY", "ewallet:tng:+60123456789"),
    (E, "DuitNow 880512-14-5678", "MY", "ewallet:duitnow:880512145678"),
    (E, "GrabPay SG 8123 4567", "MY", "ewallet:grabpay:+6581234567"),
    (E, "PayNow UEN 201912345K", "SG", "ewallet:paynow:201912345K"),
    (E, "ทรูมันนี่ วอลเล็ท 0812345678", "TH", "ewallet:truemoney:+66812345678"),
    (E, "พร้อมเพย์ 1-1017-00203-45-0", "TH", "ewallet:promptpay:1101700203450"),
    (E, "LINE Pay 081-234-5678", "TH", "ewallet:rabbitlinepay:+66812345678"),
    (E, "DANA a.n. Budi 0812-3456-7890", "ID", "ewallet:dana:+6281234567890"),
    (E, "GO-PAY 0812 3456 7890", "ID", "ewallet:gopay:+6281234567890"),
    (E, "LinkAja! 0812 3456 7890", "ID", "ewallet:linkaja:+6281234567890"),
    (E, "Ví MoMo 0168 123 4567", "VN", "ewallet:momo:+84381234567"),
    (E, "ViettelPay 0981234567", "VN", "ewallet:viettelpay:+84981234567"),
    (E, "ZaloPay 0912 345 678", "VN", "ewallet:zalopay:+84912345678"),
    (E, "Wing ០១២ ៣៤៥ ៦៧៨", "KH", "ewallet:wing:+85512345678"),
    (E, "TrueMoney 012 345 678", "KH", "ewallet:truemoney_kh:+85512345678"),
    (E, "Pi Pay 0968 123 456", "KH", "ewallet:pipay:+855968123456"),
    (E, "KPay 09 425 012 345", "MM", "ewallet:kbzpay:+959425012345"),
    (E, "Wave Money 09 425 012 345", "MM", "ewallet:wavepay:+959425012345"),
    (E, "ကေပေး ၀၉၄၂၅၀၁၂၃၄၅", "MM", "ewallet:kbzpay:+959425012345"),
    (E, "BCEL One 020 5512 3456", "LA", "ewallet:bcelone:+8562055123456"),
    (E, "Mmoney 5512 3456", "LA", "ewallet:mmoney:+8562055123456"),
    (E, "Progresif Pay 712 3456", "BN", "ewallet:progresifpay:+6737123456"),
]

# (kind, form as written, reporting country, words the reason must hold).
REFUSED = [
    (P, "+65 9123 456", "SG", "too short"),
    (P, "012-345", "MY", "not a valid phone number in Malaysia"),
    (P, "012 345 678 / 012 345 679", "KH", "more than one phone number"),
    (P, "0917 123 4567\n0918 765 4321", "PH", "more than one phone number"),
    (B, "Maybank 12345", "MY", "a Maybank account number has 12 digits"),
    (B, "XYZ Bank 1234567890", "MY", "names an unknown bank 'XYZ Bank'"),
    (B, "KBank 123-4-56789-0 / SCB 123-4-56789-0", "TH", "more than one account number"),
    (E, "ABA Pay 000 123 456", "KH", "a bank, not an e-wallet"),
    (E, "GCash 0917 123 456", "PH", "not a valid phone number in Philippines"),
    (E, "MoMo 0901234567 / 0912345678", "VN", "more than one account number"),
]


@pytest.mark.parametrize(("kind", "raw", "country", "expected"), READ)
def test_written_forms_read(kind: str, raw: str, country: str, expected: str) -> None:
    assert value(kind, raw, country) == expected


@pytest.mark.parametrize(("kind", "raw", "country", "words"), REFUSED)
def test_written_forms_refused(kind: str, raw: str, country: str, words: str) -> None:
    assert words in reason(kind, raw, country)


# Found by this probe and fixed: each was read as something it is not, or refused with a
# reason that sent the officer the wrong way.


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("Rp 1.500.000", "ID"),  # was the phone +621500000
        ("Rp1.500.000", "ID"),
        ("RM1500", "MY"),  # was the sender name MY:RM1500
        ("PHP 15000", "PH"),  # was the sender name PH:PHP 15000
        ("500000 Ks", "MM"),  # was the sender name MM:500000 KS
        ("USD 1500", "MY"),
        ("RM 1,500.00", "MY"),  # was "neither a phone number nor an SMS sender name"
        ("5,000 บาท", "TH"),
        ("฿5,000", "TH"),
        ("5.000.000 VNĐ", "VN"),  # was "not a valid phone number in Viet Nam"
        ("₱15,000.00", "PH"),
        ("500,000 ကျပ်", "MM"),
        ("5,000,000 ກີບ", "LA"),
        ("B$1500", "BN"),
    ],
)
def test_an_amount_is_no_phone_number(raw: str, country: str) -> None:
    assert "is an amount of money, not a phone number" in reason("phone", raw, country)


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("12/05/2024", "MY"),  # was "but it is a mobile in Cambodia (+855 12 052 024)"
        ("15-05-2024", "ID"),
        ("15.05.2024", "MM"),
        ("15/05/2567", "TH"),  # a Buddhist Era year
        ("2024-05-12", "PH"),
    ],
)
def test_a_date_is_no_phone_number(raw: str, country: str) -> None:
    why = reason("phone", raw, country)
    assert "is a date, not a phone number" in why
    assert "Cambodia" not in why


def test_id_card_numbers_are_said_to_be_id_numbers() -> None:
    # Both were said to be numbers of other countries (an Indonesian mobile).
    mykad = reason("phone", "880512-14-5678", "MY")
    assert "Malaysian identity card (MyKad)" in mykad
    assert "Indonesia" not in mykad
    assert "Thai citizen or tax ID" in reason("phone", "1-1017-00203-45-0", "TH")
    # As a wallet's ID they stay what they are.
    assert value("ewallet", "DuitNow 880512-14-5678", "MY") == "ewallet:duitnow:880512145678"


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        # An ID-taking wallet glued the digits into one ID: promptpay:08123456780891234567.
        ("PromptPay 081-234-5678, 089-123-4567", "TH"),
        ("PromptPay 0812345678 0891234567", "TH"),
        ("PromptPay 081-234-5678 หรือ 089-123-4567", "TH"),
        ("Wing 012 345 678 012 345 679", "KH"),
        ("PayNow 9123 4567 / 8123 4567", "SG"),
    ],
)
def test_two_numbers_are_no_wallet_id(raw: str, country: str) -> None:
    assert "holds more than one account number" in reason("ewallet", raw, country)


def test_a_date_is_no_wallet_id() -> None:
    # Was promptpay:12052024, one ID that every such slip would share.
    assert "has a date, not a PromptPay account" in reason("ewallet", "PromptPay 12/05/2024", "TH")
    assert "has a date" in reason("ewallet", "GCash 15/05/2024", "PH")


@pytest.mark.parametrize(
    ("kind", "raw", "country", "amount"),
    [
        # Were "'Maybank RM 5,' is not a known bank", "has 20 digits", "other characters".
        (B, "Maybank RM 5,000", "MY", "RM 5,000"),
        (B, "BCA 1234567890 Rp 1.500.000", "ID", "Rp 1.500.000"),
        (B, "Vietcombank 0011001234567 5.000.000đ", "VN", "5.000.000đ"),
        (B, "KBank 123-4-56789-0 ยอด 5,000 บาท", "TH", "5,000 บาท"),
        (B, "ABA 000 123 456 $1,500", "KH", "$1,500"),
        (E, "DANA 0812-3456-7890 Rp 50.000", "ID", "Rp 50.000"),
        (E, "Boost RM50", "MY", "RM50"),
    ],
)
def test_an_amount_beside_an_account_is_named(
    kind: str, raw: str, country: str, amount: str
) -> None:
    assert f"has an amount of money ({amount})" in reason(kind, raw, country)


def test_a_date_beside_an_account_is_named() -> None:
    # Was "holds more than one account number".
    why = reason("bank_account", "Maybank 5140 1234 5678, 12/05/2024", "MY")
    assert "has a date (12/05/2024)" in why


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        # "USD" was read as part of the bank's name: "names an unknown bank 'BDO USD'".
        ("BDO USD 100123456789", "PH", "PH:BNOR:100123456789"),
        ("BDO PHP 001234567890", "PH", "PH:BNOR:001234567890"),
        ("ABA USD 000 123 456", "KH", "KH:ABAA:000123456"),
        ("ACLEDA KHR 0001-01-123456-1-2", "KH", "KH:ACLB:00010112345612"),
        ("BCEL LAK 010.12.00.01234567.001", "LA", "LA:COEB:010120001234567001"),
        ("ABA 000 123 456 KHR", "KH", "KH:ABAA:000123456"),
    ],
)
def test_an_accounts_currency_is_not_its_banks_name(raw: str, country: str, expected: str) -> None:
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


def test_account_glued_before_the_thai_word_for_bank() -> None:
    # "บัญชีธนาคารกสิกรไทย" (account, bank, Kasikorn) named an unknown bank.
    raw = "บัญชีธนาคารกสิกรไทย เลขที่ 123-4-56789-0"
    assert value("bank_account", raw, "TH") == "bank_account:TH:KASI:1234567890"


def test_a_wallets_other_name_in_brackets() -> None:
    # Was "needs a Maya phone number in digits; 'PayMaya 0917 123 4567' has other characters".
    raw = "Maya (PayMaya) 0917 123 4567"
    assert value("ewallet", raw, "PH") == "ewallet:maya:+639171234567"


def test_an_amount_or_a_date_is_not_guessed_a_sender_name() -> None:
    assert guess_kind("RM1500", country="MY") is None  # was sender_id
    assert "is an amount of money" in unguessed_reason("Rp 1.500.000", country="ID")
    assert "is a date" in unguessed_reason("15/05/2024", country="VN")
