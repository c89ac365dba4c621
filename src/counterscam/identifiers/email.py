"""E-mail addresses: trimmed, refanged, validated, lower-cased, punycode domain."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

from counterscam.identifiers._host import (
    ascii_host,
    nearest_host,
    registered_record,
    unknown_ending,
)
from counterscam.identifiers._markup import linked
from counterscam.identifiers._text import clean, refang
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers.ip import parse_ip

# "@" and "." spelt out, also as the region says them: Vietnamese "a còng" or "a móc" and
# "chấm", Thai "แอท" and "ดอท" (written without spaces around them, as Thai is), Malay and
# Indonesian "titik", Filipino "tuldok". Only "@" and "." are spelt: "คอม" is the Thai
# top-level domain .คอม, not a spelling of .com.
_WORDS_AT = re.compile(r"\s+(?:at|a\s+c[òo]ng|a\s+m[óo]c)\s+|\s*แอท\s*", re.I)
_WORDS_DOT = re.compile(r"\s+(?:dot|ch[ấa]m|titik|tuldok)\s+|\s*ดอท\s*", re.I)
_SEVERAL = re.compile(r"[;,\s]+")
_HIDDEN_AT = re.compile(r"&#0*64;|&#x0*40;|&commat;|%40", re.I)

# A local part in quotes that needs none: a dot-atom (RFC 5322), as a mail client may copy it.
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_QUOTED_ATOM = re.compile(f'"{_ATOM}(?:\\.{_ATOM})*"')
# The name may be an address itself ("alert@bank.com <scam@evil.com>", the spoofer's trick,
# or the sender's own address again): the mail comes from the one in angle brackets.
_DISPLAY_NAME = re.compile(r"[^<>]*<\s*([^<>\s]+@[^<>\s]+)\s*>")
# The older header form puts the name after, in brackets: "john@example.com (John Doe)".
_NAME_AFTER = re.compile(r"([^\s()<>\"]+@[^\s()<>]+)\s*\([^()@]*\)")
# Spaces left around "@" and "." by defanging such as "john [at] example [dot] com".
_SPACED = re.compile(r"\s*([@.])\s*")
# A label before the address: "Email: ...", "E-mail address: ...", "อีเมล: ..." (Thai), or
# the word alone before one address ("Email scam@evil.com"): a colon, which no address holds
# before its "@" unquoted, or a space, which no address holds at all.
# Malay "e-mel", Indonesian "surel" and "alamat email", Vietnamese "thư điện tử", and the word
# in Thai, Burmese, Khmer and Lao script label an address as "E-mail:" does.
# A mail header's name before the address ("Reply-To: x@evil.com", as copied from a message's
# headers) is a label too, but only with its colon: "to" or "from" alone are words of a sentence.
_LABEL = re.compile(
    r"^(?:(?:(?:alamat\s+)?(?:e-?mail|e-?mel)(?:\s*address)?|mail|surel|th[ưu]\s+đi[ệe]n\s+t[ửu]"
    r"|อีเมล|อีเมล์|အီးမေးလ်|អ៊ីមែល|ອີເມວ|ອີເມລ)(?:\s*[:：]\s*|\s+(?=[^\s@]+@\S+$))"
    r"|(?:from|to|cc|bcc|reply-to|sender|return-path|delivered-to|envelope-from)\s*:\s*)",
    re.I,
)
_PAIRS = {'"': '"', "'": "'", "“": "”", "‘": "’", "«": "»", "(": ")", "[": "]", "{": "}"}
_TRAILING = ".,;:!?"


def spelled_address(text: str) -> bool:
    """Tell whether ``text`` spells out both "@" and "." in words, in any of the region's."""
    return _WORDS_AT.search(text) is not None and _WORDS_DOT.search(text) is not None


def _unwrap(text: str) -> str:
    """Remove the quotes, brackets and full stop a sentence put around an address."""
    while len(text) > 1:
        if _PAIRS.get(text[0]) == text[-1]:
            text = text[1:-1].strip()
        elif text[-1] in _TRAILING:
            text = text[:-1].rstrip()
        else:
            break
    return text


def canonicalize_email(raw: str) -> Canonical:
    """Canonicalise an e-mail address; the related domain is its registered domain."""
    # A mailto link pasted as markup ("[scam@evil.com](mailto:scam@evil.com)", an HTML anchor)
    # is the address it opens; it was "more than one @".
    text = linked(raw, clean("email", raw), "email")
    text = _unwrap(refang(_LABEL.sub("", text), at_sign=True))
    if text.lstrip("<")[:7].lower() == "mailto:":
        # A mailto link's "?subject=...&body=..." is the message, not the address.
        text = text.strip("<>")[7:].partition("?")[0].strip()
    named = _DISPLAY_NAME.fullmatch(text) or _NAME_AFTER.fullmatch(text)
    if named:
        text = named[1]  # "John Doe <john@example.com>", as mail headers write it
    text = _SPACED.sub(r"\1", text.strip("<>").strip())
    if "@" not in text:
        # "name at example dot com", as written to dodge address harvesters; "name&#64;..."
        # as a web page hides it from them, and "name%40..." as a link's query carries it.
        text = _WORDS_AT.sub("@", _HIDDEN_AT.sub("@", text))
    if " " in text or not text.isascii():
        # "name@example chấm com": the dot spelt out after a written "@" too; Thai "ดอท"
        # has no spaces around it.
        text = _WORDS_DOT.sub(".", text)
    if "@" not in text:
        raise InvalidIdentifier(
            "email", raw, f"{shown(raw)} has no @; enter it like name@example.com"
        )
    if len([part for part in _SEVERAL.split(text) if "@" in part]) > 1:
        raise InvalidIdentifier(
            "email",
            raw,
            f"{shown(raw)} holds more than one e-mail address; enter each as its own identifier",
        )
    local, _, domain = text.rpartition("@")
    if "@" in local and not local.startswith('"'):
        # "scam@@gmail.com": email-validator said "the part after the @-sign contains invalid
        # characters: '@'", which did not say where the slip was.
        raise InvalidIdentifier(
            "email",
            raw,
            f"{shown(raw)} has more than one @; an address has one, between the name and the "
            "domain, like name@example.com; check which the report means",
        )
    if _QUOTED_ATOM.fullmatch(local):
        # '"scam"@evil.com' is scam@evil.com (RFC 5322: the quotes add nothing to a plain
        # name); email-validator refused it with "quoting ... is not allowed here".
        local = local[1:-1]
    elif local.startswith('"') and local.endswith('"') and len(local) > 1:
        raise InvalidIdentifier(
            "email",
            raw,
            f"{shown(raw)} has a quoted name with spaces or symbols before the @, which no "
            "mail provider gives out; check the address with the report",
        )
    if domain.startswith("[") and domain.endswith("]"):
        _refuse_address_literal(raw, domain[1:-1])
    host = ascii_host("email", domain, raw)
    _refuse_unknown_ending(raw, local, host)
    try:
        result = validate_email(f"{local}@{host}", check_deliverability=False)
    except EmailNotValidError as exc:
        raise InvalidIdentifier("email", raw, f"{shown(raw)}: {exc}") from exc
    # Lower-cased whole: providers treat local parts case-insensitively in practice.
    value = f"{result.local_part.lower()}@{host}"
    return Canonical("email", value, None, (registered_record(host),))


def _refuse_unknown_ending(raw: str, local: str, host: str) -> None:
    """Refuse an address whose domain ends in no top-level domain: "john@gmail.con".

    No mail reaches it, so it is a slip of the writer's and would match no other report; it
    is not mended here (which ending was meant is the writer's to say), but the nearest
    common ending is named. A real look-alike domain ("gmial.com") is kept as written.
    """
    if not unknown_ending(host, sites=False):
        return
    ending = host.rpartition(".")[2]
    meant_host = nearest_host(host)
    meant = "check the address with the report"
    if meant_host is not None:
        meant = f"if {local.lower()}@{meant_host} is meant, enter it so"
    raise InvalidIdentifier(
        "email",
        raw,
        f"{shown(raw)} ends in .{ending}, which is no top-level domain, so no mail reaches "
        f"it; {meant}",
    )


def _refuse_address_literal(raw: str, inside: str) -> None:
    """Refuse "a@[192.168.1.1]", an address at a server's IP (RFC 5321's address literal).

    Read as a domain name it was "not a domain name", which said nothing of the IP. Mail
    providers take no such address, and e-mail addresses are kept at a domain; the IP is an
    identifier of its own.
    """
    try:
        ip = parse_ip(inside.removeprefix("IPv6:").removeprefix("ipv6:"))
    except ValueError:
        ip = None
    what = f"the IP address {ip}" if ip else f"[{inside}]"
    then = f"enter {ip} as kind ip" if ip else "enter the IP address as kind ip"
    raise InvalidIdentifier(
        "email",
        raw,
        f"{shown(raw)} is addressed to {what}, not to a domain name; e-mail addresses are "
        f"kept at a domain (like name@example.com): {then}, and keep the whole address in "
        "the report's narrative",
    )
