"""Messaging and social handles as ``platform:handle``; phone-based contacts become phones."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from counterscam.identifiers._links import phone_in_link, signal_username_link
from counterscam.identifiers._placeholder import placeholder
from counterscam.identifiers._text import ascii_digits, clean, refang
from counterscam.identifiers._tracking import without_tracking
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unwrap import unwrap, whole_wrapped, without_note
from counterscam.identifiers.phone import e164
from counterscam.identifiers.shortcode import check_country
from counterscam.reference import Platform, find_platform, platform_for_host, platforms

_PREFIX = re.compile(r"([^:\s/]{1,30})\s*:\s*(.+)")
# A platform's name before its link, also with what the link is: "FB page: https://...",
# "Telegram channel t.me/...".
_LABELLED = re.compile(
    r"([^:\s/]{1,30})(?:\s+(?:page|profile|account|acc|channel|group|id|official))?"
    r"(?:\s*[:\-]\s*|\s+)(\S+)",
    re.I,
)
# A platform and what is said of its account: "LINE ID: N/A", "Telegram - none".
_SAID = re.compile(
    r"([^:\s/]{1,30})(?:\s+(?:id|username|account|handle))?(?:\s*[:\-]\s*|\s+)(.+)", re.I
)
_PHONEISH = re.compile(r"\+?[\d\s\-.()]{7,25}", re.ASCII)
# Facebook's newer profile link, /p/Name-100012345678901/: the number ending it is the account.
_FB_NAMED_ID = re.compile(r"(?:.*-)?(\d{5,20})")
_DEFANG_MARKS = frozenset("[({ ")  # what every defanged form of a link has, but hxxp
_LINE_PERSONAL_MIN, _LINE_PERSONAL_MAX = 4, 20
# Platforms whose usernames never end with a dot (Telegram's and X's hold none at all): a final
# dot is the sentence's.
_NO_FINAL_DOT = frozenset({"instagram", "tiktok", "facebook", "telegram", "x"})
_LINE_TICKET = re.compile(r"/ti/p/[^~@/%\s]+/?$")
# Discord's form before its 2023 usernames: a display name, "#" and four digits.
_DISCRIMINATOR = re.compile(r"[^#]{2,32}#\d{4}")
_E164_DIGITS = 15  # longer digit strings are account IDs (Zalo official accounts), not phones
_FILLER = {"on", "via", "at", "id", "username", "user", "account", "handle", "profile"}
# Labels of a form's field, not platforms: "Contact: name" does not name a platform.
_LABELS = frozenset("contact name nick nickname acc acct social chat app from http https".split())
_NOT_PROFILES = {
    "telegram": {"joinchat", "addlist", "c", "share", "proxy", "socks", "addstickers", "iv"},
    "facebook": {
        "groups",
        "events",
        "watch",
        "share",
        "photo",
        "photo.php",
        "story.php",
        "permalink.php",
        "sharer",
        "sharer.php",
        "marketplace",
        "reel",
        "hashtag",
        # Messenger's group chat (m.me/j/...) and channel (m.me/ch/...) invitations; no
        # Facebook username is shorter than five characters. Read as the accounts "j", "ch".
        "j",
        "ch",
    },
    "instagram": {"p", "reel", "reels", "explore", "tv", "accounts", "direct"},
    "x": {"i", "intent", "home", "search", "hashtag", "share", "explore", "messages"},
    # Group invites and shared posts, not accounts; zalo.me/pc is the desktop app's download.
    "zalo": {"g", "s", "pc"},
}
# Pages of Instagram and X themselves (sign-in, settings, legal), never an account.
_NOT_PROFILES["instagram"] |= {"about", "legal", "developer", "web", "login"}
_NOT_PROFILES["x"] |= {
    "login",
    "logout",
    "signup",
    "settings",
    "notifications",
    "compose",
    "tos",
    "privacy",
    "account",
}
# Pages of Facebook itself, never a profile.
_NOT_PROFILES["facebook"] |= {
    "login",
    "login.php",
    "home",
    "home.php",
    "l.php",
    "dialog",
    "plugins",
    "help",
    "policies",
    "privacy",
    "settings",
    "notifications",
    "friends",
    "messages",
    "gaming",
    "business",
    "ads",
    "media",
    "stories",
    "recover",
    "index.php",
}
# Sections of a platform's own that are no account's either, where the profile rule above does
# not need them: a TikTok account is always /@NAME.
_OWN_SECTIONS = {"tiktok": {"foryou", "explore", "following", "friends", "live", "login", "signup"}}


# The subdomains a platform serves profiles on besides its own host: www, the mobile and light
# sites, and Facebook's language sites (vi-vn.facebook.com). The others are the platform's
# services, whose pages name no account: read as profiles, business.facebook.com/latest was
# the account "latest", oa.zalo.me/home and id.zalo.me/account (Zalo's sign-in) were "home" and
# "account", and help.instagram.com/123 an account "123", linking unrelated reports.
_PROFILE_SUBDOMAINS = frozenset({"www", "m", "mobile", "web", "mbasic", "touch", "free", "lite"})
_LANGUAGE_SITE = re.compile(r"[a-z]{2,3}-[a-z]{2}")
# The apps' own links to a profile, as a share sheet or a QR code gives them; refused for their
# scheme, they name the account the web link names.
_APP_LINKS = {
    "fb": ("facebook", re.compile(r"fb://(?:profile|page)/?(?:\?id=)?(\d{5,20})(?:[/?&#]\S*)?")),
    "instagram": ("instagram", re.compile(r"instagram://user\?username=([^&#\s]+)(?:[&#]\S*)?")),
    "twitter": ("x", re.compile(r"twitter://user\?screen_name=([^&#\s]+)(?:[&#]\S*)?")),
}
# Telegram Web's link to a chat: web.telegram.org/k/#@NAME names the account; #-100... or
# #123... is the chat's number, which only the signed-in account's own session opens.
_TELEGRAM_WEB = "web.telegram.org"


@dataclass(frozen=True)
class _Profile:
    """The account a platform's link names; ``bare``: the link names it and nothing more."""

    handle: str
    bare: bool


def _named(handle: str, used: int, segments: list[str], extra: str) -> _Profile:
    """Name ``handle``, read from the first ``used`` path segments: bare when nothing follows."""
    return _Profile(handle, bare=len(segments) == used and not extra)


def _line_profile(segments: list[str], extra: str) -> _Profile | None:
    # line.me/ti/p/~id (personal ID) and line.me/R/ti/p/@id (official account); ti/g
    # and ti/g2 are group invitations.
    at = segments.index("ti") if "ti" in segments else -1
    if at < 0 or segments[at + 1 : at + 2] != ["p"] or len(segments) < at + 3:
        return None
    if not segments[at + 2].startswith(("~", "@")):
        # line.me/ti/p/CODE, as LINE's "share profile" and QR code give it: CODE is a ticket
        # of letters whose case matters, not the LINE ID; lower-cased as line:code it was
        # taken for the ID of whoever holds that one.
        return None
    bare = segments[:at] in ([], ["R"]) and len(segments) == at + 3 and not extra
    return _Profile(segments[-1].lstrip("@"), bare=bare)  # "~" says a person's ID (_value)


def _from_path(platform: Platform, path: str, query: str, host: str = "") -> _Profile | None:
    """Read the account a link's path and query name on ``platform``, if any."""
    segments = [unquote(s) for s in path.split("/") if s]
    # What the query adds to the page: a share or click tag does not make it another page.
    extra = without_tracking(query, platform=True)
    code = platform.code
    if host == "page.line.me" and len(segments) == 1:
        # A LINE official account's web profile, page.line.me/ID: the account that
        # line.me/R/ti/p/@ID opens in the app.
        return _Profile(segments[0].lstrip("@"), bare=not extra)
    if code == "telegram" and host.endswith(".t.me") and host.count(".") == 2:
        # NAME.t.me is the link Telegram gives a username as a subdomain: t.me/NAME.
        name = host.removesuffix(".t.me")
        return None if name == "www" else _Profile(name, bare=not segments and not extra)
    if host and not _profile_host(platform, host):
        return None
    if code == "facebook" and segments[:1] == ["profile.php"]:
        number = (parse_qs(query).get("id") or [""])[0]
        others = [p for p in extra.split("&") if p and p.partition("=")[0] != "id"]
        return _Profile(number, bare=len(segments) == 1 and not others) if number else None
    if code == "facebook" and segments[:1] in (["people"], ["pages"]) and len(segments) >= 3:
        return _named(segments[2], 3, segments, extra)
    if code == "facebook" and segments[:1] == ["p"] and len(segments) >= 2:
        # /p/ on Facebook is a profile (on Instagram it is a post): the name before the
        # number is only its display name, so the number alone is the account.
        numbered = _FB_NAMED_ID.fullmatch(segments[1])
        return _named(numbered[1], 2, segments, extra) if numbered else None
    if code == "facebook" and segments[:1] == ["t"] and len(segments) >= 2:
        return _named(segments[1], 2, segments, extra)  # messenger.com/t/NAME: a chat with it
    if code == "facebook" and segments[:2] == ["messages", "t"] and len(segments) >= 3:
        return _named(segments[2], 3, segments, extra)
    if code == "line":
        return _line_profile(segments, extra)
    if code == "tiktok":
        at_name = bool(segments) and segments[0].startswith("@")
        return _named(segments[0][1:], 1, segments, extra) if at_name else None
    if code == "instagram" and segments[:1] == ["stories"] and len(segments) >= 2:
        return _Profile(segments[1], bare=False)  # the account's stories, not its profile
    if code == "discord":
        user = segments[:1] == ["users"] and len(segments) >= 2
        return _named(segments[1], 2, segments, extra) if user else None
    # t.me/s/NAME is the channel's web preview: it names the channel, but is a page of its own.
    preview = code == "telegram" and segments[:1] == ["s"]
    if preview:
        segments = segments[1:]
    if code in ("whatsapp", "viber", "wechat", "signal", "kakaotalk") or not segments:
        return None
    first = segments[0]
    if first.startswith("+") or first.lower() in _NOT_PROFILES.get(code, set()):
        return None
    return _Profile(first, bare=not preview and len(segments) == 1 and not extra)


def _profile_host(platform: Platform, host: str) -> bool:
    """Tell whether ``host`` is one ``platform`` shows profiles on, not one of its services."""
    name = host.rstrip(".")
    if name in platform.hosts:
        return True
    listed = next((h for h in platform.hosts if name.endswith("." + h)), None)
    if listed is None:
        return False
    sub = name[: -len(listed) - 1]
    return sub in _PROFILE_SUBDOMAINS or _LANGUAGE_SITE.fullmatch(sub) is not None


def _app_link(raw: str, text: str, country: str | None) -> Canonical | None:
    """Return the handle an app's own profile link names (fb://profile/N...), if it is one."""
    scheme = text.partition("://")[0].lower()
    known = _APP_LINKS.get(scheme)
    if known is None:
        return None
    code, pattern = known
    match = pattern.fullmatch(scheme + text[len(scheme) :])  # FB://... is fb://... too
    platform = find_platform(code)
    if match is None or platform is None:
        return None
    return _value(raw, platform, unquote(match[1]), country)


def _telegram_web(raw: str, fragment: str, country: str | None) -> Canonical | None:
    """Return the account a Telegram Web link names after its ``#``; refuse a chat number."""
    telegram = find_platform("telegram")
    if fragment.startswith("@") and telegram is not None:
        return _value(raw, telegram, fragment, country)
    if fragment.lstrip("-").isdigit():
        raise InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} is a Telegram Web link to a chat by its number ({fragment}), which "
            "only the account signed in there can open; enter the @username the chat's profile "
            "shows, or keep the number in the narrative",
        )
    return None


def names_only_the_platform(host: str, path: str, query: str) -> bool:
    """Tell whether a link on a social platform names the platform and nothing of anyone's.

    True for its front page with a query (a language, a feed: ``facebook.com/?locale=th_TH``)
    and for one of its own sections with nothing after it (``facebook.com/marketplace``,
    ``/login``, ``/groups/``, ``instagram.com/explore/``): what a victim writes for where they
    met the scammer, not for whom, so it must not link unrelated reports.
    """
    platform = platform_for_host(host)
    if platform is None:
        return False
    segments = [unquote(s) for s in path.split("/") if s]
    if not segments:
        return True
    if len(segments) > 1 or without_tracking(query, platform=True):
        return False  # a group, a post, a video (/watch?v=...): someone's page
    own = _NOT_PROFILES.get(platform.code, set()) | _OWN_SECTIONS.get(platform.code, set())
    return segments[0].lower() in own


def phone_either(raw: str, number: str, first: str | None, second: str | None) -> Canonical:
    """Return ``number`` read in region ``first``, else in ``second``; the first reason if
    neither reads it.

    Zalo is Viet Nam's app: a number in a zalo.me link is read as Vietnamese first, and a
    number written after "Zalo" in the reporting country first. Each falls back on the other,
    so that "Zalo: 0901234567" from a Malaysian agency is the number zalo.me/0901234567 is.
    """
    try:
        return e164(raw, number, first)
    except InvalidIdentifier as first_reason:
        if second is None or second == first:
            raise
        try:
            return e164(raw, number, second)
        except InvalidIdentifier:
            raise first_reason from None


def phone_from_link(raw: str, link: tuple[str, str | None], country: str | None) -> Canonical:
    """Return the phone of a link that carries one (``phone_in_link``): in the link's region
    (a zalo.me link's Viet Nam) first, then in the reporting country."""
    number, hint = link
    return phone_either(raw, ascii_digits(number), hint or country, country)


def handle_from_link(raw: str, text: str, country: str | None = None) -> Canonical | None:
    """Return the handle (or phone) a profile link points at; None for other links."""
    link = phone_in_link(text)
    if link is not None:
        return phone_from_link(raw, link, country)
    username = signal_username_link(text)
    if username is not None:
        return _signal_username(raw, username, country)
    if text.lower().startswith("tg://resolve?"):
        # The Telegram app's own link to a username: tg://resolve?domain=NAME.
        name = (parse_qs(text.split("?", 1)[1]).get("domain") or [""])[0]
        telegram = find_platform("telegram")
        return _value(raw, telegram, name, country) if name and telegram else None
    if text[:7].lower() == "line://":
        # The LINE app's own link, line://ti/p/~id, is line.me/ti/p/~id without its host.
        text = "https://line.me/" + text[7:]
    elif text[:2].lower() in ("fb", "in", "tw"):
        app = _app_link(raw, text, country)
        if app is not None:
            return app
    try:
        parts = urlsplit(text if "://" in text else "https://" + text.lstrip("/"))
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if host == _TELEGRAM_WEB:
        return _telegram_web(raw, unquote(parts.fragment), country)
    platform = platform_for_host(host) if host else None
    if platform is None:
        return None
    found = _from_path(platform, parts.path, parts.query, host)
    return None if found is None else _value(raw, platform, found.handle, country)


def _signal_username(raw: str, username: str, country: str | None) -> Canonical:
    """Return the handle a signal.me/#eu/ link names; refuse a sealed one, saying why."""
    signal = find_platform("signal")
    if signal is None:
        raise InvalidIdentifier("handle", raw, f"{shown(raw)} is a Signal link, not a handle")
    if re.fullmatch(signal.handle_pattern, username.lstrip("@")):
        return _value(raw, signal, username, country)
    raise InvalidIdentifier(
        "handle",
        raw,
        f"{shown(raw)} is a Signal username link as the app writes it, with the username "
        "sealed (encrypted) in it, so the username cannot be read from it; enter the username "
        "the profile shows (like scammer.01) as the handle, or the link as a url",
    )


def bare_profile_handle(
    raw: str, *, host: str, path: str, query: str, country: str | None
) -> Canonical | None:
    """Return the handle a bare profile link names (``/NAME``, ``/@NAME``, ``?id=N``...).

    None for any other link (a post, a group, a page of the platform's own) and for a name
    the platform's handle pattern refuses: such a link is kept as a URL, not refused.
    """
    platform = platform_for_host(host)
    found = _from_path(platform, path, query, host) if platform is not None else None
    if platform is None or found is None or not found.bare:
        return None
    try:
        return _value(raw, platform, found.handle, country)
    except InvalidIdentifier:
        return None


def _labelled_link(raw: str, text: str, country: str | None) -> Canonical | None:
    """Read "Telegram: t.me/name" or "LINE line.me/ti/p/~id": a platform's name, then its link."""
    match = _LABELLED.fullmatch(text)
    named = find_platform(match[1]) if match else None
    if match is None or named is None:
        return None
    found = handle_from_link(raw, match[2], country)
    if found is not None and found.kind == "handle" and found.value.split(":")[0] != named.code:
        raise InvalidIdentifier(
            "handle", raw, f"{shown(raw)} names {named.label} but links to another platform"
        )
    return found


def _spaces(raw: str, handle: str, platform: Platform | None) -> InvalidIdentifier:
    """Say why a handle of several words is refused."""
    several = InvalidIdentifier(  # "Telegram: @one, @two"
        "handle", raw, f"{shown(raw)} holds more than one handle; enter each as its own identifier"
    )
    if sum(w.startswith("@") for w in handle.split()) > 1:
        return several
    words = re.sub(r"[.,]", "", handle).split()
    if platform is not None and all(w.isalpha() for w in words):
        # "Facebook: Juan Dela Cruz", "Dela Cruz, Juan": victims often know only the name the
        # profile shows, which thousands of accounts share; matched, it would join strangers'.
        return InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} has spaces; a handle is one word, and this looks like the name a "
            f"{platform.label} profile shows, which many accounts share: give the username or "
            "the profile link, and keep the name in the narrative",
        )
    if re.search("[,;]", raw):
        return several
    return InvalidIdentifier(
        "handle", raw, f"{shown(raw)} has spaces; a handle is one word, like telegram:@scammer_01"
    )


def _no_account(raw: str, platform: Platform) -> InvalidIdentifier:
    """Refuse "Telegram: unknown", "LINE: none": kept, it would link every report saying so.

    Links too (t.me/unknown), so that the canonical form is refused alike; as a url the link
    is kept, as other links whose name is no handle are.
    """
    return InvalidIdentifier(
        "handle",
        raw,
        f"{shown(raw)} says the {platform.label} account is unknown or gone; it names no "
        "account, and kept as one it would link every report that says so; leave the "
        "field empty and say so in the narrative (a real profile link of that name can be "
        "entered as a url)",
    )


def _value(raw: str, platform: Platform, handle: str, country: str | None) -> Canonical:
    handle = whole_wrapped(handle.strip()).lstrip("@").strip()
    personal = False
    if platform.code in _NO_FINAL_DOT:
        handle = handle.rstrip(".")  # "Instagram: scam_shop." ends the sentence, not the name
    if platform.code == "line":
        personal = handle.startswith("~")
        handle = handle.lstrip("~")
    if (
        (platform.phone_based or handle.startswith("+"))
        and _PHONEISH.fullmatch(handle)
        and len(re.sub(r"\D", "", handle)) <= _E164_DIGITS
    ):
        home = "VN" if platform.code == "zalo" else None
        return phone_either(raw, ascii_digits(handle), country or home, home)
    if placeholder(handle):
        raise _no_account(raw, platform)
    if " " in handle:
        raise _spaces(raw, handle, platform)
    if platform.code == "discord" and "#" in handle and _DISCRIMINATOR.fullmatch(handle):
        raise InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} is Discord's old name#1234 form, a name and a four-digit "
            "discriminator, which Discord retired in 2023 when every account chose a unique "
            "username; enter the account's username as Discord shows it now (2 to 32 letters, "
            "digits, underscores or dots, without #), or its profile link with the user ID, "
            "discord.com/users/ID",
        )
    if not re.fullmatch(platform.handle_pattern, handle):
        if platform.code == "telegram" and handle.isdigit():
            # "Telegram ID: 5123456789", as bots (@userinfobot) and some apps show an account:
            # its user ID, which a username never is; the reason said only what a username is.
            raise InvalidIdentifier(
                "handle",
                raw,
                f"{shown(raw)} is a number, so not a Telegram username: it is the account's "
                "user ID, as bots and some apps show it; enter the @username or the t.me link "
                "the profile shows, and keep the ID in the report's narrative",
            )
        article = "an" if platform.label[:1] in "AEIOU" else "a"
        raise InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} is not {article} {platform.label} account: {platform.handle_hint}",
        )
    if personal and not _LINE_PERSONAL_MIN <= len(handle) <= _LINE_PERSONAL_MAX:
        # "~" marks a person's LINE ID (line.me/ti/p/~id), which LINE keeps to 4-20
        # characters; the pattern is an official account's 40, since both are line:id.
        raise InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} is not a LINE account: a person's LINE ID (after ~) is 4 to 20 "
            "letters, digits, dots, hyphens or underscores; check it was copied whole",
        )
    value = handle if platform.case_sensitive else handle.lower()
    return Canonical("handle", f"{platform.code}:{value}", None)


def _defanged(text: str) -> bool:
    """Tell cheaply whether ``text`` may be defanged (hxxp, [.], (.), {.}, " . ")."""
    return not _DEFANG_MARKS.isdisjoint(text) or text[1:3].lower() in ("xx", "**")


def _known() -> str:
    return ", ".join(p.code for p in platforms())


def _platform(raw: str, name: str) -> Platform:
    found = find_platform(name)
    if found is None:
        raise InvalidIdentifier(
            "handle", raw, f"{name!r} is not a known platform; use one of {_known()}"
        )
    return found


def _joined_names(words: list[str]) -> list[str]:
    """Return ``words`` with two that name a platform together as one: "Tik Tok", "Kakao Talk".

    Read one by one, "Tik Tok: @name" named no platform, and "Telegram Messenger" two.
    """
    out: list[str] = []
    at = 0
    while at < len(words):
        pair = " ".join(words[at : at + 2])
        if at + 1 < len(words) and not words[at].startswith("@") and find_platform(pair):
            out.append(pair)
            at += 2
        else:
            out.append(words[at])
            at += 1
    return out


def _no_profile_link(raw: str, text: str) -> InvalidIdentifier:
    """Refuse a link that names no account; on a known platform's host, say so.

    "is not a profile link of a known platform (..., zalo, ...)" for zalo.me/g/... read as
    though Zalo were not known: the link is Zalo's, but a group's, which names no one.
    """
    link = text.rpartition(" ")[2]  # "TikTok: https://vt.tiktok.com/...": the link's host
    try:
        link = link if "://" in link else "https://" + link.lstrip("/")
        host = (urlsplit(refang(link)).hostname or "").lower()
    except ValueError:
        host = ""
    platform = platform_for_host(host) if host else None
    if platform is not None and _LINE_TICKET.search(link):
        why = (
            "is a LINE link by its invitation code (line.me/ti/p/CODE, as LINE's share and QR "
            "code give a profile), which opens the account but is not its LINE ID; enter it as "
            "a url, and the LINE ID too if the report gives it (line.me/ti/p/~ID)"
        )
    elif platform is not None:
        article = "an" if platform.label[0] in "AEIOU" else "a"
        why = (
            f"is {article} {platform.label} link, but not a profile link: as written it names no "
            "account (a group, an invitation, a post, a short link or one of the platform's own "
            "pages names none); enter it as a url"
        )
    else:
        why = f"is not a profile link of a known platform ({_known()}); enter it as a url"
    return InvalidIdentifier("handle", raw, f"{shown(raw)} {why}")


def canonicalize_handle(raw: str, country: str | None, qualifier: str | None) -> Canonical:
    """Canonicalise a handle given as ``platform:handle``, a profile link or text."""
    text = clean("handle", raw)
    region = check_country("handle", raw, country)
    wanted = _platform(raw, qualifier) if qualifier and qualifier.strip() else None
    labelled = _SAID.fullmatch(text)
    said = find_platform(labelled[1]) if labelled else None
    if labelled and said and placeholder(labelled[2]):
        raise _no_account(raw, said)  # "Facebook: N/A", which the link road would misread
    # NAME.t.me is a link without a slash, as Telegram shows a username's subdomain link.
    if "/" in text or text[-5:].lower() == ".t.me" or phone_in_link(text) is not None:
        # A link pasted from a sentence: "(https://facebook.com/name)", "... t.me/name.", and
        # a note in words after it: "Telegram: t.me/name (admin)".
        text = unwrap(without_note(text))
        found = handle_from_link(raw, text, region) or _labelled_link(raw, text, region)
        if found is None and _defanged(text) and (fanged := refang(text)) != text:
            # "hxxps://t[.]me/name", defanged in a threat report: refanged only when read
            # as written fails, so that the links people paste pay nothing for it.
            found = handle_from_link(raw, fanged, region) or _labelled_link(raw, fanged, region)
        if found is None and re.search(r"\s[/|]\s", text):
            raise InvalidIdentifier(
                "handle",
                raw,
                f"{shown(raw)} holds more than one identifier; enter each as its own identifier",
            )
        if found is None:
            raise _no_profile_link(raw, text)
        return found
    noted = without_note(text)
    if noted != text and re.search(r"[\s:]", noted):
        text = noted  # "Instagram @name (private)"; not "Telegram (name)", where it is the name
    prefix = _PREFIX.fullmatch(text)
    named = find_platform(prefix[1]) if prefix else None
    if prefix and named:
        handle = prefix[2]
    else:
        # A word of punctuation alone separates, as in "Telegram - @name" or "LINE | abc".
        words = _joined_names(
            [w for w in re.split(r"[\s()\[\],:]+", text) if any(ch.isalnum() for ch in w)]
        )
        # A word starting with "@" is the handle even when it spells a platform name.
        names = [None if w.startswith("@") else find_platform(w) for w in words]
        platforms_named = [p for p in names if p is not None]
        rest = [w for w, p in zip(words, names, strict=True) if p is None]
        rest = [w for w in rest if w.lower() not in _FILLER]
        # "Facebook Messenger: name" names one platform twice.
        one = len({p.code for p in platforms_named}) == 1
        named = platforms_named[0] if one and rest else None
        if named is None:
            rest = [text]
        elif len(rest) > 1 and _PHONEISH.fullmatch(" ".join(rest)):
            rest = [" ".join(rest)]  # "WhatsApp +60 12-345 6789"
        if len(rest) > 1 and named is not None and placeholder(" ".join(rest)):
            raise _no_account(raw, named)  # "Telegram: deleted account"
        if len(rest) != 1:
            raise _spaces(raw, " ".join(rest), named)
        handle = rest[0]
    if wanted and named and wanted != named:
        raise InvalidIdentifier(
            "handle", raw, f"{shown(raw)} is a {named.label} handle but {wanted.label} was given"
        )
    platform = wanted or named
    word = prefix[1] if prefix else ""
    if platform is None and word.isalpha() and word.lower() not in _FILLER | _LABELS:
        # "Skype: live:name", "Threads: @name": a platform named, but not one in the reference.
        raise InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} names {word!r}, which is not a platform in the reference list "
            f"({_known()}); keep the account in the narrative, or ask the secretariat to add "
            "the platform to platforms.yaml",
        )
    if platform is None:
        raise InvalidIdentifier(
            "handle",
            raw,
            f"{shown(raw)} does not say which platform it is on; write it like "
            f"telegram:@name or give the platform ({_known()})",
        )
    return _value(raw, platform, handle, region)
