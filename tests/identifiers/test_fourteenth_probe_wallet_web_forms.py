"""Fourteenth outside probe: wallets, links, domains, handles, e-mail and IPs as analysts paste
what victims sent them. Each form gives its canonical value (DESIGN.md) or is refused with a
reason that says what it is and what to do.

Found wrong by this probe: an EVM address with its chain ID after "@" (0x...@56, an EIP-681
link's body) was kept on Ethereum, and so was one named by an ERC-3770 short name (oeth:0x...),
by a CAIP-2 chain ID that is not listed (eip155:59144:0x...) or by an EVM chain that is not read
(Linea, zkSync, opBNB; "Polygon zkEVM" and "Arbitrum Nova" were kept on Polygon and Arbitrum);
an Unstoppable Domains, Solana Name Service or SPACE ID name had "no wallet address in it", and
an ENS name given as a domain was told "if scammer.th is meant"; a Binance Pay ID or UID had
"no wallet address" and no word on what it is (and was guessed a phone); an XRP refusal did not
say what to do; a Sui address was a "transaction hash"; an emoji against an address hid it;
the Telegram app's invitation link (tg://join?invite=) was refused for its scheme; Messenger's
group invitation (m.me/j/...) was the Facebook account "j"; an Instagram name with two dots in a
row or a dot first was kept; "Telegram ID: 5123456789" was told only what a username is; an
IPv6 socket written with its port after a dot (netstat's 2001:db8::1.8080) or after a ninth
group, a server's address and page without a scheme (203.0.113.5:8080/login) and "Source IP:"
were "not an IP address" (with the IPv6 hint for an IPv4 address); wechat.com links were not
shared; "Detect automatically" found no kind for a Thai link without a scheme, a legacy Bitcoin
address with a mistyped character or a wallet after a Chinese label with a full-width colon.

Decided, not changed: TikTok's own rule is only that a username does not end with a period, so
"@.scam" is a TikTok username and stays one. "2001:db8::1:8080" is a valid IPv6 address, and the
canonical form of 2001:db8:0:0:0:0:1:8080, so it is kept; as it may also be 2001:db8::1 with a
port written without brackets, a check answers for both (variants). XRP stays unread: exchanges
take XRP deposits at one address shared by all their customers, told apart by a destination tag,
so xrp:address would link every victim who paid the same exchange.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize, guess_kind
from tests.identifiers.forms import reason, value

TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # EIP-55's own example
TON = "UQDRNCQex5RL1Znhg0q0uYfbqRJqSg9F0DXWamvf4VsRHGXU"
BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
P2WSH = "bc1qqqqsyqcyq5rqwzqfpg9scrgwpugpzysnzs23v9ccrydpk8qarc0szrtjt7"  # 32 bytes 0..31
TAPROOT = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"  # BIP-86 vector
LEGACY = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
LTC = "ltc1qqqqsyqcyq5rqwzqfpg9scrgwpugpzysn3s44dy"  # 20 bytes 0..19
DOGE = "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L"
SOL = "9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM"
XRP = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"
HEX64 = "0x" + "a" * 64
NO = "refused: "  # the rest is a part of the reason
UNREAD_EVM = "an EVM chain that is not a known chain"

FORMS: list[tuple[str, str, str, str]] = [
    # --- wallets: payment links and chain IDs ---
    ("crypto_wallet", f"{EVM}@56", "MY", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"{EVM}@137", "PH", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"{EVM}@999", "PH", NO + "chain ID 999, which is not a known chain"),
    ("crypto_wallet", f"oeth:{EVM}", "SG", f"crypto_wallet:optimism:{EVM}"),
    ("crypto_wallet", f"matic:{EVM}", "SG", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"bnb:{EVM}", "SG", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"eip155:59144:{EVM}", "TH", NO + "chain ID 59144 (eip155:59144)"),
    ("crypto_wallet", f"ethereum:{EVM.lower()}@137", "MY", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"tron:{TRON}?amount=100&token=USDT", "PH", f"crypto_wallet:tron:{TRON}"),
    (
        "crypto_wallet",
        f"bitcoin:{LEGACY}?amount=0.5&label=Luno%20deposit&message=invest",
        "MY",
        f"crypto_wallet:btc:{LEGACY}",
    ),
    ("crypto_wallet", f"bitcoin:{TAPROOT}", "SG", f"crypto_wallet:btc:{TAPROOT}"),
    ("crypto_wallet", f"litecoin:{LTC}?amount=1", "MY", f"crypto_wallet:ltc:{LTC}"),
    ("crypto_wallet", f"dogecoin:{DOGE}?amount=100", "MY", f"crypto_wallet:doge:{DOGE}"),
    (
        "crypto_wallet",
        f"solana:{SOL}?amount=1&spl-token=EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
        "VN",
        f"crypto_wallet:sol:{SOL}",
    ),
    (
        "crypto_wallet",
        f"ton://transfer/{TON}?amount=1000000000&text=123456",
        "TH",
        f"crypto_wallet:ton:{TON}",
    ),
    # --- wallets: explorers, labels, lines and chat marks ---
    ("crypto_wallet", f"https://solscan.io/account/{SOL}", "VN", f"crypto_wallet:sol:{SOL}"),
    ("crypto_wallet", f"https://arbiscan.io/address/{EVM}", "MY", f"crypto_wallet:arbitrum:{EVM}"),
    (
        "crypto_wallet",
        f"https://bscscan.com/address/{EVM}#tokentxns",
        "MY",
        f"crypto_wallet:bsc:{EVM}",
    ),
    (
        "crypto_wallet",
        f"https://tronscan.org/#/address/{TRON}/transfers",
        "TH",
        f"crypto_wallet:tron:{TRON}",
    ),
    (
        "crypto_wallet",
        f"https://www.oklink.com/trx/address/{TRON}",
        "KH",
        f"crypto_wallet:tron:{TRON}",
    ),
    ("crypto_wallet", f"BTC (Taproot): {TAPROOT}", "SG", f"crypto_wallet:btc:{TAPROOT}"),
    ("crypto_wallet", P2WSH, "SG", f"crypto_wallet:btc:{P2WSH}"),
    ("crypto_wallet", LTC, "MY", f"crypto_wallet:ltc:{LTC}"),
    ("crypto_wallet", f"USDT TRC20\n{TRON[:20]}\n{TRON[20:]}", "TH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"{BECH32[:21]}\n{BECH32[21:]}", "PH", f"crypto_wallet:btc:{BECH32}"),
    (
        "crypto_wallet",
        f"Deposit address (TRC20)\n{TRON}\nMemo: none",
        "MY",
        f"crypto_wallet:tron:{TRON}",
    ),
    ("crypto_wallet", f"USDT TON\n{TON}\nComment: 8837261", "VN", f"crypto_wallet:ton:{TON}"),
    ("crypto_wallet", f"钱包地址：{TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"USDT（TRC20）：{TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"Ví USDT mạng TRON: {TRON}", "VN", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"{TRON}\u2705", "MY", f"crypto_wallet:tron:{TRON}"),  # check mark
    ("crypto_wallet", f"\U0001f449{TRON}\U0001f448", "TH", f"crypto_wallet:tron:{TRON}"),
    # --- wallets: typos and forms that are no address ---
    ("crypto_wallet", f"{TAPROOT[:-1]}q", "SG", NO + "fails its address checksum"),
    ("crypto_wallet", f"BTC {LEGACY[:-1]}b", "SG", NO + "fails the Bitcoin address checksum"),
    ("crypto_wallet", f"{EVM} (ERC20/BEP20)", "MY", NO + "names ERC20 or BEP20"),
    ("crypto_wallet", f"TRC20 {EVM}", "MY", NO + "not an address on TRON"),
    ("crypto_wallet", f"Linea {EVM}", "SG", NO + f"names Linea, {UNREAD_EVM}"),
    ("crypto_wallet", f"zkSync Era {EVM}", "SG", NO + f"names zkSync Era, {UNREAD_EVM}"),
    ("crypto_wallet", f"Polygon zkEVM {EVM}", "SG", NO + f"names Polygon zkEVM, {UNREAD_EVM}"),
    ("crypto_wallet", f"Arbitrum Nova {EVM}", "SG", NO + f"names Arbitrum Nova, {UNREAD_EVM}"),
    ("crypto_wallet", f"opBNB {EVM}", "VN", NO + f"names opBNB, {UNREAD_EVM}"),
    ("crypto_wallet", f"Sui {HEX64}", "PH", NO + "is a Sui address (0x and 64 hex digits)"),
    ("crypto_wallet", f"Aptos {HEX64}", "PH", NO + "is an Aptos address"),
    ("crypto_wallet", "scammer.crypto", "MY", NO + "is an Unstoppable Domains name"),
    ("crypto_wallet", "scammer.nft", "MY", NO + "on ud.me or unstoppabledomains.com"),
    ("crypto_wallet", "scammer.x", "MY", NO + "is an Unstoppable Domains name"),
    ("crypto_wallet", "scammer.sol", "ID", NO + "Solana Name Service (SNS) name"),
    ("crypto_wallet", "scammer.bnb", "VN", NO + "SPACE ID name"),
    ("crypto_wallet", "Binance Pay ID: 123456789", "MY", NO + "it is a Binance Pay ID or UID"),
    ("crypto_wallet", "Binance UID 123456789", "TH", NO + "keep the ID in the report's narrative"),
    ("crypto_wallet", f"XRP {XRP} Tag 123456", "PH", NO + "and its destination tag"),
    ("crypto_wallet", f"ripple:{XRP}?dt=123456", "PH", NO + "XRP is not a known chain"),
    (
        "crypto_wallet",
        f"https://xrpscan.com/account/{XRP}",
        "PH",
        NO + "only the tag tells them apart",
    ),
    # --- links: apps, invitations, forms, shorteners, IDN ---
    ("url", "tg://join?invite=AbCdEfGhIjK", "MY", "url:https://t.me/+AbCdEfGhIjK"),
    ("url", "https://t.me/c/1234567890/55", "MY", "url:https://t.me/c/1234567890/55"),
    ("url", "https://m.me/j/AbCdEfGh/", "MY", "url:https://m.me/j/AbCdEfGh/"),
    ("url", "https://vt.tiktok.com/ZSabc123/", "VN", "url:https://vt.tiktok.com/ZSabc123/"),
    ("url", "https://lin.ee/AbCdEfG", "TH", "url:https://lin.ee/AbCdEfG"),
    ("url", "line://ti/p/~scammer01", "TH", "handle:line:scammer01"),
    ("url", "whatsapp://send?phone=60123456789&text=hi", "MY", "phone:+60123456789"),
    ("url", "https://wa.me/message/ABCDEFGHIJKL1", "MY", "url:https://wa.me/message/ABCDEFGHIJKL1"),
    ("url", "https://u.wechat.com/AbCdEfGh", "MY", "url:https://u.wechat.com/AbCdEfGh"),
    (
        "url",
        "https://www.facebook.com/profile.php?id=100089123456789&mibextid=ZbWKwL",
        "MY",
        "handle:facebook:100089123456789",
    ),
    (
        "url",
        "https://sites.google.com/view/maybank-refund/home",
        "MY",
        "url:https://sites.google.com/view/maybank-refund/home",
    ),
    (
        "url",
        "https://forms.gle/AbCdEfGhIjK12345?usp=sf_link",
        "MY",
        "url:https://forms.gle/AbCdEfGhIjK12345",
    ),
    ("url", "https://bit.ly/3xYzAbC?fbclid=IwAR0abc", "PH", "url:https://bit.ly/3xYzAbC"),
    (
        "url",
        "https://ธนาคารกรุงไทย.com/login",
        "TH",
        "url:https://xn--12cfk8dbg1eeb0mb9e5h.com/login",
    ),
    ("url", "ธนาคาร.ไทย/verify", "TH", "url:https://xn--42c3bd5b5db.xn--o3cw4h/verify"),
    (
        "url",
        "https://vietcombank-hỗtrợ.vn/otp",
        "VN",
        "url:https://xn--vietcombank-htr-9p5h6g.vn/otp",
    ),
    ("url", "https://中国银行.中国/login", "SG", "url:https://xn--fiqs8s856bruk.xn--fiqs8s/login"),
    (
        "url",
        "https://m\u0430ybank2u.com.my/login",
        "MY",
        "url:https://xn--mybank2u-16g.com.my/login",
    ),
    ("url", "https://maybank2u.com.my@evil.com/login", "MY", "url:https://evil.com/login"),
    ("url", "http://[2001:db8::1]:8080/login", "MY", "url:http://[2001:db8::1]:8080/login"),
    ("url", "https://scam.crypto/claim", "MY", NO + "only crypto wallets' browsers open"),
    ("domain", "scammer.eth", "MY", NO + "it is an ENS name, a crypto wallet's name"),
    ("domain", "ไทย.ไทย", "TH", "domain:xn--o3cw4h.xn--o3cw4h"),
    ("domain", "maybank2u-secure.com.my", "MY", "domain:maybank2u-secure.com.my"),
    # --- handles ---
    ("handle", "TikTok: @.scam", "MY", "handle:tiktok:.scam"),
    ("handle", "tiktok.com/@scam.shop01?_t=8abc&_r=1", "MY", "handle:tiktok:scam.shop01"),
    ("handle", "IG: scam..shop", "MY", NO + "no dot first, last or twice in a row"),
    ("handle", "Instagram: .scam", "MY", NO + "is not an Instagram account"),
    (
        "handle",
        "https://www.instagram.com/stories/scam_shop01/3123456789/",
        "MY",
        "handle:instagram:scam_shop01",
    ),
    ("handle", "https://m.me/j/AbCdEfGh/", "MY", NO + "is a Facebook link, but not a profile"),
    ("handle", "Telegram ID: 5123456789", "MY", NO + "it is the account's user ID"),
    ("handle", "t.me/scammer01?start=ref123", "MY", "handle:telegram:scammer01"),
    ("handle", "微信号：scam_8888", "SG", "handle:wechat:scam_8888"),
    ("handle", "viber://add?number=60123456789", "MY", "phone:+60123456789"),
    ("handle", "Line: @abc", "TH", "handle:line:abc"),
    # --- e-mail ---
    ("email", "John.Doe+refund@Gmail.com", "MY", "email:john.doe+refund@gmail.com"),
    ("email", "name{at}gmail{dot}com", "MY", "email:name@gmail.com"),
    ("email", "name[@]gmail[.]com", "PH", "email:name@gmail.com"),
    ("email", "name\uff20gmail\uff0ecom", "SG", "email:name@gmail.com"),  # full-width
    ("email", "用户@例子.中国", "SG", "email:用户@xn--fsqu00a.xn--fiqs8s"),
    ("email", "scam+refund@gmail.com (fake Maybank)", "MY", "email:scam+refund@gmail.com"),
    ("email", "john.@gmail.com", "MY", NO + "period immediately before the @-sign"),
    # --- IP addresses ---
    ("ip", "2001:db8::1.8080", "MY", "ip:2001:db8::1"),
    ("ip", "2001:db8::1:51234", "MY", "ip:2001:db8::1"),
    ("ip", "2001:db8:85a3:0:0:8a2e:370:7334:443", "MY", "ip:2001:db8:85a3::8a2e:370:7334"),
    ("ip", "2001:db8::1:8080", "MY", "ip:2001:db8::1:8080"),
    ("ip", "[::ffff:203.0.113.5]:443", "MY", "ip:203.0.113.5"),
    ("ip", "::ffff:cb00:7105", "MY", "ip:203.0.113.5"),
    ("ip", "203.0.113.5:8080/login", "MY", "ip:203.0.113.5"),
    ("ip", "Source IP: 198.51.100.23 Port: 51234", "MY", "ip:198.51.100.23"),
    ("ip", "IP used by scammer: 203.0.113.5", "PH", "ip:203.0.113.5"),
    ("ip", "IP ที่ใช้: 203.0.113.5", "TH", "ip:203.0.113.5"),
    ("ip", "203.0.113.5 (tcp/443)", "MY", "ip:203.0.113.5"),
]


@pytest.mark.parametrize(("kind", "raw", "country", "expected"), FORMS)
def test_form_gives_its_canonical_value_or_a_reason(
    kind: str, raw: str, country: str, expected: str
) -> None:
    if expected.startswith(NO):
        assert expected.removeprefix(NO).lower() in reason(kind, raw, country).lower()
    else:
        assert value(kind, raw, country) == expected


@pytest.mark.parametrize(
    ("raw", "also"),
    [
        # Written without brackets, the last number may be a port: a check answers for both.
        ("2001:db8::1:8080", ("2001:db8::1",)),
        ("IPv6: 2001:db8::1:443", ("2001:db8::1",)),
        # Written whole, or in brackets, it is the address and nothing else.
        ("2001:db8:0:0:0:0:1:8080", ()),
        ("[2001:db8::1:8080]", ()),
        ("2001:db8::8080", ()),
    ],
)
def test_an_ipv6_address_ending_in_a_port_like_number_is_checked_both_ways(
    raw: str, also: tuple[str, ...]
) -> None:
    assert canonicalize("ip", raw).variants == also


@pytest.mark.parametrize(
    ("raw", "also"),
    [
        ("https://t.me/+AbCdEfGhIjK", "https://t.me/joinchat/AbCdEfGhIjK"),
        ("https://t.me/joinchat/AbCdEfGhIjK", "https://t.me/+AbCdEfGhIjK"),
        ("tg://join?invite=AbCdEfGhIjK", "https://t.me/joinchat/AbCdEfGhIjK"),
    ],
)
def test_a_telegram_invitation_is_checked_in_both_its_writings(raw: str, also: str) -> None:
    assert also in canonicalize("url", raw).variants


def test_a_wallet_with_its_chain_id_is_no_bakong_account() -> None:
    # Given as an e-wallet in Cambodia, it was kept as the Bakong ID "bakong:0x...@56".
    said = reason("ewallet", f"{EVM}@56", "KH")
    assert "crypto wallet address with its chain's ID" in said
    assert value("ewallet", "dara_sok@aclb", "KH") == "ewallet:bakong:dara_sok@aclb"


def test_a_wechat_link_is_on_a_shared_platform() -> None:
    found = canonicalize("url", "https://u.wechat.com/AbCdEfGh")
    assert found.related[0].value == "wechat.com"
    assert found.related[0].shared_platform


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        # Told apart by "Detect automatically" too, so the check shows the value or the reason.
        (f"{EVM}@56", "crypto_wallet"),  # was an e-wallet (a Bakong ID "name@bank")
        ("Binance Pay ID: 123456789", "crypto_wallet"),  # was a phone
        (f"钱包地址：{TRON}", "crypto_wallet"),
        (f"{LEGACY[:-1]}b", "crypto_wallet"),  # its reason says a character is mistyped
        ("scammer.crypto", "crypto_wallet"),
        ("scammer.sol", "crypto_wallet"),
        ("ธนาคาร.ไทย/verify", "url"),
        ("tg://join?invite=AbCdEfGhIjK", "url"),
        ("Source IP: 198.51.100.23", "ip"),
    ],
)
def test_detect_automatically_takes_these_forms(raw: str, kind: str) -> None:
    assert guess_kind(raw, country="MY") == kind
