"""Remove what a sentence or a mail puts around a pasted link: <...>, quotes, a full stop."""

from __future__ import annotations

import re

_PAIRS = {"<": ">", "(": ")", "[": "]", "{": "}", '"': '"', "'": "'", "“": "”", "‘": "’"}
_TRAILING = ".,;:!?"


def unwrap(text: str) -> str:
    """Remove what a sentence or a mail put around a link: <...>, quotes, brackets, a full stop.

    Closing brackets stay when the link opened them (wiki/Foo_(bar)), as link detectors do.
    """
    while text:
        first, last = text[0], text[-1]
        if len(text) > 1 and _PAIRS.get(first) == last:
            text = text[1:-1].strip()
        elif last in _TRAILING or (
            last in ")]}>\"'”’" and text.count(last) > text.count(_opening(last))
        ):
            text = text[:-1].rstrip()
        else:
            return text
    return text


def _opening(closing: str) -> str:
    return next((o for o, c in _PAIRS.items() if c == closing), closing)


# Brackets and quotes a sentence puts around a whole value: "(203.0.113.5)", "<MAYBANK>",
# “997”. Full-width forms are ASCII by now (NFKC); the CJK corner and lenticular ones are not.
_WRAPPERS = {"(": ")", "[": "]", "<": ">", "{": "}", "【": "】", "「": "」", "《": "》"}
_QUOTES = {'"': '"', "“": "”", "‘": "’", "«": "»"}
_AFTER = ".,;:"
# Telegram's monospace (`x`, ```x```) and WhatsApp's and Markdown's bold (*x*, **x**), copied
# with a message: they wrap a value as quotes do, and no identifier starts and ends with one.
_MARKS = frozenset("`*")


def whole_wrapped(text: str) -> str:
    """Return ``text`` without brackets or quotes that wrap all of it, as copied from a
    sentence ("(203.0.113.5).", "<MAYBANK>"); a bracket of the value's own stays: in
    "(+60) 12-345 6789" and "(03) 1234 (5678)" the first bracket closes before the end."""
    while len(text) > 2:
        closing = _WRAPPERS.get(text[0]) or _QUOTES.get(text[0])
        if closing is None:  # nearly every value: told by its first character
            if text[0] in _MARKS and text[-1] == text[0]:
                inner = text.strip(text[0]).strip()
                if inner and text[0] not in inner:
                    text = inner
                    continue
            return text
        if text[0] == "<" and "|" in text:
            return text  # <https://x/y|Login> is a Slack link whose target is read (_markup)
        end = len(text) - 1 if text[-1] in _AFTER and len(text) > 3 else len(text)
        inner = text[1 : end - 1]
        if text[end - 1] != closing or not _balanced(inner, text[0], closing):
            return text
        text = inner.strip()
    return text


def _balanced(inner: str, opening: str, closing: str) -> bool:
    """Tell whether ``inner`` closes no bracket it did not open (and holds no lone quote)."""
    if opening == closing or opening in _QUOTES:
        return opening not in inner and closing not in inner
    depth = 0
    for ch in inner:
        depth += (ch == opening) - (ch == closing)
        if depth < 0:
            return False
    return depth == 0


# Words in brackets after a value and a space, as analysts note what it is: "https://bit.ly/x
# (shortened)", "Instagram @name (private)", Thai "(ลิงก์ปลอม)". Words only: a bracket holding
# "@", a dot, a slash or a digit may be the value itself ("Telegram (@name)").
_NOTE = re.compile(r"(?P<value>.*\S)\s+\((?=[^()]*[^\W\d_])[^()\d/.:@#_]+\)[.,;]?")


def without_note(text: str) -> str:
    """Return ``text`` without a note in brackets after it and a space, if it has one."""
    if not text.endswith((")", ").", "),", ");")):
        return text
    noted = _NOTE.fullmatch(text)
    return noted["value"] if noted else text
