"""URLs, domains, e-mail addresses and IP addresses."""

import pytest

from counterscam.identifiers import Canonical, InvalidIdentifier, canonicalize, guess_kind

URLS = [
    ("hxxps://evil[.]example[.]com/Login", "https://evil.example.com/Login", "example.com"),
    ("hXXps[:]//evil(.)example{.}com/a", "https://evil.example.com/a", "example.com"),
    ("hxxp[://]evil[dot]com", "http://evil.com/", "evil.com"),
    ("evil .com/path", "https://evil.com/path", "evil.com"),
    ("EXAMPLE.com:80", "http://example.com/", "example.com"),
    # A bare host:443 is the https site: it was http://...:443/, never meeting https://...
    (
        "maybank2u-secure.com.my:443/login",
        "https://maybank2u-secure.com.my/login",
        "maybank2u-secure.com.my",
    ),
    ("http://example.com:443/", "http://example.com:443/", "example.com"),
    (
        "HTTPS://Shop.Example.co.th:443/Cart?id=7#top",
        "https://shop.example.co.th/Cart?id=7",
        "example.co.th",
    ),
    ("https://example.com:8443/x", "https://example.com:8443/x", "example.com"),
    ("https://bücher.de/a", "https://xn--bcher-kva.de/a", "xn--bcher-kva.de"),
    (
        "https://example.com/%7euser/%2f?q=%41%2a",
        "https://example.com/~user/%2F?q=A%2A",
        "example.com",
    ),
    ("https://example.com/ไทย", "https://example.com/%E0%B9%84%E0%B8%97%E0%B8%A2", "example.com"),
    ("https://paypal.com@evil.com/x", "https://evil.com/x", "evil.com"),
    ("//cdn.example.org/x.js", "https://cdn.example.org/x.js", "example.org"),
    ("https://my-shop.blogspot.com/p", "https://my-shop.blogspot.com/p", "my-shop.blogspot.com"),
    (
        "http://www.maybank2u.com.my.secure-login.xyz/",
        "http://www.maybank2u.com.my.secure-login.xyz/",
        "secure-login.xyz",
    ),
    # Dot segments open the page they resolve to, in a browser: one page, one identifier.
    ("https://example.com/a/../login", "https://example.com/login", "example.com"),
    ("https://example.com/./pay/./now", "https://example.com/pay/now", "example.com"),
    ("https://example.com/a/.%2E/login", "https://example.com/login", "example.com"),
    ("https://example.com/../../login?x=1", "https://example.com/login?x=1", "example.com"),
    ("https://example.com/a/b/../", "https://example.com/a/", "example.com"),
    ("https://example.com/a/..b/c", "https://example.com/a/..b/c", "example.com"),
    # Where a victim met the scammer, not whom: the platform's front page, which links nothing.
    ("https://www.facebook.com/marketplace", "https://www.facebook.com/", "facebook.com"),
    ("https://www.facebook.com/Marketplace/", "https://www.facebook.com/", "facebook.com"),
    ("https://www.facebook.com/groups/", "https://www.facebook.com/", "facebook.com"),
    ("https://www.facebook.com/index.php", "https://www.facebook.com/", "facebook.com"),
    (
        "https://www.facebook.com/login?next=x",
        "https://www.facebook.com/login?next=x",
        "facebook.com",
    ),
    ("https://www.facebook.com/?locale=th_TH", "https://www.facebook.com/", "facebook.com"),
    ("https://www.instagram.com/explore/", "https://www.instagram.com/", "instagram.com"),
    ("https://www.tiktok.com/foryou", "https://www.tiktok.com/", "tiktok.com"),
    ("https://t.me/joinchat", "https://t.me/", "t.me"),
    # Someone's page on the platform stays itself.
    (
        "https://www.facebook.com/watch?v=123",
        "https://www.facebook.com/watch?v=123",
        "facebook.com",
    ),
    (
        "https://www.facebook.com/groups/123456/",
        "https://www.facebook.com/groups/123456/",
        "facebook.com",
    ),
    ("https://t.me/joinchat/AAAAAEk", "https://t.me/joinchat/AAAAAEk", "t.me"),
]


@pytest.mark.parametrize(("raw", "expected", "domain"), URLS)
def test_urls(raw: str, expected: str, domain: str) -> None:
    result = canonicalize("url", raw)
    assert (result.kind, result.value) == ("url", expected)
    assert [r.value for r in result.related] == [domain]
    assert canonicalize(result.kind, result.value) == result


def test_shared_platform_urls_link_but_their_domain_is_flagged() -> None:
    # A post, not the profile: a bare profile link is the platform's handle (below).
    result = canonicalize("url", "https://www.facebook.com/scam.page/posts/100012345678")
    assert result.shared_platform
    assert result.related == (Canonical("domain", "facebook.com", None, (), True),)
    assert not canonicalize("url", "https://evil.github.io/x").shared_platform
    assert canonicalize("url", "https://bit.ly/3abcXYZ").value == "https://bit.ly/3abcXYZ"


@pytest.mark.parametrize(
    ("raw", "kind", "value"),
    [
        ("https://wa.me/60123456789", "phone", "+60123456789"),
        ("https://api.whatsapp.com/send?phone=6591234567", "phone", "+6591234567"),
        ("t.me/ScamChannel", "handle", "telegram:scamchannel"),
        ("https://t.me/s/ScamChannel", "url", "https://t.me/s/ScamChannel"),
        ("https://t.me/joinchat/AbCdEf", "url", "https://t.me/joinchat/AbCdEf"),
        ("mailto:Someone@Example.com", "email", "someone@example.com"),
        ("http://203.0.113.5:8080/a", "url", "http://203.0.113.5:8080/a"),
        ("http://[2001:DB8::1]/", "url", "http://[2001:db8::1]/"),
    ],
)
def test_urls_that_change_kind(raw: str, kind: str, value: str) -> None:
    result = canonicalize("url", raw)
    assert (result.kind, result.value) == (kind, value)


# Victims copy a profile from the phone app (m., web., mobile.) or the desktop (www.), with the
# app's share tags; every writing of one profile is one identifier, the handle `canon handle`
# gives, so reports of it meet in a check and in linking.
PROFILE_WRITINGS = [
    (
        [
            "https://www.facebook.com/scam.page",
            "https://m.facebook.com/scam.page",
            "https://web.facebook.com/scam.page/",
            "http://fb.com/scam.page",
            "https://www.facebook.com/Scam.Page?mibextid=ZbWKwL",
            "https://www.facebook.com/scam.page/?ref=bookmarks&fbclid=IwAR0",
        ],
        "facebook:scam.page",
    ),
    (
        [
            "https://www.facebook.com/profile.php?id=100012345678",
            "https://m.facebook.com/profile.php?id=100012345678&mibextid=ZbWKwL",
        ],
        "facebook:100012345678",
    ),
    (
        [
            "https://twitter.com/scam_king",
            "https://x.com/scam_king",
            "https://mobile.twitter.com/scam_king",
            "https://x.com/Scam_King?s=20",
        ],
        "x:scam_king",
    ),
    (
        [
            "https://www.instagram.com/scam.shop/",
            "instagram.com/scam.shop",
            "https://www.instagram.com/scam.shop/?igsh=MWx2dGZ3",
        ],
        "instagram:scam.shop",
    ),
    (["https://www.tiktok.com/@scam", "https://m.tiktok.com/@scam"], "tiktok:scam"),
    (
        ["https://line.me/ti/p/~abc123", "https://line.me/R/ti/p/~abc123", "line://ti/p/~abc123"],
        "line:abc123",
    ),
    (["https://line.me/R/ti/p/@shop", "line.me/R/ti/p/%40shop"], "line:shop"),
]


@pytest.mark.parametrize(("writings", "handle"), PROFILE_WRITINGS)
def test_every_writing_of_a_bare_profile_link_is_its_handle(
    writings: list[str], handle: str
) -> None:
    for raw in writings:
        result = canonicalize("url", raw)
        assert result == Canonical("handle", handle, None), raw
        # The shape `canon handle` gives, and the value reads back as itself.
        assert canonicalize("handle", raw) == result, raw
        assert canonicalize("handle", result.value) == result, raw


@pytest.mark.parametrize(("writings", "handle"), PROFILE_WRITINGS)
def test_a_profile_link_of_unknown_kind_reads_as_its_handle(
    writings: list[str], handle: str
) -> None:
    # The check page's "any" kind guesses a kind and reads the value as it.
    for raw in writings:
        kind = guess_kind(raw)
        assert kind is not None and canonicalize(kind, raw).value == handle, raw


@pytest.mark.parametrize(
    ("raw", "handle"),
    [
        ("hxxps://www[.]facebook[.]com/scam.page", "facebook:scam.page"),
        ("hxxps://t[.]me/scamking", "telegram:scamking"),
    ],
)
def test_a_defanged_profile_link_is_its_handle(raw: str, handle: str) -> None:
    assert canonicalize("url", raw) == Canonical("handle", handle, None)
    kind = guess_kind(raw)
    assert kind is not None and canonicalize(kind, raw) == Canonical("handle", handle, None)


@pytest.mark.parametrize(
    "raw",
    [
        # Posts, statuses, videos, photos, groups, events: a page of the profile, not it.
        "https://www.facebook.com/scam.page/posts/123",
        "https://www.facebook.com/scam.page/photos",
        "https://www.facebook.com/scam.page?sk=photos",
        "https://www.facebook.com/profile.php?id=100012345678&sk=about",
        "https://www.facebook.com/groups/x",
        "https://www.facebook.com/events/123",
        "https://x.com/scam_king/status/1",
        "https://www.tiktok.com/@scam/video/1",
        "https://www.instagram.com/p/Cabc/",
        "https://www.instagram.com/stories/scam.shop/",
        "https://line.me/ti/g/AbCdEf",
        "https://line.me/R/ti/p/@shop?from=page",
        # The platforms' own pages and front pages.
        "https://www.facebook.com/login",
        "https://www.facebook.com/home",
        "https://x.com/home",
        "https://x.com/login",
        "https://www.instagram.com/explore",
        "https://www.instagram.com/accounts/login/",
        "https://www.tiktok.com/explore",
        "https://www.facebook.com/",
        "https://x.com/?s=20",
        # A name the platform's pattern refuses is no account: the link is kept as written.
        "https://www.facebook.com/some-page",
        # Another port is no page of the platform's.
        "https://www.facebook.com:8443/scam.page",
    ],
)
def test_links_that_are_not_bare_profiles_stay_urls(raw: str) -> None:
    result = canonicalize("url", raw)
    assert result.kind == "url", raw
    assert result.shared_platform
    assert canonicalize("url", result.value) == result


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://t.me/ScamKing", "handle:telegram:scamking"),
        ("https://telegram.me/scamking/", "handle:telegram:scamking"),
        ("https://t.me/scamking?utm_source=fb", "handle:telegram:scamking"),
        ("https://t.me/joinchat/AbCdEf", "url:https://t.me/joinchat/AbCdEf"),
        ("https://t.me/+AbCdEf12", "url:https://t.me/+AbCdEf12"),
        ("https://t.me/scamking/123", "url:https://t.me/scamking/123"),
        ("https://t.me/s/scamking", "url:https://t.me/s/scamking"),
        ("https://t.me/scamking?start=ref7", "url:https://t.me/scamking?start=ref7"),
        ("https://t.me/", "url:https://t.me/"),
        # Phone-based platforms still give the phone.
        ("https://wa.me/60123456789", "phone:+60123456789"),
        ("https://zalo.me/0901234567", "phone:+84901234567"),
    ],
)
def test_telegram_and_phone_links_keep_their_reading(raw: str, expected: str) -> None:
    result = canonicalize("url", raw)
    assert f"{result.kind}:{result.value}" == expected


def test_ip_host_url_relates_an_ip() -> None:
    assert canonicalize("url", "1[.]2[.]3[.]4/x").related == (Canonical("ip", "1.2.3.4", None),)


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("javascript:alert(1)", "scheme"),
        ("ftp2://example.com", "scheme"),
        ("https://exa mple.com", "spaces"),
        ("https://localhost/", "needs a dot"),
        ("https://example.c0m/", "domain ending"),
        ("https://example.com:99999/", "port"),
        ("https://-bad-.com/", "not a domain name"),
        ("http://", "host"),
        # A part too long was told to "use letters, digits and hyphens", which it did.
        ("https://" + "a" * 70 + ".example.com/", "more than the 63 a part between dots"),
        ("https://" + "abc." * 70 + "com/", "more than the 253 a name may have"),
    ],
)
def test_url_errors(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("url", raw)
    assert fragment in info.value.reason


DOMAINS = [
    ("Example.COM", "example.com", []),
    ("www.Example.com.", "www.example.com", ["example.com"]),
    ("evil[.]com", "evil.com", []),
    ("evil(.)co(.)th", "evil.co.th", []),
    ("bücher.de", "xn--bcher-kva.de", []),
    ("https://Login.Evil.com.my/path", "login.evil.com.my", ["evil.com.my"]),
    ("m.facebook.com", "m.facebook.com", ["facebook.com"]),
    ("scam-shop.vercel.app", "scam-shop.vercel.app", []),
    ("xn--bcher-kva.de", "xn--bcher-kva.de", []),
    ("mail.evil.xyz", "mail.evil.xyz", ["evil.xyz"]),
]


@pytest.mark.parametrize(("raw", "expected", "related"), DOMAINS)
def test_domains(raw: str, expected: str, related: list[str]) -> None:
    result = canonicalize("domain", raw)
    assert (result.kind, result.value) == ("domain", expected)
    assert [r.value for r in result.related] == related
    assert canonicalize(result.kind, result.value) == result


def test_domain_shared_flags() -> None:
    assert canonicalize("domain", "facebook.com").shared_platform
    assert canonicalize("domain", "m.facebook.com").shared_platform
    assert not canonicalize("domain", "facebook-security-check.com").shared_platform
    assert canonicalize("domain", "1.2.3.4").kind == "ip"


@pytest.mark.parametrize("raw", ["not a domain", "localhost", "exa_mple", "-x-.com", "a..b.com"])
def test_domain_errors(raw: str) -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize("domain", raw)


EMAILS = [
    (" John.Doe@Example.COM ", "john.doe@example.com", "example.com"),
    ("John.Doe[at]Example[.]COM", "john.doe@example.com", "example.com"),
    ("john.doe(at)example(dot)com", "john.doe@example.com", "example.com"),
    ("john.doe at example dot com", "john.doe@example.com", "example.com"),
    ("mailto:Support@Maybank-Secure.com", "support@maybank-secure.com", "maybank-secure.com"),
    ("<agent@mail.evil.co.th>", "agent@mail.evil.co.th", "evil.co.th"),
    ("x@bücher.de", "x@xn--bcher-kva.de", "xn--bcher-kva.de"),
    ("Scam.Boss+ref@gmail.com", "scam.boss+ref@gmail.com", "gmail.com"),
    ("ａｂｃ@example.com", "abc@example.com", "example.com"),
    ("user@sub.example.com.", "user@sub.example.com", "example.com"),
]


@pytest.mark.parametrize(("raw", "expected", "domain"), EMAILS)
def test_emails(raw: str, expected: str, domain: str) -> None:
    result = canonicalize("email", raw)
    assert result.value == expected
    assert [r.value for r in result.related] == [domain]
    assert canonicalize(result.kind, result.value) == result


@pytest.mark.parametrize("raw", ["no-at-sign", "a@b", "a@@b.com", "a b@c.com", "@example.com"])
def test_email_errors(raw: str) -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize("email", raw)


IPS = [
    ("203.0.113.5", "203.0.113.5"),
    ("203[.]0[.]113[.]5", "203.0.113.5"),
    ("203(.)0(.)113(.)5", "203.0.113.5"),
    (" 203.0.113.5:8080 ", "203.0.113.5"),
    ("2001:DB8::0:1", "2001:db8::1"),
    ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
    ("[2001:db8::1]:443", "2001:db8::1"),
    ("2001[:]db8[:][:]1", "2001:db8::1"),
    ("0.0.0.0", "0.0.0.0"),
    ("１９２．１６８．０．１", "192.168.0.1"),
]


@pytest.mark.parametrize(("raw", "expected"), IPS)
def test_ips(raw: str, expected: str) -> None:
    result = canonicalize("ip", raw)
    assert result.value == expected
    assert canonicalize(result.kind, result.value) == result


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("010.1.1.1", "leading zero"),
        ("256.1.1.1", "not an IP"),
        ("1.2.3", "not an IP"),
        ("fe80::1%eth0", "not an IP"),
        ("example.com", "not an IP"),
    ],
)
def test_ip_errors(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("ip", raw)
    assert fragment in info.value.reason


@pytest.mark.parametrize(
    ("raw", "value", "variants"),
    [
        # As an address bar shows it (browsers hide https://): the https site, and a check
        # also asks for the http:// form earlier versions stored it as.
        ("scam-shop.com/pay", "https://scam-shop.com/pay", ("http://scam-shop.com/pay",)),
        (
            "www.scam-shop.com/pay",
            "https://www.scam-shop.com/pay",
            ("http://www.scam-shop.com/pay",),
        ),
        ("//scam-shop.com/pay", "https://scam-shop.com/pay", ("http://scam-shop.com/pay",)),
        ("scam-shop[.]com/pay", "https://scam-shop.com/pay", ("http://scam-shop.com/pay",)),
        (
            "scam-shop.com:8080/pay",
            "https://scam-shop.com:8080/pay",
            ("http://scam-shop.com:8080/pay",),
        ),
        # A scheme written, or named by its port, is kept and asks for nothing else.
        ("https://scam-shop.com/pay", "https://scam-shop.com/pay", ()),
        ("http://scam-shop.com/pay", "http://scam-shop.com/pay", ()),
        ("hxxp://scam-shop[.]com/pay", "http://scam-shop.com/pay", ()),
        ("scam-shop.com:443/pay", "https://scam-shop.com/pay", ()),
        ("scam-shop.com:80/pay", "http://scam-shop.com/pay", ()),
    ],
)
def test_a_link_without_a_scheme_is_its_https_site(
    raw: str, value: str, variants: tuple[str, ...]
) -> None:
    found = canonicalize("url", raw)
    assert (found.value, found.variants) == (value, variants)
    # The variant is no part of the value's identity: it reads back as the same record.
    assert canonicalize("url", found.value) == found
