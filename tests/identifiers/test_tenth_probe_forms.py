"""Tenth probe: bank accounts of the smaller members' banks and the big ones, as their people
write them (native scripts and digits, branch and bank codes, product names, holders)."""

from __future__ import annotations

import pytest

from tests.identifiers.forms import reason, value

# Forms read correctly before this probe, kept so that they stay read.
READ = [
    ("LA", "BCEL 010-12-00-01234567-001", "LA:COEB:010120001234567001"),
    ("LA", "ທະນາຄານການຄ້າຕ່າງປະເທດລາວ 010120001234567001", "LA:COEB:010120001234567001"),
    ("LA", "BCEL ໐໑໐໑໒໐໐໐໑໒໓໔໕໖໗໐໐໑", "LA:COEB:010120001234567001"),
    ("LA", "ທະນາຄານພັດທະນາລາວ 0201000123456", "LA:LDBB:0201000123456"),
    ("LA", "APB 1234567890123", "LA:XAPB:1234567890123"),
    ("KH", "ABA 000 123 456", "KH:ABAA:000123456"),
    ("KH", "ABA ០០០ ១២៣ ៤៥៦", "KH:ABAA:000123456"),
    ("KH", "អេស៊ីលីដា 000101234567891", "KH:ACLB:000101234567891"),
    ("KH", "ACLEDA 0001-01-234567-8-9", "KH:ACLB:00010123456789"),
    ("KH", "Wing Bank 01234567", "KH:WBKH:01234567"),
    ("KH", "Canadia 001-0000123456", "KH:CADI:0010000123456"),
    ("MM", "KBZ 0273-0102-7123-4560-1", "MM:KBZB:02730102712345601"),
    ("MM", "ကမ္ဘောဇ ၀၂၇၃၀၁၀၂၇၁၂၃၄၅၆၀၁", "MM:KBZB:02730102712345601"),
    ("MM", "AYA Bank 0123-4567-8901-2", "MM:AYAB:0123456789012"),
    ("MM", "CB Bank 0001 6001 0001 2345", "MM:CPOB:0001600100012345"),
    ("MM", "Yoma 0011 1234 5678", "MM:YOMA:001112345678"),
    ("MM", "MAB 0030 1234 5678 901", "MM:XMAB:003012345678901"),
    ("BN", "BIBD 00-001-01-0012345", "BN:BIBD:00001010012345"),
    ("BN", "Baiduri 01-012345-001", "BN:BAIB:01012345001"),
    ("BN", "Standard Chartered Brunei 01-1234567-01", "BN:SCBL:01123456701"),
    ("SG", "DBS 123-456789-0", "SG:DBSS:1234567890"),
    ("SG", "POSB 123-45678-9", "SG:DBSS:123456789"),
    ("SG", "DBS/POSB 123-45678-9", "SG:DBSS:123456789"),
    ("SG", "OCBC 501-123456-001", "SG:OCBC:501123456001"),
    ("SG", "UOB 123-456-789-0", "SG:UOVB:1234567890"),
    ("PH", "BPI 1234-5678-90", "PH:BOPI:1234567890"),
    ("PH", "BDO SA 0012-3456-7890", "PH:BNOR:001234567890"),
    ("PH", "Metrobank 123-3-12345678-9", "PH:MBTC:1233123456789"),
    ("PH", "Landbank 1234-5678-90", "PH:TLBP:1234567890"),
    ("PH", "UnionBank 1094-1234-5678", "PH:UBPH:109412345678"),
    ("ID", "BRI 0123-01-012345-50-1", "ID:BRIN:012301012345501"),
    ("ID", "Mandiri 123-00-1234567-8", "ID:BMRI:1230012345678"),
    ("ID", "BNI 012-345-6789", "ID:BNIN:0123456789"),
    ("ID", "BSI 712-345-6789", "ID:BSMD:7123456789"),
    ("VN", "Techcombank 1903 1234 5678 90", "VN:VTCB:19031234567890"),
    ("VN", "MB Bank: 0123456789999", "VN:MSCB:0123456789999"),
    ("VN", "ACB 1234 5678", "VN:ASCB:12345678"),
    ("VN", "VPBank 0123-456-789", "VN:VPBK:0123456789"),
    ("VN", "Agribank 1500 205 123456", "VN:VBAA:1500205123456"),
    ("TH", "กสิกร ๑๒๓-๔-๕๖๗๘๙-๐", "TH:KASI:1234567890"),
    ("TH", "ไทยพาณิชย์ 123-4-56789-0", "TH:SICO:1234567890"),
    ("TH", "Krungthai 123-0-12345-6", "TH:KRTH:1230123456"),
    ("MY", "Public Bank 3-1234567-89", "MY:PBBE:3123456789"),
    ("MY", "RHB 2-12123-0012345-6", "MY:RHBB:21212300123456"),
    ("MY", "Hong Leong 123-4567-8901", "MY:HLBB:12345678901"),
    ("MY", "AmBank 888-101-234567-8", "MY:ARBK:8881012345678"),
    ("MY", "Bank Islam 12-345-01-234567-8", "MY:BIMB:12345012345678"),
    ("MY", "BSN 1234 5678 9012 3456", "MY:BSNA:1234567890123456"),
]


@pytest.mark.parametrize(("country", "raw", "expected"), READ)
def test_the_members_banks_as_written(country: str, raw: str, expected: str) -> None:
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


@pytest.mark.parametrize(
    ("country", "raw", "expected"),
    [
        # The account's product after the bank's name: one of the bank's accounts.
        ("SG", "DBS Multiplier 123-456789-0", "SG:DBSS:1234567890"),
        ("SG", "POSB eSavings 123-45678-9", "SG:DBSS:123456789"),
        ("SG", "POSB Everyday 123-45678-9", "SG:DBSS:123456789"),
        ("SG", "UOB One 123-456-789-0", "SG:UOVB:1234567890"),
        ("SG", "UOB One Account 123-456-789-0", "SG:UOVB:1234567890"),
        ("SG", "OCBC 360 501-123456-001", "SG:OCBC:501123456001"),
        ("MY", "BSN Giro 1234567890123456", "MY:BSNA:1234567890123456"),
        ("MM", "KBZ Special 02730102712345601", "MM:KBZB:02730102712345601"),
        ("ID", "BRI Britama 0123-01-012345-50-1", "ID:BRIN:012301012345501"),
        # Singapore's bank code before the account, as transfer forms ask for it.
        ("SG", "DBS 7171 123-456789-0", "SG:DBSS:1234567890"),
        ("SG", "OCBC 7339 501-123456-001", "SG:OCBC:501123456001"),
        ("SG", "UOB 7375 123-456-789-0", "SG:UOVB:1234567890"),
        # The bank named twice, in English and Thai, without brackets.
        ("TH", "SCB ไทยพาณิชย์ 123-4-56789-0", "TH:SICO:1234567890"),
        ("TH", "KBank กสิกรไทย 123-4-56789-0", "TH:KASI:1234567890"),
        # The holder's name between the bank and the number, after "a.n." (in the name of).
        ("ID", "BRI a.n. Budi Santoso 012301012345501", "ID:BRIN:012301012345501"),
        ("ID", "BCA atas nama Budi Santoso 1234567890", "ID:CENA:1234567890"),
    ],
)
def test_forms_that_were_refused_are_read(country: str, raw: str, expected: str) -> None:
    # Each was refused, as an "unknown bank 'UOB One'" or "has 14 digits".
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


@pytest.mark.parametrize(
    ("country", "raw", "expected"),
    [
        # Wing alone is the e-wallet; Wing Bank is the bank.
        ("KH", "Wing 01234567", "names Wing, an e-wallet, not a bank; enter it as kind ewallet"),
        # BCEL One is BCEL's app wallet, filed as an e-wallet.
        ("LA", "BCEL One 160120001234567", "names BCEL One, an e-wallet, not a bank"),
        # Digits missing or added: KBZ accounts have 17 digits, UOB's 10.
        ("MM", "KBZ 0273 0102 7123 4560", "has 16 digits; a KBZ Bank account number has 17"),
        ("SG", "UOB 123-456-789", "has 9 digits; a UOB account number has 10 digits"),
        # A product word is no bank alone, and another bank's code is not this one's.
        ("SG", "UOB 7171 123-456-789-0", "has 14 digits"),
        # "BCA Syariah" is another bank than BCA: a name after a bank is not dropped.
        ("ID", "BCA Syariah Foo 1234567890", "names an unknown bank"),
    ],
)
def test_forms_refused_with_the_reason(country: str, raw: str, expected: str) -> None:
    assert expected in reason("bank_account", raw, country)
