"""Forms outside testers wrote: token payment links, numbers side by side, hidden digits,
labels before banks, IPs and links."""

from __future__ import annotations

import base58
import bech32
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.identifiers.guess import guess_kind

USDT_ETH = "0xdAC17F958D2ee523a2206206994597C13D831ec7"
USDT_BSC = "0x55d398326f99059fF775485246999027B3197955"
PAYEE = "0xde0b295669a9fd93d5f28d9ec85e40f4cb697bae"
PAYEE_EIP55 = "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"


def _value(kind: str, raw: str, country: str | None = None) -> str:
    found = canonicalize(kind, raw, country=country)
    return f"{found.kind}:{found.value}"


def _reason(kind: str, raw: str, country: str | None = None) -> str:
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize(kind, raw, country=country)
    return caught.value.reason


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"ethereum:{USDT_ETH}@1/transfer?address={PAYEE}&uint256=1e6", f"eth:{PAYEE_EIP55}"),
        (f"ethereum:{USDT_ETH}/transfer?uint256=1&address={PAYEE}", f"eth:{PAYEE_EIP55}"),
        (f"ethereum:{USDT_BSC}@56/transfer?address={PAYEE}&uint256=1e18", f"bsc:{PAYEE_EIP55}"),
    ],
)
def test_a_token_payment_link_is_its_payee_not_the_token_contract(raw: str, expected: str) -> None:
    # Every USDT payment QR names the same contract: reading it glued unrelated reports.
    assert canonicalize("crypto_wallet", raw).value == expected


def test_a_token_link_without_payee_or_calling_another_function_is_refused() -> None:
    assert "without the payee" in _reason(
        "crypto_wallet", f"ethereum:{USDT_ETH}@1/transfer?uint256=1"
    )
    assert "'approve'" in _reason("crypto_wallet", f"ethereum:{USDT_ETH}@1/approve?address={PAYEE}")


@pytest.mark.parametrize("gap", [",", ";", ", "])
def test_two_token_payment_links_in_one_cell_are_refused_not_one_dropped(gap: str) -> None:
    other = "0x" + "2" * 40
    raw = (
        f"ethereum:{USDT_ETH}@1/transfer?address={PAYEE}&uint256=1e6{gap}"
        f"ethereum:{USDT_ETH}@1/transfer?address={other}"
    )
    assert "more than one address" in _reason("crypto_wallet", raw)


@pytest.mark.parametrize("gap", [",", ", ", ";", "; "])
def test_two_plain_payment_links_in_one_cell_are_refused_not_one_dropped(gap: str) -> None:
    # The first link's query (?value=1) used to run to the end of the cell, second link and all.
    raw = f"ethereum:{PAYEE}?value=1{gap}ethereum:0x{'2' * 40}"
    assert "more than one address" in _reason("crypto_wallet", raw)


def test_a_payment_links_query_with_a_comma_is_still_one_address() -> None:
    raw = "bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.1&label=Shop,Ltd"
    assert canonicalize("crypto_wallet", raw).value == (
        "btc:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
    )


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("0812345678 0898765432", "TH"),
        ("0812345678\n0898765432", "TH"),
        ("081 234 5678 089 876 5432", "TH"),
        ("+60123456789 +60198765432", None),
        ("60123456789 60198765432", "MY"),
    ],
)
def test_two_numbers_side_by_side_are_refused_as_two(raw: str, country: str | None) -> None:
    assert "holds more than one phone number" in _reason("phone", raw, country)


@pytest.mark.parametrize("raw", ["12 " * 680, "1 " * 1020, "+1 " * 680, "0812345678 " * 180])
def test_a_long_cell_of_digit_groups_is_refused_without_trying_every_split(
    raw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each split of 1,000 groups was tried as two numbers: ~0.1 s a cell, hours for a file.
    from counterscam.identifiers import phone

    calls: list[str] = []
    attempt = phone._attempt

    def counted(text: str, region: str | None) -> tuple[object, bool]:
        calls.append(text)
        return attempt(text, region)

    monkeypatch.setattr(phone, "_attempt", counted)
    assert "is not a phone number" in _reason("phone", raw, "MY")
    assert len(calls) < 20


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["0812345678", "089 876 5432", "+66 81 234 5678", "02-123-4567"]),
    st.sampled_from(["0898765432", "081-234-5678", "+66898765432"]),
    st.sampled_from([" ", "\n", "  ", "\t"]),
)
def test_any_two_thai_numbers_in_one_cell_are_refused(first: str, second: str, gap: str) -> None:
    assert "holds more than one phone number" in _reason("phone", first + gap + second, "TH")


@pytest.mark.parametrize(
    ("raw", "country"),
    [
        ("012-345 XXXX", "MY"),
        ("012-345 6xxx", "MY"),
        ("012-345****", "MY"),
        ("08123****78", "ID"),
        ("+62 812 3456 XXXX", None),
    ],
)
def test_a_number_with_hidden_digits_is_refused_not_a_sender_name(
    raw: str, country: str | None
) -> None:
    # "012-345 XXXX" was kept as the SMS sender name "MY:012-345 XXXX".
    assert "digits hidden" in _reason("phone", raw, country)


@pytest.mark.parametrize("raw", ["XOX 123", "MAXIS", "BOX123"])
def test_sender_names_with_x_are_still_sender_names(raw: str) -> None:
    assert canonicalize("phone", raw, country="MY").kind == "sender_id"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+840162 123 4567", "+84321234567"),
        ("+84 (0) 168 123 4567", "+84381234567"),
        ("+84 0168 123 4567", "+84381234567"),
    ],
)
def test_an_old_vietnamese_mobile_with_the_trunk_zero_after_84_is_moved(
    raw: str, expected: str
) -> None:
    assert canonicalize("phone", raw).value == expected
    assert canonicalize("phone", "0" + expected[3:], country="VN").value == expected


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("SWIFT: MBBEMYKL A/C 514012345678", None, "MY:MBBE:514012345678"),
        ("BIC MBBEMYKLXXX Acc No 514012345678", None, "MY:MBBE:514012345678"),
        ("SWIFT code MBBEMYKL, account 514012345678", None, "MY:MBBE:514012345678"),
        ("Swift/BIC: BFTVVNVX STK 0011001234567", None, "VN:BFTV:0011001234567"),
        ("NH TMCP Á Châu 12345678", "VN", "VN:ASCB:12345678"),
        ("NH TMCP Ngoai Thuong Viet Nam 0011001234567", "VN", "VN:BFTV:0011001234567"),
    ],
)
def test_bank_labels_and_vietnamese_legal_forms_are_not_the_bank_name(
    raw: str, country: str | None, expected: str
) -> None:
    assert canonicalize("bank_account", raw, country=country).value == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("mailto:john@example.com?subject=x", "john@example.com"),
        ("<mailto:john@example.com?cc=a@b.com>", "john@example.com"),
    ],
)
def test_a_mailto_links_message_is_not_part_of_the_address(raw: str, expected: str) -> None:
    assert canonicalize("email", raw).value == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("IP: 203.0.113.5", "203.0.113.5"),
        ("IPv6: 2001:db8::1", "2001:db8::1"),
        ("ip address 203.0.113.5", "203.0.113.5"),
    ],
)
def test_an_ip_label_is_dropped(raw: str, expected: str) -> None:
    assert canonicalize("ip", raw).value == expected


@pytest.mark.parametrize("raw", ["203.0.113.5, 203.0.113.6", "203.0.113.5 and 2001:db8::1"])
def test_two_ips_are_refused_as_two(raw: str) -> None:
    assert "holds more than one IP address" in _reason("ip", raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Telegram: t.me/scammer_01", "handle:telegram:scammer_01"),
        ("Telegram t.me/Scammer_01", "handle:telegram:scammer_01"),
        ("LINE: https://line.me/ti/p/~scammer01", "handle:line:scammer01"),
        ("WhatsApp: wa.me/60123456789", "phone:+60123456789"),
    ],
)
def test_a_platform_name_before_its_profile_link(raw: str, expected: str) -> None:
    assert _value("handle", raw) == expected


def test_a_platform_name_before_another_platforms_link_is_refused() -> None:
    reason = _reason("handle", "Telegram: https://line.me/ti/p/~scammer01")
    assert "names Telegram but links to another platform" in reason


def _bnb_beacon(payload: bytes) -> str:
    words = bech32.convertbits(list(payload), 8, 5)
    assert words is not None
    return str(bech32.bech32_encode("bnb", words))


XRP_ADDRESS = base58.b58encode_check(
    b"\x00" + bytes(range(20)), alphabet=base58.XRP_ALPHABET
).decode("ascii")


@pytest.mark.parametrize("raw", ["scammer.eth", "ENS: scammer.eth", "pay.vitalik.eth"])
def test_an_ens_name_is_told_to_be_a_name_not_an_address(raw: str) -> None:
    # It was "has no wallet address in it", and the check page took it for a domain.
    reason = _reason("crypto_wallet", raw)
    assert "is an ENS name, not a wallet address" in reason
    assert "enter the 0x address it points to" in reason


@pytest.mark.parametrize("raw", ["scammer.eth", "pay.vitalik.eth"])
def test_a_name_alone_is_guessed_a_wallet_so_the_check_page_says_what_it_is(raw: str) -> None:
    assert guess_kind(raw) == "crypto_wallet"


def test_a_ton_name_alone_stays_a_domain_since_it_may_be_a_ton_site() -> None:
    assert guess_kind("scammer.ton") == "domain"


def test_a_ton_dns_name_is_told_to_be_a_name_not_an_address() -> None:
    assert "is a TON DNS name, not a wallet address" in _reason("crypto_wallet", "scammer.ton")


def test_an_address_beside_an_ens_name_is_still_read() -> None:
    found = canonicalize("crypto_wallet", f"scammer.eth {USDT_ETH}")
    assert found.value == f"eth:{USDT_ETH}"


@pytest.mark.parametrize(("qualifier"), [None, "BNB", "BEP2"])
def test_a_bnb_beacon_chain_address_is_told_its_chain_is_retired(qualifier: str | None) -> None:
    address = _bnb_beacon(bytes(range(20)))
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize("crypto_wallet", address, qualifier=qualifier)
    assert "BNB Beacon Chain" in caught.value.reason
    assert "shut down" in caught.value.reason
    assert guess_kind(address) == "crypto_wallet"


@pytest.mark.parametrize(
    "raw",
    [XRP_ADDRESS, f"XRP {XRP_ADDRESS}", f"Ripple: {XRP_ADDRESS[:-1]}x", f"XRP: {XRP_ADDRESS[:-2]}"],
)
def test_an_xrp_address_is_an_unknown_chain_not_a_typo(raw: str) -> None:
    # A valid XRP address was "fails its address checksum": Ripple's base58 alphabet differs.
    reason = _reason("crypto_wallet", raw)
    assert "XRP is not a known chain" in reason
    assert "tron, ltc, doge, sol, ton)" in reason  # the chains it can give instead
    assert "checksum" not in reason


@pytest.mark.parametrize("raw", ["XRP", "Ripple XRPL", "send XRP"])
def test_xrp_named_without_an_address_is_an_unknown_chain(raw: str) -> None:
    assert "names XRP (the XRP Ledger), which is not a known chain" in _reason("crypto_wallet", raw)
