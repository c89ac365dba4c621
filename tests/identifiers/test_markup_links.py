"""Links pasted as markup (Markdown, an HTML anchor, a Slack or Telegram export): the target
is the address, for the url and domain kinds and for "Detect automatically"."""

from __future__ import annotations

import pytest

from counterscam.identifiers import guess_kind
from tests.identifiers.forms import reason, value

ONE_TARGET = [
    "[click here](https://evil.example/x)",
    "[https://evil.example/x](https://evil.example/x)",
    '<a href="https://evil.example/x">Login</a>',
    "<a href='https://evil.example/x'>Login</a>",
    '<A HREF=https://evil.example/x target="_blank"><b>Login</b></A>',
    "<https://evil.example/x|Login>",
    '[Login](https://evil.example/x "Maybank secure login")',
    "[Login](<https://evil.example/x>)",
    "[Login](hxxps://evil[.]example/x)",
    "Link: [Login](https://evil.example/x)",
    "[click here](https://evil.example/x).",
    # Shown text that is the same address, as apps show it: host alone, no query, cut short.
    "[evil.example](https://evil.example/x)",
    "[www.evil.example/x](https://evil.example/x)",
    "[evil.example/x](https://evil.example/x?utm_source=fb)",
    "[https://evil.example/x…](https://evil.example/x/login)",
]


@pytest.mark.parametrize("raw", ONE_TARGET)
def test_a_markup_link_is_its_target(raw: str) -> None:
    # Each was refused ("has spaces", "its host cannot be read") or kept with "|Login" in it.
    assert value("url", raw, "MY").startswith("url:https://evil.example/x")
    assert value("domain", raw) == "domain:evil.example"
    assert guess_kind(raw, country="MY") == "url"


def test_an_anchor_target_is_read_as_html() -> None:
    raw = '<a href="https://evil.example/x?a=1&amp;b=2">Login</a>'
    assert value("url", raw) == "url:https://evil.example/x?a=1&b=2"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("[call me](tel:+60123456789)", "phone:+60123456789"),
        ("[@scam_admin](https://t.me/scam_admin)", "handle:telegram:scam_admin"),
        ("<mailto:agent@evil.example|agent@evil.example>", "email:agent@evil.example"),
    ],
)
def test_a_markup_link_to_a_number_profile_or_mail_is_that_identifier(
    raw: str, expected: str
) -> None:
    assert guess_kind(raw, country="MY") == "url"
    assert value("url", raw, "MY") == expected


@pytest.mark.parametrize(
    ("raw", "shows", "opens"),
    [
        (
            "[https://www.maybank2u.com.my/](https://maybank2u-secure.example/login)",
            "https://www.maybank2u.com.my/",
            "https://maybank2u-secure.example/login",
        ),
        (
            '<a href="https://evil.example/x">https://other.example/y</a>',
            "https://other.example/y",
            "https://evil.example/x",
        ),
        ("<https://evil.example/x|other.example>", "other.example", "https://evil.example/x"),
        (
            "[evil.example/login](https://evil.example/pay)",
            "evil.example/login",
            "https://evil.example/pay",
        ),
    ],
)
def test_a_link_showing_one_address_and_opening_another_is_refused(
    raw: str, shows: str, opens: str
) -> None:
    # Read as either address, one of the two would be filed as the other.
    for kind in ("url", "domain"):
        why = reason(kind, raw, "MY")
        assert f"shows {shows!r}" in why
        assert f"opens '{opens}" in why
        assert "two different addresses" in why
    assert guess_kind(raw, country="MY") == "url"


def test_several_markup_links_are_refused_naming_them() -> None:
    raw = "[a](https://evil.example/x) [b](https://other.example/y)"
    why = reason("url", raw, "MY")
    assert "holds 2 links (https://evil.example/x, https://other.example/y)" in why
    assert "each as its own identifier" in why


@pytest.mark.parametrize("raw", ['<a href="">Login</a>', "[Login]()"])
def test_a_markup_link_without_a_target_says_so(raw: str) -> None:
    assert "a link with no address in it" in reason("url", raw, "MY")


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("url", "<https://evil.example/x>", "url:https://evil.example/x"),
        (
            "url",
            "https://en.wikipedia.org/wiki/Foo_(bar)",
            "url:https://en.wikipedia.org/wiki/Foo_(bar)",
        ),
        ("url", "[https://evil.example/x]", "url:https://evil.example/x"),
    ],
)
def test_links_in_brackets_are_read_as_before(kind: str, raw: str, expected: str) -> None:
    assert value(kind, raw) == expected
