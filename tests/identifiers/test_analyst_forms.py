"""Forms an analyst pastes from a statement, a screenshot or a mail filter's rewritten link."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value


@pytest.mark.parametrize(
    "raw",
    ["62858711040", "62 858 711 040", "62-858-711-040", "+62 858 711 040", "0858 711 040"],
)
def test_an_indonesian_mobile_with_its_code_but_no_plus_is_that_mobile(raw: str) -> None:
    # "62858711040" is also the landline 0628 5871 1040 without its 0, which phonenumbers
    # prefers; the WhatsApp form of the mobile is what people write.
    assert value("phone", raw, "ID") == "phone:+62858711040"


def test_two_landline_readings_of_an_indonesian_number_without_plus_are_refused() -> None:
    why = reason("phone", "62341819726", "ID")
    assert "ambiguous" in why
    assert "+62 341 819726" in why and "+62 623 41819726" in why
    assert value("phone", "0341 819726", "ID") == "phone:+62341819726"
    assert value("phone", "+62 341 819726", "ID") == "phone:+62341819726"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.com%2Flogin%3Fx%3D1&h=AT0abc",
            "url:https://evil.com/login?x=1",
        ),
        ("https://lm.facebook.com/l.php?u=https%3A%2F%2Fevil.com%2Flogin%3Fx%3D1", None),
        ("https://l.messenger.com/l.php?u=https%3A%2F%2Fevil.com%2Flogin%3Fx%3D1&h=A", None),
        ("https://www.google.com/url?q=https://evil.com/login?x%3D1&sa=D&ust=1", None),
        ("https://www.google.co.th/url?sa=t&url=https%3A%2F%2Fevil.com%2Flogin%3Fx%3D1", None),
        (
            "https://apc01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fevil.com%2Flogin"
            "%3Fx%3D1&data=05%7C02%7C&reserved=0",
            None,
        ),
        ("https://evil.com/login?x=1", None),
    ],
)
def test_a_redirect_wrapper_is_the_link_it_carries(raw: str, expected: str | None) -> None:
    assert value("url", raw) == (expected or "url:https://evil.com/login?x=1")


def test_a_wrapped_link_is_read_as_its_own_kind_and_domain() -> None:
    shim = "https://l.facebook.com/l.php?u=https%3A%2F%2F{}&h=AT0"
    assert value("url", shim.format("t.me%2Fscam_admin")) == "handle:telegram:scam_admin"
    assert value("url", shim.format("wa.me%2F60123456789")) == "phone:+60123456789"
    assert value("domain", shim.format("www.evil.com%2Fx")) == "domain:www.evil.com"
    # Without a readable link inside, the wrapper stays what it is.
    assert value("url", "https://l.facebook.com/l.php?u=javascript%3Aalert(1)").startswith(
        "url:https://l.facebook.com/l.php?u="
    )
    assert value("url", "https://www.google.com/search?q=https://evil.com") == (
        "url:https://www.google.com/search?q=https://evil.com"
    )


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("url", "evil dot com", "url:https://evil.com/"),
        ("url", "www DOT evil dot com/login", "url:https://www.evil.com/login"),
        ("url", "hxxps://evil [.] com/x", "url:https://evil.com/x"),
        ("url", "evil [dot] co [dot] th", "url:https://evil.co.th/"),
        ("domain", "evil dot co dot th", "domain:evil.co.th"),
        ("domain", "evil (dot) com", "domain:evil.com"),
        ("ip", "203 [.] 0 [.] 113 [.] 5", "ip:203.0.113.5"),
    ],
)
def test_dots_spelt_out_with_spaces_are_dots(kind: str, raw: str, expected: str) -> None:
    assert value(kind, raw) == expected


def test_dot_words_are_read_only_in_the_host() -> None:
    assert "has spaces" in reason("url", "see evil dot com")
    assert "has spaces" in reason("url", "evil.com/a dot b")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("203.0.113.5/32", "ip:203.0.113.5"),
        ("2001:db8::1/128", "ip:2001:db8::1"),
        ("203.0.113.5 / 32", "ip:203.0.113.5"),
    ],
)
def test_a_one_address_network_is_the_address(raw: str, expected: str) -> None:
    assert value("ip", raw) == expected
    assert guess_kind(raw) == "ip"


def test_a_larger_network_is_refused_saying_its_range() -> None:
    why = reason("ip", "203.0.113.7/24")
    assert "network" in why and "203.0.113.0 to 203.0.113.255" in why
    assert guess_kind("203.0.113.7/24") == "ip"  # so the check says why, not "a short code"
    assert "IPv6" in reason("ip", "2001:db8::g")


@pytest.mark.parametrize(
    ("raw", "country", "expected"),
    [
        ("STK 0011001234567 tại Vietcombank", "VN", "VN:BFTV:0011001234567"),
        ("STK: 0011001234567 tai ngan hang Vietcombank", "VN", "VN:BFTV:0011001234567"),
        ("No. Rek 1234567890 di BCA", "ID", "ID:CENA:1234567890"),
        ("Acc 514012345678 at Maybank", "MY", "MY:MBBE:514012345678"),
    ],
)
def test_an_account_at_a_bank_written_number_first(raw: str, country: str, expected: str) -> None:
    assert value("bank_account", raw, country) == f"bank_account:{expected}"


@pytest.mark.parametrize(
    "raw", ["acc no 1234567890", "A/C No. 1234567890", "No. Rek 1234567890", "-123456789"]
)
def test_account_words_without_a_bank_are_told_no_bank_is_named(raw: str) -> None:
    # Was "names an unknown bank 'acc no'" (and '-'): the words say an account follows, not
    # which bank.
    assert reason("bank_account", raw, "TH").startswith(f"{raw!r} does not say which bank;")
