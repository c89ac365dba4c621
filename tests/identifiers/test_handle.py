"""Messaging and social handles."""

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize

HANDLES = [
    ("telegram:@Name_01", None, "handle", "telegram:name_01"),
    ("@Name_01", "Telegram", "handle", "telegram:name_01"),
    ("@Scammer_Boss on Telegram", None, "handle", "telegram:scammer_boss"),
    ("TG: @scammer_boss", None, "handle", "telegram:scammer_boss"),
    ("t.me/Name_01", None, "handle", "telegram:name_01"),
    ("https://telegram.me/Name_01", None, "handle", "telegram:name_01"),
    (
        "https://www.facebook.com/profile.php?id=100012345678",
        None,
        "handle",
        "facebook:100012345678",
    ),
    ("https://m.facebook.com/John.Doe.123", None, "handle", "facebook:john.doe.123"),
    ("fb.com/people/John-Doe/100012345678/", None, "handle", "facebook:100012345678"),
    ("FB: john.doe", None, "handle", "facebook:john.doe"),
    ("instagram.com/Some.Name/", None, "handle", "instagram:some.name"),
    ("IG: @some.name", None, "handle", "instagram:some.name"),
    ("tiktok.com/@Some.Name", None, "handle", "tiktok:some.name"),
    ("https://www.tiktok.com/@some.name/video/7234", None, "handle", "tiktok:some.name"),
    ("line.me/ti/p/~Line_ID", None, "handle", "line:line_id"),
    ("https://line.me/R/ti/p/@shop123", None, "handle", "line:shop123"),
    ("x.com/ScamBot", None, "handle", "x:scambot"),
    ("https://twitter.com/ScamBot/status/1", None, "handle", "x:scambot"),
    ("@ScamBot", "Twitter", "handle", "x:scambot"),
    ("wechat:Scammer_88", None, "handle", "wechat:scammer_88"),
    ("kakaotalk:scam.id", None, "handle", "kakaotalk:scam.id"),
    ("discord.com/users/123456789012345678", None, "handle", "discord:123456789012345678"),
    # Phone-based platforms give phones
    ("WhatsApp +60 12-345 6789", None, "phone", "+60123456789"),
    ("wa.me/60123456789", None, "phone", "+60123456789"),
    ("viber:+66812345678", None, "phone", "+66812345678"),
    ("zalo.me/0901234567", None, "phone", "+84901234567"),
    ("0901234567", "Zalo", "phone", "+84901234567"),
]


@pytest.mark.parametrize(("raw", "qualifier", "kind", "value"), HANDLES)
def test_handles(raw: str, qualifier: str | None, kind: str, value: str) -> None:
    result = canonicalize("handle", raw, qualifier=qualifier)
    assert (result.kind, result.value) == (kind, value)
    assert canonicalize(result.kind, result.value, country=result.country) == result


@pytest.mark.parametrize(
    ("raw", "qualifier", "fragment"),
    [
        ("@name", None, "which platform"),
        ("@name", "MySpace", "not a known platform"),
        ("https://example.com/name", None, "not a profile link"),
        ("https://t.me/joinchat/AbCdEf", None, "not a profile link"),
        ("telegram:@ab", None, "4 to 32"),
        ("x:@this_name_is_far_too_long", None, "15"),
        ("John Smith", "Facebook", "spaces"),
        ("telegram:@name", "Instagram", "Telegram handle but Instagram"),
        ("whatsapp:scammer", None, "phone number"),
    ],
)
def test_handle_errors(raw: str, qualifier: str | None, fragment: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("handle", raw, qualifier=qualifier)
    assert fragment in info.value.reason
