"""Fifteenth outside probe: wallets, links, domains, e-mails, handles and IPs as reports carry them.

Written from the contract (DESIGN.md's canonical identifier forms, docs/identifiers.md) before
reading the earlier probes; forms those already hold were then left out. The forms this probe
found read wrongly, and fixed, are at the end.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import canonicalize, guess_kind
from tests.identifiers.forms import reason, value

TRON = "THCMa4Ty93rYqjttjQuF1hVfP8km71zC7h"
EVM = "0x4F4570E6F83ed802FAA45076dE03e59fb3233cd0"
SOL = "AYB7gTAjaXfY1nsFCP4pwdRWqJrD61dJDN7g3tKtaAnS"
TON_EQ = "EQDVN7ycBNMi3xg4iUS7D32nSWmFfUgrS7aVW5XMEEeEif06"
TON_UQ = "UQDVN7ycBNMi3xg4iUS7D32nSWmFfUgrS7aVW5XMEEeEiaD_"
TON_RAW = "0:d537bc9c04d322df18388944bb0f7da74969857d482b4bb6955b95cc10478489"
BTC_LEGACY = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
BTC_P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"
BTC_SEGWIT = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
BTC_TAPROOT = "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr"
LTC = "LaxyAYud8u4TsEZa8zpfnYQjiDih8tJE8z"
DOGE = "D7PZ6ageS8nXWE1P8WCB21d9kXqN9hXGAS"
USDT_BSC = "0x55d398326f99059fF775485246999027B3197955"

WALLETS: list[tuple[str, str | None, str]] = [
    # Chat pastes with the network written the ways exchanges and sellers write it.
    (f"USDT-TRC20：{TRON}", None, f"tron:{TRON}"),
    (f"{TRON}\r\n", None, f"tron:{TRON}"),
    (TRON, "TRON (TRC20)", f"tron:{TRON}"),
    (TRON, "USDT", f"tron:{TRON}"),
    # Copied with a zero-width space, or wrapped mid-address by a chat window.
    (f"{TRON[:10]}\u200b{TRON[10:]}", None, f"tron:{TRON}"),
    (f"{TRON[:16]}\n{TRON[16:]}", None, f"tron:{TRON}"),
    (f"\ufeff{TRON}", None, f"tron:{TRON}"),
    # Block explorers, with their paths, tabs and query strings.
    (f"https://tronscan.org/#/address/{TRON}/transfers", None, f"tron:{TRON}"),
    (f"https://etherscan.io/address/{EVM}#tokentxns", None, f"eth:{EVM}"),
    (f"HTTPS://ETHERSCAN.IO/address/{EVM}", None, f"eth:{EVM}"),
    (f"https://bscscan.com/token/{USDT_BSC}?a={EVM}", None, f"bsc:{EVM}"),
    (f"https://tonviewer.com/{TON_UQ}?section=jetton", None, f"ton:{TON_UQ}"),
    # EVM: case, networks, and the EIP-681 chain id.
    (EVM.lower(), None, f"eth:{EVM}"),
    ("0x" + EVM[2:].upper(), None, f"eth:{EVM}"),
    (f"BEP-20: {EVM}", None, f"bsc:{EVM}"),
    (f"USDT BEP20 (BSC) {EVM}", None, f"bsc:{EVM}"),
    (f"{EVM}@56", None, f"bsc:{EVM}"),
    (EVM, "BNB Smart Chain (BEP20)", f"bsc:{EVM}"),
    (EVM, "Polygon", f"polygon:{EVM}"),
    # Solana, TON and Bitcoin's forms.
    (f"Solana: {SOL}", None, f"sol:{SOL}"),
    (f"USDT SOL {SOL}", None, f"sol:{SOL}"),
    (f"TON {TON_UQ}", None, f"ton:{TON_UQ}"),
    (f"USDT TON: {TON_EQ}", None, f"ton:{TON_UQ}"),
    (TON_RAW, None, f"ton:{TON_UQ}"),
    (f"ton://transfer/{TON_EQ}?amount=1000000000", None, f"ton:{TON_UQ}"),
    (f"bitcoin:{BTC_SEGWIT}?amount=0.01&label=Invest", None, f"btc:{BTC_SEGWIT}"),
    (BTC_P2SH, None, f"btc:{BTC_P2SH}"),
    (BTC_SEGWIT.upper(), None, f"btc:{BTC_SEGWIT}"),
    (BTC_TAPROOT, None, f"btc:{BTC_TAPROOT}"),
    (f"LTC {LTC}", None, f"ltc:{LTC}"),
    (f"DOGE: {DOGE}", None, f"doge:{DOGE}"),
    # Labels in the region's words.
    (f"Ví USDT (TRC20): {TRON}", None, f"tron:{TRON}"),
    (f"ที่อยู่กระเป๋า USDT TRC20: {TRON}", None, f"tron:{TRON}"),
]

WALLETS_REFUSED: list[tuple[str, str | None, str]] = [
    (TRON[:-1] + ("i" if TRON[-1] != "i" else "j"), None, "checksum"),
    (EVM[:3] + EVM[3].lower() + EVM[4:], None, "checksum"),
    (EVM[:-1], None, "39"),
    (BTC_SEGWIT[:-1] + "p", None, "checksum"),
    ("ENS: scam-payments.eth", None, "ENS"),
    (f"{TRON[:5]}...{TRON[-4:]}", None, "whole address"),
    (TRON, "ERC20", "TRON"),
]

URLS: list[tuple[str, str]] = [
    # Defanged, as threat feeds and warnings write them.
    ("hxxps://evil-shop[.]com/login", "url:https://evil-shop.com/login"),
    ("hxxp[:]//evil-shop[.]com", "url:http://evil-shop.com/"),
    ("evil-shop[dot]com/login", "url:https://evil-shop.com/login"),
    ("hXXps://evil-shop(.)com/verify?id=7", "url:https://evil-shop.com/verify?id=7"),
    # Internationalised hosts and lookalikes, in punycode.
    ("https://ธนาคารกรุงเทพ.com/login", "url:https://xn--12cfk8dbg3bybb0mb9e7e.com/login"),
    ("https://ngânhàng.vn/dang-nhap", "url:https://xn--ngnhng-ltan.vn/dang-nhap"),
    ("https://银行.中国/", "url:https://xn--jn2a72x.xn--fiqs8s/"),
    ("https://m\u0430ybank2u.com.my/", "url:https://xn--mybank2u-16g.com.my/"),
    ("HTTPS://XN--MYBANK2U-16G.COM.MY/Login", "url:https://xn--mybank2u-16g.com.my/Login"),
    (
        "https://evil-shop.com/สมัคร",
        "url:https://evil-shop.com/%E0%B8%AA%E0%B8%A1%E0%B8%B1%E0%B8%84%E0%B8%A3",
    ),
    # Shortened links.
    ("bit.ly/3AbCdEf?fbclid=IwAR0abc", "url:https://bit.ly/3AbCdEf"),
    ("shorturl.at/abcD1", "url:https://shorturl.at/abcD1"),
    # Tracking, fragments, user info, ports, case, dot segments.
    (
        "https://evil-shop.com/x?utm_source=fb&utm_medium=cpc&id=7",
        "url:https://evil-shop.com/x?id=7",
    ),
    ("https://evil-shop.com/x?fbclid=IwAR0abc", "url:https://evil-shop.com/x"),
    ("https://evil-shop.com/x#section-2", "url:https://evil-shop.com/x"),
    ("https://evil-shop.com/x?gclid=abc#top", "url:https://evil-shop.com/x"),
    ("https://maybank2u.com.my@evil-shop.com/x", "url:https://evil-shop.com/x"),
    ("https://user:pass@evil-shop.com/x", "url:https://evil-shop.com/x"),
    ("https://evil-shop.com:443/x", "url:https://evil-shop.com/x"),
    ("http://evil-shop.com:80/x", "url:http://evil-shop.com/x"),
    ("https://evil-shop.com:8443/x", "url:https://evil-shop.com:8443/x"),
    ("HTTPS://EVIL-SHOP.COM/Login", "url:https://evil-shop.com/Login"),
    ("https://evil-shop.com/a/../login", "url:https://evil-shop.com/login"),
    ("https://evil-shop.com?x=1", "url:https://evil-shop.com/?x=1"),
    ("https://evil-shop.com./x", "url:https://evil-shop.com/x"),
    ("evil-shop.com/login?ref=AGENT7", "url:https://evil-shop.com/login?ref=AGENT7"),
    # Markup, sentences, labels.
    ("[Click here](https://evil-shop.com/x)", "url:https://evil-shop.com/x"),
    (
        '<a href="https://evil-shop.com/x?a=1&amp;b=2">Login</a>',
        "url:https://evil-shop.com/x?a=1&b=2",
    ),
    ("(https://evil-shop.com/login).", "url:https://evil-shop.com/login"),
    ("Link: https://evil-shop.com/login", "url:https://evil-shop.com/login"),
    ("https://evil-shop.com\u200b/login", "url:https://evil-shop.com/login"),
    # Public suffixes of the region.
    ("https://www.evil-shop.com.my/", "url:https://www.evil-shop.com.my/"),
    ("https://login.bank-secure.co.th/", "url:https://login.bank-secure.co.th/"),
    # IP hosts and platform links.
    ("https://[2001:db8::1]:8443/x", "url:https://[2001:db8::1]:8443/x"),
    ("https://t.me/ScamAdmin", "handle:telegram:scamadmin"),
    ("https://line.me/ti/p/~scamline", "handle:line:scamline"),
    (
        "https://www.facebook.com/profile.php?id=100012345678901&mibextid=ZbWKwL",
        "handle:facebook:100012345678901",
    ),
    ("mailto:scam@evil-shop.com", "email:scam@evil-shop.com"),
]

URL_RELATED: list[tuple[str, str]] = [
    ("https://login.bank-secure.co.th/", "bank-secure.co.th"),
    ("https://www.evil-shop.com.my/", "evil-shop.com.my"),
    ("https://shopee.co.th.evil-shop.com/", "evil-shop.com"),
    ("https://portal.evil.go.id/", "evil.go.id"),
    ("https://ngânhàng.vn/dang-nhap", "xn--ngnhng-ltan.vn"),
]

URLS_REFUSED: list[tuple[str, str]] = [
    ("https://evil-shop.con/login", "evil-shop.com"),
    ("https://evil-shop.com:0/x", "65535"),
    ("https://evil-shop.com/a https://evil-two.com/b", "two"),
]

DOMAINS: list[tuple[str, str]] = [
    ("evil-shop.com.", "domain:evil-shop.com"),
    ("WWW.EVIL-SHOP.COM", "domain:www.evil-shop.com"),
    ("evil-shop.com.my", "domain:evil-shop.com.my"),
    ("shop.evil.co.th", "domain:shop.evil.co.th"),
    ("portal.go.id", "domain:portal.go.id"),
    ("lgu-cebu.gov.ph", "domain:lgu-cebu.gov.ph"),
    ("evil-shop.com.kh", "domain:evil-shop.com.kh"),
    ("evil-shop.la", "domain:evil-shop.la"),
    ("evil-shop.com.mm", "domain:evil-shop.com.mm"),
    ("evil-shop.com.bn", "domain:evil-shop.com.bn"),
    ("evil-shop.com.vn", "domain:evil-shop.com.vn"),
    ("m\u0430ybank2u.com.my", "domain:xn--mybank2u-16g.com.my"),
    ("evil-shop(.)com", "domain:evil-shop.com"),
    ("https://evil-shop.com/x?y=1", "domain:evil-shop.com"),
    ("evil-shop.com:8080", "domain:evil-shop.com"),
    ("*.evil-shop.com", "domain:evil-shop.com"),
    ("WWW.Evil-Shop.COM.", "domain:www.evil-shop.com"),
]

DOMAIN_RELATED: list[tuple[str, str]] = [
    ("WWW.EVIL-SHOP.COM", "evil-shop.com"),
    ("shop.evil.co.th", "evil.co.th"),
    ("a.b.evil-shop.com.kh", "evil-shop.com.kh"),
]

DOMAINS_REFUSED: list[tuple[str, str]] = [
    ("evil-shop.con", "evil-shop.com"),
    ("evil-shop", "dot"),
    ("-evil.com", "letters, digits and hyphens"),
    ("scam-payments.eth", "ENS"),
]

EMAILS: list[tuple[str, str]] = [
    ("  SCAM@EVIL-SHOP.COM ", "email:scam@evil-shop.com"),
    ("mailto:scam@evil-shop.com?subject=Refund", "email:scam@evil-shop.com"),
    ("Customer Service <support@evil-shop.com>", "email:support@evil-shop.com"),
    ('"Maybank" <alert@maybank-secure.com>', "email:alert@maybank-secure.com"),
    ("scam[at]evil-shop[.]com", "email:scam@evil-shop.com"),
    ("scam(at)evil-shop(dot)com", "email:scam@evil-shop.com"),
    ("scam @ evil-shop . com", "email:scam@evil-shop.com"),
    ('"scam"@evil-shop.com', "email:scam@evil-shop.com"),
    ("scam@ธนาคาร.ไทย", "email:scam@xn--42c3bd5b5db.xn--o3cw4h"),
    ("scam@ngânhàng.vn", "email:scam@xn--ngnhng-ltan.vn"),
    ("<scam@evil-shop.com>", "email:scam@evil-shop.com"),
    ("E-mail: scam@evil-shop.com.", "email:scam@evil-shop.com"),
    ("SCAM@Yahoo.Co.Th", "email:scam@yahoo.co.th"),
    ("scam\u200b@evil-shop.com", "email:scam@evil-shop.com"),
    ("From: Maybank <alert@maybank-secure.com>", "email:alert@maybank-secure.com"),
    ("Return-Path: <bounce@evil-shop.com>", "email:bounce@evil-shop.com"),
]

EMAILS_REFUSED: list[tuple[str, str]] = [
    ('"john doe"@evil-shop.com', "quot"),
    ("scam@evil-shop.con", "scam@evil-shop.com"),
    ("scam@@evil-shop.com", "@"),
    ("scam@evil-shop.com, other@evil-shop.com", "more than one"),
    ("scam@evil-shop", "scam@evil-shop"),
    ("scam@[203.0.113.5]", "ip"),
]

HANDLES: list[tuple[str, str | None, str | None, str]] = [
    ("t.me/ScamAdmin", None, None, "handle:telegram:scamadmin"),
    ("@ScamAdmin", None, "telegram", "handle:telegram:scamadmin"),
    ("Telegram: @ScamAdmin", None, None, "handle:telegram:scamadmin"),
    ("TG @scam_admin", None, None, "handle:telegram:scam_admin"),
    ("tg://resolve?domain=ScamAdmin", None, None, "handle:telegram:scamadmin"),
    ("LINE ID: scam.line01", None, None, "handle:line:scam.line01"),
    ("Line: @abc123", None, None, "handle:line:abc123"),
    ("line.me/ti/p/~scamline", None, None, "handle:line:scamline"),
    ("https://line.me/R/ti/p/@123abcde", None, None, "handle:line:123abcde"),
    ("ไลน์ไอดี: scamline", None, None, "handle:line:scamline"),
    ("WhatsApp: +60 12-345 6789", None, None, "phone:+60123456789"),
    (
        "https://api.whatsapp.com/send?phone=60123456789&text=Hi",
        None,
        None,
        "phone:+60123456789",
    ),
    ("Viber: +63 917 123 4567", None, None, "phone:+639171234567"),
    ("Signal: +65 9123 4567", None, None, "phone:+6591234567"),
    ("WeChat: wxid_abc123xyz", None, None, "handle:wechat:wxid_abc123xyz"),
    ("微信: scam888", None, None, "handle:wechat:scam888"),
    ("KakaoTalk ID: scamkakao", None, None, "handle:kakaotalk:scamkakao"),
    ("Facebook: facebook.com/scam.page", None, None, "handle:facebook:scam.page"),
    ("https://m.facebook.com/scam.page/?mibextid=abc", None, None, "handle:facebook:scam.page"),
    ("IG: @Scam.Shop", None, None, "handle:instagram:scam.shop"),
    ("TikTok: @Scam.Shop", None, None, "handle:tiktok:scam.shop"),
    ("X: @ScamBot", None, None, "handle:x:scambot"),
    ("Twitter @ScamBot", None, None, "handle:x:scambot"),
    ("https://x.com/ScamBot", None, None, "handle:x:scambot"),
]

HANDLES_REFUSED: list[tuple[str, str | None, str]] = [
    ("Instagram: scam..shop", None, "dot"),
    ("Telegram: @abc", None, "4 to 32"),
]

IPS: list[tuple[str, str]] = [
    ("2001:DB8:0:0:0:0:0:1", "ip:2001:db8::1"),
    ("203.0.113.5.", "ip:203.0.113.5"),
    ("Source IP: 198.51.100.7 (Singapore)", "ip:198.51.100.7"),
    ("2001:0db8:0000:0000:0000:ff00:0042:8329", "ip:2001:db8::ff00:42:8329"),
    ("203.0.113.5\u200b", "ip:203.0.113.5"),
    ("198.51.100.7 port 443", "ip:198.51.100.7"),
    ("10.0.0.5", "ip:10.0.0.5"),
]

IPS_SHARED = ["10.0.0.5", "100.64.1.1", "fe80::1", "192.168.001.001", "::ffff:192.168.1.1"]

IPS_REFUSED: list[tuple[str, str]] = [
    ("203.0.113.0/24", "203.0.113.255"),
    ("203.0.113.256", "255"),
]


@pytest.mark.parametrize(("raw", "qualifier", "expected"), WALLETS)
def test_wallet_forms_read(raw: str, qualifier: str | None, expected: str) -> None:
    assert value("crypto_wallet", raw, qualifier=qualifier) == f"crypto_wallet:{expected}"


@pytest.mark.parametrize(("raw", "qualifier", "says"), WALLETS_REFUSED)
def test_wallet_forms_refused(raw: str, qualifier: str | None, says: str) -> None:
    assert says.lower() in reason("crypto_wallet", raw, qualifier=qualifier).lower()


@pytest.mark.parametrize(("raw", "expected"), URLS)
def test_url_forms_read(raw: str, expected: str) -> None:
    assert value("url", raw) == expected


@pytest.mark.parametrize(("raw", "registered"), URL_RELATED)
def test_url_registered_domain(raw: str, registered: str) -> None:
    found = canonicalize("url", raw)
    assert [r.value for r in found.related if r.kind == "domain"] == [registered]


@pytest.mark.parametrize(("raw", "says"), URLS_REFUSED)
def test_url_forms_refused(raw: str, says: str) -> None:
    assert says.lower() in reason("url", raw).lower()


@pytest.mark.parametrize(("raw", "expected"), DOMAINS)
def test_domain_forms_read(raw: str, expected: str) -> None:
    assert value("domain", raw) == expected


@pytest.mark.parametrize(("raw", "registered"), DOMAIN_RELATED)
def test_domain_registered_domain(raw: str, registered: str) -> None:
    assert [r.value for r in canonicalize("domain", raw).related] == [registered]


@pytest.mark.parametrize(("raw", "says"), DOMAINS_REFUSED)
def test_domain_forms_refused(raw: str, says: str) -> None:
    assert says.lower() in reason("domain", raw).lower()


@pytest.mark.parametrize(("raw", "expected"), EMAILS)
def test_email_forms_read(raw: str, expected: str) -> None:
    assert value("email", raw) == expected


@pytest.mark.parametrize(("raw", "says"), EMAILS_REFUSED)
def test_email_forms_refused(raw: str, says: str) -> None:
    assert says.lower() in reason("email", raw).lower()


@pytest.mark.parametrize(("raw", "country", "qualifier", "expected"), HANDLES)
def test_handle_forms_read(
    raw: str, country: str | None, qualifier: str | None, expected: str
) -> None:
    assert value("handle", raw, country=country, qualifier=qualifier) == expected


@pytest.mark.parametrize(("raw", "qualifier", "says"), HANDLES_REFUSED)
def test_handle_forms_refused(raw: str, qualifier: str | None, says: str) -> None:
    assert says.lower() in reason("handle", raw, qualifier=qualifier).lower()


@pytest.mark.parametrize(("raw", "expected"), IPS)
def test_ip_forms_read(raw: str, expected: str) -> None:
    assert value("ip", raw) == expected


@pytest.mark.parametrize("raw", IPS_SHARED)
def test_local_ips_are_shared(raw: str) -> None:
    assert canonicalize("ip", raw).shared_platform


@pytest.mark.parametrize(("raw", "says"), IPS_REFUSED)
def test_ip_forms_refused(raw: str, says: str) -> None:
    assert says.lower() in reason("ip", raw).lower()


# What this probe found read wrongly (each failed before its fix).
FIXED_READ: list[tuple[str, str, str]] = [
    # A mail header's name before the address, as copied from a message's headers.
    ("email", "Reply-To: refund@evil-shop.com", "email:refund@evil-shop.com"),
    ("email", "To: victim@gmail.com", "email:victim@gmail.com"),
    # A mailto link pasted as markup, and addresses hidden from harvesters.
    ("email", "[scam@evil-shop.com](mailto:scam@evil-shop.com)", "email:scam@evil-shop.com"),
    ("email", '<a href="mailto:scam@evil-shop.com">Email us</a>', "email:scam@evil-shop.com"),
    ("email", "scam&#64;evil-shop.com", "email:scam@evil-shop.com"),
    ("email", "scam%40evil-shop.com", "email:scam@evil-shop.com"),
    # The display name is an address too: the mail comes from the one in angle brackets.
    ("email", "alert@evil-shop.com <alert@evil-shop.com>", "email:alert@evil-shop.com"),
    ("email", "support@maybank.com <scam@evil-shop.com>", "email:scam@evil-shop.com"),
    # Emoji a chat puts before or after a value to point at it.
    ("email", "\U0001f4e7 scam@evil-shop.com", "email:scam@evil-shop.com"),
    ("email", "scam@evil-shop.com \u2705", "email:scam@evil-shop.com"),
    ("url", "\U0001f449https://evil-shop.com/x", "url:https://evil-shop.com/x"),
    ("domain", "\U0001f517 evil-shop.com", "domain:evil-shop.com"),
    ("ip", "\U0001f310 203.0.113.5", "ip:203.0.113.5"),
    ("handle", "\U0001f449 t.me/scam_admin", "handle:telegram:scam_admin"),
    # Google's share tag and mailing tools' per-recipient ids.
    (
        "url",
        "https://docs.google.com/forms/d/e/1FAIpQLabc/viewform?usp=sf_link",
        "url:https://docs.google.com/forms/d/e/1FAIpQLabc/viewform",
    ),
    (
        "url",
        "https://evil-shop.com/x?_hsenc=p2ANq&_hsmi=123&mkt_tok=abc&id=7",
        "url:https://evil-shop.com/x?id=7",
    ),
    # LINE's share link carries a code whose case matters, not the LINE ID.
    ("url", "https://line.me/ti/p/AbCdEfGhIj", "url:https://line.me/ti/p/AbCdEfGhIj"),
    # Platforms named in two words, and a sentence's full stop after a Telegram or X name.
    ("handle", "Tik Tok: @scam.shop", "handle:tiktok:scam.shop"),
    ("handle", "Kakao Talk: scamkakao", "handle:kakaotalk:scamkakao"),
    ("handle", "Telegram Messenger: @scam_admin", "handle:telegram:scam_admin"),
    ("handle", "\uce74\uce74\uc624\ud1a1 ID: scamkakao", "handle:kakaotalk:scamkakao"),
    ("handle", "Telegram: @Scam_Admin.", "handle:telegram:scam_admin"),
    ("handle", "X: @ScamBot.", "handle:x:scambot"),
    # NAT64's well-known prefix holds an IPv4 host.
    ("ip", "64:ff9b::203.0.113.5", "ip:203.0.113.5"),
    ("ip", "64:ff9b::cb00:7105", "ip:203.0.113.5"),
    ("url", "http://[64:ff9b::203.0.113.5]/x", "url:http://203.0.113.5/x"),
]

FIXED_REFUSED: list[tuple[str, str, str]] = [
    # A lower-cased base58 address that still decodes was "a character is probably mistyped".
    ("crypto_wallet", TRON.lower(), "small letters"),
    ("crypto_wallet", f"TRC20 {TRON.lower()}", "TRON addresses are case-sensitive"),
    ("crypto_wallet", f"BTC {BTC_LEGACY.lower()}", "Bitcoin addresses are case-sensitive"),
    # A test network's explorer page or name was read as the main network's wallet.
    ("crypto_wallet", f"https://sepolia.etherscan.io/address/{EVM}", "Sepolia, a test network"),
    ("crypto_wallet", f"https://nile.tronscan.org/#/address/{TRON}", "Nile, a test network"),
    ("crypto_wallet", f"https://testnet.bscscan.com/address/{EVM}", "a test network"),
    ("crypto_wallet", f"https://solscan.io/account/{SOL}?cluster=devnet", "Devnet"),
    (
        "crypto_wallet",
        "https://mempool.space/testnet/address/tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx",
        "a test network",
    ),
    ("crypto_wallet", f"Sepolia {EVM}", "Sepolia, a test network"),
    ("crypto_wallet", f"BSC Testnet: {EVM}", "a test network"),
    # A letter O read for a zero in an EVM address was "not a wallet address of a known chain".
    ("crypto_wallet", EVM[:7] + "O" + EVM[8:], "'O' among the hex digits"),
    # A link an app cut short, and two links glued by a comma.
    ("url", "https://evil-shop.com/verify/ab\u2026", "cut short"),
    ("url", "https://evil-shop.com/x,https://evil-two.com/y", "more than one web address"),
    # The phishing trick with an e-mail address: shows one, opens another.
    ("email", "[support@maybank.com](mailto:scam@evil-shop.com)", "but opens"),
    ("url", "[support@maybank.com](mailto:scam@evil-shop.com)", "two different addresses"),
    # LINE's share-link code is not the LINE ID.
    ("handle", "https://line.me/ti/p/AbCdEfGhIj", "invitation code"),
    ("handle", "LINE: line.me/R/ti/p/AbCdEfGhIj", "not its LINE ID"),
]

FIXED_GUESSES: list[tuple[str, str]] = [
    # Refused now by the wallet reader, a test network's page is still guessed a wallet, so
    # that the check shows why (not the explorer's page as a url).
    (f"https://sepolia.etherscan.io/address/{EVM}", "crypto_wallet"),
    ("Reply-To: refund@evil-shop.com", "email"),
    ("\U0001f449 https://evil-shop.com/x", "url"),
    (f"\U0001f4b0{TRON}", "crypto_wallet"),
    ("Tik Tok: @scam.shop", "handle"),
]


@pytest.mark.parametrize(("kind", "raw", "expected"), FIXED_READ)
def test_fixed_forms_read(kind: str, raw: str, expected: str) -> None:
    assert value(kind, raw) == expected


@pytest.mark.parametrize(("kind", "raw", "says"), FIXED_REFUSED)
def test_fixed_forms_refused(kind: str, raw: str, says: str) -> None:
    assert says.lower() in reason(kind, raw).lower()


@pytest.mark.parametrize(("raw", "kind"), FIXED_GUESSES)
def test_fixed_forms_guessed(raw: str, kind: str) -> None:
    assert guess_kind(raw) == kind
