"""A label word before one e-mail address or domain, with or without a colon, is not part of it."""

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("email", "Email scam@evil.com", "scam@evil.com"),
        ("email", "E-mail scam@evil.com", "scam@evil.com"),
        ("email", "อีเมล scam@evil.com", "scam@evil.com"),
        ("email", "mail@evil.com", "mail@evil.com"),  # the word is the address itself
        ("domain", "Domain: evil-bank.com.my", "evil-bank.com.my"),
        ("domain", "domain evil-bank.com.my", "evil-bank.com.my"),
        ("domain", "Website: evil[.]com", "evil.com"),
        ("domain", "Tên miền: vietcombank-xacthuc.com", "vietcombank-xacthuc.com"),
        ("domain", "website.com", "website.com"),  # a name, not a label
    ],
)
def test_a_label_before_the_value_is_dropped(kind: str, raw: str, expected: str) -> None:
    assert canonicalize(kind, raw).value == expected


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("domain", "domain evil.com other.com"),  # two names: which one was meant?
        ("email", "Email scam@evil.com other@evil.com"),
    ],
)
def test_a_label_before_two_values_still_refuses_them(kind: str, raw: str) -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize(kind, raw)
