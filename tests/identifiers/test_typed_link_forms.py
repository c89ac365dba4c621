"""Links and domains as victims type them, a phone asked for without digits, LINE's rule."""

from __future__ import annotations

import pytest

from counterscam.identifiers import Canonical, InvalidIdentifier, canonicalize, guess_kind
from counterscam.reference import find_platform


def value(kind: str, raw: str, country: str | None = "MY") -> str:
    found = canonicalize(kind, raw, country=country)
    assert canonicalize(found.kind, found.value, country=found.country) == found
    return f"{found.kind}:{found.value}"


def reason(kind: str, raw: str, country: str | None = "MY") -> str:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize(kind, raw, country=country)
    return info.value.reason


def test_a_phone_without_digits_is_refused_as_a_phone_saying_so() -> None:
    # `check phone abc` answered "'abc' is an SMS sender name", a kind not asked for.
    why = reason("phone", "abc", None)
    assert why.startswith("'abc' has no digits, so it is no phone number")
    assert "kind sender_id" in why


def test_a_sender_name_in_a_phone_column_with_its_country_is_still_one() -> None:
    assert value("phone", "MAYBANK", "MY") == "sender_id:MY:MAYBANK"


@pytest.mark.parametrize(
    ("raw", "kind", "expected"),
    [
        ("evil.com:8080", "url", "url:https://evil.com:8080/"),
        ("evil dot com", "domain", "domain:evil.com"),
        ("evil[dot]com", "domain", "domain:evil.com"),
        ("https:\\\\evil.com\\x", "url", "url:https://evil.com/x"),
        ("scam\u3002com", "domain", "domain:scam.com"),  # ideographic full stop
        ("scam\uff0ecom", "domain", "domain:scam.com"),  # full-width full stop
        ("scam\uff61com", "domain", "domain:scam.com"),  # half-width ideographic full stop
        ("www\u3002scam\u3002com\u3002my", "url", "url:https://www.scam.com.my/"),
        ("https://scam\u3002com/login", "url", "url:https://scam.com/login"),
        ("HTTP//scam.com", "url", "url:http://scam.com/"),
        ("https;//scam.com", "url", "url:https://scam.com/"),
        ("Https;//www.scam.com.my", "url", "url:https://www.scam.com.my/"),
        ("htps://scam.com", "url", "url:https://scam.com/"),
        ("htp://scam.com", "url", "url:http://scam.com/"),
        ("ttps://scam.com", "url", "url:https://scam.com/"),
        ("httpss://scam.com", "url", "url:https://scam.com/"),
        ("https:scam.com", "url", "url:https://scam.com/"),
        ("http:://scam.com", "url", "url:http://scam.com/"),
        ("http//:scam.com", "url", "url:http://scam.com/"),
        ("https:// scam.com", "url", "url:https://scam.com/"),
        ("https:/ /scam.com", "url", "url:https://scam.com/"),
        ("www,scam.com", "url", "url:https://www.scam.com/"),
        ("https://www,scam.com", "url", "url:https://www.scam.com/"),
        ("www.scam.com.my.", "url", "url:https://www.scam.com.my/"),
        ("scam .com", "domain", "domain:scam.com"),
        ("scam.com,", "domain", "domain:scam.com"),
        ("scam.com (fake bank)", "domain", "domain:scam.com"),
        ("evil.com\\login", "url", "url:https://evil.com/login"),
        ("Web: scam.com", "url", "url:https://scam.com/"),
        ("Situs: scam.com", "url", "url:https://scam.com/"),
        ("Laman web: scam.com", "url", "url:https://scam.com/"),
        ("Trang web: scam.com", "url", "url:https://scam.com/"),
        ("\u0e40\u0e27\u0e47\u0e1a: scam.com", "url", "url:https://scam.com/"),  # Thai "web"
    ],
)
def test_links_as_typed_are_detected_and_read(raw: str, kind: str, expected: str) -> None:
    # Each was "cannot tell what kind", or refused as a url (scheme 'htps', a port 'scam.com').
    assert guess_kind(raw, country="MY") == kind
    assert value(kind, raw) == expected


@pytest.mark.parametrize(
    ("raw", "host"),
    [
        ("HTTP//scam.com", "scam.com"),
        ("https;//scam.com/x", "scam.com"),
        ("https:scam.com", "scam.com"),
        ("https:\\\\scam.com", "scam.com"),
        ("evil.com\\login", "evil.com"),
        ("Situs: scam.com", "scam.com"),
    ],
)
def test_the_domain_of_a_link_as_typed_is_its_host(raw: str, host: str) -> None:
    # As a domain these were "is not a domain name" or "has spaces".
    assert value("domain", raw) == f"domain:{host}"


@pytest.mark.parametrize(
    ("raw", "meant"),
    [("scam,com", "scam.com"), ("scam,com,my", "scam.com.my"), ("www.scam,com", "www.scam.com")],
)
def test_a_comma_for_a_dot_is_refused_naming_the_domain_meant(raw: str, meant: str) -> None:
    # A comma may also part two values: refused, but saying what to enter.
    for kind in ("url", "domain"):
        why = reason(kind, raw)
        assert "has a comma in its host name" in why and f"if {meant} is meant" in why
    assert guess_kind(raw, country="MY") in ("url", "domain")


def test_two_sender_names_with_a_comma_are_not_taken_for_a_domain() -> None:
    assert guess_kind("MAYBANK,CIMB", country="MY") != "domain"


def test_a_scheme_followed_by_a_number_is_not_read_as_a_hidden_address() -> None:
    # "http:8080" is no host written without slashes: it stayed refused, not 0.0.31.144.
    assert "not a domain name" in reason("url", "http:8080")


def test_line_hint_states_the_lengths_its_pattern_allows() -> None:
    line = find_platform("line")
    assert line is not None
    assert "up to 20" in line.handle_hint and "up to 40" in line.handle_hint
    official = "@" + "a" * 40
    found = canonicalize("handle", f"LINE: {official}")
    assert isinstance(found, Canonical) and found.value == "line:" + "a" * 40
    why = reason("handle", "LINE: " + "a" * 41, None)
    assert "official account" in why


@pytest.mark.parametrize("raw", ["line.me/ti/p/~abc", "line.me/ti/p/~" + "a" * 21, "LINE: ~ab"])
def test_a_persons_line_id_outside_4_to_20_is_refused(raw: str) -> None:
    # "~" marks a person's ID, which LINE keeps to 4-20 characters; these were line:...
    assert "a person's LINE ID (after ~) is 4 to 20" in reason("handle", raw, None)


def test_an_official_line_account_keeps_up_to_40() -> None:
    official = "line.me/R/ti/p/@" + "a" * 30
    assert value("handle", official, None) == "handle:line:" + "a" * 30
