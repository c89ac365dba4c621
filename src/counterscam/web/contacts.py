"""An agency's contact route as links: e-mail addresses, phone numbers and https addresses.

An agency's contact is free text its administrators typed ("liaison@nsrc.gov.my", "+60 3-2266
2222 (24 h)", "https://..."). A reader who must ask for a hidden report should reach the
holder in one click, so the parts of the text that are an address become links; the rest stays
text. Only three link forms are ever made, ``mailto:``, ``tel:`` and ``https:``, each built
from characters the pattern allows, so a contact holding ``javascript:`` or markup cannot turn
into a link that runs anything: it is shown escaped, as typed.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from counterscam.web.value_breaks import breakable

_EMAIL = r"(?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})"
# Stops before quotes and angle brackets, which never belong to a typed address.
_URL = r"(?P<url>https://[^\s<>\"'`]+)"
# International (+60 3-2266 2222) or national with its trunk 0 (03-2266 2222, (03) 2266 2222),
# groups apart by a space or a hyphen. A bare run of digits (a case number, the 1441 hotline)
# and office hours (09.00-17.00) are not taken for a phone number, nor digits inside a word,
# an address or a path.
_PHONE = (
    r"(?<![\w+@./:=?&#-])"
    r"(?P<phone>(?:\+[0-9]+|\(0[0-9]*\)|0[0-9]*)(?:[ -]?(?:\([0-9]+\)|[0-9]+))*)"
)
_PARTS = re.compile(f"{_URL}|{_EMAIL}|{_PHONE}")
# A sentence's full stop or a closing bracket after an address is not part of it.
_TRAILING = ".,;:!?)]}"
_PHONE_DIGITS = range(7, 16)  # E.164 allows 15; fewer than 7 is a short code or a number
# An agency's code quoted in the text ("the secretariat, quoting agency PH-PNP-ACG") broke at
# its hyphens on a phone: such a run of capitals and digits is kept on one line.
_CODE = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+(?![\w-])")


def _href(kind: str, text: str) -> str | None:
    """Return the link of one matched part, or None when it is no usable address."""
    if kind == "email":
        return f"mailto:{text}"
    if kind == "url":
        parts = urlsplit(text)
        return text if parts.scheme == "https" and parts.hostname else None
    digits = re.sub(r"\D", "", text)
    if len(digits) not in _PHONE_DIGITS:
        return None
    return f"tel:{'+' if text.startswith('+') else ''}{digits}"


def _text(text: str) -> str:
    """Return plain text of a contact escaped, the agency codes it quotes kept whole."""
    out: list[str] = []
    done = 0
    for found in _CODE.finditer(text):
        out.append(str(escape(text[done : found.start()])))
        out.append(f'<span class="agency-code">{escape(found.group())}</span>')
        done = found.end()
    out.append(str(escape(text[done:])))
    return "".join(out)


def contact_links(contact: str | None) -> Markup:
    """Return ``contact`` as HTML, escaped, with its addresses and numbers as links."""
    text = contact or ""
    out: list[str] = []
    done = 0
    for found in _PARTS.finditer(text):
        kind = found.lastgroup or ""
        part = found.group().rstrip(_TRAILING) if kind != "phone" else found.group()
        href = _href(kind, part)
        if href is None:
            continue
        start = found.start()
        out.append(_text(text[done:start]))
        # An address ends a line after its separators ("siber@polri.example." / "id"), not
        # after whichever letter fills the holders' narrow column ("siber@polri.examp" / "le.id").
        shown = escape(part) if kind == "phone" else breakable(part)
        out.append(f'<a href="{escape(href)}">{shown}</a>')
        done = start + len(part)
    out.append(_text(text[done:]))
    return Markup("".join(out))
