"""Eleventh probe: crypto wallets as victims paste them, messaging contacts and links.

The readers took nearly all of the 600-odd spellings probed; these are the ones they did not,
and a sample of those they did, kept so that they stay read.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

TRON = "TSyv793eWNTHBqfEnWgJUVoXbiryXJLPb9"
TRON_HEX = "41ba9c736f19e7f60b7f6764adb0b7908c0a2b394e"  # the same account
EVM = "0xba9c736f19E7F60b7f6764AdB0B7908c0A2b394e"
BTC = "1J1i75fvMeLL2fbcCF2axM7Pgw7fJUQrVR"
P2SH = "3Jhj2dAMuYei7qJ3KLhBNyUKqTQNsEcsDc"
TAPROOT = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
LTC = "ltc1qh2w8xmceulmqklm8vjkmpdus3s9zkw2w4z8q8r"
DOGE = "DN9oeLcZf4EcZfnCvq29W7Gza4qxeLc6og"
SOL = "5n9tGqm63UiwAvqo2BiPQtjzhRjaGMcG9y93Tt8MHGMu"
TON_EQ = "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N"
TON = "UQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqEBI"

# Forms read correctly before this probe.
READ = [
    (f"USDT-TRC20 {TRON}", None, f"tron:{TRON}"),
    (f"TRC-20: {TRON}", None, f"tron:{TRON}"),
    (f"Tron network {TRON}", None, f"tron:{TRON}"),
    (f"USDT (TRX) {TRON}", None, f"tron:{TRON}"),
    (f"tron:{TRON}?amount=100", None, f"tron:{TRON}"),
    (f"https://tronscan.io/#/address/{TRON}/transfers", None, f"tron:{TRON}"),
    (TRON_HEX.upper(), None, f"tron:{TRON}"),
    (TRON, "USDT on TRON", f"tron:{TRON}"),
    (TRON, "TRC 20", f"tron:{TRON}"),
    (EVM.lower(), None, f"eth:{EVM}"),
    ("0X" + EVM[2:].upper(), None, f"eth:{EVM}"),
    (f"ethereum:{EVM.lower()}?value=1e18", None, f"eth:{EVM}"),
    (f"ethereum:{EVM.lower()}@56", None, f"bsc:{EVM}"),
    (f"ethereum:pay-{EVM.lower()}@137", None, f"polygon:{EVM}"),
    (f"https://bscscan.com/address/{EVM}#tokentxns", None, f"bsc:{EVM}"),
    (f"USDT (Polygon) {EVM.lower()}", None, f"polygon:{EVM}"),
    (EVM.lower(), "BNB Smart Chain (BEP20)", f"bsc:{EVM}"),
    (f"BITCOIN:{BTC}?amount=0.015", None, f"btc:{BTC}"),
    (f"bitcoin:{TAPROOT.upper()}?amount=0.1", None, f"btc:{TAPROOT}"),
    (f"https://mempool.space/address/{P2SH}", None, f"btc:{P2SH}"),
    (f"litecoin:{LTC}?amount=1", None, f"ltc:{LTC}"),
    (f"dogecoin:{DOGE}?amount=100", None, f"doge:{DOGE}"),
    (
        f"solana:{SOL}?amount=1&spl-token=Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB",
        None,
        f"sol:{SOL}",
    ),
    (f"ton://transfer/{TON_EQ}?amount=1000000000&text=123456", None, f"ton:{TON}"),
    (f"USDT (TON) {TON_EQ}", None, f"ton:{TON}"),
]


@pytest.mark.parametrize(("raw", "qualifier", "expected"), READ)
def test_wallet_forms_stay_read(raw: str, qualifier: str | None, expected: str) -> None:
    assert value("crypto_wallet", raw, qualifier=qualifier) == f"crypto_wallet:{expected}"


@pytest.mark.parametrize(
    "raw",
    [
        f"{TRON}.",  # the end of a sentence
        f"{EVM}.",
        f"{TAPROOT},",
        f"{SOL}.",
        f"{TON_EQ}.",
        f"{TRON}\u200b",  # a zero-width space from a chat app
        f"\ufeff{BTC}",  # a byte-order mark from a file
        f"'{P2SH}'",
        f"{BTC[:10]} {BTC[10:]}",  # a wrapped line
        f"{EVM[:20]} {EVM[20:]}",
        TRON_HEX,  # TRON's API
        f"TRON hex {TRON_HEX}",
        f"https://www.blockchain.com/explorer/addresses/btc/{P2SH}",
        f"https://www.blockchain.com/btc/address/{BTC}",
        f"https://blockchair.com/bitcoin/address/{TAPROOT}",
        f"https://blockchair.com/litecoin/address/{LTC}",
        f"https://live.blockcypher.com/btc/address/{BTC}/",
        f"https://dogechain.info/address/{DOGE}",
    ],
)
def test_detect_automatically_takes_a_pasted_wallet(raw: str) -> None:
    # The check page's "Detect automatically" said it could not tell what these were, though
    # each reads as a wallet when the kind is chosen.
    assert guess_kind(raw, country="TH") == "crypto_wallet"
    assert value("crypto_wallet", raw).startswith("crypto_wallet:")


def test_an_address_on_a_scam_site_stays_its_url() -> None:
    assert guess_kind(f"https://evil.com/pay/{BTC}") == "url"
    assert guess_kind(f"https://evil.com/deposit/address/{BTC}") == "url"


def test_detect_automatically_reads_values_as_the_readers_do() -> None:
    # A phone number copied with a zero-width space was "cannot tell what kind".
    assert guess_kind("0812345678\u200b", country="TH") == "phone"
    assert guess_kind("\u2060+60 12-345 6789", country="MY") == "phone"


@pytest.mark.parametrize(
    ("raw", "said"),
    [
        ("0x" + "ab" * 32, "is a transaction hash"),
        ("https://etherscan.io/tx/0x" + "ab" * 32, "is a transaction hash"),
        ("https://tronscan.org/#/transaction/" + "ab" * 32, "is a transaction hash"),
        ("https://mempool.space/tx/" + "ab" * 32, "is a transaction hash"),
        (f"{EVM[:6]}…{EVM[-4:]}", "is an address shortened as wallets and explorers show it"),
        (f"{TRON[:5]}...{TRON[-5:]}", "is an address shortened as wallets and explorers show it"),
        ("bc1qar...5mdq", "is an address shortened as wallets and explorers show it"),
        (EVM[2:], "is an EVM address without its 0x"),
        (f"ETH {EVM[2:]}", "is an EVM address without its 0x"),
        (EVM[2:].lower(), "is not a wallet address of a known chain"),  # no capitals to tell
    ],
)
def test_what_is_pasted_for_a_wallet_is_told(raw: str, said: str) -> None:
    # These were "has no wallet address in it" or "has 64 hex digits after 0x", which sent the
    # analyst looking for a mistyped character.
    assert said in reason("crypto_wallet", raw)


@pytest.mark.parametrize(
    "raw", ["0x" + "ab" * 32, EVM[:-3], f"{EVM[:6]}…{EVM[-4:]}", f"{TRON[:5]}...{TRON[-5:]}"]
)
def test_detect_automatically_takes_a_cut_or_hash_for_a_wallet(raw: str) -> None:
    # So that the check says what it is, where it said it could not tell what kind it was.
    assert guess_kind(raw) == "crypto_wallet"


def test_a_shortened_word_is_not_taken_for_an_address() -> None:
    assert guess_kind("Dear...Sir") != "crypto_wallet"
    assert "has no wallet address" in reason("crypto_wallet", "USDT...TRC20")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("Zalo: 0901234567", "MY", "+84901234567"),  # refused: not a Malaysian number
        ("Zalo 090 123 45 67", "MY", "+84901234567"),
        ("zalo.me/0901234567", "MY", "+84901234567"),
        ("https://zalo.me/+84901234567", "VN", "+84901234567"),  # refused: "not a profile link"
        ("Zalo: 012 345 6789", "MY", "+60123456789"),  # the reporting country's number first
        ("zalo.me/0123456789", "MY", "+60123456789"),  # refused: not a Vietnamese number
        ("Zalo: 0901234567", "VN", "+84901234567"),
    ],
)
def test_a_zalo_number_is_read_alike_as_text_and_as_link(
    raw: str, country: str, expected: str
) -> None:
    assert value("handle", raw, country=country) == f"phone:{expected}"


def test_a_zalo_link_with_a_plus_is_the_phone_as_a_url_too() -> None:
    assert value("url", "https://zalo.me/+84901234567") == "phone:+84901234567"


def test_a_zalo_number_of_no_country_says_why() -> None:
    assert "is not a valid phone number in Malaysia" in reason("handle", "Zalo: 0212345678", "MY")


@pytest.mark.parametrize(
    "raw",
    [
        "hxxps://t[.]me/scam_admin",
        "hxxp://t[.]me/Scam_Admin",
        "Telegram: hxxps://t[.]me/scam_admin",
    ],
)
def test_a_defanged_profile_link_is_the_handle(raw: str) -> None:
    # Refused as "not a profile link of a known platform; enter it as a url", while the same
    # link given as a url was this handle.
    assert value("handle", raw) == "handle:telegram:scam_admin"
    assert guess_kind(raw) in ("handle", "url")


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("handle", "https://page.line.me/scamshop"),
        ("handle", "page.line.me/ScamShop"),
        ("url", "https://page.line.me/scamshop"),
        ("handle", "https://line.me/R/ti/p/%40scamshop"),
    ],
)
def test_a_line_official_account_page_is_its_handle(kind: str, raw: str) -> None:
    # page.line.me/ID is the web profile of the account line.me/R/ti/p/@ID opens.
    assert value(kind, raw) == "handle:line:scamshop"


def test_a_line_official_account_page_with_more_stays_a_url() -> None:
    assert value("url", "https://page.line.me/scamshop?openQrModal=true").startswith("url:")


@pytest.mark.parametrize(
    ("raw", "qualifier", "expected"),
    [
        (f"USDT-BSC {EVM}", None, f"bsc:{EVM}"),  # was eth: a chain the report did not name
        (f"BSC_USDT: {EVM.lower()}", None, f"bsc:{EVM}"),
        (f"USDC-Polygon {EVM}", None, f"polygon:{EVM}"),
        (f"usdt-arb {EVM}", None, f"arbitrum:{EVM}"),
        (EVM, "USDT-BSC", f"bsc:{EVM}"),
        (f"USDT 波场 {TRON}", None, f"tron:{TRON}"),
    ],
)
def test_a_chain_joined_to_its_token_is_that_chain(
    raw: str, qualifier: str | None, expected: str
) -> None:
    assert value("crypto_wallet", raw, qualifier=qualifier) == f"crypto_wallet:{expected}"


def test_an_evm_address_named_with_tron_in_chinese_is_refused() -> None:
    # It was eth: 波场 (TRON) was no chain's name, and the 0x address was left on Ethereum.
    assert "not an address on TRON" in reason("crypto_wallet", f"USDT 波场 {EVM}")


@pytest.mark.parametrize("raw", ["Domain: evil.com", "Tên miền: evil.com", "Domain evil.com"])
def test_detect_automatically_takes_a_labelled_domain(raw: str) -> None:
    # "cannot tell what kind", though the domain reader drops these labels.
    assert guess_kind(raw) == "domain"
    assert value("domain", raw) == "domain:evil.com"
