"""Eleventh probe: identifiers as people in the ten countries write them (group BICs, merged
banks, wallets in local scripts, extensions in local words, exchange memos, two networks
named as alternatives, e-mail addresses with an ending that does not exist)."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

TON = "UQDRNCQex5RL1Znhg0q0uYfbqRJqSg9F0DXWamvf4VsRHGXU"
TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"


@pytest.mark.parametrize(
    ("raw", "qualifier", "expected"),
    [
        # A Malaysian group's Islamic bank has a BIC of its own; its name was read as the
        # group's bank and its BIC as another bank (MY:MBIS), so one account had two values.
        ("MBISMYKL 564012345678", None, "MY:MBBE:564012345678"),
        ("MBISMYKLXXX 5640 1234 5678", None, "MY:MBBE:564012345678"),
        ("564012345678", "MBISMYKL", "MY:MBBE:564012345678"),
        ("MY:MBIS:564012345678", None, "MY:MBBE:564012345678"),
        ("Maybank Islamic 564012345678", None, "MY:MBBE:564012345678"),
        ("CTBBMYKL 8601234567", None, "MY:CIBB:8601234567"),
        ("HLIBMYKL 12345678901", None, "MY:HLBB:12345678901"),
        ("RHBAMYKL 21401234567890", None, "MY:RHBB:21401234567890"),
    ],
)
def test_a_groups_islamic_bank_bic_is_the_groups_bank(
    raw: str, qualifier: str | None, expected: str
) -> None:
    assert value("bank_account", raw, "MY", qualifier) == f"bank_account:{expected}"


@pytest.mark.parametrize(
    "raw",
    [
        "BPI Family 1234567890",
        "BPI Family Savings 1234-5678-90",
        "BPI Family Savings Bank 1234567890",
        "Robinsons Bank 1234567890",
    ],
)
def test_banks_merged_into_bpi_are_bpi(raw: str) -> None:
    # Named an unknown bank before: the merged banks' accounts are BPI's.
    assert value("bank_account", raw, "PH") == "bank_account:PH:BOPI:1234567890"


@pytest.mark.parametrize(
    ("country", "raw", "expected"),
    [
        ("LA", "ເອັມມັນນີ່ 020 5512 3456", "mmoney:+8562055123456"),
        ("LA", "ຢູມັນນີ່ 020 5512 3456", "umoney:+8562055123456"),
        ("LA", "ບີຊີອີແອລ ວັນ 020 5512 3456", "bcelone:+8562055123456"),
        ("LA", "ກະເປົາເງິນ ເອັມມັນນີ່ 020 5512 3456", "mmoney:+8562055123456"),
        ("KH", "បាគង 012 345 678", "bakong:+85512345678"),
        ("KH", "ភីភេ 012 345 678", "pipay:+85512345678"),
        ("KH", "ទ្រូម៉ាន់នី 012 345 678", "truemoney_kh:+85512345678"),
        ("VN", "Ví điện tử MoMo 0912345678", "momo:+84912345678"),
        ("TH", "ทรูมันนี่ วอลเล็ท 081-234-5678", "truemoney:+66812345678"),
        ("MM", "ဝေ့ပေး 09 425 012 345", "wavepay:+959425012345"),
    ],
)
def test_wallets_named_in_the_members_scripts(country: str, raw: str, expected: str) -> None:
    assert value("ewallet", raw, country) == f"ewallet:{expected}"


@pytest.mark.parametrize(
    ("country", "raw", "expected"),
    [
        # "pes." (Indonesian "pesawat") made the number an SMS sender name; the others
        # were refused as neither a number nor a sender.
        ("ID", "021-1234567 pes. 123", "+62211234567"),
        ("ID", "Telp. 021-1234567 pesawat 123", "+62211234567"),
        ("MY", "03-2345 6789 samb. 12", "+60323456789"),
        ("MY", "03-2345 6789 sambungan 12", "+60323456789"),
        ("VN", "028 3822 1234 máy lẻ 123", "+842838221234"),
        ("VN", "028 3822 1234 số máy lẻ 12", "+842838221234"),
        ("VN", "028 3822 1234 nhánh 12", "+842838221234"),
        ("LA", "021 234 567 ຕໍ່ 12", "+85621234567"),
        ("TH", "02-123-4567 ต่อ 123", "+6621234567"),
    ],
)
def test_extensions_in_the_regions_words(country: str, raw: str, expected: str) -> None:
    assert value("phone", raw, country) == f"phone:{expected}"


@pytest.mark.parametrize(
    ("raw", "qualifier"),
    [
        (f"ERC20/BEP20 {EVM}", None),
        (f"{EVM} (ERC20/BEP20)", None),
        (f"BEP20 or ERC20: {EVM}", None),
        (EVM, "ERC20/BEP20"),
    ],
)
def test_two_networks_as_alternatives_are_not_guessed(raw: str, qualifier: str | None) -> None:
    # Read as BNB Smart Chain before: the report does not say which network was used.
    why = reason("crypto_wallet", raw, qualifier=qualifier)
    assert "Ethereum or BNB Smart Chain" in why or "BNB Smart Chain or Ethereum" in why
    assert "give the one the money went on" in why


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"ETH/ERC20 {EVM}", f"eth:{EVM}"),
        (f"USDT/TRC20 {TRON}", f"tron:{TRON}"),
        (f"https://bscscan.com/address/{EVM}", f"bsc:{EVM}"),
    ],
)
def test_one_network_written_twice_is_read(raw: str, expected: str) -> None:
    assert value("crypto_wallet", raw) == f"crypto_wallet:{expected}"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"{TON} Memo: 104567832", f"ton:{TON}"),
        (f"{TON} (memo 104567832)", f"ton:{TON}"),
        (f"{TON}, MEMO/Tag: 104567832", f"ton:{TON}"),
        (f"TON {TON} comment abc123XYZ", f"ton:{TON}"),
        # A memo of 25 characters or more was taken for a second address and refused.
        (f"{TRON} memo ABCDEFGHJKLMNPQRSTUVWXYZ123456", f"tron:{TRON}"),
        (f"{TRON} Destination Tag: 123456", f"tron:{TRON}"),
    ],
)
def test_an_exchange_memo_after_the_address_is_read(raw: str, expected: str) -> None:
    # The memo is kept in the value as written (intake stores it beside the canonical form);
    # the canonical form is chain:address, as DESIGN.md has it.
    assert value("crypto_wallet", raw) == f"crypto_wallet:{expected}"
    assert guess_kind(raw) == "crypto_wallet"  # "Detect automatically" found no kind for TON


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("john@gmail.con", "if john@gmail.com is meant, enter it so"),
        ("John.Doe@Gmail.cmo", "if john.doe@gmail.com is meant, enter it so"),
        ("john@yahoo.comm", "if john@yahoo.com is meant, enter it so"),
        ("john@yahoo.com.sgg", "if john@yahoo.com.sg is meant, enter it so"),
        ("john@evil.xyzq", "check the address with the report"),
    ],
)
def test_an_email_ending_in_no_top_level_domain_is_refused_with_a_hint(
    raw: str, expected: str
) -> None:
    # Kept before as written: an address no mail reaches, which matched no other report.
    why = reason("email", raw)
    assert "which is no top-level domain" in why
    assert why.endswith(expected)


@pytest.mark.parametrize(
    "raw", ["john@yaho.com", "john@gmial.com", "john@gmail.co", "john@example.example"]
)
def test_look_alike_and_reserved_email_domains_stay_as_written(raw: str) -> None:
    # A look-alike domain that exists may be the scammer's own: never mended.
    assert value("email", raw) == f"email:{raw}"


def test_an_invalid_number_with_a_country_code_is_named_by_that_code() -> None:
    # Said "not a valid phone number in Singapore" (the reporting country) before.
    why = reason("phone", "+44 7700 900123", "SG")
    assert "not a valid phone number in United Kingdom" in why
    assert "+44" in why.rpartition("written like")[2]
