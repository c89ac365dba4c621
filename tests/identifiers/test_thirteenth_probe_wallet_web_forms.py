"""Thirteenth outside probe: wallets, links, domains, e-mail, handles and IPs as officers and
victims in the ten countries paste them. Each form gives its canonical value (DESIGN.md) or is
refused with a reason that says what it is.

Found wrong by this probe: an address with a Cyrillic letter that looks Latin, or in Telegram's
backticks or WhatsApp's asterisks, had "no wallet address in it"; a Monero address was "not a
wallet address of a known chain"; Instagram's, TikTok's, WhatsApp Business's and Telegram's
link wrappers kept the platform's link instead of the site; pages of a platform's services
(business.facebook.com/latest, oa.zalo.me/home, id.zalo.me's sign-in, help.instagram.com/N)
were read as accounts named "latest", "home", "account" and "N"; a Telegram username written as
NAME.t.me, a Telegram Web link and the Facebook and Instagram apps' own profile links were
refused; "@" and "." spelt in Vietnamese, Thai, Indonesian and Filipino were not read; an IPv4
address written with commas or spaces, or labelled "ที่อยู่ IP", was refused; a range of
addresses was "not an IP address"; a wildcard domain (*.evil.com) was not a domain name; a
chain named in Chinese or Thai and a MetaMask payment link's chain ID left a 0x address on
Ethereum; an explorer's token page was kept as a wallet (USDT's contract); a Litecoin address
written 3... was "a Bitcoin address"; a link with a Thai word after it "had spaces"; a
sentence's full stop stayed in an Instagram name; and "tel:997" was not a short code.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # EIP-55's own example
TON = "UQDRNCQex5RL1Znhg0q0uYfbqRJqSg9F0DXWamvf4VsRHGXU"
BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
# Monero's published donation address (95 characters, standard, main network).
XMR = (
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQ"
    "BEP3A"
)
USDT_ERC20 = "0xdAC17F958D2ee523a2206206994597C13D831ec7"  # Tether's token contract
CYRILLIC_E = "\u0435"  # looks like Latin e
CYRILLIC_TE = "\u0422"  # looks like Latin T
CYRILLIC_A = "\u0430"  # looks like Latin a
CYRILLIC_ES = "\u0441"  # looks like Latin c
NO = "refused: "  # the rest is a part of the reason

FORMS: list[tuple[str, str, str, str]] = [
    # --- wallets: lookalike letters, chat formatting, labels in the region's words ---
    ("crypto_wallet", CYRILLIC_TE + TRON[1:], "TH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", TRON.replace("e", CYRILLIC_E), "VN", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", EVM.replace("a", CYRILLIC_A, 1), "MY", f"crypto_wallet:eth:{EVM}"),
    ("crypto_wallet", "0\u0445" + EVM[2:], "MY", f"crypto_wallet:eth:{EVM}"),  # Cyrillic ha
    ("crypto_wallet", "b" + CYRILLIC_ES + BECH32[2:], "PH", f"crypto_wallet:btc:{BECH32}"),
    ("crypto_wallet", TRON[:-1] + "\u0422", "TH", NO + "checksum"),  # folded, still checked
    ("crypto_wallet", f"`{TRON}`", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"```{TRON}```", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"*{TRON}*", "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"USDT (TRC20): `{TRON}`", "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"`{TON}`", "VN", f"crypto_wallet:ton:{TON}"),
    ("crypto_wallet", f"เครือข่าย TRC20: {TRON}", "TH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"Mạng TRC20: {TRON}", "VN", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"Jaringan BEP20: {EVM}", "ID", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"អាសយដ្ឋាន USDT TRC20: {TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"ethereum:{EVM}@42161?value=1e6", "SG", f"crypto_wallet:arbitrum:{EVM}"),
    ("crypto_wallet", f"TON: {TON}\nMemo: 1234567", "VN", f"crypto_wallet:ton:{TON}"),
    ("crypto_wallet", f"{TRON[:17]}\r\n{TRON[17:]}", "PH", f"crypto_wallet:tron:{TRON}"),
    # --- chains named in Chinese and Thai, MetaMask's payment links, explorers' token pages ---
    ("crypto_wallet", f"币安链 {EVM}", "KH", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"马蹄链 USDT {EVM}", "KH", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"เครือข่าย โพลีกอน {EVM}", "TH", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"以太坊 {TRON}", "KH", NO + "is a TRON address, not an address on Ethereum"),
    (
        "crypto_wallet",
        f"https://metamask.app.link/send/{EVM}@56?value=1e18",
        "PH",
        f"crypto_wallet:bsc:{EVM}",
    ),
    (
        "crypto_wallet",
        f"https://metamask.app.link/send/pay-{EVM}@137",
        "PH",
        f"crypto_wallet:polygon:{EVM}",
    ),
    (
        "crypto_wallet",
        f"https://metamask.app.link/send/{USDT_ERC20}@56/transfer?address={EVM}&uint256=1e18",
        "PH",
        f"crypto_wallet:bsc:{EVM}",
    ),
    (
        "crypto_wallet",
        f"https://tronscan.org/#/token20/{TRON}",
        "TH",
        NO + "is a block explorer's page of a token or contract",
    ),
    (
        "crypto_wallet",
        f"https://etherscan.io/token/{USDT_ERC20}",
        "TH",
        NO + "a token's address (USDT's, say) is shared",
    ),
    (
        "crypto_wallet",
        f"https://etherscan.io/token/{USDT_ERC20}?a={EVM}",
        "TH",
        f"crypto_wallet:eth:{EVM}",
    ),
    # Litecoin's old script address (3..., as Bitcoin's) is the M... one of the same script.
    (
        "crypto_wallet",
        "LTC 3CDJNfdWX8m2NwuGUV3nhXHXEeLygMXoAj",
        "PH",
        "crypto_wallet:ltc:MJRSgZ3UUFcTBTBAaN38XAXvZLwRe8WVw7",
    ),
    (
        "crypto_wallet",
        "3CDJNfdWX8m2NwuGUV3nhXHXEeLygMXoAj",
        "PH",
        "crypto_wallet:btc:3CDJNfdWX8m2NwuGUV3nhXHXEeLygMXoAj",
    ),
    # --- Monero: refused, saying it is Monero ---
    ("crypto_wallet", XMR, "TH", NO + "is a Monero (XMR) address"),
    ("crypto_wallet", f"XMR: {XMR}", "TH", NO + "Monero is not a known chain"),
    ("crypto_wallet", f"monero:{XMR}?tx_amount=1.5", "TH", NO + "is a Monero (XMR) address"),
    ("crypto_wallet", "4A" + "1" * 104, "TH", NO + "is a Monero (XMR) address"),  # integrated
    # --- links inside the platforms' link wrappers are the site's ---
    (
        "url",
        "https://l.instagram.com/?u=https%3A%2F%2Fevil.com%2Fx&e=AT0abc",
        "TH",
        "url:https://evil.com/x",
    ),
    (
        "url",
        "https://www.tiktok.com/link/v2?aid=1988&scene=bio_url&target=https%3A%2F%2Fevil.com%2Fx",
        "TH",
        "url:https://evil.com/x",
    ),
    ("url", "https://l.wl.co/l?u=https%3A%2F%2Fevil.com%2Fx", "MY", "url:https://evil.com/x"),
    (
        "url",
        "https://t.me/iv?url=https%3A%2F%2Fevil.com%2Fx&rhash=0a1b2c",
        "MY",
        "url:https://evil.com/x",
    ),
    ("url", "https://href.li/?https://evil.com/x", "MY", "url:https://evil.com/x"),
    ("domain", "https://l.instagram.com/?u=https%3A%2F%2Fevil.com%2Fx", "TH", "domain:evil.com"),
    (
        "url",
        "https://www.facebook.com/flx/warn/?u=https%3A%2F%2Fevil.com%2Fx&h=AT0",
        "PH",
        "url:https://evil.com/x",
    ),
    ("url", "`https://evil.com/login`", "MY", "url:https://evil.com/login"),
    # --- a link among a message's words in Thai or Vietnamese is the link ---
    ("url", "https://evil.com/login นะคะ", "TH", "url:https://evil.com/login"),
    ("url", "คลิก hxxps://evil[.]com/login", "TH", "url:https://evil.com/login"),
    ("url", "https://evil.com/login ạ", "VN", "url:https://evil.com/login"),
    ("url", "ติดต่อ https://wa.me/60123456789", "TH", "phone:+60123456789"),
    ("url", "https://evil.com/a b", "MY", NO + "has spaces"),
    ("url", "คลิก https://evil.com/a https://evil.com/b", "TH", NO + "more than one web address"),
    ("url", "**hxxps://evil[.]com/login**", "MY", "url:https://evil.com/login"),
    # --- a platform's service pages are no one's account ---
    (
        "url",
        "https://business.facebook.com/latest",
        "PH",
        "url:https://business.facebook.com/latest",
    ),
    ("url", "https://oa.zalo.me/home", "VN", "url:https://oa.zalo.me/home"),
    ("url", "https://help.instagram.com/123456", "TH", "url:https://help.instagram.com/123456"),
    ("handle", "https://id.zalo.me/account?continue=abc", "VN", NO + "not a profile link"),
    ("handle", "https://developers.facebook.com/docs", "PH", NO + "not a profile link"),
    ("url", "https://vi-vn.facebook.com/scam.page", "VN", "handle:facebook:scam.page"),
    ("url", "https://mbasic.facebook.com/scam.page", "PH", "handle:facebook:scam.page"),
    # --- Telegram, Facebook and Instagram as their apps and web clients link them ---
    ("url", "https://scammer01.t.me/", "MY", "handle:telegram:scammer01"),
    ("handle", "scammer01.t.me", "MY", "handle:telegram:scammer01"),
    ("url", "https://web.telegram.org/k/#@Scammer01", "MY", "handle:telegram:scammer01"),
    ("handle", "https://web.telegram.org/a/#@scammer01", "MY", "handle:telegram:scammer01"),
    (
        "url",
        "https://web.telegram.org/a/#-1001234567890",
        "MY",
        NO + "Telegram Web link to a chat by its number",
    ),
    ("url", "fb://profile/100089123456789", "PH", "handle:facebook:100089123456789"),
    ("url", "fb://page/?id=100089123456789", "PH", "handle:facebook:100089123456789"),
    ("handle", "fb://profile/100089123456789", "PH", "handle:facebook:100089123456789"),
    ("url", "instagram://user?username=Scam.Shop", "TH", "handle:instagram:scam.shop"),
    ("url", "twitter://user?screen_name=ScamShop", "SG", "handle:x:scamshop"),
    ("handle", "https://www.instagram.com/p/AbCdEf/", "TH", NO + "is an Instagram link"),
    ("handle", "Instagram: scam_shop.", "TH", "handle:instagram:scam_shop"),  # the sentence's
    ("handle", "TikTok: @scam.shop.", "TH", "handle:tiktok:scam.shop"),
    ("handle", "LINE: scam.thai", "TH", "handle:line:scam.thai"),
    ("handle", "Telegram: t.me/scam_admin (admin)", "MY", "handle:telegram:scam_admin"),
    (
        "handle",
        "FB page: https://www.facebook.com/profile.php?id=61550000000000",
        "PH",
        "handle:facebook:61550000000000",
    ),
    ("handle", "TikTok: https://vt.tiktok.com/ZSabc123/", "TH", NO + "is a TikTok link"),
    ("shortcode", "tel:997", "MY", "shortcode:MY:997"),
    # --- e-mail: "@" and "." spelt in the region's words ---
    ("email", "scam a còng gmail chấm com", "VN", "email:scam@gmail.com"),
    ("email", "scam a móc gmail chấm com", "VN", "email:scam@gmail.com"),
    ("email", "scam@gmail chấm com", "VN", "email:scam@gmail.com"),
    ("email", "scam แอท gmail ดอท com", "TH", "email:scam@gmail.com"),
    ("email", "scamแอทgmailดอทcom", "TH", "email:scam@gmail.com"),
    ("email", "scam at gmail titik com", "ID", "email:scam@gmail.com"),
    ("email", "scam@yahoo titik co titik id", "ID", "email:scam@yahoo.co.id"),
    ("email", "scam at gmail tuldok com", "PH", "email:scam@gmail.com"),
    ("email", "`scam@evil.com`", "MY", "email:scam@evil.com"),
    ("email", "scam@@gmail.com", "MY", NO + "has more than one @"),
    # --- domains ---
    ("domain", "*.evil.com", "MY", "domain:evil.com"),
    ("domain", ".evil.com", "MY", "domain:evil.com"),
    ("domain", "*.ธนาคาร.com", "TH", "domain:xn--42c3bd5b5db.com"),
    ("domain", "evil.com, evil.net", "MY", NO + "holds more than one domain name"),
    ("domain", "evil.com hoặc evil.net", "VN", NO + "holds more than one domain name"),
    # --- IP addresses ---
    ("ip", "ที่อยู่ IP: 203.0.113.5", "TH", "ip:203.0.113.5"),
    ("ip", "203,0,113,5", "ID", "ip:203.0.113.5"),
    ("ip", "203.0.113,5", "VN", "ip:203.0.113.5"),
    ("ip", "203 0 113 5", "PH", "ip:203.0.113.5"),
    ("ip", "203, 0, 113, 5", "PH", "ip:203.0.113.5"),
    ("ip", "203,0,113,256", "PH", NO + "not an IP address"),
    ("ip", "203.0.113.5, 198.51.100.7", "MY", NO + "more than one IP address"),
    ("ip", "203.0.113.0-255", "MY", NO + "range of addresses (203.0.113.0 to 203.0.113.255)"),
    (
        "ip",
        "203.0.113.1 - 203.0.113.9",
        "MY",
        NO + "range of addresses (203.0.113.1 to 203.0.113.9)",
    ),
    ("ip", "203.0.113.1 đến 203.0.113.9", "VN", NO + "range of addresses"),
    ("ip", "203.0.113.*", "MY", NO + "range of addresses (203.0.113.0 to 203.0.113.255)"),
    ("ip", "203.0.x.x", "MY", NO + "range of addresses (203.0.0.0 to 203.0.255.255)"),
    ("ip", "203.0.113.5 255.255.255.0", "MY", NO + "range of addresses (203.0.113.0 to 203"),
    ("ip", "`203.0.113.5`", "MY", "ip:203.0.113.5"),
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
    ("raw", "kind"),
    [
        # Told apart by "Detect automatically" too, so the check shows the reason above.
        (XMR, "crypto_wallet"),
        (f"`{TRON}`", "crypto_wallet"),
        ("fb://profile/100089123456789", "handle"),
        ("https://web.telegram.org/k/#@scammer01", "handle"),
        ("https://scammer01.t.me/", "handle"),
    ],
)
def test_detect_automatically_takes_these_forms(raw: str, kind: str) -> None:
    assert guess_kind(raw) == kind
