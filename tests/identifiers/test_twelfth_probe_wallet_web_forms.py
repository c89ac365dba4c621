"""Twelfth outside probe: wallet, link, domain, e-mail, handle and IP forms as reports across
ASEAN carry them, written down before reading the earlier probes. Each form gives its canonical
value (DESIGN.md) or is refused with a reason that says what it is.

Found wrong by this probe: a chain named with a space ("BEP 20", "Smart Chain") left a 0x
address on Ethereum, "BEP-2" (the retired Beacon Chain's standard) did too, an address ended by
a Chinese full stop had "no wallet address", one address written twice was "more than one", an
XRP X-address was "not a wallet address of a known chain", hosts ending in no top-level domain
(evil.con, shop.lan) were kept as sites, app-store links were refused for their scheme, a Play
Store page kept the reader's language, and a quoted local part got email-validator's words.
"""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # EIP-55's own example
TON = "UQDRNCQex5RL1Znhg0q0uYfbqRJqSg9F0DXWamvf4VsRHGXU"
SOL = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"
BECH32 = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
TAPROOT = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"  # BIP-86 vector
# XLS-5d's published vectors: r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59 without a tag and with tag 1.
X_NO_TAG = "X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ"
X_TAG_1 = "X7AcgcsBL6XDcUb289X4mJ8djcdyKaGZMhc9YTE92ehJ2Fu"
X_TEST = "T719a5UwUCnEs54UsxG9CJYYDhwmFCqkr7wxCcNcfZ6p5GZ"
ZW = "\u200b"
NBSP = "\u00a0"
NO = "refused: "  # the rest is a part of the reason

FORMS: list[tuple[str, str, str, str]] = [
    # --- USDT on TRON, as exchanges, victims and Chinese-speaking handlers write it ---
    ("crypto_wallet", f"USDT (TRC20) {TRON}", "TH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"USDT(TRC20){TRON}", "TH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"TRC-20: {TRON}", "VN", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"TRC20:{TRON}", "VN", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"Tron network {TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"Network: Tron (TRC20) Address: {TRON}", "PH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"USDT-TRC20 地址: {TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"TRC20地址：{TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"ví USDT mạng TRC20: {TRON}", "VN", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"ที่อยู่กระเป๋า USDT (TRC20): {TRON}", "TH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"Alamat dompet: {TRON}", "ID", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"{ZW}{TRON}{ZW}", "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"{NBSP}{TRON}{NBSP}", "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f'"{TRON}"', "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"[{TRON}]", "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"'{TRON}'.", "MY", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"{TRON}。", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"「{TRON}」", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"{TRON} / {TRON}", "KH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", "TR7NHqjeKQxGTCi8q8Z\nY4pL8otSzgjLj6t", "PH", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", f"TRC20\n{TRON}", "PH", f"crypto_wallet:tron:{TRON}"),
    (
        "crypto_wallet",
        f"Binance deposit {TRON} Memo: 105938271",
        "TH",
        f"crypto_wallet:tron:{TRON}",
    ),
    ("crypto_wallet", f"https://tronscan.org/#/address/{TRON}", "ID", f"crypto_wallet:tron:{TRON}"),
    ("crypto_wallet", TRON.lower(), "PH", NO + "case-sensitive"),
    ("crypto_wallet", TRON[:-1] + "T", "PH", NO + "checksum"),
    ("crypto_wallet", f"TRC20 {EVM}", "TH", NO + "EVM (0x) address, not an address on TRON"),
    ("crypto_wallet", f"ERC20 {TRON}", "TH", NO + "is a TRON address, not an address on Ethereum"),
    ("crypto_wallet", f"{TRON} 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "TH", NO + "more than one"),
    # --- EVM chains, their names written every way ---
    ("crypto_wallet", f"ERC20 {EVM}", "SG", f"crypto_wallet:eth:{EVM}"),
    ("crypto_wallet", EVM.lower(), "SG", f"crypto_wallet:eth:{EVM}"),
    ("crypto_wallet", "0X" + EVM[2:].upper(), "SG", f"crypto_wallet:eth:{EVM}"),
    ("crypto_wallet", EVM[:-1] + "D", "SG", NO + "EIP-55"),
    ("crypto_wallet", EVM[:-1], "SG", NO + "39 hex digits"),
    ("crypto_wallet", f"BEP-20 {EVM}", "MY", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"BEP 20 {EVM}", "MY", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"USDT (BEP 20) {EVM}", "MY", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"Smart Chain {EVM}", "MY", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"BNB Smart Chain (BEP20) {EVM}", "MY", f"crypto_wallet:bsc:{EVM}"),
    ("crypto_wallet", f"TRC 20 {EVM}", "MY", NO + "EVM (0x) address, not an address on TRON"),
    ("crypto_wallet", f"BEP-2 {EVM}", "MY", NO + "BEP2, the token standard of the BNB Beacon"),
    ("crypto_wallet", f"Polygon {EVM}", "ID", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"Matic network {EVM}", "ID", f"crypto_wallet:polygon:{EVM}"),
    ("crypto_wallet", f"Arbitrum One {EVM}", "ID", f"crypto_wallet:arbitrum:{EVM}"),
    ("crypto_wallet", f"AVAX C-Chain {EVM}", "ID", f"crypto_wallet:avalanche:{EVM}"),
    ("crypto_wallet", f"Avalanche C Chain {EVM}", "ID", f"crypto_wallet:avalanche:{EVM}"),
    (
        "crypto_wallet",
        f"https://bscscan.com/address/{EVM}#tokentxns",
        "ID",
        f"crypto_wallet:bsc:{EVM}",
    ),
    ("crypto_wallet", f"ERC20 / BEP20: {EVM}", "PH", NO + "give the one the money went on"),
    # --- Bitcoin, Litecoin, Dogecoin, Solana, TON ---
    (
        "crypto_wallet",
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "TH",
        "crypto_wallet:btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    ),
    (
        "crypto_wallet",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "TH",
        "crypto_wallet:btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
    ),
    ("crypto_wallet", BECH32.upper(), "TH", f"crypto_wallet:btc:{BECH32}"),
    ("crypto_wallet", TAPROOT, "TH", f"crypto_wallet:btc:{TAPROOT}"),
    (
        "crypto_wallet",
        "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.01",
        "TH",
        "crypto_wallet:btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    ),
    ("crypto_wallet", f"BTC: {BECH32[:-1]}x", "TH", NO + "bech32"),
    ("crypto_wallet", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", "TH", NO + "test-network"),
    (
        "crypto_wallet",
        "LTC LKDyUEtTR1HXamkiEphisSiBJu6o3ZPE34",
        "PH",
        "crypto_wallet:ltc:LKDyUEtTR1HXamkiEphisSiBJu6o3ZPE34",
    ),
    (
        "crypto_wallet",
        "M7uBSTV2qNDHDe2tHfNMqhFkZucgRMpJQk",
        "PH",
        "crypto_wallet:ltc:M7uBSTV2qNDHDe2tHfNMqhFkZucgRMpJQk",
    ),
    (
        "crypto_wallet",
        "DOGE D597kHXGdkwkryF9oGhz9Bp1ypTpD1u99Z",
        "PH",
        "crypto_wallet:doge:D597kHXGdkwkryF9oGhz9Bp1ypTpD1u99Z",
    ),
    ("crypto_wallet", f"USDT SPL {SOL}", "PH", f"crypto_wallet:sol:{SOL}"),
    ("crypto_wallet", f"https://solscan.io/account/{SOL}", "PH", f"crypto_wallet:sol:{SOL}"),
    ("crypto_wallet", f"TON {TON} memo: 104567832", "VN", f"crypto_wallet:ton:{TON}"),
    ("crypto_wallet", f"ton://transfer/{TON}?amount=1000000000", "VN", f"crypto_wallet:ton:{TON}"),
    ("crypto_wallet", "EQ" + TON[2:], "VN", NO + "fails its address checksum"),
    # --- Chains not read: refused saying what they are ---
    (
        "crypto_wallet",
        "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
        "PH",
        NO + "XRP Ledger (XRP, Ripple) address",
    ),
    (
        "crypto_wallet",
        "XRP rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh Destination Tag: 123456",
        "PH",
        NO + "XRP is not a known chain",
    ),
    (
        "crypto_wallet",
        X_NO_TAG,
        "PH",
        NO + "X-address: the account r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59 in one",
    ),
    (
        "crypto_wallet",
        f"XRP: {X_TAG_1}",
        "PH",
        NO + "r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59 with destination tag 1",
    ),
    ("crypto_wallet", X_TEST, "PH", NO + "a test-network XRP Ledger X-address"),
    (
        "crypto_wallet",
        "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",
        "PH",
        NO + "Bitcoin Cash (BCH) address",
    ),
    ("crypto_wallet", "BCH 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "PH", NO + "Bitcoin Cash"),
    # --- URLs: defanged, internationalised, without a scheme, tracked, disguised ---
    ("url", "hxxps://maybank2u-secure[.]com/login", "MY", "url:https://maybank2u-secure.com/login"),
    ("url", "hxxp://scam-shop(dot)com/pay", "MY", "url:http://scam-shop.com/pay"),
    ("url", "https[:]//evil[.]com/a", "MY", "url:https://evil.com/a"),
    ("url", "hxxps://evil[.]com[/]login", "MY", "url:https://evil.com/login"),
    ("url", "evil[.]com[:]8080/login", "MY", "url:https://evil.com:8080/login"),
    ("url", "https://ธนาคาร.com/login", "TH", "url:https://xn--42c3bd5b5db.com/login"),
    ("url", "http://ngânhàng.vn/", "VN", "url:http://xn--ngnhng-ltan.vn/"),
    ("url", "https://中国银行.com/", "KH", "url:https://xn--fiqs8s856bruk.com/"),
    (
        "url",
        "www.scam-shop.com/pay?utm_source=facebook&fbclid=IwAR123",
        "MY",
        "url:https://www.scam-shop.com/pay",
    ),
    (
        "url",
        "https://evil.com/login?ref=AGENT7&gclid=xyz",
        "MY",
        "url:https://evil.com/login?ref=AGENT7",
    ),
    ("url", "https://paypal.com@evil.com/login", "MY", "url:https://evil.com/login"),
    ("url", "http://203.0.113.5:8080/admin", "MY", "url:http://203.0.113.5:8080/admin"),
    ("url", "https://evil.com:443/", "MY", "url:https://evil.com/"),
    ("url", "HTTPS://EVIL.COM/Login#frag", "MY", "url:https://evil.com/Login"),
    ("url", "bit.ly/3AbCdEf", "MY", "url:https://bit.ly/3AbCdEf"),
    ("url", "https://s.id/promo-bca", "ID", "url:https://s.id/promo-bca"),
    ("url", "shorturl.at/abcDE", "TH", "url:https://shorturl.at/abcDE"),
    (
        "url",
        "https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.com%2Fx&h=AT0",
        "MY",
        "url:https://evil.com/x",
    ),
    ("url", "https://www.rnaybank2u.com.my/", "MY", "url:https://www.rnaybank2u.com.my/"),
    (
        "url",
        "https://maybank2u.com.my.secure-login.xyz/",
        "MY",
        "url:https://maybank2u.com.my.secure-login.xyz/",
    ),
    ("url", "https://bca-promo.web.app/", "ID", "url:https://bca-promo.web.app/"),
    ("url", "https://shop.example/cart", "MY", "url:https://shop.example/cart"),
    ("url", "https://scammer.ton/", "VN", "url:https://scammer.ton/"),
    ("url", "https://evil.con/x", "MY", NO + "ending .con is no top-level domain"),
    ("url", "https://evil.con/x", "MY", NO + "if evil.com is meant, enter it so"),
    ("url", "https://bank.corp/login", "MY", NO + "check the name with the report"),
    ("url", "http://intranet/login", "MY", NO + "it needs a dot"),
    ("url", "intent://scan/#Intent;scheme=zxing;end", "MY", NO + "scheme 'intent'"),
    # --- app stores: a fake app's page, also as the store app's own link ---
    (
        "url",
        "https://play.google.com/store/apps/details?id=com.fake.bankapp&hl=en&gl=MY",
        "MY",
        "url:https://play.google.com/store/apps/details?id=com.fake.bankapp",
    ),
    (
        "url",
        "market://details?id=com.fake.bankapp&hl=th",
        "TH",
        "url:https://play.google.com/store/apps/details?id=com.fake.bankapp",
    ),
    (
        "url",
        "itms-apps://apps.apple.com/th/app/fake-invest/id1234567890",
        "TH",
        "url:https://apps.apple.com/th/app/fake-invest/id1234567890",
    ),
    ("url", "market://search?q=bank", "TH", NO + "scheme 'market'"),
    # --- links in messaging apps: profiles are handles, numbers are phones ---
    ("url", "https://t.me/scam_support_bot", "MY", "handle:telegram:scam_support_bot"),
    ("url", "https://t.me/joinchat/AAAAAEHbcdef", "MY", "url:https://t.me/joinchat/AAAAAEHbcdef"),
    ("url", "https://t.me/+60123456789", "MY", "phone:+60123456789"),
    ("url", "tg://resolve?domain=scammer", "MY", "handle:telegram:scammer"),
    ("url", "https://wa.me/60123456789", "MY", "phone:+60123456789"),
    (
        "url",
        "https://www.facebook.com/profile.php?id=100089123456789",
        "PH",
        "handle:facebook:100089123456789",
    ),
    ("url", "line://ti/p/~scamline", "TH", "handle:line:scamline"),
    # --- domains ---
    ("domain", "hxxps://maybank2u-secure[.]com/login", "MY", "domain:maybank2u-secure.com"),
    ("domain", "WWW.Evil.COM.", "MY", "domain:www.evil.com"),
    ("domain", "ธนาคาร.com", "TH", "domain:xn--42c3bd5b5db.com"),
    ("domain", "บริษัท.ไทย", "TH", "domain:xn--o3cf1ay4bq.xn--o3cw4h"),
    ("domain", "evil(dot)com", "MY", "domain:evil.com"),
    ("domain", "https://user@evil.com:8080/x", "MY", "domain:evil.com"),
    ("domain", "bca.co.id.verifikasi-akun.online", "ID", "domain:bca.co.id.verifikasi-akun.online"),
    ("domain", "203.0.113.5", "MY", "ip:203.0.113.5"),
    ("domain", "scammer.ton", "VN", "domain:scammer.ton"),
    ("domain", "evil.corp", "MY", NO + "ending .corp is no top-level domain"),
    ("domain", "evil.localdomain", "MY", NO + "no top-level domain"),
    ("domain", "evil.con", "MY", NO + "if evil.com is meant"),
    ("domain", "evil", "MY", NO + "needs a dot"),
    ("domain", "evil.c0m", "MY", NO + "does not end in a domain ending"),
    # --- e-mail ---
    ("email", "John.Doe+shop@Gmail.com", "MY", "email:john.doe+shop@gmail.com"),
    ("email", "mailto:SCAM@EVIL.COM?subject=hi", "MY", "email:scam@evil.com"),
    ("email", "scammer at gmail dot com", "MY", "email:scammer@gmail.com"),
    ("email", "scammer[at]gmail[.]com", "MY", "email:scammer@gmail.com"),
    ("email", "Support Team <support@evil-bank.com>", "MY", "email:support@evil-bank.com"),
    ("email", "scam@ธนาคาร.com", "TH", "email:scam@xn--42c3bd5b5db.com"),
    ("email", "SCAM＠GMAIL．COM", "MY", "email:scam@gmail.com"),
    ("email", '"scam"@evil.com', "MY", "email:scam@evil.com"),
    ("email", '"Scam.Bank"@Evil.com', "MY", "email:scam.bank@evil.com"),
    ("email", '"scam bank"@evil.com', "MY", NO + "quoted name with spaces or symbols"),
    ("email", "john@gmail.con", "MY", NO + "if john@gmail.com is meant"),
    ("email", "scam@evil.com, other@evil.com", "MY", NO + "more than one"),
    # --- handles ---
    ("handle", "Telegram: @Scam_Support", "MY", "handle:telegram:scam_support"),
    ("handle", "飞机: @scam_support", "KH", "handle:telegram:scam_support"),
    ("handle", "https://telegram.dog/scam_support", "MY", "handle:telegram:scam_support"),
    (
        "handle",
        "https://www.facebook.com/profile.php?id=100089123456789&mibextid=ZbWKwL",
        "PH",
        "handle:facebook:100089123456789",
    ),
    ("handle", "LINE ID: scam.thai", "TH", "handle:line:scam.thai"),
    ("handle", "https://line.me/R/ti/p/%40scamshop", "TH", "handle:line:scamshop"),
    ("handle", "微信号: Scam888", "KH", "handle:wechat:scam888"),
    ("handle", "Zalo: 0912345678", "VN", "phone:+84912345678"),
    ("handle", "viber://chat?number=%2B639171234567", "PH", "phone:+639171234567"),
    (
        "handle",
        "https://api.whatsapp.com/send?phone=60123456789&text=hi",
        "MY",
        "phone:+60123456789",
    ),
    ("handle", "https://www.tiktok.com/@scam.shop?_t=8abc&_r=1", "TH", "handle:tiktok:scam.shop"),
    ("handle", "https://www.instagram.com/scam.shop/?igsh=abc", "TH", "handle:instagram:scam.shop"),
    ("handle", "https://twitter.com/ScamShop?s=21&t=abc", "TH", "handle:x:scamshop"),
    ("handle", "@scam_support", "MY", NO + "platform"),
    ("handle", "https://zalo.me/g/abcxyz123", "VN", NO + "is a Zalo link, but not a profile link"),
    (
        "handle",
        "https://chat.whatsapp.com/AbCdEfGhIjK123",
        "MY",
        NO + "is a WhatsApp link, but not a profile link",
    ),
    ("handle", "https://evil.com/x", "MY", NO + "not a profile link of a known platform"),
    # --- IP addresses ---
    ("ip", "203.0.113[.]5", "MY", "ip:203.0.113.5"),
    ("ip", "hxxp://203.0.113[.]5:8080/", "MY", "ip:203.0.113.5"),
    ("ip", "[2001:DB8::1]:443", "MY", "ip:2001:db8::1"),
    ("ip", "::ffff:203.0.113.5", "MY", "ip:203.0.113.5"),
    ("ip", "192.168.1.1", "MY", "ip:192.168.1.1"),
    ("ip", "203.0.113.5/24", "MY", NO + "network of addresses"),
    ("ip", "256.1.1.1", "MY", NO + "not an IP address"),
    ("ip", "fe80::1%eth0", "MY", NO + "zone"),
]


@pytest.mark.parametrize(("kind", "raw", "country", "expected"), FORMS)
def test_form_gives_its_canonical_value_or_a_reason(
    kind: str, raw: str, country: str, expected: str
) -> None:
    if expected.startswith(NO):
        assert expected.removeprefix(NO).lower() in reason(kind, raw, country).lower()
    else:
        assert value(kind, raw, country) == expected


def test_a_private_address_is_kept_but_links_nothing() -> None:
    from counterscam.identifiers import canonicalize

    assert canonicalize("ip", "192.168.1.1").shared_platform


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        # Told apart by "Detect automatically" too, so the check shows the reason above.
        (f"{TRON}。", "crypto_wallet"),
        (f"USDT (BEP 20) {EVM}", "crypto_wallet"),
        (X_TAG_1, "crypto_wallet"),
        ("evil.con", "domain"),
        ("market://details?id=com.fake.bankapp", "url"),
        ('"scam"@evil.com', "email"),
    ],
)
def test_detect_automatically_takes_these_forms(raw: str, kind: str) -> None:
    assert guess_kind(raw) == kind
