"""Links opened from a post or an ad carry click-tracking parameters: the page is the same."""

import pytest

from counterscam.identifiers import canonicalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Every click out of Facebook gets its own fbclid: two victims, one scam page.
        (
            "https://scam-shop.example.com/deal?fbclid=IwAR1abc",
            "https://scam-shop.example.com/deal",
        ),
        (
            "https://scam-shop.example.com/deal?utm_source=fb&utm_medium=cpc&fbclid=IwAR9xyz",
            "https://scam-shop.example.com/deal",
        ),
        ("https://invest.example.net/?gclid=Cj0KCQ&lang=th", "https://invest.example.net/?lang=th"),
        # A recruiter's referral code is evidence, not tracking: it stays on a scam site.
        (
            "https://scam-shop.example.com/register?ref=AGENT7&utm_campaign=x",
            "https://scam-shop.example.com/register?ref=AGENT7",
        ),
        ("https://scam.example/search?s=shoes&t=2", "https://scam.example/search?s=shoes&t=2"),
        # A platform's own share tags go; the page's id stays.
        (
            "https://www.facebook.com/profile.php?id=100012345&sk=photos&mibextid=ZbWKwL",
            "https://www.facebook.com/profile.php?id=100012345&sk=photos",
        ),
        (
            "https://www.facebook.com/cheapdeals.my/posts/1?ref=bookmarks&__cft__[0]=AZX&__tn__=-R",
            "https://www.facebook.com/cheapdeals.my/posts/1",
        ),
        # Without its tags, a bare profile link is the profile's handle.
        ("https://www.facebook.com/profile.php?id=100012345&mibextid=ZbWKwL", "facebook:100012345"),
        (
            "https://www.facebook.com/cheapdeals.my?ref=bookmarks&__cft__[0]=AZX&__tn__=-R",
            "facebook:cheapdeals.my",
        ),
        ("https://x.com/fakebank/status/1234?s=20&t=abcd", "https://x.com/fakebank/status/1234"),
    ],
)
def test_click_tracking_parameters_are_not_part_of_the_page(raw: str, expected: str) -> None:
    assert canonicalize("url", raw).value == expected


def test_a_platform_front_page_opened_from_its_feed_is_still_the_front_page() -> None:
    # With "?ref=bookmarks" kept it read as a page on facebook.com and linked every report
    # whose victim pasted the address bar of their own feed.
    plain = canonicalize("url", "https://www.facebook.com/")
    tagged = canonicalize("url", "https://www.facebook.com/?ref=bookmarks&fbclid=IwAR0")
    assert tagged.value == plain.value == "https://www.facebook.com/"
    assert tagged.shared_platform


def test_a_telegram_link_shared_with_tracking_is_the_handle() -> None:
    assert canonicalize("url", "https://t.me/scamdesk?utm_source=fb").value == "telegram:scamdesk"
