"""Recognise phone numbers hidden in links: tel:, wa.me, WhatsApp, Viber, Signal and Zalo."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_ZALO_DIGITS = 12  # 84 and 10 digits at most
_NUMBER = re.compile(r"\+?[\d\s\-.()]{3,30}", re.ASCII)


def _split(text: str) -> tuple[str, str, str, str, str]:
    """Return (scheme, host, path, query, fragment) of a link with or without a scheme."""
    link = text if _SCHEME.match(text) and "://" in text else "http://" + text.lstrip("/")
    parts = urlsplit(link)
    host = (parts.hostname or "").lower()
    return parts.scheme.lower(), host, parts.path, parts.query, parts.fragment


def phone_in_link(text: str) -> tuple[str, str | None] | None:
    """Return (number, region hint) when ``text`` is a link that carries a phone number."""
    lowered = text.lower()
    for prefix in ("tel:", "sms:", "callto:"):
        if lowered.startswith(prefix):
            found, *extras = unquote(text[len(prefix) :]).split("?")[0].split(";")
            return _in_context(found.lstrip("/"), extras), None
    if "." not in text and "://" not in text:
        return None
    try:
        scheme, host, path, query, fragment = _split(text)
    except ValueError:
        return None
    number: str | None = None
    # The query is parsed only for the links that carry the number there: most links do not.
    if scheme in ("whatsapp", "viber"):
        params = parse_qs(query)
        number = (params.get("phone") or params.get("number") or [""])[0]
    elif host.removeprefix("www.") == "wa.me":
        number = path.strip("/").split("/")[0]
        number = f"+{number}" if (number.isascii() and number.isdigit()) else number
    elif host.endswith("whatsapp.com") and path.rstrip("/") in ("/send", ""):
        number = (parse_qs(query).get("phone") or [""])[0]
    elif host in ("t.me", "telegram.me") and path.startswith("/+"):
        # t.me/+60123456789 opens a chat by phone number; t.me/+AbC... is a group invite.
        number = path.strip("/").split("/")[0]
        if not number[1:].isdigit():
            return None
    elif host.removeprefix("www.") == "signal.me" and fragment.startswith("p/"):
        # signal.me/#p/+66812345678 opens a chat by number; the number is in the fragment,
        # which a URL drops, so as a URL every such link was the same front page.
        number = fragment[2:]
    elif host in ("zalo.me", "chat.zalo.me"):
        number = path.strip("/").split("/")[0]
        digits = number.removeprefix("+")  # zalo.me/+84..., as wa.me/+60... is written
        # Longer digit strings are official-account IDs, not numbers.
        if digits.isascii() and digits.isdigit() and len(digits) <= _ZALO_DIGITS:
            # Zalo links carry Vietnamese numbers written nationally (0912...) or with 84.
            return number, "VN"
        return None
    if not number:
        return None
    number = unquote(number).strip()
    # WhatsApp and Viber numbers are always international; the "+" is often dropped.
    if (number.isascii() and number.isdigit()) and scheme in ("whatsapp", "viber", "http", "https"):
        number = "+" + number
    return (number, None) if _NUMBER.fullmatch(number) else None


# signal.me/#eu/...: a Signal username link. The app writes it sealed (the username encrypted,
# 64 base64url characters), which names one account but not its name; people and reports
# write the username itself there too (signal.me/#eu/scammer.01). #u/ is the older form.
_SIGNAL_USERNAME = re.compile(r"e?u/([^/?#\s]+)/?")


def signal_username_link(text: str) -> str | None:
    """Return what a signal.me username link holds after ``#eu/``: a username or the sealed
    form of one; None for any other text."""
    if "signal.me" not in text.lower():
        return None
    try:
        _, host, path, _, fragment = _split(text)
    except ValueError:
        return None
    found = _SIGNAL_USERNAME.fullmatch(fragment)
    if host.removeprefix("www.") != "signal.me" or path.strip("/") or found is None:
        return None
    return unquote(found[1])


def _in_context(number: str, params: list[str]) -> str:
    """Return a tel: URI's local number with its ``phone-context`` (RFC 3966, section 5.1.5).

    A context of global digits ("+60") is the number's prefix: the local number
    ("012-345-6789") is read after it, its trunk 0 then dropped as for any "+" number. A
    domain context names no country and is ignored.
    """
    if number.lstrip().startswith("+"):
        return number
    for param in params:
        name, _, context = param.partition("=")
        if name.strip().lower() == "phone-context" and context.strip().startswith("+"):
            return context.strip() + " " + number
    return number
