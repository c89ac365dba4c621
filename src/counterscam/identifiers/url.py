"""URLs: refanged, scheme and host lower-cased, punycode hosts, default ports dropped."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote, unquote, urlsplit

from counterscam.identifiers._browser_ipv4 import browser_ipv4
from counterscam.identifiers._host import ascii_host, registered_record
from counterscam.identifiers._links import phone_in_link, signal_username_link
from counterscam.identifiers._markup import linked
from counterscam.identifiers._redirect import wrapped_link
from counterscam.identifiers._text import browser_scheme, clean, refang, spelled_dots
from counterscam.identifiers._tracking import without_tracking
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unwrap import unwrap, without_note
from counterscam.identifiers.handle import (
    bare_profile_handle,
    handle_from_link,
    names_only_the_platform,
    phone_from_link,
)
from counterscam.identifiers.ip import ip_record, parse_ip
from counterscam.reference import is_shared_platform_domain

_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")
_OTHER_SCHEME = re.compile(
    r"(javascript|data|file|blob|vbscript|about|chrome|intent|market|itms-services|ws|wss):", re.I
)
# The app stores' own links, which a fake app's ad or a scammer's message opens in the store
# app: market://details?id=PKG is the Play Store page of PKG, itms-apps://apps.apple.com/...
# the App Store page. Read as those pages, a victim who copied the web page and one who copied
# the app link name one app (they were refused as "the scheme 'market'").
_STORE_LINK = re.compile(r"(?:market://(details\?)|itms-apps?s?://)(?=\S)", re.I)
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
_APP_SCHEMES = frozenset({"tg", "fb", "instagram", "twitter"})
# The Telegram app's link to a group's invitation: tg://join?invite=HASH opens what
# t.me/+HASH (and the older t.me/joinchat/HASH) opens. It was refused for its scheme.
_INVITES = ("https://t.me/+", "https://t.me/joinchat/")
_TG_JOIN = re.compile(r"tg://join\?invite=([\w-]+)", re.I)
_LINKISH = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w-]+(?:\.[\w-]+)+/\S*", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}
# A second link after a comma or semicolon ("https://a.com/x,https://b.com/y", a list pasted
# from a spreadsheet cell): kept whole, it was one URL with a comma in its path.
_GLUED = re.compile(r"[,;]\s*(?:https?|ftp)://", re.I)
# A link an app shows cut short ("https://evil.com/verify/ab…", as Facebook, X and e-mail
# previews show a long one, and as a screenshot's OCR reads it): NFKC turns "…" into "...",
# which was then taken for the sentence's full stops and dropped, leaving a page that is none.
_CUT_SHORT = re.compile(r"[^\s…]…[\"'”’»)\]>*`]*\s*$")
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters kept literally in path and query; anything else (non-ASCII, quotes, braces)
# is percent-encoded so the canonical form is plain ASCII.
_SAFE = "/:@!$&'()*+,;=-._~?%[]"


def _normalise_escapes(text: str) -> str:
    """Decode escapes of unreserved characters and upper-case the hex of the others."""

    def fix(match: re.Match[str]) -> str:
        char = chr(int(match[1], 16))
        return char if char in _UNRESERVED else "%" + match[1].upper()

    quoted = quote(text, safe=_SAFE)
    return _ESCAPE.sub(fix, re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", quoted))


# A label before a pasted link: "URL: https://...", "Link: hxxps://...", "ลิงก์: ..." (Thai),
# "Tautan:" (Indonesian), "Pautan:" (Malay), "Đường dẫn:" (Vietnamese); "Web:", "Situs:"
# (Indonesian), "Laman web:" (Malay), "Trang web:" (Vietnamese), "เว็บ:" (Thai). With a colon
# (never a scheme's "://"), or a space before a link that starts with its scheme ("ลิงก์ https://...").
_LABEL = re.compile(
    r"^(?:url|link|website|web\s*site|site|web|situs(?:\s*web)?|laman(?:\s*web)?|trang\s*web"
    r"|tautan|pautan|ลิงก์|ลิงค์|เว็บไซต์|เว็บ|liên\s*kết|đường\s*dẫn)(?:\s*[:：]\s*(?!//)|\s+(?=h(?:tt|xx)ps?(?::|\[:)))",
    re.I,
)


def _without_dot_segments(path: str) -> str:
    """Resolve ``.`` and ``..`` segments as a browser does (RFC 3986, 5.2.4).

    ``/a/../login`` and ``/./login`` open ``/login``: one page, so one identifier.
    """
    if "." not in path:
        return path
    segments = path.split("/")
    out: list[str] = []
    last = len(segments) - 1
    for i, segment in enumerate(segments):
        if segment in (".", ".."):
            if segment == ".." and len(out) > 1:
                out.pop()
            if i == last:
                out.append("")  # "/a/b/.." is the folder "/a/", not the page "/a"
            continue
        out.append(segment)
    return "/".join(out) or "/"


def _fail(raw: str, why: str) -> InvalidIdentifier:
    return InvalidIdentifier("url", raw, f"{shown(raw)} {why}")


def canonicalize_url(raw: str, country: str | None) -> Canonical:
    """Canonicalise a URL; WhatsApp links become phones, a bare profile link its handle."""
    if isinstance(raw, str) and "…" in raw and _CUT_SHORT.search(raw):
        raise _fail(
            raw,
            "ends in …, as an app or a page shows a link it has cut short, so the rest of the "
            "address is missing; copy the whole link (open it, or copy its address)",
        )
    text = unwrap(spelled_dots(refang(linked(raw, _LABEL.sub("", clean("url", raw)), "url"))))
    lowered = text.lower()
    if lowered.startswith("mailto:"):
        from counterscam.identifiers.email import canonicalize_email

        return canonicalize_email(text[7:].split("?")[0])
    link = phone_in_link(text)
    if link is not None:
        return phone_from_link(raw, link, country)
    username = signal_username_link(text)
    if username is not None:
        return _signal_username_url(raw, text, username, country)
    text = browser_scheme(text)
    if ("," in text or ";" in text) and _GLUED.search(text):
        raise _fail(raw, "holds more than one web address; enter each as its own identifier")
    if " " in text:
        text = without_note(text)
    if " " in text:
        # Read as written alone, so that a WhatsApp link among words is its phone too.
        return canonicalize_url(_link_among_words(raw, text), country)
    store = _STORE_LINK.match(text)
    if store is not None:
        page = "https://play.google.com/store/apps/" if store[1] else "https://"
        text = page + text[len(store[0]) - len(store[1] or "") :]
    other = _OTHER_SCHEME.match(text)
    if other:
        raise _fail(
            raw, f"has the scheme {other[1].lower()!r}; enter a web address (http or https)"
        )
    scheme_match = _SCHEME.match(text)
    if scheme_match is None and "\\" in text:
        # A backslash before the query is a slash to a browser too (evil.com\login).
        head, mark, query_part = text.partition("?")
        text = head.replace("\\", "/") + mark + query_part
    as_link = scheme_match is not None or "/" in text
    if scheme_match is None:
        # Browsers hide the scheme of what they show, and nearly every scam site is served
        # over https: a link copied from the address bar is that site's https:// link.
        text = "https://" + text.removeprefix("//")
    scheme = (scheme_match[1] if scheme_match else "https").lower()
    if scheme == "line" and scheme_match is not None:
        # The LINE app's own link (line://ti/p/~id, line://ti/g/...) opens what the same path
        # on line.me opens: read as that page, both writings give one URL.
        text, scheme = "https://line.me/" + text[scheme_match.end() :].lstrip("/"), "https"
    elif scheme in _APP_SCHEMES:
        # tg://resolve?domain=name is the Telegram app's t.me/name, which is a handle here;
        # fb://profile/N, instagram://user?username=NAME the apps' own profile links.
        found = handle_from_link(raw, text, country)
        if found is not None:
            return found
        invite = _TG_JOIN.match(text) if scheme == "tg" else None
        if invite is not None:
            text, scheme = f"https://t.me/+{invite[1]}", "https"
    if scheme not in _DEFAULT_PORTS:
        raise _fail(raw, f"has the scheme {scheme!r}; enter a web address (http or https)")
    try:
        parts = urlsplit(text)
        hostname = parts.hostname or ""
    except ValueError as exc:
        raise _fail(raw, "is not a web address (its host cannot be read)") from exc
    port = _port(raw, parts.netloc)
    if hostname == "web.telegram.org" and parts.fragment:
        # Telegram Web names the chat after "#", which a URL drops: every such link was the
        # same https://web.telegram.org/k/, linking unrelated reports.
        try:
            found = handle_from_link(raw, text, country)
        except InvalidIdentifier as exc:
            raise InvalidIdentifier("url", raw, exc.reason) from None
        if found is not None:
            return found
    if not hostname:
        raise _fail(raw, "has no host name; enter it like https://example.com/page")
    if scheme_match is None and port == _DEFAULT_PORTS["http"]:
        # A host written with :80 is a plain-http site: read as https, the port stayed in the
        # value and it never met the same site written http://.
        scheme = "http"
    if "%" in hostname:
        hostname = _decoded_host(raw, hostname)
    ip_value = _ip_host(raw, hostname, as_link=as_link)
    if ip_value is not None:
        host = f"[{ip_value}]" if ":" in ip_value else ip_value
        related: tuple[Canonical, ...] = (ip_record(ip_value),)
        shared = False
    else:
        host = ascii_host("url", hostname, raw)
        related = (registered_record(host),)
        shared = is_shared_platform_domain(host)
    wrapped = wrapped_link(host, parts.path or "/", parts.query) if ip_value is None else None
    if wrapped is not None:
        try:
            return canonicalize_url(wrapped, country)
        except InvalidIdentifier:
            pass  # a wrapper around no readable link is kept as the link it is
    netloc = host if port is None or port == _DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _without_dot_segments(_normalise_escapes(parts.path) or "/")
    query = without_tracking(_normalise_escapes(parts.query), platform=shared)
    if shared and names_only_the_platform(host, path, query):
        path, query = "/", ""  # the platform's front page, which links nothing (link/conditions)
    profile = (
        bare_profile_handle(raw, host=host, path=path, query=query, country=country)
        if netloc == host
        else None
    )
    if profile is not None:
        # The same profile is written with www., m., web. or another of the platform's hosts,
        # and as a handle: read as the handle, every writing is one identifier.
        return profile
    # Punctuation or an unopened bracket ending the text is the sentence's, not the address's
    # (unwrap): it must not end the canonical form either, where a dropped fragment
    # ("/a.#top", "/a)#top") left it last, or the form would not read back as itself.
    joined = f"{scheme}://{netloc}{path}" + (f"?{query}" if query else "")
    value = unwrap(joined)
    # Written without a scheme (nor the port 443 or 80 naming one), the link may be the
    # http:// site too, as earlier versions read it: a check answers for both (variants).
    unsure = scheme_match is None and port != _DEFAULT_PORTS["https"]
    if value != joined:
        # Read again without it: "facebook.com/name:" ending a sentence is the profile "name",
        # which the colon hid from the profile reading above, so the URL it left did not read
        # back as itself (it read as the handle).
        again = canonicalize_url(value, country)
        return _with_http_variant(again) if unsure else again
    # A page on a private address (a router's http://192.168.1.1/) is on no one's site.
    local = ip_value is not None and related[0].shared_platform
    found = Canonical("url", value, None, related, shared or local)
    if value.startswith(_INVITES):
        # t.me/+HASH and the older t.me/joinchat/HASH open one invitation: each is kept as
        # written (reports stored them so), and a check answers for both.
        found = replace(found, variants=(_other_invite(value),))
    return _with_http_variant(found) if unsure else found


def _link_among_words(raw: str, text: str) -> str:
    """Return the one link in ``text`` whose other words are of another script; refuse others.

    "https://evil.com/x นะคะ", "คลิก https://evil.com/x", "https://evil.com/x ạ": a Thai or
    Vietnamese word of the message, pasted with the link. A chat app's link ends at the space,
    so the link the victim opened is the one word; words in Latin letters may be the link's
    own, cut by a space, and are refused as before.
    """
    parts = text.split(" ")
    links = [part for part in parts if _LINKISH.match(part)]
    if len(links) > 1:
        raise _fail(raw, "holds more than one web address; enter each as its own identifier")
    if len(links) == 1 and not any(_ASCII_WORD.search(p) for p in parts if p is not links[0]):
        return links[0]
    raise _fail(raw, "has spaces; a web address has none (check it was copied whole)")


def _other_invite(value: str) -> str:
    """Return a Telegram invitation link in its other writing (t.me/+HASH, t.me/joinchat/HASH)."""
    new, old = _INVITES
    if value.startswith(new):
        return old + value.removeprefix(new)
    return new + value.removeprefix(old)


def _with_http_variant(canon: Canonical) -> Canonical:
    """Return an https URL with its http:// form as a variant; anything else as it is."""
    if canon.kind != "url" or not canon.value.startswith("https://"):
        return canon
    http = "http://" + canon.value.removeprefix("https://")
    return replace(canon, variants=(*canon.variants, http))


def _signal_username_url(raw: str, text: str, username: str, country: str | None) -> Canonical:
    """Return the handle a signal.me/#eu/ link names, or the link with its fragment.

    The account is in the fragment, which other links drop: without it every username link
    was the same ``https://signal.me/``. A sealed link (the app's) is kept whole: it names one
    account, though not its name.
    """
    try:
        found = handle_from_link(raw, text, country)
    except InvalidIdentifier:
        found = None
    if found is not None:
        return found
    value = "https://signal.me/#eu/" + quote(username, safe="-_=")
    return Canonical("url", value, None, (registered_record("signal.me"),), True)


def _port(raw: str, netloc: str) -> int | None:
    """Return the port written after the host, None when there is none; refuse one that no
    server can listen on (0, above 65535) or that is not a number, saying which."""
    after_host = netloc.rpartition("@")[2].rpartition("]")[2]
    written = after_host.partition(":")[2]
    if not written:
        return None  # "evil.com:" is the default port to a browser
    if not (written.isascii() and written.isdigit()):
        raise _fail(
            raw,
            f"has {shown(written, 20)} where the port goes (after the host and a colon); a port "
            "is a number from 1 to 65535: check it was copied whole",
        )
    port = int(written)
    if not 1 <= port <= 65535:
        # Port 0 means "any port" to the system, and none above 65535 exists: a browser
        # cannot open either, so it is a copying error, not an address to match.
        raise _fail(
            raw,
            f"has the port {written}, and a port is a number from 1 to 65535, so no browser "
            "can open it: check it was copied whole",
        )
    return port


def _decoded_host(raw: str, hostname: str) -> str:
    """Percent-decode a host as browsers do before reading it (the WHATWG URL standard):
    phishing links hide a host so (``http://%6d%61ybank2u.com.my/``, ``http://%31%39%32...``).
    """
    try:
        decoded = unquote(hostname, errors="strict").lower()
    except UnicodeDecodeError:
        raise _fail(raw, "has percent escapes in its host that are not UTF-8 text") from None
    if not decoded or any(ch in decoded for ch in "%/?#@:\\ "):
        raise _fail(raw, f"has a host that decodes to {decoded!r}, which no browser can visit")
    return decoded


def _ip_host(raw: str, hostname: str, *, as_link: bool) -> str | None:
    """Return the IP address a browser visits for ``hostname``; None for a host name."""
    try:
        read = browser_ipv4(hostname)
        if read is None:
            return parse_ip(hostname)
    except ValueError as exc:
        raise _fail(raw, str(exc)) from exc
    if not read.plain and not as_link:
        # Without a scheme or a path, a number alone is as likely a phone or account number.
        raise _fail(
            raw,
            f"is not a web address as written; it looks like the IP address {read.address} "
            f"{read.form}; write http://{read.address}/ if that is what was meant",
        )
    return read.address
