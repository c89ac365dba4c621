"""Clean raw input: unicode forms, native digits, invisible characters, defanging."""

from __future__ import annotations

import re
import unicodedata

from counterscam.identifiers._types import InvalidIdentifier, shown
from counterscam.identifiers._unwrap import whole_wrapped

MAX_LENGTH = 2048
_SPACES = re.compile(r"\s+")
# Spreadsheet ways of keeping a value as text: a leading apostrophe ('0812345678) and the
# formula ="0812345678" that CSV exports use to keep leading zeros. No identifier starts so.
_EXCEL_TEXT = re.compile(r"^'(?=\S)|^=\s*\"(.*)\"$", re.S)


def clean(kind: str, raw: object) -> str:
    """Return ``raw`` NFKC-normalised, without invisible characters, spaces collapsed."""
    if not isinstance(raw, str):
        raise InvalidIdentifier(kind, repr(raw), "enter the identifier as text")
    if len(raw) > MAX_LENGTH * 4:
        raise InvalidIdentifier(kind, raw[:80], f"is longer than {MAX_LENGTH} characters")
    if raw.isascii() and raw.isprintable():
        # What people type: NFKC leaves printable ASCII as it is, and its only space is " ".
        text = raw
    else:
        text = _without_marks(_visible(unicodedata.normalize("NFKC", raw)))
    text = whole_wrapped(spreadsheet_text(_SPACES.sub(" ", text).strip()))
    if not text:
        raise InvalidIdentifier(kind, raw, f"{shown(raw)} is empty; enter the identifier")
    if len(text) > MAX_LENGTH:
        raise InvalidIdentifier(
            kind,
            text[:80],
            f"{shown(text)} is longer than {MAX_LENGTH} characters; check it was copied alone",
        )
    return text


# Emoji, pictographs and arrows a chat puts before or after a value to point at it ("👉
# https://...", "📧 scam@evil.com", "203.0.113.5 ✅"); no identifier starts with one, and only
# one written apart ends a value: "https://evil.com/🎁" keeps its page.
_MARK = "\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff"
_MARKS_AROUND = re.compile(f"^[{_MARK}]+ *|(?<= )[{_MARK}]+$")


def _without_marks(text: str) -> str:
    return _MARKS_AROUND.sub("", text.strip())


def spreadsheet_text(text: str) -> str:
    """Return ``text`` without the apostrophe or ="..." a spreadsheet used to keep it as text."""
    if text[:1] not in ("'", "="):
        return text
    if len(text) > 2 and text[0] == text[-1] == "'":
        # 'https://evil.com/x' is a value quoted in a sentence or a script, not a spreadsheet's
        # apostrophe: without the first quote only, the last stayed in the value.
        return text[1:-1].strip()
    return _EXCEL_TEXT.sub(lambda m: m[1] or "", text).strip()


def _visible(text: str) -> str:
    """Return ``text`` with every space as " " and without control or format characters."""
    # Control and format characters (zero-width spaces, direction marks, BOM) come from
    # copy-paste and are never part of an identifier.
    return "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn")
    )


# Hyphen, non-breaking hyphen, figure dash, en and em dash, bar, minus, small and full-width
# hyphen-minus: word processors turn "012-345" into these, and NFKC keeps most of them.
# Middle dots (Latin, hyphenation point, bullet operator, katakana) group digits too:
# "081·234·5678", as Chinese and Japanese input methods type a dot. Not the bullet "•", which
# hides digits ("08123••••78").
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
    | dict.fromkeys("\u00b7\u2027\u2219\u30fb", ".")
)


def fold_dashes(text: str) -> str:
    """Return ``text`` with every kind of dash written as "-" and every middle dot as "."
    (for numbers, not for links)."""
    return text if text.isascii() else text.translate(_DASHES)


# Burmese writers often type the letter wa "ဝ" for the digit zero "၀", which looks the same
# (၀၉ ၄၂၅ ဝ၁၂ ၃၄၅). Next to a digit it can only be a zero: no Burmese word puts it there.
_WA_AS_ZERO = re.compile(r"(?<=\d)\u101d+|\u101d+(?=\d)")


def ascii_digits(text: str) -> str:
    """Return ``text`` with every decimal digit (Thai, Arabic, Khmer, Lao, Myanmar...) in ASCII."""
    if text.isascii():
        return text
    if "\u101d" in text:
        text = _WA_AS_ZERO.sub(lambda m: "0" * len(m[0]), text)
    out = []
    for ch in text:
        value = unicodedata.decimal(ch, None) if not ch.isascii() else None
        out.append(str(value) if value is not None else ch)
    return "".join(out)


# A bracketed dot takes the spaces around it: "evil [.] com" is written to be read "evil.com".
_DOT = (
    r"(?:\s*(?:\[\s*(?:\.|dot)\s*\]|\(\s*(?:\.|dot)\s*\)|\{\s*(?:\.|dot)\s*\})\s*"
    r"|\s+\.\s*|\s*\.\s+)"
)
_REFANG = (
    (re.compile(r"^h(?:xx|XX|\*\*|tt|xt|tx)p(s?)(?=\s*(?:\[|\(|:))", re.I), r"http\1"),
    (re.compile(r"\[\s*://\s*\]|\[\s*:\s*\]\s*//|\(\s*:\s*\)\s*//"), "://"),
    (re.compile(r"\[\s*:\s*\]|\(\s*:\s*\)"), ":"),
    (re.compile(r"\[\s*/\s*\]"), "/"),
    (re.compile(_DOT, re.I), "."),
)
_AT = re.compile(r"\[\s*(?:@|at)\s*\]|\(\s*(?:@|at)\s*\)|\{\s*(?:@|at)\s*\}", re.I)


# "www,scam.com": a comma typed for the dot after www, which no host name can hold.
_WWW_COMMA = re.compile(r"(^|//)(www),(?=[\w-])", re.I)


def refang(text: str, *, at_sign: bool = False) -> str:
    """Undo the usual defanging: hxxp, [.], (.), {.}, [dot], [:], [://] and, for e-mail, [at]."""
    if "\u3002" in text:
        # Chinese and Japanese input methods type the ideographic full stop for a dot
        # ("scam。com"); NFKC makes the full-width "．" a dot, but keeps "。" and turns the
        # half-width "｡" into it.
        text = text.replace("\u3002", ".")
    if "," in text:
        text = _WWW_COMMA.sub(r"\1\2.", text)
    for pattern, replacement in _REFANG:
        text = pattern.sub(replacement, text)
    if at_sign:
        text = _AT.sub("@", text)
    return text.strip()


_WORD_DOT = re.compile(r"\s+dot\s+", re.I)
_HOST_PART = re.compile(r"((?:[a-z][a-z0-9+.-]*://)?)([^/?#]*)(.*)", re.I | re.S)


def spelled_dots(text: str) -> str:
    """Return "evil dot com/x" as "evil.com/x" when that leaves no space: a host spelt out so
    that it does not turn into a link. Words around it ("see evil dot com") and a path's words
    stay, and are refused as spaces."""
    if " " not in text:
        return text
    parts = _HOST_PART.fullmatch(text)
    if parts is None:
        return text
    joined = parts[1] + _WORD_DOT.sub(".", parts[2]) + parts[3]
    return text if " " in joined else joined


# A scheme as browsers forgive it (WHATWG URL parsing of special schemes): "https:/x.com",
# "https///x.com", "HTTP//x.com", "https:\\x.com", "https:x.com", and so does a phishing
# victim; and its typos, which name no other scheme: "htps://", "htttp://", "ttps://" (cut, or
# written so in Japan to stop a link opening), "https;//" (the key beside the colon),
# "http//:", "https:// x.com" (a space the message wrapped in).
_LOOSE_SCHEME = re.compile(
    r"(?:(h{0,2}t{1,3}p{1,2}(s{0,2})|ftp)\s?(?::{1,2}\s?[/\\](?:\s?[/\\]){0,2}|;\s?[/\\]{1,3}"
    r"|[/\\]{2}:?)|(http(s?)):(?=[^\W\d_]))\s?(?=[^/\\\s])",
    re.I,
)


def browser_scheme(text: str) -> str:
    """Return ``text`` with the scheme a browser or a reader would see written ``scheme://``
    and backslashes before the query as slashes (``https:\\x.com\\login``); as it is when
    it starts with no such scheme or the address after it has a space."""
    loose = _LOOSE_SCHEME.match(text)
    if loose is None:
        return text
    rest = text[loose.end() :]
    if " " in rest:
        return text  # words after the address: the reader says so, or drops a note
    if loose[3]:
        scheme = "https" if loose[4] else "http"
    else:
        scheme = "ftp" if loose[1].lower() == "ftp" else "https" if loose[2] else "http"
    head, mark, query = rest.partition("?")
    return f"{scheme}://{head.replace(chr(92), '/')}{mark}{query}"


# A list's numbering before a value ("1) 012-345 6789", "2. GCash 0917...", "(1) ..."): one or
# two digits not starting with 0 (an area code in brackets does: "(02) 123 4567"), then a
# space; none is needed after a lone ")", which no number or name has. Also "#1 " and "No. 1: ",
# as lists copied from chats and forms number their lines.
_LIST_NUMBER = re.compile(
    r"(?:\([1-9]\d?\)\s+|[1-9]\d?\)\s*|[1-9]\d?\.\s+|#[1-9]\d?\s+"
    r"|[Nn][Oo]\.?\s*[1-9]\d?\s*[:.)]?\s+)",
    re.ASCII,
)


def list_numbering(text: str) -> int:
    """Return the length of a list's numbering at the start of ``text`` (0 when none)."""
    if not text or text[0] not in "(123456789#Nn":
        return 0
    found = _LIST_NUMBER.match(text)
    return 0 if found is None else found.end()
