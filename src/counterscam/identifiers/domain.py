"""Domains: lower-case, refanged, punycode, no trailing dot; the host is kept as given."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from counterscam.identifiers._host import ascii_host, domain_record
from counterscam.identifiers._markup import linked
from counterscam.identifiers._redirect import wrapped_link
from counterscam.identifiers._text import browser_scheme, clean, refang, spelled_dots
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unwrap import unwrap, without_note
from counterscam.identifiers.ip import ip_record, link_host_ip, parse_ip

# A label before a pasted domain: "Domain: evil.com", "Website evil.com", "Link: ...", "Tên
# miền: ...", "โดเมน: ..." (Thai): with a colon, or a space before the one name that follows.
_LABEL = re.compile(
    r"^(?:domain(?:\s*name)?|website|web\s*site|site|web|situs(?:\s*web)?|laman(?:\s*web)?"
    r"|trang\s*web|url|link|tên\s*miền|โดเมน|เว็บไซต์|เว็บ)"
    r"(?:\s*[:：]\s*|\s+(?=\S+$))",
    re.I,
)

_SEVERAL = re.compile(r"\s*[,;|]\s*|\s+(?:and|or|dan|atau|và|hoặc|และ|หรือ)\s+|\s+", re.I)
# A host with the port a link gave it ("evil.com:8080", as analysts' logs write it).
_WITH_PORT = re.compile(r"[^\s/@:\[\]]+:\d{1,5}")


def canonicalize_domain(raw: str) -> Canonical:
    """Canonicalise a domain; a pasted URL is reduced to its host, an IP becomes ``ip``."""
    # What a sentence puts around a name, "(evil.com)", "evil.com,", goes as around a link.
    text = unwrap(spelled_dots(refang(linked(raw, _LABEL.sub("", clean("domain", raw)), "domain"))))
    text = browser_scheme(text).replace("\\", "/")  # evil.com\login: a slash to a browser
    if " " in text:
        text = without_note(text)  # "evil.com (fake bank)", as a link's note is dropped
    if text[:1] in ("*", "."):
        # "*.evil.com" (a blocklist's or a certificate's wildcard) and ".evil.com" (a cookie's
        # domain) mean evil.com and every name under it: the domain evil.com.
        text = text.removeprefix("*").removeprefix(".")
    pasted_link = "/" in text
    if (
        "/" in text
        or "@" in text
        or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", text)
        or _WITH_PORT.fullmatch(text)
    ):
        try:
            parts = urlsplit(text if "://" in text else "http://" + text.lstrip("/"))
            text = parts.hostname or ""
        except ValueError as exc:
            raise InvalidIdentifier(
                "domain", raw, f"{shown(raw)} is not a domain name, like example.com"
            ) from exc
        wrapped = wrapped_link(text, parts.path or "/", parts.query)
        if wrapped is not None:
            try:
                # The site a Facebook or Google redirect link leads to, not the platform's.
                return canonicalize_domain(wrapped)
            except InvalidIdentifier:
                pass  # a wrapper around no readable link is the platform's host, as written
    if " " in text:
        if sum("." in part for part in _SEVERAL.split(text)) > 1:
            raise InvalidIdentifier(
                "domain",
                raw,
                f"{shown(raw)} holds more than one domain name; enter each as its own identifier",
            )
        raise InvalidIdentifier(
            "domain", raw, f"{shown(raw)} has spaces; a domain name has none, like example.com"
        )
    try:
        # A pasted link's host is the address the browser visits (http://3232235777/ too).
        ip_value = link_host_ip(text) if pasted_link else parse_ip(text)
    except ValueError as exc:
        raise InvalidIdentifier("domain", raw, f"{shown(raw)} {exc}") from exc
    if ip_value is not None:
        return ip_record(ip_value)
    return domain_record(ascii_host("domain", text, raw))
