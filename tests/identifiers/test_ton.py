"""TON wallets: every spelling of one account is one identifier; typos and testnet refused.

Addresses are built here from their bytes, with a CRC16-XMODEM written out bit by bit, so
no test trusts an address copied from elsewhere or the code's own checksum.
"""

from __future__ import annotations

import base64

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counterscam.identifiers import InvalidIdentifier, canonicalize
from counterscam.identifiers.guess import guess_kind

BOUNCEABLE, NON_BOUNCEABLE, TEST_ONLY = 0x11, 0x51, 0x80
# Bytes whose base64 has "+" and "/" in it, so the standard and url-safe spellings differ.
ACCOUNT = bytes.fromhex("fbff" * 8 + "0123456789abcdef" * 2)
OTHER = bytes(range(32))


def crc16_xmodem(data: bytes) -> int:
    crc = 0
    for byte in data:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return crc


def friendly(
    account: bytes, *, flag: int = BOUNCEABLE, workchain: int = 0, urlsafe: bool = True
) -> str:
    body = bytes([flag, workchain & 0xFF]) + account
    data = body + crc16_xmodem(body).to_bytes(2, "big")
    encode = base64.urlsafe_b64encode if urlsafe else base64.b64encode
    return encode(data).decode("ascii")


CANONICAL = "ton:" + friendly(ACCOUNT, flag=NON_BOUNCEABLE)
EQ = friendly(ACCOUNT)
UQ = friendly(ACCOUNT, flag=NON_BOUNCEABLE)
EQ_STANDARD = friendly(ACCOUNT, urlsafe=False)
UQ_STANDARD = friendly(ACCOUNT, flag=NON_BOUNCEABLE, urlsafe=False)
RAW = "0:" + ACCOUNT.hex()


def _value(raw: str, qualifier: str | None = None) -> str:
    return canonicalize("crypto_wallet", raw, qualifier=qualifier).value


def _reason(raw: str, qualifier: str | None = None) -> str:
    with pytest.raises(InvalidIdentifier) as caught:
        canonicalize("crypto_wallet", raw, qualifier=qualifier)
    return caught.value.reason


def test_the_test_checksum_is_crc16_xmodem() -> None:
    assert crc16_xmodem(b"123456789") == 0x31C3  # the published check value


def test_the_spellings_built_here_are_the_forms_wallets_show() -> None:
    assert EQ.startswith("EQ") and UQ.startswith("UQ")
    assert friendly(ACCOUNT, flag=BOUNCEABLE | TEST_ONLY).startswith("kQ")
    assert friendly(ACCOUNT, flag=NON_BOUNCEABLE | TEST_ONLY).startswith("0Q")
    assert set("+/") & set(EQ_STANDARD) and set("-_") & set(EQ)
    assert len(EQ) == 48


@pytest.mark.parametrize(
    "raw",
    [
        EQ,
        UQ,
        EQ_STANDARD,
        UQ_STANDARD,
        RAW,
        RAW.upper(),
        CANONICAL,
        f"TON: {UQ}",
        f"USDT TON {EQ}",
        f"USDT-TON: {EQ_STANDARD}",
        f"Telegram Wallet {UQ}",
        f"“{UQ}”.",
    ],
)
def test_every_spelling_of_one_account_is_one_identifier(raw: str) -> None:
    # Bounceable or not, url-safe or standard base64, raw: one account, so one value that
    # links the reports a victim of Telegram's Wallet and one of Tonkeeper make.
    assert _value(raw) == CANONICAL


@pytest.mark.parametrize(
    "qualifier",
    [
        "TON",
        "Toncoin",
        "The Open Network",
        "USDT-TON",
        "USDT TON",
        "Jetton",
        "Telegram Wallet",
        "Wallet in Telegram",
        "Tonkeeper",
        "USDT",
    ],
)
def test_the_names_people_give_the_chain(qualifier: str) -> None:
    assert _value(EQ, qualifier) == CANONICAL


@pytest.mark.parametrize(
    "raw",
    [
        f"ton://transfer/{EQ}?amount=1000000000&text=deposit",
        f"ton://transfer/{UQ_STANDARD}?amount=5",
        f"https://app.tonkeeper.com/transfer/{EQ}?amount=1000",
        f"https://tonviewer.com/{EQ}",
        f"https://tonviewer.com/{RAW}",
        f"https://tonscan.org/address/{EQ_STANDARD}",
        f"tonscan.org/address/{UQ}#transactions",
    ],
)
def test_a_payment_link_or_an_explorer_page_is_its_address(raw: str) -> None:
    assert _value(raw) == CANONICAL


def test_the_canonical_value_reads_back_as_itself() -> None:
    found = canonicalize("crypto_wallet", EQ)
    assert canonicalize(found.kind, found.value) == found


@pytest.mark.parametrize("index", [3, 10, 25, 40, 46, 47])
def test_a_one_character_typo_is_refused_as_a_checksum_failure(index: int) -> None:
    old = UQ[index]
    typo = UQ[:index] + ("B" if old != "B" else "C") + UQ[index + 1 :]
    assert "fails its address checksum" in _reason(typo)
    assert guess_kind(typo) == "crypto_wallet"  # so the check page says so too


@pytest.mark.parametrize("flag", [BOUNCEABLE | TEST_ONLY, NON_BOUNCEABLE | TEST_ONLY])
def test_a_test_only_address_is_refused(flag: int) -> None:
    assert "test-network address" in _reason(friendly(ACCOUNT, flag=flag))


def test_the_masterchain_is_another_account_than_the_basechain() -> None:
    master = _value("-1:" + ACCOUNT.hex())
    assert master == _value(friendly(ACCOUNT, workchain=-1, urlsafe=False))
    assert master == "ton:" + friendly(ACCOUNT, flag=NON_BOUNCEABLE, workchain=-1)
    assert master != CANONICAL


def test_two_accounts_are_two_identifiers() -> None:
    assert _value(friendly(OTHER)) != CANONICAL


@pytest.mark.parametrize(
    ("raw", "qualifier", "fragment"),
    [
        (UQ, "TRC20", "is a TON address, not an address on TRON"),
        (f"BEP20 {EQ}", None, "is a TON address, not an address on BNB Smart Chain"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TON", "TRON address, not an address on TON"),
        ("0xdAC17F958D2ee523a2206206994597C13D831ec7", "Toncoin", "EVM (0x) address"),
        ("send money", "TON", "no wallet address"),
        ("abcdefghijklmnopqrstuvwxyz12345", "TON", "should be 48 characters"),
        (f"{UQ} {friendly(OTHER)}", None, "more than one address"),
        (f"{UQ} TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", None, "more than one address"),
        # One character from each base64 alphabet: no wallet writes that.
        (EQ_STANDARD.replace("+", "-", 1), None, "copy the address again"),
    ],
)
def test_wrong_or_unclear_ton_values_are_refused(
    raw: str, qualifier: str | None, fragment: str
) -> None:
    assert fragment in _reason(raw, qualifier)


@pytest.mark.parametrize("raw", [EQ, UQ_STANDARD, RAW, "-1:" + OTHER.hex(), CANONICAL])
def test_a_ton_address_alone_is_guessed_a_wallet(raw: str) -> None:
    assert guess_kind(raw) == "crypto_wallet"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    account=st.binary(min_size=32, max_size=32),
    workchain=st.sampled_from([0, -1]),
    flag=st.sampled_from([BOUNCEABLE, NON_BOUNCEABLE]),
    urlsafe=st.booleans(),
)
def test_any_account_in_any_spelling_is_its_raw_form(
    account: bytes, workchain: int, flag: int, urlsafe: bool
) -> None:
    spelled = friendly(account, flag=flag, workchain=workchain, urlsafe=urlsafe)
    assert _value(spelled) == _value(f"{workchain}:{account.hex()}")


_B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


_MUTATED = st.builds(
    lambda account, index, char: (s := friendly(account))[:index] + char + s[index + 1 :],
    st.binary(min_size=32, max_size=32),
    st.integers(0, 47),
    st.sampled_from(_B64URL),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(alphabet=_B64URL, min_size=48, max_size=48), _MUTATED))
def test_a_48_character_string_is_a_ton_wallet_only_with_its_checksum(text: str) -> None:
    try:
        value = _value(text)
    except InvalidIdentifier:
        return
    data = base64.urlsafe_b64decode(text)
    assert value.startswith("ton:")
    assert crc16_xmodem(data[:34]) == int.from_bytes(data[34:], "big")
    assert data[0] in (BOUNCEABLE, NON_BOUNCEABLE) and data[1] in (0x00, 0xFF)
