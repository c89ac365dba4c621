"""Bank accounts and e-wallet accounts."""

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize

BANK_ACCOUNTS = [
    ("Maybank 1234-5678-9012", "MY", None, "MY:MBBE:123456789012"),
    ("MBBEMYKL 5140 1234 5678", None, None, "MY:MBBE:514012345678"),
    ("MBBEMYKLXXX 514012345678", "TH", None, "MY:MBBE:514012345678"),
    ("CIMB: 7012345678", "MY", None, "MY:CIBB:7012345678"),
    ("MY:MBBE:514012345678", None, None, "MY:MBBE:514012345678"),
    ("my : mbbe : 5140-1234-5678", None, None, "MY:MBBE:514012345678"),
    ("514012345678", "MY", "M2U", "MY:MBBE:514012345678"),
    ("Malayan Banking Berhad acct no. 514012345678", "MY", None, "MY:MBBE:514012345678"),
    ("Public Bank Berhad 3123456789", "MY", None, "MY:PBBE:3123456789"),
    ("Kasikornbank Public Company Limited 1234567890", None, None, "TH:KASI:1234567890"),
    ("PT Bank Central Asia Tbk 1234567890", None, None, "ID:CENA:1234567890"),
    ("RHB a/c 12345678901234", "MY", None, "MY:RHBB:12345678901234"),
    ("BSN 1234567890123456", "MY", None, "MY:BSNA:1234567890123456"),
    ("DBS 012-345678-9", "SG", None, "SG:DBSS:0123456789"),
    ("POSB 123-45678-9", "SG", None, "SG:DBSS:123456789"),
    ("OCBC 5012 3456 7001", "SG", None, "SG:OCBC:501234567001"),
    ("KBank 123-4-56789-0", "TH", None, "TH:KASI:1234567890"),
    ("K-Bank 1234567890", "TH", None, "TH:KASI:1234567890"),
    ("SCB 123-456789-0", "TH", None, "TH:SICO:1234567890"),
    ("Siam Commercial 1234567890", None, None, "TH:SICO:1234567890"),
    ("1234567890", "TH", "KASITHBK", "TH:KASI:1234567890"),
    ("กสิกรไทย", "TH", None, None),  # a bank name without a number: rejected
    ("กสิกรไทย 123-4-56789-0", "TH", None, "TH:KASI:1234567890"),
    ("ธนาคารไทยพาณิชย์ 123-456789-0", "TH", None, "TH:SICO:1234567890"),
    ("123456789012", "TH", "ธ.ก.ส.", "TH:BAAB:123456789012"),
    ("Ngân hàng Ngoại thương 0071001234567", "VN", None, "VN:BFTV:0071001234567"),
    ("ngan hang quan doi 0123456789", "VN", None, "VN:MSCB:0123456789"),  # typed unaccented
    ("0123456789", "VN", "Đầu tư và Phát triển", "VN:BIDV:0123456789"),
    ("BDO SA 0012-3456-7890", "PH", None, "PH:BNOR:001234567890"),
    ("BPI 1234 5678 90", "PH", None, "PH:BOPI:1234567890"),
    ("BCA 123 456 7890", "ID", None, "ID:CENA:1234567890"),
    ("Mandiri 123-00-1234567-8", "ID", None, "ID:BMRI:1230012345678"),
    ("BRI 0123-01-012345-53-1", "ID", None, "ID:BRIN:012301012345531"),
    ("Vietcombank 0071001234567", "VN", None, "VN:BFTV:0071001234567"),
    ("Techcombank 19036789012345", "VN", None, "VN:VTCB:19036789012345"),
    ("ABA 000 123 456", "KH", None, "KH:ABAA:000123456"),
    ("BCEL 010-12-00-12345678-001", "LA", None, "LA:COEB:010120012345678001"),
    ("KBZ 0123 4567 8901 23456", "MM", None, "MM:KBZB:01234567890123456"),
    ("BIBD 00-001-01-0123456", "BN", None, "BN:BIBD:00001010123456"),
    ("TAIB 1234567890", "BN", None, "BN:XTAI:1234567890"),
    ("７０１２３４５６７８ CIMB", "MY", None, "MY:CIBB:7012345678"),
]


@pytest.mark.parametrize(("raw", "country", "qualifier", "expected"), BANK_ACCOUNTS)
def test_bank_accounts(
    raw: str, country: str | None, qualifier: str | None, expected: str | None
) -> None:
    if expected is None:
        with pytest.raises(InvalidIdentifier):
            canonicalize("bank_account", raw, country=country, qualifier=qualifier)
        return
    result = canonicalize("bank_account", raw, country=country, qualifier=qualifier)
    assert result.value == expected
    assert result.country == expected[:2]
    assert canonicalize(result.kind, result.value, country=result.country) == result


@pytest.mark.parametrize(
    ("raw", "country", "qualifier", "fragment"),
    [
        ("Maybank 514012345678", None, None, "several countries"),
        ("Foo Bank 1234567890", "MY", None, "unknown bank"),
        ("1234567890", "MY", None, "which bank"),
        ("Maybank", "MY", None, "no account number"),
        ("Maybank 1234", "MY", None, "has 4 digits; a Maybank account number has 12 digits"),
        ("MY:DBSS:1234567890", None, None, "DBS Bank (SG)"),
        ("Maybank 514012345678", "MY", "CIMB", "bank given is CIMB Bank"),
        ("MY:MBBE:514012345678", None, "KBank", "was given"),
        ("Maybank 5140 1234 567O", "MY", None, "digits only"),
    ],
)
def test_bank_account_errors(
    raw: str, country: str | None, qualifier: str | None, fragment: str
) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("bank_account", raw, country=country, qualifier=qualifier)
    assert fragment in info.value.reason


EWALLETS = [
    ("GCash 0917 123 4567", None, None, "gcash:+639171234567"),
    ("gcash:+639171234567", None, None, "gcash:+639171234567"),
    ("0917-123-4567", "PH", "GCash", "gcash:+639171234567"),
    ("PayMaya 09171234567", None, None, "maya:+639171234567"),
    ("TNG 012-345 6789", None, None, "tng:+60123456789"),
    ("Touch 'n Go eWallet: 012-345 6789", "MY", None, "tng:+60123456789"),
    ("9123 4567", "SG", "GrabPay", "grabpay:+6591234567"),
    ("GrabPay 0917 123 4567", "PH", None, "grabpay:+639171234567"),
    ("TrueMoney 081-234-5678", "TH", None, "truemoney:+66812345678"),
    ("TrueMoney 097 123 4567", "KH", None, "truemoney_kh:+855971234567"),
    ("DANA 0812-3456-7890", None, None, "dana:+6281234567890"),
    ("MoMo 090 123 45 67", None, None, "momo:+84901234567"),
    ("KBZPay 09 250 123 456", None, None, "kbzpay:+959250123456"),
    ("OnePay 09 7812 34567", None, None, "onepay:+959781234567"),
    ("BCEL OnePay 0101200001234567", None, None, "bcelone:0101200001234567"),
    ("PayNow S1234567D", None, None, "paynow:S1234567D"),
    ("PayNow 9123 4567", None, None, "paynow:+6591234567"),
    ("PromptPay 1-1017-00203-45-0", None, None, "promptpay:1101700203450"),
    ("0812345678 (PromptPay)", None, None, "promptpay:+66812345678"),
    ("DuitNow 012-345 6789", None, None, "duitnow:+60123456789"),
    ("BCEL One 010-12-00-12345678", None, None, "bcelone:010120012345678"),
]


@pytest.mark.parametrize(("raw", "country", "qualifier", "expected"), EWALLETS)
def test_ewallets(raw: str, country: str | None, qualifier: str | None, expected: str) -> None:
    result = canonicalize("ewallet", raw, country=country, qualifier=qualifier)
    assert result.value == expected
    assert canonicalize(result.kind, result.value, country=result.country) == result


@pytest.mark.parametrize(
    ("raw", "qualifier", "fragment"),
    [
        ("0917 123 4567", None, "which e-wallet"),
        ("FooPay 0917 123 4567", None, "which e-wallet"),
        ("GCash 123", None, "phone number"),
        ("GCash 0917 123 4567", "Boost", "Boost"),
        ("0917 123 4567", "NoSuchWallet", "unknown e-wallet"),
    ],
)
def test_ewallet_errors(raw: str, qualifier: str | None, fragment: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("ewallet", raw, qualifier=qualifier)
    assert fragment in info.value.reason
